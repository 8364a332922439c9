import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desk, insertDesigns } from "../insights/test-data.ts";
import { setUp } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let teamKey: string;

/**
 * Ten desks in March 2025 (top, lamp, height; no drawers, blank engraving):
 *   1-3 oak lamp 80 (Bob)   4 oak - 70 (Carol)   5 steel lamp 80 (Carol)   6-7 steel - 70 (Carol)
 *   8-9 glass - 90 (Alice)  10 oak - 90 (Carol)
 * Counts: oak 5, steel 3, glass 2; lamp 4, no lamp 6; 70: 3, 80: 4, 90: 3; engraving blank, drawers 1 and
 * 2 empty: 10 each (held by every design: left out of pairs). The rules: glass tops take no lamp, steel
 * tops go up to 80 cm.
 */
const MARCH = "from=2025-03-01&to=2025-03-31";

beforeAll(async () => {
  server = await startTestServer();
  teamKey = (await setUp(server)).teamKey;
  const at = (day: number) => `2025-03-${String(day).padStart(2, "0")}T12:00:00Z`;
  const [first] = await insertDesigns(server.services.db, [
    { choices: desk("oak", true, 80), at: at(1), creator: "cr_bob", votes: 3 },
  ]);
  await insertDesigns(server.services.db, [
    { choices: desk("oak", true, 80), at: at(2), creator: "cr_bob", parent: first! },
    { choices: desk("oak", true, 80), at: at(3), creator: "cr_bob" },
    { choices: desk("oak", false, 70), at: at(4), creator: "cr_carol" },
    { choices: desk("steel", true, 80), at: at(5), creator: "cr_carol", status: "commercialized" },
    { choices: desk("steel", false, 70), at: at(6), creator: "cr_carol" },
    { choices: desk("steel", false, 70), at: at(7), creator: "cr_carol" },
    { choices: desk("glass", false, 90), at: at(8), creator: "cr_alice", votes: 1, status: "shortlisted" },
    { choices: desk("glass", false, 90), at: at(9), creator: "cr_alice", parent: first! },
    { choices: desk("oak", false, 90), at: at(10), creator: "cr_carol" },
    // Outside the window.
    { choices: desk("glass", false, 90), at: "2025-02-28T23:00:00Z", creator: "cr_alice", votes: 50 },
  ]);
});
afterAll(() => server.close());

const get = (path: string) => server.call("GET", `/api/insights/test/desk/${path}`, { token: teamKey });
const ids = (values: { variable: string; value: string }[]) => values.map((v) => `${v.variable}=${v.value}`);

describe("pairs", () => {
  it("ranks pairs by lift against what the rules allow, with support and confidence both ways", async () => {
    const { body, status } = await get(`pairs?${MARCH}&minSupport=0.2`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ designs: 10, minCount: 2, excluded: { commonValues: 3, forced: 1 } });
    const ranked = body.pairs.map((p: { a: never; b: never }) => ids([p.a, p.b]).join(" + "));
    expect(ranked).toHaveLength(9);
    expect(ranked.slice(0, 2)).toEqual(["lamp=true + height=80", "top=glass + height=90"]);
    expect(ranked.slice(4)).toEqual([
      "top=steel + height=70",
      "top=oak + height=80",
      "top=oak + lamp=true",
      "top=steel + lamp=false",
      "top=oak + lamp=false",
    ]);
    // Glass forces "no lamp": a rule, not a preference, so it is not a pair.
    expect(ranked).not.toContain("top=glass + lamp=false");

    const [lampHeight, glassTall] = body.pairs;
    // No rule between lamp and height: lift 10·4/(4·4) = 2.5 both ways.
    expect(lampHeight).toMatchObject({
      a: { label: "Lamp: Yes", count: 4 },
      b: { label: "Height: 80 cm", count: 4 },
      count: 4,
      support: 0.4,
      confidence: { aToB: 1, bToA: 1 },
      linked: false,
    });
    expect(lampHeight.lift).toBeCloseTo(2.5, 10);
    expect(lampHeight.ruleAwareLift).toBeCloseTo(2.5, 10);
    // Classic lift 10·2/(2·3) = 3.33; but 90 cm rules out steel, so among tall desks glass is expected
    // 2/(2+5) of the time: expected 3·2/7, lift 2/(6/7) = 7/3.
    expect(glassTall).toMatchObject({ count: 2, support: 0.2, linked: true, confidence: { aToB: 1 } });
    expect(glassTall.confidence.bToA).toBeCloseTo(2 / 3, 10);
    expect(glassTall.lift).toBeCloseTo(10 / 3, 10);
    expect(glassTall.ruleAwareLift).toBeCloseTo(7 / 3, 10);
    // Steel rules out 90 cm: 70 cm is expected among 70 + 80 (3 + 4): 3·3/7, lift 2/(9/7) = 14/9.
    const steel70 = body.pairs[4];
    expect(steel70.lift).toBeCloseTo((10 * 2) / (3 * 3), 10);
    expect(steel70.ruleAwareLift).toBeCloseTo(14 / 9, 10);
    // A lamp rules out glass: oak is expected among oak + steel (5 + 3): 4·5/8, lift 3/2.5 = 1.2.
    const oakLamp = body.pairs[6];
    expect(oakLamp.lift).toBeCloseTo(1.5, 10);
    expect(oakLamp.ruleAwareLift).toBeCloseTo(1.2, 10);
    expect(oakLamp.confidence).toEqual({ aToB: 3 / 5, bToA: 3 / 4 });
  });

  it("honours minSupport and limit", async () => {
    const strict = await get(`pairs?${MARCH}&minSupport=0.35`);
    expect(strict.body.minCount).toBe(4);
    expect(strict.body.pairs.map((p: { count: number }) => p.count)).toEqual([4]);
    const two = await get(`pairs?${MARCH}&minSupport=0.2&limit=2`);
    expect(two.body.pairs).toHaveLength(2);
    const february = await get("pairs?from=2025-02-01&to=2025-02-28&minSupport=0.2");
    expect(february.body).toMatchObject({ designs: 1, pairs: [] });
  });
});

