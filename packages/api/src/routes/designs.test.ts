import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUp, submission, submit, validDesk } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let keys: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  server = await startTestServer();
  keys = await setUp(server);
});
afterAll(() => server.close());

/** A 1x1 PNG. */
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

describe("submitting designs", () => {
  it("validates a design with the engine and stores it with its price, lead time and bill of materials", async () => {
    const response = await server.call("POST", "/api/designs", {
      body: submission({ thumbnail: PNG, creatorName: "Ada" }),
    });
    expect(response.status).toBe(201);
    const { design, creatorToken } = response.body;
    expect(creatorToken).toMatch(/^ct_/);
    expect(design).toMatchObject({
      pack: "test/desk",
      packVersion: "1.0.0",
      status: "submitted",
      price: 200 + 100 + 30 + 15 + 35 + 5,
      currency: "EUR",
      leadTime: 10,
      creator: { name: "Ada" },
    });
    expect(design.thumbnail).toBe(`/api/designs/${design.id}/thumbnail`);
    const stored = await server.call("GET", `/api/designs/${design.id}`);
    expect(stored.body).toEqual(design);
    const image = await fetch(`${server.url}${design.thumbnail}`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const bill = await server.call("GET", `/api/designs/${design.id}/bom`);
    expect(bill.body.lines).toEqual([
      { sku: "TOP-oak-80", label: "TOP-oak-80", quantity: 1 },
      { sku: "DRW-large", label: "DRW-large", quantity: 1 },
      { sku: "HANDLE-bar", label: "HANDLE-bar", quantity: 2 },
    ]);
    const csv = await server.call("GET", `/api/designs/${design.id}/bom?format=csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.text).toBe(
      "sku,label,quantity\nTOP-oak-80,TOP-oak-80,1\nDRW-large,DRW-large,1\nHANDLE-bar,HANDLE-bar,2\n",
    );
  });

  it("never trusts the client: an invalid design gets 422 with the rules it breaks and the choices in conflict", async () => {
    const response = await server.call("POST", "/api/designs", {
      body: submission({ choices: { ...validDesk, top: "glass", "drawers.1.handle": "bar" } }),
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("invalid_design");
    const { problems, conflict } = response.body.error.details;
    expect(problems.flatMap((p: { constraint?: string }) => p.constraint ?? []).sort()).toEqual([
      "drawers.glass-no-bar",
      "glass-lamp",
    ]);
    expect(problems).toContainEqual({
      code: "not-applicable",
      variable: "engraving",
      message: "Engraving (engraving) does not apply to this design",
    });
    expect(conflict.choices.length).toBeGreaterThan(0);
    expect(conflict.constraints.length).toBeGreaterThan(0);
    const unknown = await server.call("POST", "/api/designs", {
      body: submission({ choices: { ...validDesk, top: "marble" } }),
    });
    expect(unknown.body.error.details.problems[0]).toMatchObject({ code: "unknown-value", variable: "top" });
  });

  it("rejects unknown fields, bad values and missing packs", async () => {
    const extra = await server.call("POST", "/api/designs", { body: { ...submission(), price: 1 } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/price/);
    expect((await server.call("POST", "/api/designs", { body: submission({ fit: 11 }) })).status).toBe(400);
    expect((await server.call("POST", "/api/designs", { body: submission({ licence: "MIT" }) })).status).toBe(400);
    expect((await server.call("POST", "/api/designs", { body: submission({ pack: "test/none" }) })).status).toBe(404);
    expect((await server.call("POST", "/api/designs", { token: keys.teamKey, body: submission() })).status).toBe(403);
  });

  it("checks thumbnails: size limit and real image bytes", async () => {
    const fake = `data:image/png;base64,${Buffer.from("not an image at all").toString("base64")}`;
    expect((await server.call("POST", "/api/designs", { body: submission({ thumbnail: fake }) })).status).toBe(400);
    const large = `data:image/png;base64,${Buffer.alloc(300 * 1024).toString("base64")}`;
    expect((await server.call("POST", "/api/designs", { body: submission({ thumbnail: large }) })).status).toBe(400);
    const bigPng = Buffer.concat([Buffer.from(PNG.split(",")[1]!, "base64"), Buffer.alloc(270 * 1024)]);
    const tooLarge = await server.call("POST", "/api/designs", {
      body: submission({ thumbnail: `data:image/png;base64,${bigPng.toString("base64")}` }),
    });
    expect(tooLarge.status).toBe(413);
  });

  it("replays a retried submission with the same Idempotency-Key instead of storing it twice", async () => {
    const headers = { "idempotency-key": "retry-0001-abcdef" };
    const first = await server.call("POST", "/api/designs", { body: submission({ title: "Once" }), headers });
    const second = await server.call("POST", "/api/designs", { body: submission({ title: "Once" }), headers });
    expect(second.body).toEqual(first.body);
    const mine = await server.call("GET", `/api/designs?creator=${first.body.design.creator.id}`);
    expect(mine.body.designs).toHaveLength(1);
    const different = await server.call("POST", "/api/designs", { body: submission({ title: "Twice" }), headers });
    expect(different.status).toBe(422);
    expect(different.body.error.code).toBe("idempotency_key_reused");
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        server.call("POST", "/api/designs", {
          body: submission({ title: "Race" }),
          headers: { "idempotency-key": "race-0001-abcdef" },
        }),
      ),
    );
    expect(new Set(racing.map((r) => r.body.design.id)).size).toBe(1);
  });

  it("keeps a creator's designs together under one token", async () => {
    const first = await submit(server, { creatorName: "Grace" });
    const second = await server.call("POST", "/api/designs", {
      token: first.token,
      body: submission({ title: "Second" }),
    });
    expect(second.body.creatorToken).toBeUndefined();
    expect(second.body.design.creator).toEqual(first.design.creator);
  });
});

describe("finding designs", () => {
  it("pages through designs with cursors, newest first, without gaps or repeats", async () => {
    const { token } = await submit(server, { title: "Page 1" });
    for (let i = 2; i <= 5; i++) await submit(server, { title: `Page ${i}` }, token);
    const creator = (await server.call("GET", `/api/designs?limit=1`)).body.designs[0].creator.id;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { designs: { title: string }[]; next: string | null } } = await server.call(
        "GET",
        `/api/designs?creator=${creator}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.body.designs.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.designs.map((d) => d.title));
      cursor = page.body.next;
    } while (cursor !== null);
    expect(seen).toEqual(["Page 5", "Page 4", "Page 3", "Page 2", "Page 1"]);
  });

  it("sorts by top and trending, filters by pack and status, and caps page size", async () => {
    const top = await server.call("GET", "/api/designs?sort=top&limit=3");
    expect(top.status).toBe(200);
    const trending = await server.call("GET", "/api/designs?sort=trending&limit=2");
    expect(trending.body.designs).toHaveLength(2);
    const next = await server.call("GET", `/api/designs?sort=trending&limit=2&cursor=${trending.body.next}`);
    expect(next.body.designs.map((d: { id: string }) => d.id)).not.toContain(trending.body.designs[0].id);
    expect((await server.call("GET", "/api/designs?pack=test/other")).body.designs).toEqual([]);
    expect((await server.call("GET", "/api/designs?status=shortlisted")).body.designs).toEqual([]);
    expect((await server.call("GET", "/api/designs?limit=500")).status).toBe(400);
    expect((await server.call("GET", "/api/designs?status=withdrawn")).status).toBe(403);
    expect((await server.call("GET", "/api/designs?status=withdrawn", { token: keys.teamKey })).status).toBe(200);
    expect((await server.call("GET", "/api/designs?cursor=garbage")).status).toBe(400);
    expect((await server.call("GET", `/api/designs?sort=top&cursor=${trending.body.next}`)).status).toBe(400);
  });
});

