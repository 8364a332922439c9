import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUp, submission, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await setUp(server);
});
afterAll(() => server.close());

describe("group commit of submissions", () => {
  it("stores concurrent submissions several to a statement, each whole and once", async () => {
    const parent = await submit(server, { title: "Parent" });
    const gone = await submit(server, { title: "Withdrawn parent" });
    await server.call("DELETE", `/api/designs/${gone.design.id}`, { token: gone.token });
    const before = server.services.submissions.statements;

    const requests = [
      ...Array.from({ length: 20 }, (_, i) => ({ body: submission({ title: `Plain ${i}` }) })),
      ...Array.from({ length: 5 }, (_, i) => ({ body: submission({ title: `Remix ${i}`, parent: parent.design.id }) })),
      ...Array.from({ length: 3 }, (_, i) => ({
        body: submission({ title: `Keyed ${i}` }),
        headers: { "idempotency-key": `batch-key-${i}-abcdef` },
      })),
      // The same key twice in one batch: one design, the other request replays it.
      ...[1, 2].map(() => ({
        body: submission({ title: "Twice" }),
        headers: { "idempotency-key": "batch-twice-abcdef" },
      })),
      { body: submission({ title: "Remix of a withdrawn design", parent: gone.design.id }) },
    ];
    const responses = await Promise.all(requests.map((request) => server.call("POST", "/api/designs", request)));

    const refused = responses.pop()!;
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("invalid_parent");
    expect(responses.map((r) => r.status).filter((status) => status !== 201 && status !== 200)).toEqual([]);
    const twice = responses.slice(-2).map((r) => r.body.design.id);
    expect(twice[0]).toBe(twice[1]);
    const ids = new Set(responses.map((r) => r.body.design.id));
    expect(ids.size).toBe(responses.length - 1);
    expect(server.services.submissions.statements - before).toBeLessThan(requests.length);

    for (const response of responses) {
      const { design, creatorToken } = response.body;
      const history = await server.call("GET", `/api/designs/${design.id}/history`, { token: creatorToken });
      expect(history.status).toBe(200);
      expect(history.body.history.map((h: { to: string }) => h.to)).toEqual(["submitted"]);
    }
    expect((await server.call("GET", `/api/designs/${parent.design.id}`)).body.remixes).toBe(5);
    expect((await server.call("GET", `/api/designs/${gone.design.id}`, { token: gone.token })).body.remixes).toBe(0);
  });
});
