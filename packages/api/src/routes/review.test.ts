import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transition } from "../community/review.ts";
import { designHistory, designs } from "../db/schema.ts";
import { deskPack, setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let keys: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  server = await startTestServer();
  keys = await setUp(server);
  // A pack of its own, so the queue test sees only its designs.
  await server.call("POST", "/api/packs", { token: server.adminKey, body: { ...deskPack, id: "test/queue" } });
});
afterAll(() => server.close());

const review = (id: string, status: string, token = keys.teamKey, reason = `Moving to ${status}`) =>
  server.call("POST", `/api/designs/${id}/review`, { token, body: { status, reason } });

describe("review decisions", () => {
  it("moves a design along the workflow, one legal step at a time", async () => {
    const { design } = await submit(server);
    const steps = ["under_review", "shortlisted", "commercialized"];
    for (const status of steps) {
      const moved = await review(design.id, status);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: design.id, status });
    }
    expect((await server.call("GET", `/api/designs/${design.id}`)).body.status).toBe("commercialized");
    const final = await review(design.id, "declined");
    expect(final.status).toBe(409);
    expect(final.body.error).toMatchObject({
      code: "illegal_transition",
      details: { from: "commercialized", allowed: [] },
    });
  });

  it("refuses illegal moves with 409, naming the allowed next statuses", async () => {
    const { design, token } = await submit(server);
    const skip = await review(design.id, "commercialized");
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe("illegal_transition");
    expect(skip.body.error.details.allowed).toEqual(["under_review", "declined"]);
    expect(skip.body.error.message).toMatch(/under_review, declined/);
    expect((await review(design.id, "shortlisted")).status).toBe(409);
    expect((await review(design.id, "declined", server.adminKey)).status).toBe(200);
    expect((await review(design.id, "under_review")).body.error.details).toEqual({
      from: "declined",
      to: "under_review",
      allowed: [],
    });
    const withdrawn = await submit(server, {}, token);
    await server.call("DELETE", `/api/designs/${withdrawn.design.id}`, { token });
    expect((await review(withdrawn.design.id, "under_review")).body.error.details.from).toBe("withdrawn");
  });

  it("accepts decisions only from team keys, with a reason and a reviewable status", async () => {
    const { design, token } = await submit(server);
    expect((await review(design.id, "under_review", "")).status).toBe(401);
    for (const caller of [token, keys.partnerKey]) {
      const refused = await review(design.id, "under_review", caller);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    const path = `/api/designs/${design.id}/review`;
    for (const body of [
      { status: "under_review" },
      { status: "under_review", reason: "   " },
      { status: "under_review", reason: "x".repeat(2001) },
      { status: "withdrawn", reason: "No" },
      { status: "submitted", reason: "Back" },
      { status: "under_review", reason: "Fine", actor: "me" },
    ]) {
      const refused = await server.call("POST", path, { token: keys.teamKey, body });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ status: 400, code: "malformed" });
    }
    expect((await review("d_nothing123", "under_review")).status).toBe(404);
    expect((await server.call("GET", `/api/designs/${design.id}`)).body.status).toBe("submitted");
  });

  it("lets exactly one of several racing reviewers make the same move", async () => {
    const { design } = await submit(server);
    const tokens = [keys.teamKey, server.adminKey, keys.teamKey, server.adminKey, keys.teamKey, server.adminKey];
    const results = await Promise.all(tokens.map((token) => review(design.id, "under_review", token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const history = await server.services.db.select().from(designHistory).where(eq(designHistory.designId, design.id));
    expect(history.map((h) => h.toStatus)).toEqual(["submitted", "under_review"]);
  });

  it("guards the update with the status it read: a stale decision changes nothing", async () => {
    const { design } = await submit(server);
    const [stale] = await server.services.db.select().from(designs).where(eq(designs.id, design.id));
    expect((await review(design.id, "declined")).status).toBe(200);
    const late = transition(server.services.db, stale!, "under_review", "Too late", "key_other");
    await expect(late).rejects.toMatchObject({ status: 409, code: "status_changed" });
    const history = await server.services.db.select().from(designHistory).where(eq(designHistory.designId, design.id));
    expect(history.map((h) => h.toStatus)).toEqual(["submitted", "declined"]);
  });
});

describe("history", () => {
  it("shows the creator and team keys every transition with its reason, and no one else", async () => {
    const { design, token } = await submit(server);
    const other = await submit(server);
    await review(design.id, "under_review", keys.teamKey, "Looks promising");
    await review(design.id, "declined", keys.teamKey, "Too deep for our line");
    const path = `/api/designs/${design.id}/history`;
    const mine = await server.call("GET", path, { token });
    expect(mine.status).toBe(200);
    expect(
      mine.body.history.map((h: { from: string; to: string; reason: string; by: string }) => [
        h.from,
        h.to,
        h.reason,
        h.by,
      ]),
    ).toEqual([
      [null, "submitted", "Submitted", "creator"],
      ["submitted", "under_review", "Looks promising", "team"],
      ["under_review", "declined", "Too deep for our line", "team"],
    ]);
    expect(mine.body.history[1].actor).toBeUndefined();
    const team = await server.call("GET", path, { token: keys.teamKey });
    expect(team.body.history[1].actor).toMatch(/^key_/);
    expect((await server.call("GET", path, { token: server.adminKey })).body.history).toHaveLength(3);

    expect((await server.call("GET", path)).status).toBe(401);
    for (const caller of [other.token, keys.partnerKey]) {
      const refused = await server.call("GET", path, { token: caller });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    expect((await server.call("GET", "/api/designs/d_nothing123/history", { token: keys.teamKey })).status).toBe(404);
  });

  it("keeps a withdrawn design's history for its creator", async () => {
    const { design, token } = await submit(server);
    await review(design.id, "under_review");
    await server.call("DELETE", `/api/designs/${design.id}`, { token });
    const history = await server.call("GET", `/api/designs/${design.id}/history`, { token });
    expect(history.body.history.map((h: { to: string; by: string }) => [h.to, h.by])).toEqual([
      ["submitted", "creator"],
      ["under_review", "team"],
      ["withdrawn", "creator"],
    ]);
  });
});

describe("review queue", () => {
  it("lists designs awaiting a decision, oldest first, by pack and status, a page at a time", async () => {
    const made: { id: string }[] = [];
    for (let i = 0; i < 7; i++) made.push((await submit(server, { pack: "test/queue", title: `Q${i}` })).design);
    await review(made[1]!.id, "under_review");
    await review(made[2]!.id, "under_review");
    await review(made[2]!.id, "shortlisted");
    await review(made[3]!.id, "declined");
    await review(made[4]!.id, "under_review");
    await review(made[4]!.id, "shortlisted");
    await review(made[4]!.id, "commercialized");
    const titles = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await server.call(
          "GET",
          `/api/review/queue?pack=test/queue&limit=2&${query}${cursor ? `&cursor=${cursor}` : ""}`,
          { token: keys.teamKey },
        );
        expect(page.status).toBe(200);
        expect(page.body.designs.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.designs.map((d: { title: string }) => d.title));
        cursor = page.body.next;
      } while (cursor !== null);
      return seen;
    };
    expect(await titles("")).toEqual(["Q0", "Q1", "Q2", "Q5", "Q6"]);
    expect(await titles("status=under_review")).toEqual(["Q1"]);
    expect(await titles("status=submitted")).toEqual(["Q0", "Q5", "Q6"]);
    const desk = await server.call("GET", "/api/review/queue?pack=test/desk&limit=100", { token: server.adminKey });
    expect(desk.body.designs.every((d: { pack: string }) => d.pack === "test/desk")).toBe(true);
    expect(desk.body.designs.length).toBeGreaterThan(0);
  });

  it("is for team keys only, and refuses malformed queries", async () => {
    const { token } = await submit(server);
    expect((await server.call("GET", "/api/review/queue")).status).toBe(401);
    for (const caller of [token, keys.partnerKey])
      expect((await server.call("GET", "/api/review/queue", { token: caller })).status).toBe(403);
    for (const query of ["status=declined", "limit=101", "cursor=bogus"]) {
      const refused = await server.call("GET", `/api/review/queue?${query}`, { token: keys.teamKey });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("malformed");
    }
  });
});
