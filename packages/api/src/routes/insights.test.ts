import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designs } from "../db/schema.ts";
import { desk, insertDesigns, insertSignals } from "../insights/test-data.ts";
import { deskPack, setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let keys: Awaited<ReturnType<typeof setUp>>;

const A = {
  top: "oak",
  lamp: true,
  height: 80,
  engraving: "Ada",
  "drawers.1.type": "small",
  "drawers.1.handle": "knob",
  "drawers.2.type": "empty",
  "drawers.2.handle": "knob",
};
const B = desk("steel", false, 70);
const C = {
  ...desk("glass", false, 90),
  "drawers.1.type": "large",
  "drawers.2.type": "large",
};
const JANUARY = "from=2025-01-01&to=2025-01-31";

beforeAll(async () => {
  server = await startTestServer();
  keys = await setUp(server);
  // Version 1.1.0 adds a walnut top.
  const top = (deskPack.variables as { id: string; options?: unknown[] }[])[0]!;
  const walnut = { id: "walnut", label: "Walnut", price: 180, attributes: { width: 120, material: "wood" } };
  const next = {
    ...deskPack,
    version: "1.1.0",
    variables: [{ ...top, options: [...top.options!, walnut] }, ...(deskPack.variables as unknown[]).slice(1)],
  };
  const published = await server.call("POST", "/api/packs", { token: server.adminKey, body: next });
  if (published.status !== 201) throw new Error(published.text);
  await insertDesigns(server.services.db, [
    { choices: A, at: "2025-01-01T00:00:00Z", creator: "cr_one" },
    { choices: A, at: "2025-01-15T12:00:00Z", creator: "cr_one" },
    { choices: A, at: "2025-01-31T23:59:59Z", creator: "cr_two" },
    { choices: B, at: "2025-01-20T08:00:00Z", creator: "cr_two" },
    { choices: C, at: "2025-01-20T09:00:00Z", creator: "cr_three" },
    { choices: { ...A, top: "walnut" }, at: "2025-01-25T10:00:00Z", creator: "cr_three", version: "1.1.0" },
    // Outside the window, or withdrawn: never counted.
    { choices: A, at: "2024-12-31T23:59:59Z", creator: "cr_one" },
    { choices: A, at: "2025-02-01T00:00:00Z", creator: "cr_one" },
    { choices: C, at: "2025-01-10T00:00:00Z", creator: "cr_three", status: "withdrawn" },
  ]);
  await insertSignals(server.services.db, [
    { at: "2025-01-20T10:00:00Z", wanted: "lamp", blockedBy: ["top=glass"], constraints: ["glass-lamp"] },
    { at: "2025-01-20T11:00:00Z", wanted: "lamp", blockedBy: ["top=glass"], constraints: ["glass-lamp"] },
    { at: "2025-01-21T11:00:00Z", kind: "wish", text: "A walnut top", terms: ["walnut", "top"] },
    { at: "2025-02-21T11:00:00Z", kind: "wish", text: "Later", terms: ["later"] },
  ]);
});
afterAll(() => server.close());

/** GET as the product team, or with `token` (null: anonymous). */
const get = (path: string, token: string | null = keys.teamKey) =>
  server.call("GET", `/api/insights/test/desk/${path}`, { token: token ?? undefined });

describe("who may read insights", () => {
  const paths = ["popularity", "pairs", "bundles", "unmet-demand", "lead-customers", "activity"];

  it("product teams and admins only", async () => {
    const { token: creator } = await submit(server);
    for (const path of paths) {
      expect({ path, status: (await get(path, null)).status }).toEqual({ path, status: 401 });
      // A creator token is refused like any non-team caller (the shared requireKey decides 401 or 403).
      expect([401, 403]).toContain((await get(path, creator)).status);
      const partner = await get(path, keys.partnerKey);
      expect({ path, status: partner.status, code: partner.body.error.code }).toEqual({
        path,
        status: 403,
        code: "forbidden",
      });
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 200 });
      expect({ path, status: (await get(path, server.adminKey)).status }).toEqual({ path, status: 200 });
    }
  });

  it("answers 404 for an unknown pack or version and 400 for a bad window", async () => {
    expect((await server.call("GET", "/api/insights/test/none/popularity", { token: keys.teamKey })).status).toBe(404);
    expect((await get("popularity?version=3.0.0")).status).toBe(404);
    expect((await get("popularity?from=2025-02-01&to=2025-01-01")).status).toBe(400);
    expect((await get("popularity?from=yesterday")).status).toBe(400);
    expect((await get("pairs?minSupport=2")).status).toBe(400);
  });
});

