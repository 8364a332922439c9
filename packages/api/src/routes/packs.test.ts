import { compilePack, createSpace, loadSpace, packSchema, SPACE_FORMAT } from "@kitbash/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PackRegistry } from "../packs/registry.ts";
import { deskPack, setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let keys: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  server = await startTestServer();
  keys = await setUp(server);
});
afterAll(() => server.close());

const nextVersion = (version: string) => ({ ...deskPack, version });

describe("packs", () => {
  it("lists packs with their versions, newest first", async () => {
    await server.call("POST", "/api/packs", { token: keys.partnerKey, body: nextVersion("1.10.0") });
    await server.call("POST", "/api/packs", { token: keys.partnerKey, body: nextVersion("1.2.0") });
    const { status, body } = await server.call("GET", "/api/packs");
    expect(status).toBe(200);
    const desk = body.packs.find((p: { id: string }) => p.id === "test/desk");
    expect(desk.versions).toEqual(["1.10.0", "1.2.0", "1.0.0"]);
    expect(desk.version).toBe("1.10.0");
    expect(desk.name).toEqual({ en: "Desk", de: "Schreibtisch" });
  });

  it("serves the newest version or a given one, exactly as published", async () => {
    expect((await server.call("GET", "/api/packs/test/desk")).body.version).toBe("1.10.0");
    const v1 = await server.call("GET", "/api/packs/test/desk/versions/1.0.0");
    expect(v1.body).toEqual(deskPack);
    expect((await server.call("GET", "/api/packs/test/nothing")).status).toBe(404);
    expect((await server.call("GET", "/api/packs/test/desk/versions/9.9.9")).status).toBe(404);
    expect((await server.call("GET", "/api/packs/test/desk/versions/latest")).status).toBe(400);
  });

  it("bundles a pack with the versions of the packs it extends", async () => {
    const extension = {
      kitbash: 1,
      id: "test/desk-extras",
      version: "1.0.0",
      name: "Extras",
      extends: { pack: "test/desk", version: "^1.0.0" },
      variables: [{ id: "mat", type: "boolean", label: "Mat" }],
    };
    expect((await server.call("POST", "/api/packs", { token: keys.partnerKey, body: extension })).status).toBe(201);
    const { body } = await server.call("GET", "/api/packs/test/desk-extras/bundle");
    expect(body.pack).toEqual(extension);
    expect(body.bases.map((b: { version: string }) => b.version).sort()).toEqual(["1.0.0", "1.10.0", "1.2.0"]);
    expect((await server.call("GET", "/api/packs/test/desk/bundle?version=1.0.0")).body.bases).toEqual([]);
  });

  it("serves a version's compiled space, which loads into a space that answers like a local compile", async () => {
    const response = await fetch(`${server.url}/api/packs/test/desk/space?version=1.0.0`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("cache-control")).toContain("immutable");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const compiled = compilePack(packSchema.parse(deskPack));
    if (!compiled.ok) throw new Error("desk");
    const loaded = loadSpace(bytes, compiled.compiled.model);
    expect(loaded).toBeDefined();
    expect(loaded!.space.evaluate([]).count).toBe(createSpace(compiled.compiled.model).space.evaluate([]).count);
    expect((await server.call("GET", "/api/packs/test/desk/space?version=9.0.0")).status).toBe(404);
    expect((await server.call("GET", "/api/packs/test/desk/space")).status).toBe(400);
  });

  it("says in /healthz once every pack's space is compiled", async () => {
    await server.warmed;
    expect((await server.call("GET", "/healthz")).body).toMatchObject({ ok: true, packsWarm: true });
    const registry = new PackRegistry(server.services.db);
    expect(registry.warmed).toBe(false);
    await registry.warm();
    expect(registry.warmed).toBe(true);
  });

  it("serves a compiled space only in the byte layout the client names", async () => {
    const path = "/api/packs/test/desk/space?version=1.0.0&format=";
    expect((await fetch(`${server.url}${path}${SPACE_FORMAT}`)).status).toBe(200);
    const older = await server.call("GET", `${path}${SPACE_FORMAT - 1}`);
    expect(older.status).toBe(404);
    expect(older.body.error.message).toContain(`this server writes format ${SPACE_FORMAT}`);
  });

  it("lets only partners of the namespace (and the admin) publish", async () => {
    const body = nextVersion("2.0.0");
    expect((await server.call("POST", "/api/packs", { body })).status).toBe(401);
    expect((await server.call("POST", "/api/packs", { token: keys.teamKey, body })).status).toBe(403);
    const { token } = await submit(server);
    expect((await server.call("POST", "/api/packs", { token, body })).status).toBe(403);
    const other = await server.call("POST", "/api/keys", {
      token: server.adminKey,
      body: { role: "partner", namespace: "other", label: "Other" },
    });
    const refused = await server.call("POST", "/api/packs", { token: other.body.key, body });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('your key publishes in the namespace "other", not "test"');
    expect((await server.call("POST", "/api/packs", { token: keys.partnerKey, body })).status).toBe(201);
  });

  it("never changes a published version", async () => {
    const again = await server.call("POST", "/api/packs", {
      token: keys.partnerKey,
      body: { ...deskPack, name: "Changed" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("version_exists");
    expect((await server.call("GET", "/api/packs/test/desk/versions/1.0.0")).body.name).toEqual({
      en: "Desk",
      de: "Schreibtisch",
    });
  });

  it("checks a pack with the engine before keeping it", async () => {
    const broken = { ...nextVersion("3.0.0"), constraints: [{ id: "x", message: "m", rule: "top = marble" }] };
    const invalid = await server.call("POST", "/api/packs", { token: keys.partnerKey, body: broken });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0]).toMatchObject({
      code: "type",
      path: ["constraints", 0, "rule"],
      message: 'top has no option "marble" (its options: oak, glass, steel)',
    });
    const contradictory = {
      ...nextVersion("3.0.1"),
      constraints: [
        { id: "a", message: "m", rule: "lamp" },
        { id: "b", message: "m", rule: "not lamp" },
      ],
    };
    const contradiction = await server.call("POST", "/api/packs", { token: keys.partnerKey, body: contradictory });
    expect(contradiction.status).toBe(422);
    expect(contradiction.body.error.message).toBe("no design satisfies every constraint");
    const schema = await server.call("POST", "/api/packs", {
      token: keys.partnerKey,
      body: { ...nextVersion("3.0.2"), colour: "red" },
    });
    expect(schema.body.error.details[0]).toMatchObject({ path: ["colour"], message: 'unknown field "colour"' });
    expect((await server.call("GET", "/api/packs/test/desk/versions/3.0.0")).status).toBe(404);
  });

  it("refuses malformed and oversized bodies with the one error shape", async () => {
    const malformed = await server.call("POST", "/api/packs", { token: keys.partnerKey, body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { status: 400, code: "malformed", message: expect.any(String) } });
    const huge = { ...nextVersion("4.0.0"), description: "x".repeat(6 * 1024 * 1024) };
    const tooLarge = await server.call("POST", "/api/packs", { token: keys.partnerKey, body: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe("too_large");
  });
});

describe("keys", () => {
  it("are created, listed and revoked by the admin only", async () => {
    const body = { role: "team", label: "Insights" };
    expect((await server.call("POST", "/api/keys", { body })).status).toBe(401);
    expect((await server.call("POST", "/api/keys", { token: keys.teamKey, body })).status).toBe(403);
    expect((await server.call("GET", "/api/keys", { token: keys.partnerKey })).status).toBe(403);
    expect(
      (
        await server.call("POST", "/api/keys", {
          token: server.adminKey,
          body: { role: "partner", label: "No namespace" },
        })
      ).status,
    ).toBe(422);
    const created = await server.call("POST", "/api/keys", { token: server.adminKey, body });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^kb_/);
    const listed = await server.call("GET", "/api/keys", { token: server.adminKey });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(listed.body.keys.map((k: { id: string }) => k.id)).toContain(created.body.id);
    expect((await server.call("DELETE", `/api/keys/${created.body.id}`, { token: keys.teamKey })).status).toBe(403);
    expect((await server.call("DELETE", `/api/keys/${created.body.id}`, { token: server.adminKey })).body.revoked).toBe(
      true,
    );
  });

  it("rejects unknown tokens and malformed Authorization headers", async () => {
    expect((await server.call("GET", "/api/packs", { token: "kb_unknown" })).status).toBe(401);
    const malformed = await server.call("GET", "/api/packs", { headers: { authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error.message).toBe('the Authorization header must be "Bearer <token>"');
  });
});
