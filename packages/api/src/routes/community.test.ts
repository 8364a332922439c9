import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let keys: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  server = await startTestServer();
  keys = await setUp(server);
});
afterAll(() => server.close());

/** `count` new creators, each with one design of their own (their token comes with it). */
const creatorsWithDesigns = (count: number, title = "Desk") =>
  Promise.all(Array.from({ length: count }, (_, i) => submit(server, { title: `${title} ${i}` })));

const votes = async (id: string) => (await server.call("GET", `/api/designs/${id}`)).body.votes as number;
const commentCount = async (id: string) => (await server.call("GET", `/api/designs/${id}`)).body.comments as number;

describe("votes", () => {
  it("tell a creator, with the design, whether they voted for it", async () => {
    const [author, voter] = await creatorsWithDesigns(2, "Voted");
    const path = `/api/designs/${author!.design.id}`;
    expect((await server.call("GET", path, { token: voter!.token })).body.voted).toBe(false);
    await server.call("POST", `${path}/votes`, { token: voter!.token });
    expect((await server.call("GET", path, { token: voter!.token })).body.voted).toBe(true);
    expect((await server.call("GET", path, { token: author!.token })).body.voted).toBe(false);
    expect((await server.call("GET", path)).body.voted).toBeUndefined();
  });

  it("counts one vote per creator, never for their own design, and lets them take it back", async () => {
    const [author, voter] = await creatorsWithDesigns(2);
    const path = `/api/designs/${author!.design.id}/votes`;
    const first = await server.call("POST", path, { token: voter!.token });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ design: author!.design.id, votes: 1, voted: true });
    const again = await server.call("POST", path, { token: voter!.token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_voted");
    const own = await server.call("POST", path, { token: author!.token });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe("own_design");
    expect(await votes(author!.design.id)).toBe(1);

    const back = await server.call("DELETE", path, { token: voter!.token });
    expect(back.body).toEqual({ design: author!.design.id, votes: 0, voted: false });
    const twice = await server.call("DELETE", path, { token: voter!.token });
    expect(twice.status).toBe(404);
    expect(twice.body.error.code).toBe("not_voted");
    expect(await votes(author!.design.id)).toBe(0);
    expect((await server.call("POST", path, { token: voter!.token })).status).toBe(201);
  });

  it("refuses anonymous callers (401) and API keys of every role (403)", async () => {
    const [author] = await creatorsWithDesigns(1);
    const path = `/api/designs/${author!.design.id}/votes`;
    for (const method of ["POST", "DELETE"]) {
      const anonymous = await server.call(method, path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error).toMatchObject({ status: 401, code: "unauthenticated" });
      for (const token of [keys.teamKey, keys.partnerKey, server.adminKey])
        expect((await server.call(method, path, { token })).status).toBe(403);
    }
    expect(await votes(author!.design.id)).toBe(0);
  });

  it("does not find withdrawn, unknown or malformed designs", async () => {
    const [author, voter] = await creatorsWithDesigns(2);
    const path = `/api/designs/${author!.design.id}/votes`;
    await server.call("POST", path, { token: voter!.token });
    await server.call("DELETE", `/api/designs/${author!.design.id}`, { token: author!.token });
    expect((await server.call("POST", path, { token: voter!.token })).status).toBe(404);
    expect((await server.call("DELETE", path, { token: voter!.token })).status).toBe(404);
    expect((await server.call("POST", "/api/designs/d_nothing123/votes", { token: voter!.token })).status).toBe(404);
    const malformed = await server.call("POST", "/api/designs/nonsense/votes", { token: voter!.token });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ status: 400, code: "malformed" });
    expect(malformed.body.error.details[0].path).toEqual(["id"]);
  });

  it("loses no update when 20 creators vote at once, or when one creator votes 5 times at once", async () => {
    const [author, ...voters] = await creatorsWithDesigns(21, "Popular");
    const path = `/api/designs/${author!.design.id}/votes`;
    const cast = await Promise.all(voters.map((v) => server.call("POST", path, { token: v.token })));
    expect(cast.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(await votes(author!.design.id)).toBe(20);
    const back = await Promise.all(voters.slice(0, 10).map((v) => server.call("DELETE", path, { token: v.token })));
    expect(back.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await votes(author!.design.id)).toBe(10);

    const eager = voters[0]!.token;
    const burst = await Promise.all([1, 2, 3, 4, 5].map(() => server.call("POST", path, { token: eager })));
    expect(burst.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await votes(author!.design.id)).toBe(11);
  });
});

