import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSignals } from "../insights/test-data.ts";
import { setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let teamKey: string;
let editor: { id: string; token: string };

const send = (body: Record<string, unknown>) =>
  server.call("POST", "/api/signals", { body: { pack: "test/desk", version: "1.0.0", ...body } });
const blocked = (wanted: string, blockedBy: string[], constraints: string[], session?: string) =>
  send({ kind: "blocked", wanted, blockedBy, constraints, ...(session ? { session } : {}) });
const get = (path: string) => server.call("GET", `/api/insights/test/desk/${path}`, { token: teamKey });

beforeAll(async () => {
  server = await startTestServer();
  teamKey = (await setUp(server)).teamKey;
  await blocked("lamp", ["top=glass"], ["glass-lamp"], "s1");
  await blocked("lamp", ["top=glass"], ["glass-lamp"], "s1");
  await blocked("lamp", ["top=glass"], ["glass-lamp"], "s2");
  await blocked("height=90", ["top=steel"], ["steel-height"]);
  await blocked("drawers.1.handle=bar", ["top=glass"], ["drawers.glass-no-bar"], "s3");
  await blocked("drawers.1.handle=bar", ["top=glass", "lamp"], ["drawers.glass-no-bar", "glass-lamp"], "s4");
  for (const text of ["A walnut top would be lovely", "Walnut please", "Deeper drawers", "More drawers for pens"])
    await send({ kind: "wish", text });
  // Design wishes: a wish and "what would make it a 10".
  await submit(server, { toTen: "Walnut veneer", wish: "a cable tray" });
  await submit(server, { toTen: "" });
  const { design, token } = await submit(server, { toTen: "Soft-close drawers" });
  editor = { id: design.id, token };
  // Long ago: outside the default window.
  await insertSignals(server.services.db, [
    { at: "2025-01-01T00:00:00Z", wanted: "lamp", constraints: ["glass-lamp"] },
  ]);
});
afterAll(() => server.close());

describe("unmet demand", () => {
  it("ranks blocked choices with distinct sessions and what blocked them", async () => {
    const { body, status } = await get("unmet-demand");
    expect(status).toBe(200);
    // Sessions s1-s4, and the signal without one counts as its own.
    expect(body.blocked).toMatchObject({ total: 6, sessions: 5 });
    expect(
      body.blocked.wanted.map((w: { wanted: string; count: number; sessions: number }) => [
        w.wanted,
        w.count,
        w.sessions,
      ]),
    ).toEqual([
      ["lamp", 3, 2],
      ["drawers.1.handle=bar", 2, 2],
      ["height=90", 1, 1],
    ]);
    const [lamp, bar, tall] = body.blocked.wanted;
    expect(lamp.label).toBe("Lamp: Yes");
    expect(lamp.constraints).toEqual([{ id: "glass-lamp", count: 3, message: "There is no lamp for glass tops" }]);
    expect(lamp.blockedBy).toEqual([{ id: "top=glass", count: 3 }]);
    expect(bar.label).toBe("Drawers 1: Handle: Bar");
    expect(bar.constraints).toEqual([
      { id: "drawers.glass-no-bar", count: 2, message: "Bar handles do not fit glass tops" },
      { id: "glass-lamp", count: 1, message: "There is no lamp for glass tops" },
    ]);
    expect(bar.blockedBy).toEqual([
      { id: "top=glass", count: 2 },
      { id: "lamp", count: 1 },
    ]);
    expect(tall).toMatchObject({
      label: "Height: 90 cm",
      constraints: [{ id: "steel-height", message: "Steel tops go up to 80 cm" }],
    });
  });

  it("groups wishes from signals and designs by their most shared keyword", async () => {
    const { body } = await get("unmet-demand");
    expect(body.wishes).toMatchObject({ total: 7, signals: 4, designWishes: 1, designToTen: 2 });
    // walnut: 3 texts, drawer: 3, cable: 1 (its tie with "tray" goes alphabetically).
    expect(body.wishes.themes.map((t: { theme: string; count: number }) => [t.theme, t.count])).toEqual([
      ["drawer", 3],
      ["walnut", 3],
      ["cable", 1],
    ]);
    const [drawer, walnut, cable] = body.wishes.themes;
    expect(drawer.sources).toEqual({ signals: 2, designWishes: 0, designToTen: 1 });
    expect(drawer.related.map((r: { term: string }) => r.term)).toEqual(["close", "deeper", "pen", "soft"]);
    expect(walnut.sources).toEqual({ signals: 2, designWishes: 0, designToTen: 1 });
    expect(walnut.related).toEqual([
      { term: "lovely", count: 1 },
      { term: "top", count: 1 },
      { term: "veneer", count: 1 },
    ]);
    // Newest first.
    expect(walnut.examples).toEqual([
      { source: "toTen", text: "Walnut veneer" },
      { source: "signal", text: "Walnut please" },
      { source: "signal", text: "A walnut top would be lovely" },
    ]);
    expect(cable).toMatchObject({ sources: { designWishes: 1 }, examples: [{ source: "wish", text: "a cable tray" }] });
  });

  it("follows edited words", async () => {
    const edited = await server.call("PATCH", `/api/designs/${editor.id}`, {
      token: editor.token,
      body: { toTen: "Walnut legs" },
    });
    expect(edited.status).toBe(200);
    const { body } = await get("unmet-demand");
    expect(body.wishes.themes.map((t: { theme: string; count: number }) => [t.theme, t.count])).toEqual([
      ["walnut", 4],
      ["drawer", 2],
      ["cable", 1],
    ]);
    expect(body.wishes.themes[0].examples[0]).toEqual({ source: "toTen", text: "Walnut legs" });
  });

  it("limits both lists and honours the window", async () => {
    const { body } = await get("unmet-demand?limit=1");
    expect(body.blocked.wanted).toHaveLength(1);
    expect(body.wishes.themes).toHaveLength(1);
    const old = await get("unmet-demand?from=2024-12-01&to=2025-01-31");
    expect(old.body.blocked).toMatchObject({ total: 1, sessions: 1 });
    expect(old.body.wishes.total).toBe(0);
  });
});
