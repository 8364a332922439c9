import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePack, parsePackValue } from "@kitbash/rules";
import { packInfo } from "../engine/info.ts";
import type { Pair, PairItem } from "./api.ts";
import { heatmapGrid, heatPoints, liftColour, moduleOf, niceTicks, popularityBars, wantedBars } from "./chart-data.ts";
import { apiLabels, packLabels } from "./labels.ts";
import { studioStrings } from "./strings.ts";

const item = (variable: string, value: string): PairItem => ({
  variable,
  value,
  label: `${variable}: ${value}`,
  count: 10,
});

const pair = (a: PairItem, b: PairItem, lift: number, count = 12): Pair => ({
  a,
  b,
  count,
  support: count / 100,
  lift,
  ruleAwareLift: lift,
  confidence: { aToB: 0.5, bToA: 0.5 },
  linked: false,
});

const oak = item("frame", "oak");
const oiled = item("finish", "oiled");
const steel = item("frame", "steel");
const wall = item("mounting", "wall");
const desk = item("bays.1.type", "desk");
const spots = item("lighting", "spots");

describe("the lift heatmap's grid", () => {
  const pairs = [
    pair(oak, oiled, 3.5),
    pair(steel, wall, 2.5),
    pair(oiled, wall, 1.8),
    pair(oak, wall, 0.6),
    pair(desk, spots, 1.4),
  ];

  it("starts from the strongest pair and adds the values most linked to those chosen", () => {
    const grid = heatmapGrid(pairs, 4, (i) => i.label);
    // wall pairs with both oak and oiled; steel and desk with nothing chosen yet.
    expect(grid.items.map((i) => i.key)).toEqual(["frame=oak", "finish=oiled", "mounting=wall", "frame=steel"]);
  });

  it("fills each cell with its pair's lift, both ways, and marks the diagonal, same-choice and missing pairs", () => {
    const grid = heatmapGrid(pairs, 4, (i) => i.label.toUpperCase());
    const [oakRow, oiledRow, wallRow, steelRow] = grid.cells;
    expect(oakRow![1]).toEqual({ kind: "pair", lift: 3.5, count: 12, support: 0.12 });
    expect(oiledRow![0]).toEqual(oakRow![1]);
    expect(oakRow![2]).toMatchObject({ kind: "pair", lift: 0.6 });
    expect(wallRow![1]).toMatchObject({ kind: "pair", lift: 1.8 });
    expect(steelRow![2]).toMatchObject({ kind: "pair", lift: 2.5 });
    expect(oakRow![0]).toEqual({ kind: "self" });
    expect(oakRow![3]).toEqual({ kind: "same" }); // oak and steel are both frames
    expect(oiledRow![3]).toEqual({ kind: "none" }); // the API returned no oiled–steel pair
    expect(grid.strongest).toEqual({ row: 0, column: 1, lift: 3.5 });
    expect(grid.items[0]!.label).toBe("FRAME: OAK");
  });

  it("becomes chart points off the diagonal, the first row on top", () => {
    const grid = heatmapGrid(pairs, 3, (i) => i.label);
    const points = heatPoints(grid);
    expect(points).toHaveLength(6);
    expect(points.find((p) => p.row === 0 && p.column === 1)).toMatchObject({ x: 1, y: 2 });
    expect(points.some((p) => p.row === p.column)).toBe(false);
  });

  it("is empty without pairs, and never larger than the values there are", () => {
    expect(heatmapGrid([], 8, (i) => i.label)).toEqual({ items: [], cells: [], strongest: null });
    expect(heatmapGrid([pair(oak, oiled, 2)], 8, (i) => i.label).items).toHaveLength(2);
  });

  it("colours lift blue above 1, amber below, grey without data", () => {
    const rgb = (lift: number | null) => liftColour(lift).fill.match(/\d+/g)!.map(Number);
    const [r1, , b1] = rgb(4);
    expect(b1).toBeGreaterThan(r1!);
    const [r2, , b2] = rgb(0.3);
    expect(r2).toBeGreaterThan(b2!);
    expect(liftColour(null).fill).toBe("#ece8e0");
    expect(rgb(16)).toEqual(rgb(8)); // saturated from 8×
    expect(liftColour(8).ink).toBe("#ffffff");
    expect(liftColour(1.05).ink).toBe("#1d1c1a");
  });
});

describe("chart data in the team's language", () => {
  const raw = JSON.parse(readFileSync(`${import.meta.dirname}/../../../rules/packs/acme-shelving.json`, "utf8"));
  const parsed = parsePackValue(raw);
  if (!parsed.ok) throw new Error("the pack does not parse");
  const compiled = compilePack(parsed.pack, () => []);
  if (!compiled.ok) throw new Error("the pack does not compile");
  const info = packInfo(compiled.compiled);
  const german = packLabels(info, "de", studioStrings("de"));

  it("relabels popularity bars, keeping the API's label for values the pack does not know", () => {
    const bars = popularityBars(
      {
        variable: "frame",
        label: "Frame",
        designs: 3,
        values: [
          { value: "oak", label: "Solid oak", count: 2, share: 2 / 3 },
          { value: "bamboo", label: "Bamboo", count: 1, share: 1 / 3 },
        ],
      },
      german,
    );
    expect(bars.map((b) => b.label)).toEqual(["Eiche massiv", "Bamboo"]);
    expect(bars[0]).toMatchObject({ value: "oak", count: 2 });
    expect(popularityBars({ variable: "frame", label: "Frame", designs: 0, values: [] }, apiLabels)).toEqual([]);
  });

  it("names module slots, booleans, signals' choices and rule messages like the API, in German", () => {
    expect(german.variable("bays.2.doors", "Bays 2: Doors")).toBe("Felder 2: Türen");
    expect(german.variable("bays.2.type", "Bays 2")).toBe("Felder 2");
    expect(german.item({ variable: "bays.1.type", value: "desk", label: "Bays 1: Desk bay" })).toBe(
      "Felder 1: Schreibtischfeld",
    );
    expect(german.value("assembly", "true", "Yes")).toBe("Ja");
    expect(german.choice("finish=oiled")).toBe("Oberfläche: Naturöl");
    expect(german.choice("!frame=oak")).toBe("nicht Gestell: Eiche massiv");
    expect(german.choice("gone=away", "Gone: away")).toBe("Gone: away");
    expect(german.message("anodised-aluminium", "Only aluminium can be anodised")).toBe(
      "Nur Aluminium kann eloxiert werden",
    );
    expect(german.message("bays.2.doors:applies", "Doors only applies when type = cabinet")).toBe(
      "Doors only applies when type = cabinet",
    );
    expect(german.module("bays")).toBe("Felder");
  });

  it("maps wanted choices and module membership", () => {
    const bars = wantedBars(
      [
        { wanted: "finish=oiled", label: "Finish: Natural oil", count: 9, sessions: 7, constraints: [], blockedBy: [] },
        { wanted: "frame=oak", label: "Frame: Solid oak", count: 4, sessions: 4, constraints: [], blockedBy: [] },
      ],
      german,
      1,
    );
    expect(bars).toEqual([{ wanted: "finish=oiled", label: "Oberfläche: Naturöl", count: 9, sessions: 7 }]);
    expect(moduleOf("bays.3.doors")).toBe("bays");
    expect(moduleOf("frame")).toBeNull();
  });

  it("picks round axis ticks", () => {
    expect(niceTicks(151)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0]);
  });
});