describe("remixes, edits and withdrawal", () => {
  it("links a remix to its parent and shows the lineage both ways", async () => {
    const parent = await submit(server, { title: "Original" });
    const child = await submit(server, { title: "Remix", parent: parent.design.id });
    const grandchild = await submit(server, { title: "Remix of remix", parent: child.design.id });
    expect((await server.call("GET", `/api/designs/${parent.design.id}`)).body.remixes).toBe(1);
    const lineage = await server.call("GET", `/api/designs/${grandchild.design.id}/lineage`);
    expect(lineage.body.ancestors.map((d: { title: string }) => d.title)).toEqual(["Remix", "Original"]);
    const down = await server.call("GET", `/api/designs/${parent.design.id}/lineage`);
    expect(down.body.remixes.map((d: { title: string; depth: number }) => [d.title, d.depth])).toEqual([
      ["Remix", 1],
      ["Remix of remix", 2],
    ]);
    expect((await server.call("POST", "/api/designs", { body: submission({ parent: "d_missing00" }) })).status).toBe(
      422,
    );
  });

  it("lets only the creator edit or withdraw a design, and hides withdrawn designs from others", async () => {
    const mine = await submit(server, { title: "Mine" });
    const theirs = await submit(server, { title: "Theirs" });
    const path = `/api/designs/${mine.design.id}`;
    expect((await server.call("PATCH", path, { body: { title: "x" } })).status).toBe(401);
    expect((await server.call("PATCH", path, { token: theirs.token, body: { title: "x" } })).status).toBe(403);
    expect((await server.call("PATCH", path, { token: mine.token, body: { choices: {} } })).status).toBe(400);
    expect((await server.call("PATCH", path, { token: mine.token, body: { title: "Renamed" } })).body.title).toBe(
      "Renamed",
    );
    expect((await server.call("DELETE", path, { token: theirs.token })).status).toBe(403);
    expect((await server.call("DELETE", path, { token: mine.token })).body.status).toBe("withdrawn");
    expect((await server.call("DELETE", path, { token: mine.token })).status).toBe(409);
    expect((await server.call("GET", path)).status).toBe(404);
    expect((await server.call("GET", path, { token: mine.token })).body.status).toBe("withdrawn");
    expect((await server.call("GET", path, { token: keys.teamKey })).status).toBe(200);
    const listed = await server.call("GET", `/api/designs?creator=${mine.design.creator.id}`);
    expect(listed.body.designs).toEqual([]);
  });
});

describe("limits", () => {
  it("refuses bodies over 1 MiB and rate-limits each token and address", async () => {
    const huge = await server.call("POST", "/api/designs", { body: submission({ story: "x".repeat(1_100_000) }) });
    expect(huge.status).toBe(413);
    const limited = await startTestServer({ KITBASH_RATE_LIMIT: "3", KITBASH_RATE_LIMIT_ADDRESS: "5" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await limited.call("GET", "/api/packs", { token: limited.adminKey })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await limited.call("GET", "/api/packs");
      expect(other.status).toBe(200);
      const more = await limited.call("GET", "/api/packs");
      expect(more.status).toBe(429);
      expect(more.body.error.code).toBe("rate_limited");
    } finally {
      await limited.close();
    }
  });
});
