import { z } from "@hono/zod-openapi";
import { type Affinities, MAX_SHARE } from "./affinity.ts";
import type { Sample } from "./sample.ts";
import { WindowQuery } from "./window.ts";

export const PairsQuery = WindowQuery.extend({
  minSupport: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.01)
    .openapi({ description: "Least share of the window's designs holding the values together" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const ItemSchema = z.object({ variable: z.string(), value: z.string(), label: z.string(), count: z.number().int() });

const Common = {
  count: z.number().int().openapi({ description: "Designs holding all the values" }),
  support: z.number().openapi({ description: "count / designs in the window" }),
  lift: z.number().openapi({ description: "support / product of the values' shares" }),
  ruleAwareLift: z.number().openapi({
    description:
      "Lift against what the rules still allow: how much more often the values go together than if customers chose freely among the allowed values. Ranked by this.",
  }),
};

const Excluded = z.object({
  commonValues: z
    .number()
    .int()
    .openapi({ description: `Values held by more than ${MAX_SHARE * 100}% of designs` }),
  forced: z.number().int().openapi({ description: "Pairs the rules decide (one value implies the other)" }),
});

export const PairsSchema = z
  .object({
    designs: z.number().int(),
    minCount: z.number().int(),
    pairs: z.array(
      z.object({
        a: ItemSchema,
        b: ItemSchema,
        ...Common,
        confidence: z.object({ aToB: z.number(), bToA: z.number() }),
        linked: z.boolean().openapi({ description: "The rules limit one variable once the other value is chosen" }),
      }),
    ),
    excluded: Excluded,
  })
  .openapi("Pairs");

export const BundlesSchema = z
  .object({
    designs: z.number().int(),
    minCount: z.number().int(),
    bundles: z.array(z.object({ values: z.array(ItemSchema).length(3), ...Common })),
    excluded: Excluded,
  })
  .openapi("Bundles");

interface Pair {
  readonly a: number;
  readonly b: number;
  readonly stats: ReturnType<Affinities["stats"]>;
}

/** Candidate pairs of different variables with enough support, strongest rule-aware affinity first. */
function rankedPairs(affinities: Affinities): { pairs: Pair[]; forced: number } {
  const { sample, eligible, minCount } = affinities;
  const pairs: Pair[] = [];
  let forced = 0;
  for (let x = 0; x < eligible.length; x++) {
    for (let y = x + 1; y < eligible.length; y++) {
      const a = eligible[x]!;
      const b = eligible[y]!;
      if (sample.itemVariable[a] === sample.itemVariable[b] || affinities.together(a, b) < minCount) continue;
      const stats = affinities.stats(a, b);
      if (stats.forced) forced++;
      else pairs.push({ a, b, stats });
    }
  }
  pairs.sort((p, q) => q.stats.ruleAwareLift - p.stats.ruleAwareLift || q.stats.count - p.stats.count);
  return { pairs, forced };
}

export type Labeler = (item: number) => z.infer<typeof ItemSchema>;

export function pairs(affinities: Affinities, limit: number, label: Labeler): z.infer<typeof PairsSchema> {
  const { sample, minCount } = affinities;
  const { pairs: ranked, forced } = rankedPairs(affinities);
  return {
    designs: sample.n,
    minCount,
    pairs: ranked.slice(0, limit).map(({ a, b, stats }) => ({
      a: label(a),
      b: label(b),
      count: stats.count,
      support: stats.count / sample.n,
      lift: stats.lift,
      ruleAwareLift: stats.ruleAwareLift,
      confidence: { aToB: stats.count / sample.counts[a]!, bToA: stats.count / sample.counts[b]! },
      linked: stats.linked,
    })),
    excluded: { commonValues: commonValues(sample), forced },
  };
}

/**
 * Sets of three values, grown from the strongest pairs (apriori: a frequent triple's pairs are frequent)
 * by the third values that most often join them. Their rule-aware lift is the weakest of their three
 * pairs', so every pair in a bundle goes together more than the rules explain.
 */
export function bundles(affinities: Affinities, limit: number, label: Labeler): z.infer<typeof BundlesSchema> {
  const { sample, minCount, dense, denseItems, size } = affinities;
  const { n, counts, itemVariable } = sample;
  const { pairs: ranked, forced } = rankedPairs(affinities);
  // Seeds and values in the dense space of the counted values.
  const seeds = ranked.slice(0, Math.min(200, 2 * limit)).map((p) => ({ ...p, x: dense[p.a]!, y: dense[p.b]! }));
  const eligible = Uint8Array.from(denseItems, (item) => Number(affinities.isEligible(item)));
  // Seeds by their first value (CSR arrays), so a set finds the seeds it holds from its own values.
  const first = new Int32Array(size + 1);
  for (const { x } of seeds) first[x + 1]!++;
  for (let i = 0; i < size; i++) first[i + 1]! += first[i]!;
  const other = new Int32Array(seeds.length);
  const seedOf = new Int32Array(seeds.length);
  const fill = first.slice(0, size);
  seeds.forEach(({ x, y }, seed) => {
    const at = fill[x]!++;
    other[at] = y;
    seedOf[at] = seed;
  });
  // One pass over the distinct sets: where a set holds a seed pair, count its other eligible values.
  const joined = new Int32Array(seeds.length * size);
  const present = new Int32Array(size).fill(-1);
  const { count: sets, offsets, items, weights } = affinities.sets;
  for (let s = 0; s < sets; s++) {
    const start = offsets[s]!;
    const end = offsets[s + 1]!;
    const weight = weights[s]!;
    for (let k = start; k < end; k++) present[items[k]!] = s;
    for (let k = start; k < end; k++) {
      const x = items[k]!;
      for (let p = first[x]!; p < first[x + 1]!; p++) {
        if (present[other[p]!] !== s) continue;
        const row = seedOf[p]! * size;
        for (let j = start; j < end; j++) if (eligible[items[j]!]) joined[row + items[j]!]! += weight;
      }
    }
  }
  const seen = new Set<string>();
  const found: { values: number[]; count: number; ruleAwareLift: number }[] = [];
  seeds.forEach(({ a, b, stats }, seed) => {
    for (let z = 0; z < size; z++) {
      const count = joined[seed * size + z]!;
      const c = denseItems[z]!;
      if (count < minCount || c === a || c === b) continue;
      if (itemVariable[c] === itemVariable[a] || itemVariable[c] === itemVariable[b]) continue;
      const values = [a, b, c].sort((p, q) => p - q);
      const key = values.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const ac = affinities.stats(a, c);
      const bc = affinities.stats(b, c);
      if (ac.forced || bc.forced) continue;
      found.push({ values, count, ruleAwareLift: Math.min(stats.ruleAwareLift, ac.ruleAwareLift, bc.ruleAwareLift) });
    }
  });
  const lift = (t: { values: number[]; count: number }) =>
    (n * n * t.count) / t.values.reduce((product, v) => product * counts[v]!, 1);
  found.sort((p, q) => q.ruleAwareLift - p.ruleAwareLift || q.count - p.count);
  return {
    designs: n,
    minCount,
    bundles: found.slice(0, limit).map((t) => ({
      values: t.values.map(label),
      count: t.count,
      support: t.count / n,
      lift: lift(t),
      ruleAwareLift: t.ruleAwareLift,
    })),
    excluded: { commonValues: commonValues(sample), forced },
  };
}

function commonValues(sample: Sample): number {
  let common = 0;
  for (let i = 0; i < sample.counts.length; i++) if (sample.counts[i]! > MAX_SHARE * sample.n) common++;
  return common;
}
