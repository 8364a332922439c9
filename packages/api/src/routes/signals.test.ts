import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signals } from "../db/schema.ts";
import { setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await setUp(server);
});
afterAll(() => server.close());

const blocked = (overrides: Record<string, unknown> = {}) => ({
  kind: "blocked",
  pack: "test/desk",
  version: "1.0.0",
  wanted: "lamp",
  blockedBy: ["top=glass"],
  constraints: ["glass-lamp"],
  session: "s-1",
  ...overrides,
});
const wish = (text: string) => ({ kind: "wish", pack: "test/desk", version: "1.0.0", text });

async function stored(id: number) {
  const [row] = await server.services.db.select().from(signals).where(eq(signals.id, id));
  return row;
}

async function count() {
  return (await server.services.db.select({ id: signals.id }).from(signals)).length;
}

describe("sending a signal", () => {
  it("records a blocked choice, anonymously, in the engine's spelling", async () => {
    const response = await server.call("POST", "/api/signals", {
      body: blocked({ wanted: " lamp ", blockedBy: ["top=glass", "drawers.1.handle=bar"] }),
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(Number) });
    expect(await stored(response.body.id)).toMatchObject({
      packId: "test/desk",
      packVersion: "1.0.0",
      kind: "blocked",
      wanted: "lamp",
      blockedBy: ["top=glass", "drawers.1.handle=bar"],
      constraints: ["glass-lamp"],
      session: "s-1",
      text: null,
    });
  });

  it("records a wish with its keywords, also from a creator", async () => {
    const { token } = await submit(server);
    const response = await server.call("POST", "/api/signals", {
      token,
      body: wish("I would love a walnut top with deeper drawers!"),
    });
    expect(response.status).toBe(202);
    expect(await stored(response.body.id)).toMatchObject({
      kind: "wish",
      text: "I would love a walnut top with deeper drawers!",
      terms: ["walnut", "top", "deeper", "drawer"],
      wanted: null,
      session: null,
    });
  });

  it("names the choice that is not one of the pack's", async () => {
    const before = await count();
    const value = await server.call("POST", "/api/signals", { body: blocked({ wanted: "top=walnut" }) });
    expect(value.status).toBe(422);
    expect(value.body.error.code).toBe("invalid_signal");
    expect(value.body.error.message).toMatch(/^wanted: .*top has no value "walnut"/);
    expect(value.body.error.details).toEqual([{ path: ["wanted"], message: expect.stringContaining("walnut") }]);

    const variable = await server.call("POST", "/api/signals", {
      body: blocked({ blockedBy: ["top=oak", "colour=red"] }),
    });
    expect(variable.status).toBe(422);
    expect(variable.body.error.details[0].path).toEqual(["blockedBy", "1"]);
    expect(variable.body.error.message).toMatch(/no variable "colour"/);

    const two = await server.call("POST", "/api/signals", { body: blocked({ wanted: "lamp top=oak" }) });
    expect(two.status).toBe(422);
    expect(two.body.error.message).toMatch(/exactly one choice/);
    expect(await count()).toBe(before);
  });

  it("names the rule the pack does not have", async () => {
    const response = await server.call("POST", "/api/signals", {
      body: blocked({ constraints: ["glass-lamp", "oiled-wood-only"] }),
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].path).toEqual(["constraints", "1"]);
    expect(response.body.error.message).toMatch(/has no rule "oiled-wood-only"/);
    // Module rules carry their module's prefix, as the engine names them.
    const moduleRule = await server.call("POST", "/api/signals", {
      body: blocked({ wanted: "drawers.1.handle=bar", constraints: ["drawers.glass-no-bar"] }),
    });
    expect(moduleRule.status).toBe(202);
  });

  it("checks the shape strictly and the pack version exists", async () => {
    const extra = await server.call("POST", "/api/signals", { body: { ...blocked(), ip: "1.2.3.4" } });
    expect(extra.status).toBe(400);
    const noConstraints = await server.call("POST", "/api/signals", { body: { ...blocked(), constraints: undefined } });
    expect(noConstraints.status).toBe(400);
    expect((await server.call("POST", "/api/signals", { body: wish("") })).status).toBe(400);
    expect((await server.call("POST", "/api/signals", { body: wish("x".repeat(2001)) })).status).toBe(400);
    expect((await server.call("POST", "/api/signals", { body: wish("x".repeat(2000)) })).status).toBe(202);
    expect((await server.call("POST", "/api/signals", { body: { ...wish("hi"), kind: "idea" } })).status).toBe(400);
    const version = await server.call("POST", "/api/signals", { body: blocked({ version: "9.9.9" }) });
    expect(version.status).toBe(404);
    expect(version.body.error.message).toMatch(/test\/desk 9\.9\.9/);
  });
});

describe("sending buffered signals", () => {
  it("records a batch in order", async () => {
    const response = await server.call("POST", "/api/signals/batch", {
      body: {
        signals: [
          blocked(),
          wish("A standing desk"),
          blocked({ wanted: "height=90", blockedBy: ["top=steel"], constraints: ["steel-height"] }),
        ],
      },
    });
    expect(response.status).toBe(202);
    expect(response.body.ids).toHaveLength(3);
    const rows = await Promise.all(response.body.ids.map(stored));
    expect(rows.map((r) => r?.kind)).toEqual(["blocked", "wish", "blocked"]);
    expect(rows[2]?.wanted).toBe("height=90");
  });

  it("refuses more than 100 signals with 413, and stores nothing", async () => {
    const before = await count();
    const at100 = await server.call("POST", "/api/signals/batch", { body: { signals: Array(100).fill(wish("more")) } });
    expect(at100.status).toBe(202);
    const response = await server.call("POST", "/api/signals/batch", {
      body: { signals: Array(101).fill(wish("more")) },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("too_large");
    expect(await count()).toBe(before + 100);
  });

  it("rejects the whole batch when one signal is invalid, naming its index", async () => {
    const before = await count();
    const response = await server.call("POST", "/api/signals/batch", {
      body: { signals: [blocked(), blocked({ wanted: "top=walnut" })] },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].path).toEqual(["signals", "1", "wanted"]);
    expect(await count()).toBe(before);
    const empty = await server.call("POST", "/api/signals/batch", { body: { signals: [] } });
    expect(empty.status).toBe(400);
  });
});
