import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challenges } from "../db/schema.ts";
import { deskPack, setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let keys: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  server = await startTestServer();
  keys = await setUp(server);
  // A second pack, so filtering by pack has something to leave out.
  await server.call("POST", "/api/packs", { token: server.adminKey, body: { ...deskPack, id: "test/bench" } });
});
afterAll(() => server.close());

const HOUR = 3_600_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();

function challenge(overrides: Record<string, unknown> = {}) {
  return {
    pack: "test/desk",
    title: "Small spaces",
    brief: "A desk for 1 m²",
    startsAt: at(-HOUR),
    endsAt: at(HOUR),
    ...overrides,
  };
}

async function announce(overrides: Record<string, unknown> = {}) {
  const response = await server.call("POST", "/api/challenges", { token: keys.teamKey, body: challenge(overrides) });
  if (response.status !== 201) throw new Error(`announcing failed: ${response.text}`);
  return response.body as { id: string; state: string };
}

/** Time passes: the challenge ended a minute ago (no route changes a challenge's dates). */
const end = (id: string) =>
  server.services.db
    .update(challenges)
    .set({ endsAt: new Date(Date.now() - 60_000) })
    .where(eq(challenges.id, id));

describe("announcing challenges", () => {
  it("lets team keys announce a challenge and refuses everyone else", async () => {
    const created = await server.call("POST", "/api/challenges", { token: keys.teamKey, body: challenge() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ pack: "test/desk", title: "Small spaces", state: "open" });
    expect(created.body.id).toMatch(/^ch_/);
    expect((await server.call("POST", "/api/challenges", { token: server.adminKey, body: challenge() })).status).toBe(
      201,
    );
    expect((await server.call("POST", "/api/challenges", { body: challenge() })).status).toBe(401);
    const { token } = await submit(server);
    for (const caller of [token, keys.partnerKey]) {
      const refused = await server.call("POST", "/api/challenges", { token: caller, body: challenge() });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
  });

  it("checks dates, fields and that the pack exists", async () => {
    const backwards = await server.call("POST", "/api/challenges", {
      token: keys.teamKey,
      body: challenge({ startsAt: at(HOUR), endsAt: at(-HOUR) }),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toContainEqual({ path: ["endsAt"], message: "endsAt must be after startsAt" });
    const same = at(0);
    for (const body of [
      challenge({ startsAt: same, endsAt: same }),
      challenge({ startsAt: "next tuesday" }),
      challenge({ title: " " }),
      challenge({ winners: [] }),
      challenge({ pack: "Desk" }),
    ])
      expect((await server.call("POST", "/api/challenges", { token: keys.teamKey, body })).status).toBe(400);
    const missing = await server.call("POST", "/api/challenges", {
      token: keys.teamKey,
      body: challenge({ pack: "test/none" }),
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });
});

describe("finding challenges", () => {
  it("computes the state from now and filters by pack and state", async () => {
    const upcoming = await announce({ pack: "test/bench", startsAt: at(HOUR), endsAt: at(2 * HOUR) });
    const open = await announce({ pack: "test/bench" });
    const closed = await announce({ pack: "test/bench", startsAt: at(-2 * HOUR), endsAt: at(-HOUR) });
    expect([upcoming.state, open.state, closed.state]).toEqual(["upcoming", "open", "closed"]);
    const ids = async (query: string) =>
      (await server.call("GET", `/api/challenges?${query}`)).body.challenges.map((c: { id: string }) => c.id);
    expect(await ids("pack=test/bench")).toEqual([upcoming.id, open.id, closed.id]);
    for (const [state, expected] of [
      ["upcoming", upcoming],
      ["open", open],
      ["closed", closed],
    ] as const)
      expect(await ids(`pack=test/bench&state=${state}`)).toEqual([expected.id]);
    expect(await ids("pack=test/none")).toEqual([]);
    expect((await server.call("GET", "/api/challenges?state=finished")).status).toBe(400);
  });

  it("pages through challenges with cursors, latest start first", async () => {
    const made: { id: string }[] = [];
    for (let i = 1; i <= 5; i++) made.push(await announce({ pack: "test/bench", startsAt: at(-i * HOUR - 5000) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await server.call("GET", `/api/challenges?state=open&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.challenges.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.challenges.map((c: { id: string }) => c.id));
      cursor = page.body.next;
    } while (cursor !== null);
    expect(seen.filter((id) => made.some((m) => m.id === id))).toEqual(made.map((m) => m.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await server.call("GET", "/api/challenges?limit=101")).status).toBe(400);
    expect((await server.call("GET", "/api/challenges?cursor=xyz")).status).toBe(400);
  });

  it("shows a challenge with its entries, most voted first", async () => {
    const { id } = await announce();
    const quiet = await submit(server, { title: "Quiet", challenge: id });
    const loud = await submit(server, { title: "Loud", challenge: id });
    const outside = await submit(server, { title: "Outside" });
    await server.call("POST", `/api/designs/${loud.design.id}/votes`, { token: quiet.token });
    await server.call("POST", `/api/designs/${quiet.design.id}/votes`, { token: outside.token });
    await server.call("POST", `/api/designs/${loud.design.id}/votes`, { token: outside.token });
    const shown = await server.call("GET", `/api/challenges/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.entries.map((d: { title: string; votes: number }) => [d.title, d.votes])).toEqual([
      ["Loud", 2],
      ["Quiet", 1],
    ]);
    expect(shown.body).toMatchObject({ entryCount: 2, winners: [], state: "open" });
    await server.call("DELETE", `/api/designs/${quiet.design.id}`, { token: quiet.token });
    expect((await server.call("GET", `/api/challenges/${id}`)).body.entryCount).toBe(1);
    expect((await server.call("GET", "/api/challenges/ch_nothing123")).status).toBe(404);
    expect((await server.call("GET", "/api/challenges/nothing")).status).toBe(400);
  });
});

describe("winners", () => {
  it("are named by team keys after the challenge ends, from its entries, replacing earlier winners", async () => {
    const { id } = await announce();
    const [a, b] = [await submit(server, { challenge: id }), await submit(server, { challenge: id })];
    const stranger = await submit(server);
    const path = `/api/challenges/${id}/winners`;
    const body = {
      winners: [
        { design: b.design.id, rank: 1, note: " Clever drawers " },
        { design: a.design.id, rank: 2 },
      ],
    };
    const early = await server.call("POST", path, { token: keys.teamKey, body });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("challenge_not_closed");

    await end(id);
    expect((await server.call("POST", path, { body })).status).toBe(401);
    for (const token of [a.token, keys.partnerKey])
      expect((await server.call("POST", path, { token, body })).status).toBe(403);
    const named = await server.call("POST", path, { token: keys.teamKey, body });
    expect(named.status).toBe(200);
    expect(named.body.state).toBe("closed");
    expect(
      named.body.winners.map((w: { rank: number; note: string; design: { id: string } }) => [
        w.rank,
        w.note,
        w.design.id,
      ]),
    ).toEqual([
      [1, "Clever drawers", b.design.id],
      [2, "", a.design.id],
    ]);

    const replaced = await server.call("POST", path, {
      token: server.adminKey,
      body: { winners: [{ design: a.design.id, rank: 1, note: "On reflection" }] },
    });
    expect(replaced.body.winners.map((w: { design: { id: string } }) => w.design.id)).toEqual([a.design.id]);
    expect((await server.call("GET", `/api/challenges/${id}`)).body.winners).toHaveLength(1);

    const notEntry = await server.call("POST", path, {
      token: keys.teamKey,
      body: { winners: [{ design: stranger.design.id, rank: 1 }] },
    });
    expect(notEntry.status).toBe(422);
    expect(notEntry.body.error).toMatchObject({ code: "not_an_entry", details: { designs: [stranger.design.id] } });
    const twice = {
      winners: [
        { design: a.design.id, rank: 1 },
        { design: a.design.id, rank: 2 },
      ],
    };
    expect((await server.call("POST", path, { token: keys.teamKey, body: twice })).status).toBe(400);
    const badRank = { winners: [{ design: a.design.id, rank: 0 }] };
    expect((await server.call("POST", path, { token: keys.teamKey, body: badRank })).status).toBe(400);
    // Refused requests changed nothing.
    expect((await server.call("GET", `/api/challenges/${id}`)).body.winners[0].note).toBe("On reflection");
    expect((await server.call("POST", path, { token: keys.teamKey, body: { winners: [] } })).body.winners).toEqual([]);
    expect(
      (await server.call("POST", "/api/challenges/ch_nothing123/winners", { token: keys.teamKey, body })).status,
    ).toBe(404);
  });

  it("serialises teams naming winners at once: the last write wins whole", async () => {
    const { id } = await announce();
    const entries = await Promise.all([1, 2, 3, 4].map(() => submit(server, { challenge: id })));
    await end(id);
    const lists = entries.map((e, i) => ({
      winners: [
        { design: e.design.id, rank: 1 },
        { design: entries[(i + 1) % 4]!.design.id, rank: 2 },
      ],
    }));
    const results = await Promise.all(
      lists.map((body) => server.call("POST", `/api/challenges/${id}/winners`, { token: keys.teamKey, body })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const final = (await server.call("GET", `/api/challenges/${id}`)).body.winners.map(
      (w: { design: { id: string } }) => w.design.id,
    );
    expect(lists.map((l) => l.winners.map((w) => w.design))).toContainEqual(final);
  });
});