describe("popularity", () => {
  it("counts each value's designs in the window, with the pack's labels, most chosen first", async () => {
    const { body, status } = await get(`popularity?${JANUARY}&version=1.0.0`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      pack: "test/desk",
      version: "1.0.0",
      from: "2025-01-01T00:00:00.000Z",
      to: "2025-02-01T00:00:00.000Z",
    });
    expect(body.designs).toBe(5);
    const variable = (id: string) => body.variables.find((v: { variable: string }) => v.variable === id);
    expect(variable("top")).toEqual({
      variable: "top",
      label: "Top",
      designs: 5,
      values: [
        { value: "oak", label: "Oak", count: 3, share: 0.6 },
        { value: "glass", label: "Glass", count: 1, share: 0.2 },
        { value: "steel", label: "Steel", count: 1, share: 0.2 },
      ],
    });
    expect(variable("height").values.map((v: { label: string; count: number }) => [v.label, v.count])).toEqual([
      ["80 cm", 3],
      ["70 cm", 1],
      ["90 cm", 1],
    ]);
    expect(variable("engraving").values.map((v: { label: string; count: number }) => [v.label, v.count])).toEqual([
      ["Filled in", 3],
      ["Blank", 2],
    ]);
    // Handles count only where the drawer slot is filled: 3 small + 1 large; bar is never chosen.
    expect(variable("drawers.1.handle")).toMatchObject({
      label: "Drawers 1: Handle",
      designs: 4,
      values: [
        { value: "knob", count: 4, share: 0.8 },
        { value: "bar", count: 0, share: 0 },
      ],
    });
    expect(variable("drawers.2.handle").designs).toBe(1);
    expect(variable("drawers.2.type").label).toBe("Drawers 2");
    expect(variable("drawers.2.type").values[0]).toEqual({ value: "empty", label: "Empty", count: 4, share: 0.8 });
  });

  it("spans every version without `version`, with the newest labels", async () => {
    const { body } = await get(`popularity?${JANUARY}`);
    expect(body.designs).toBe(6);
    const top = body.variables.find((v: { variable: string }) => v.variable === "top");
    expect(top.values.map((v: { label: string; count: number }) => [v.label, v.count])).toEqual([
      ["Oak", 3],
      ["Glass", 1],
      ["Steel", 1],
      ["Walnut", 1],
    ]);
  });

  it("filters by time window: inclusive start, a date-only end includes that day", async () => {
    const { body } = await get("popularity?from=2025-01-15&to=2025-01-20");
    expect(body.designs).toBe(3);
    const late = await get("popularity?from=2025-01-31T12:00:00Z&to=2025-02-01T00:00:00Z");
    expect(late.body.designs).toBe(1);
    const before = await get("popularity?from=2024-12-01&to=2024-12-31");
    expect(before.body.designs).toBe(1);
    // The default window is the last 90 days up to now: none of these designs.
    const recent = await get("popularity");
    expect(Date.now() - Date.parse(recent.body.to)).toBeLessThan(60_000);
    expect(Date.parse(recent.body.to) - Date.parse(recent.body.from)).toBe(90 * 86_400_000);
    expect(recent.body.designs).toBe(
      (await get(`popularity?from=${recent.body.from}&to=${recent.body.to}`)).body.designs,
    );
    expect(recent.body.designs).toBeLessThan(2);
  });

  it("follows status changes: a withdrawn design stops counting", async () => {
    const [id] = await insertDesigns(server.services.db, [
      { choices: B, at: "2025-01-05T00:00:00Z", creator: "cr_one" },
    ]);
    expect((await get(`popularity?${JANUARY}`)).body.designs).toBe(7);
    await server.services.db.update(designs).set({ status: "withdrawn" }).where(eq(designs.id, id!));
    expect((await get(`popularity?${JANUARY}`)).body.designs).toBe(6);
  });
});

describe("activity", () => {
  it("counts designs and signals per UTC day, empty days included", async () => {
    const { body } = await get(`activity?${JANUARY}`);
    expect(body.days).toHaveLength(31);
    expect(body.totals).toEqual({ designs: 6, blocked: 2, wishes: 1 });
    const day = (d: string) => body.days.find((x: { day: string }) => x.day === d);
    expect(day("2025-01-01")).toEqual({ day: "2025-01-01", designs: 1, blocked: 0, wishes: 0 });
    expect(day("2025-01-20")).toEqual({ day: "2025-01-20", designs: 2, blocked: 2, wishes: 0 });
    expect(day("2025-01-21")).toEqual({ day: "2025-01-21", designs: 0, blocked: 0, wishes: 1 });
    expect(day("2025-01-31")).toEqual({ day: "2025-01-31", designs: 1, blocked: 0, wishes: 0 });
    const versioned = await get(`activity?${JANUARY}&version=1.1.0`);
    expect(versioned.body.totals).toEqual({ designs: 1, blocked: 0, wishes: 0 });
  });
});