describe("comments", () => {
  it("posts trimmed comments for creators, keeps the count, and refuses everyone else", async () => {
    const [author, reader] = await creatorsWithDesigns(2);
    const path = `/api/designs/${author!.design.id}/comments`;
    const posted = await server.call("POST", path, { token: reader!.token, body: { body: "  Lovely oak.  " } });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      design: author!.design.id,
      body: "Lovely oak.",
      author: reader!.design.creator,
    });
    expect(posted.body.id).toMatch(/^cm_/);
    const reply = await server.call("POST", path, { token: author!.token, body: { body: "Thanks!" } });
    expect(reply.status).toBe(201);
    expect(await commentCount(author!.design.id)).toBe(2);

    expect((await server.call("POST", path, { body: { body: "hi" } })).status).toBe(401);
    for (const token of [keys.teamKey, keys.partnerKey, server.adminKey])
      expect((await server.call("POST", path, { token, body: { body: "hi" } })).status).toBe(403);
    for (const body of [{ body: "   " }, { body: "x".repeat(2001) }, { body: "hi", author: "me" }, {}]) {
      const refused = await server.call("POST", path, { token: reader!.token, body });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("malformed");
    }
    expect((await server.call("POST", path, { token: reader!.token, body: { body: "x".repeat(2000) } })).status).toBe(
      201,
    );
    expect(await commentCount(author!.design.id)).toBe(3);
  });

  it("pages through comments oldest first with cursors, without gaps or repeats", async () => {
    const [author] = await creatorsWithDesigns(1);
    const path = `/api/designs/${author!.design.id}/comments`;
    for (let i = 1; i <= 5; i++) await server.call("POST", path, { token: author!.token, body: { body: `c${i}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await server.call("GET", `${path}?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.body.comments.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.comments.map((c: { body: string }) => c.body));
      cursor = response.body.next;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(pages).toBe(3);
    expect((await server.call("GET", `${path}?limit=100`)).body.comments).toHaveLength(5);
    expect((await server.call("GET", `${path}?limit=101`)).status).toBe(400);
    expect((await server.call("GET", `${path}?limit=0`)).status).toBe(400);
    const garbage = await server.call("GET", `${path}?cursor=garbage`);
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.details).toEqual([{ path: ["cursor"] }]);
  });

  it("lets authors delete their comments and teams moderate any; the count follows", async () => {
    const [author, commenter, stranger] = await creatorsWithDesigns(3);
    const path = `/api/designs/${author!.design.id}/comments`;
    const post = async () =>
      (await server.call("POST", path, { token: commenter!.token, body: { body: "hmm" } })).body.id as string;
    const [a, b, c] = [await post(), await post(), await post()];
    expect(await commentCount(author!.design.id)).toBe(3);

    expect((await server.call("DELETE", `${path}/${a}`)).status).toBe(401);
    // The design's creator is not a moderator of comments on it.
    for (const token of [stranger!.token, author!.token, keys.partnerKey])
      expect((await server.call("DELETE", `${path}/${a}`, { token })).status).toBe(403);
    const own = await server.call("DELETE", `${path}/${a}`, { token: commenter!.token });
    expect(own.status).toBe(200);
    expect(own.body.id).toBe(a);
    expect((await server.call("DELETE", `${path}/${a}`, { token: commenter!.token })).status).toBe(404);
    expect((await server.call("DELETE", `${path}/${b}`, { token: keys.teamKey })).status).toBe(200);
    const elsewhere = `/api/designs/${stranger!.design.id}/comments/${c}`;
    expect((await server.call("DELETE", elsewhere, { token: server.adminKey })).status).toBe(404);
    expect((await server.call("DELETE", `${path}/not-a-comment`, { token: server.adminKey })).status).toBe(400);
    expect((await server.call("DELETE", `${path}/${c}`, { token: server.adminKey })).status).toBe(200);
    expect(await commentCount(author!.design.id)).toBe(0);
    expect((await server.call("GET", path)).body.comments).toEqual([]);
  });

  it("takes no comments on withdrawn designs; only their creator and teams still read them", async () => {
    const [author, reader] = await creatorsWithDesigns(2);
    const path = `/api/designs/${author!.design.id}/comments`;
    await server.call("POST", path, { token: reader!.token, body: { body: "Before" } });
    await server.call("DELETE", `/api/designs/${author!.design.id}`, { token: author!.token });
    expect((await server.call("POST", path, { token: reader!.token, body: { body: "After" } })).status).toBe(404);
    expect((await server.call("POST", path, { token: author!.token, body: { body: "After" } })).status).toBe(404);
    expect((await server.call("GET", path)).status).toBe(404);
    expect((await server.call("GET", path, { token: reader!.token })).status).toBe(404);
    expect((await server.call("GET", path, { token: author!.token })).body.comments).toHaveLength(1);
    expect((await server.call("GET", path, { token: keys.teamKey })).body.comments).toHaveLength(1);
    expect((await server.call("GET", "/api/designs/d_nothing123/comments")).status).toBe(404);
  });
});

