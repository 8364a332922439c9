import type { Activity, Lead, LeadPoints, Pair, PairItem, Popularity, WantedChoice } from "./api.ts";
import type { PackLabels } from "./labels.ts";

/** Pure mappings from API answers to what the charts and their tables show. */

export interface HeatItem {
  readonly key: string;
  readonly variable: string;
  readonly value: string;
  readonly label: string;
}

export type HeatCell =
  | { readonly kind: "self" }
  | { readonly kind: "same" }
  | { readonly kind: "none" }
  | { readonly kind: "pair"; readonly lift: number; readonly count: number; readonly support: number };

export interface HeatGrid {
  /** Rows and columns alike: the values of the strongest pairs, in rank order. */
  readonly items: readonly HeatItem[];
  /** cells[row][column], symmetric. */
  readonly cells: readonly (readonly HeatCell[])[];
  /** The pair with the highest lift on the grid. */
  readonly strongest: { readonly row: number; readonly column: number; readonly lift: number } | null;
}

const itemKey = (item: { variable: string; value: string }) => `${item.variable}=${item.value}`;

/**
 * The heatmap of lift between the top values: the two values of the strongest pair, then again and again
 * the value with the most pairs among those already chosen (the earlier-ranked on a tie), so the grid
 * shows the tightest cluster around the strongest affinities rather than mostly empty cells. Each cell is
 * its pair's lift where the API returned that pair; values of the same choice cannot be chosen together
 * ("same"), and pairs the API left out (too rare, decided by the rules) have no data ("none").
 */
export function heatmapGrid(pairs: readonly Pair[], size: number, label: (item: PairItem) => string): HeatGrid {
  const seen = new Map<string, PairItem>();
  const links = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const [a, b] = [itemKey(pair.a), itemKey(pair.b)];
    if (!seen.has(a)) seen.set(a, pair.a);
    if (!seen.has(b)) seen.set(b, pair.b);
    links.set(a, (links.get(a) ?? new Set()).add(b));
    links.set(b, (links.get(b) ?? new Set()).add(a));
  }
  const chosen: string[] = [...seen.keys()].slice(0, Math.min(2, size));
  while (chosen.length < Math.min(size, seen.size)) {
    let best: string | null = null;
    let most = -1;
    for (const key of seen.keys()) {
      if (chosen.includes(key)) continue;
      const count = chosen.filter((c) => links.get(key)?.has(c)).length;
      if (count > most) {
        best = key;
        most = count;
      }
    }
    chosen.push(best!);
  }
  const items: HeatItem[] = chosen.map((key) => {
    const item = seen.get(key)!;
    return { key, variable: item.variable, value: item.value, label: label(item) };
  });
  const index = new Map(items.map((item, i) => [item.key, i]));
  const cells: HeatCell[][] = items.map((row, r) =>
    items.map((column, c): HeatCell => {
      if (r === c) return { kind: "self" };
      if (row.variable === column.variable) return { kind: "same" };
      return { kind: "none" };
    }),
  );
  let strongest: HeatGrid["strongest"] = null;
  for (const pair of pairs) {
    const a = index.get(itemKey(pair.a));
    const b = index.get(itemKey(pair.b));
    if (a === undefined || b === undefined || a === b) continue;
    const cell: HeatCell = { kind: "pair", lift: pair.lift, count: pair.count, support: pair.support };
    cells[a]![b] = cell;
    cells[b]![a] = cell;
    if (strongest === null || pair.lift > strongest.lift) strongest = { row: a, column: b, lift: pair.lift };
  }
  return { items, cells, strongest };
}

/** The heatmap's points for a scatter chart: one per cell off the diagonal, rows top to bottom. */
export function heatPoints(grid: HeatGrid): { x: number; y: number; row: number; column: number; cell: HeatCell }[] {
  const n = grid.items.length;
  return grid.cells.flatMap((row, r) =>
    row.map((cell, c) => ({ x: c, y: n - 1 - r, row: r, column: c, cell })).filter((p) => p.cell.kind !== "self"),
  );
}

const NEUTRAL: [number, number, number] = [241, 238, 232];
const MORE: [number, number, number] = [47, 91, 211];
const LESS: [number, number, number] = [194, 124, 14];

/** Blue as values go together more than chance (full at 8×), amber as they avoid each other (full at ¼). */
export function liftColour(lift: number | null): { fill: string; ink: string } {
  if (lift === null || !Number.isFinite(lift) || lift <= 0) return { fill: "#ece8e0", ink: "#6b665e" };
  const strength = Math.min(1, Math.abs(Math.log2(lift)) / (lift >= 1 ? 3 : 2));
  const target = lift >= 1 ? MORE : LESS;
  const mix = NEUTRAL.map((from, i) => Math.round(from + (target[i]! - from) * strength));
  return { fill: `rgb(${mix.join(", ")})`, ink: strength > 0.5 ? "#ffffff" : "#1d1c1a" };
}

export interface ValueBar {
  readonly value: string;
  readonly label: string;
  readonly count: number;
  readonly share: number;
}

/** One variable's values in the current language, most chosen first (as the API sorts them). */
export function popularityBars(variable: Popularity["variables"][number], labels: PackLabels): ValueBar[] {
  return variable.values.map((v) => ({
    value: v.value,
    label: labels.value(variable.variable, v.value, v.label),
    count: v.count,
    share: v.share,
  }));
}

/** The module a variable belongs to ("bays" for "bays.2.doors"), or null for the product's own choices. */
export function moduleOf(variable: string): string | null {
  return /^([^.]+)\.\d+\./.exec(variable)?.[1] ?? null;
}

/** The busiest day of an activity answer, by designs (null when nothing happened). */
export function busiestDay(activity: Activity): Activity["days"][number] | null {
  let best: Activity["days"][number] | null = null;
  for (const day of activity.days) if (day.designs > 0 && (best === null || day.designs > best.designs)) best = day;
  return best;
}

export const LEAD_PARTS = ["novelty", "votes", "remixes", "shortlisted", "commercialized"] as const;
export type LeadPart = (typeof LEAD_PARTS)[number];

/** A creator's points per component, for a stacked bar. */
export function leadBars(
  creators: readonly Lead[],
  top: number,
): ({ name: string; id: string; score: number } & LeadPoints)[] {
  return creators.slice(0, top).map((lead) => ({
    name: lead.creator.name,
    id: lead.creator.id,
    score: lead.score,
    ...lead.points,
  }));
}

/** The component that gave a creator the most points. */
export function largestPart(points: LeadPoints): LeadPart {
  return LEAD_PARTS.reduce((best, part) => (points[part] > points[best] ? part : best), LEAD_PARTS[0]);
}

/** The wanted choices in the current language, for the bar chart. */
export function wantedBars(wanted: readonly WantedChoice[], labels: PackLabels, top: number) {
  return wanted.slice(0, top).map((w) => ({
    wanted: w.wanted,
    label: labels.choice(w.wanted, w.label),
    count: w.count,
    sessions: w.sessions,
  }));
}

/** Round axis ticks from 0 to at least `max`: about `count` steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [0];
  while (ticks.at(-1)! < max) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return ticks;
}