describe("bundles", () => {
  it("finds sets of three values with support, lift and the weakest pair's rule-aware lift", async () => {
    const { body } = await get(`bundles?${MARCH}&minSupport=0.2`);
    expect(body.bundles.map((b: { values: never[] }) => ids(b.values))).toEqual([
      ["top=oak", "lamp=true", "height=80"],
      ["top=steel", "lamp=false", "height=70"],
    ]);
    const [oak, steel] = body.bundles;
    expect(oak).toMatchObject({ count: 3, support: 0.3 });
    expect(oak.lift).toBeCloseTo((100 * 3) / (5 * 4 * 4), 10);
    expect(oak.ruleAwareLift).toBeCloseTo(1.2, 10);
    expect(steel).toMatchObject({ count: 2, support: 0.2 });
    expect(steel.lift).toBeCloseTo((100 * 2) / (3 * 6 * 3), 10);
    // Its weakest pair is steel + no lamp: 10·2/(3·6).
    expect(steel.ruleAwareLift).toBeCloseTo(20 / 18, 10);
  });
});

describe("lead customers", () => {
  it("scores creators by novelty, votes, remixes by others and review outcomes, showing every part", async () => {
    const { body } = await get(`lead-customers?${MARCH}`);
    // Surprise of a value held by c of the 10 designs: ln(10/c); a design's novelty is the mean over its
    // 6 values (blank engraving and the two empty drawers add 0).
    const s = (c: number) => Math.log(10 / c);
    const d = (top: number, lamp: number, height: number) => (s(top) + s(lamp) + s(height)) / 6;
    const bob = d(5, 4, 4);
    const carol = (2 * d(5, 6, 3) + d(3, 4, 4) + 2 * d(3, 6, 3)) / 5;
    const alice = d(2, 6, 3);
    const mean = (3 * bob + 5 * carol + 2 * alice) / 10;
    expect(body.meanNovelty).toBeCloseTo(mean, 10);
    expect(body.formula).toMatch(/^score = /);
    expect(body.creators.map((c: { creator: { id: string } }) => c.creator.id)).toEqual([
      "cr_carol",
      "cr_alice",
      "cr_bob",
    ]);
    const [c, a, b] = body.creators;
    expect(c.components).toMatchObject({ designs: 5, votes: 0, remixesByOthers: 0, shortlisted: 0, commercialized: 1 });
    expect(c.components.noveltyIndex).toBeCloseTo(carol / mean, 10);
    expect(c.score).toBeCloseTo(10 * (carol / mean - 1) + 10, 10);
    expect(a).toMatchObject({ creator: { id: "cr_alice", name: "Name of cr_alice" } });
    expect(a.components).toMatchObject({ designs: 2, votes: 1, remixesByOthers: 0, shortlisted: 1, commercialized: 0 });
    expect(a.components.novelty).toBeCloseTo(alice, 10);
    expect(a.points).toMatchObject({ votes: 1, remixes: 0, shortlisted: 5, commercialized: 0 });
    expect(a.score).toBeCloseTo(10 * (alice / mean - 1) + 1 + 5, 10);
    // Bob's remix of his own design does not count; Alice's remix of his does.
    expect(b.components).toMatchObject({ designs: 3, votes: 3, remixesByOthers: 1 });
    expect(b.points).toMatchObject({ votes: 2, remixes: 3 });
    expect(b.score).toBeCloseTo(10 * (bob / mean - 1) + 2 + 3, 10);
  });

  it("limits the list", async () => {
    const { body } = await get(`lead-customers?${MARCH}&limit=1`);
    expect(body.creators.map((c: { creator: { id: string } }) => c.creator.id)).toEqual(["cr_carol"]);
  });
});