describe("creator profiles", () => {
  it("shows designs that are not withdrawn and totals of votes and other people's remixes", async () => {
    const [ada, fan, other] = await creatorsWithDesigns(3);
    const kept = await submit(server, { title: "Kept" }, ada!.token);
    const gone = await submit(server, { title: "Gone" }, ada!.token);
    await server.call("POST", `/api/designs/${kept.design.id}/votes`, { token: fan!.token });
    await server.call("POST", `/api/designs/${kept.design.id}/votes`, { token: other!.token });
    await server.call("POST", `/api/designs/${ada!.design.id}/votes`, { token: fan!.token });
    await server.call("POST", `/api/designs/${gone.design.id}/votes`, { token: fan!.token });
    await submit(server, { title: "Fan remix", parent: kept.design.id }, fan!.token);
    await submit(server, { title: "Own remix", parent: kept.design.id }, ada!.token);
    await server.call("DELETE", `/api/designs/${gone.design.id}`, { token: ada!.token });

    const profile = await server.call("GET", `/api/creators/${ada!.design.creator.id}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ id: ada!.design.creator.id, name: ada!.design.creator.name, credits: [] });
    expect(Date.parse(profile.body.joined)).not.toBeNaN();
    expect(profile.body.designs.map((d: { title: string }) => d.title)).toEqual(["Own remix", "Kept", "Desk 0"]);
    expect(profile.body.designs[1]).toMatchObject({ status: "submitted", votes: 2, remixes: 2 });
    expect(profile.body.totals).toEqual({ designs: 3, votes: 3, remixes: 1 });
    expect((await server.call("GET", "/api/creators/cr_nobody1234")).status).toBe(404);
    expect((await server.call("GET", "/api/creators/nobody")).status).toBe(400);
  });

  it("credits everyone in a commercialized design's lineage, with how many generations back", async () => {
    const [first, second, third, bystander] = await creatorsWithDesigns(4, "Root");
    const child = await submit(server, { title: "Child", parent: first!.design.id }, second!.token);
    const grandchild = await submit(server, { title: "Grandchild", parent: child.design.id }, third!.token);
    const credits = async (who: { design: { creator: { id: string } } }) =>
      (await server.call("GET", `/api/creators/${who.design.creator.id}`)).body.credits;
    expect(await credits(first!)).toEqual([]);
    for (const status of ["under_review", "shortlisted", "commercialized"]) {
      const moved = await server.call("POST", `/api/designs/${grandchild.design.id}/review`, {
        token: keys.teamKey,
        body: { status, reason: "Next step" },
      });
      expect(moved.status).toBe(200);
    }
    const commercialized = {
      id: grandchild.design.id,
      title: "Grandchild",
      creator: third!.design.creator,
    };
    expect(await credits(third!)).toEqual([
      { design: { id: grandchild.design.id, title: "Grandchild" }, commercialized, generations: 0 },
    ]);
    expect(await credits(second!)).toEqual([
      { design: { id: child.design.id, title: "Child" }, commercialized, generations: 1 },
    ]);
    expect(await credits(first!)).toEqual([
      { design: { id: first!.design.id, title: "Root 0" }, commercialized, generations: 2 },
    ]);
    expect(await credits(bystander!)).toEqual([]);
    // A withdrawn ancestor earns no public credit; the walk still reaches the root behind it.
    await server.call("DELETE", `/api/designs/${child.design.id}`, { token: second!.token });
    expect(await credits(second!)).toEqual([]);
    expect((await credits(first!))[0].generations).toBe(2);
  });

  it("lets creators set their display name, and no one else", async () => {
    const [ada] = await creatorsWithDesigns(1);
    const renamed = await server.call("PATCH", "/api/creators/me", { token: ada!.token, body: { name: "  Ada L.  " } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Ada L.");
    expect((await server.call("GET", `/api/designs/${ada!.design.id}`)).body.creator.name).toBe("Ada L.");
    expect((await server.call("PATCH", "/api/creators/me", { body: { name: "X" } })).status).toBe(401);
    for (const token of [keys.teamKey, keys.partnerKey, server.adminKey])
      expect((await server.call("PATCH", "/api/creators/me", { token, body: { name: "X" } })).status).toBe(403);
    for (const body of [{ name: " " }, { name: "x".repeat(61) }, { name: "X", id: "cr_other" }]) {
      const refused = await server.call("PATCH", "/api/creators/me", { token: ada!.token, body });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("malformed");
    }
    expect(
      (await server.call("PATCH", "/api/creators/me", { token: ada!.token, body: { name: "x".repeat(60) } })).status,
    ).toBe(200);
  });
});
