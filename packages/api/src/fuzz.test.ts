import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "./db/store.ts";
import { setUp, submission, submit } from "./testing/fixtures.ts";
import { startTestServer, type TestServer } from "./testing/server.ts";

let server: TestServer;
let designId: string;
let creatorToken: string;

beforeAll(async () => {
  server = await startTestServer({ KITBASH_RATE_LIMIT: "1000000", KITBASH_RATE_LIMIT_ADDRESS: "1000000" });
  await setUp(server);
  const made = await submit(server);
  designId = made.design.id;
  creatorToken = made.token;
});
afterAll(() => server.close());

/** Row counts of every table: what must not change when a request is refused. */
async function fingerprint(): Promise<string> {
  const tables = [
    "packs",
    "api_keys",
    "creators",
    "designs",
    "design_features",
    "design_history",
    "votes",
    "comments",
    "challenges",
    "signals",
    "idempotency",
  ];
  const counts = await Promise.all(
    tables.map(
      async (table) =>
        (await rows<{ n: number }>(server.services.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n,
    ),
  );
  return counts.join(",");
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "null",
    "../../etc/passwd",
    "' or 1=1 --",
    "<script>alert(1)</script>",
    "\u0000",
    "🙂".repeat(50),
    "a".repeat(5000),
    "%00",
    "d_'; drop table designs; --",
  ),
);
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString.map((s) => ({ s })),
);
const mutatedSubmission = fc
  .record({
    key: fc.constantFrom(
      "pack",
      "version",
      "choices",
      "title",
      "story",
      "fit",
      "toTen",
      "wish",
      "thumbnail",
      "licence",
      "parent",
      "challenge",
      "creatorName",
      "extra",
    ),
    value: hostileJson,
  })
  .map(({ key, value }) => ({ ...submission(), [key]: value }));
/** Header values a client can actually send: printable Latin-1. */
const headerString = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 60,
  }),
  fc.constantFrom("' or 1=1 --", "../../etc/passwd", "kb_", "ct_", "x".repeat(4000)),
);
const auth = fc.oneof(
  fc.constant(undefined),
  fc.constant("Bearer "),
  headerString.map((s) => `Bearer ${s}`),
  headerString,
  fc.constant("Bearer kb_forged0000000000000000000000000"),
  fc.constant("Bearer ct_forged0000000000000000000000000"),
);

const request = fc.oneof(
  fc.record({
    method: fc.constant("POST"),
    path: fc.constant("/api/designs"),
    body: fc.oneof(mutatedSubmission, hostileJson),
  }),
  fc.record({ method: fc.constant("POST"), path: fc.constant("/api/signals"), body: hostileJson }),
  fc.record({ method: fc.constant("POST"), path: fc.constant("/api/packs"), body: hostileJson }),
  fc.record({
    method: fc.constantFrom("GET", "DELETE", "PATCH"),
    path: hostileString.map((s) => `/api/designs/${encodeURIComponent(s)}`),
    body: hostileJson,
  }),
  fc.record({
    method: fc.constant("GET"),
    path: fc
      .tuple(hostileString, hostileString, hostileString)
      .map(
        ([a, b, c]) =>
          `/api/designs?sort=${encodeURIComponent(a)}&limit=${encodeURIComponent(b)}&cursor=${encodeURIComponent(c)}`,
      ),
    body: fc.constant(undefined),
  }),
  fc.record({ method: fc.constantFrom("POST", "DELETE"), path: fc.constant("votes"), body: hostileJson }),
  fc.record({ method: fc.constant("POST"), path: fc.constant("comments"), body: hostileJson }),
  fc.record({
    method: fc.constantFrom("GET", "POST"),
    path: hostileString.map((s) => `/api/packs/${encodeURIComponent(s)}/x`),
    body: hostileJson,
  }),
  fc.record({ method: fc.constant("POST"), path: fc.constant("/api/designs"), body: hostileString }),
);

describe("hostile input to the public routes", () => {
  it("never answers 500, always answers with the one error shape, and never changes what is stored when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(request, auth, async ({ method, path, body }, authorization) => {
        const target = path === "votes" || path === "comments" ? `/api/designs/${designId}/${path}` : path;
        const before = await fingerprint();
        const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
        const response = await server.call(method, target, {
          headers,
          ...(body === undefined || method === "GET" ? {} : { body }),
        });
        expect(response.status, `${method} ${target} -> ${response.text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.body.error).toMatchObject({
            status: response.status,
            code: expect.any(String),
            message: expect.any(String),
          });
          expect(await fingerprint()).toBe(before);
        }
      }),
      { numRuns: 400 },
    );
  }, 240_000);

  it("keeps working for real callers afterwards", async () => {
    expect((await server.call("GET", `/api/designs/${designId}`)).status).toBe(200);
    expect(
      (await server.call("POST", "/api/designs", { token: creatorToken, body: submission({ title: "Still fine" }) }))
        .status,
    ).toBe(201);
  });
});
