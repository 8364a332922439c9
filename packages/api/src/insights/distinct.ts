import type { Sample } from "./sample.ts";

/**
 * The designs' counted values (dense ids, -1 in `dense` for values not counted), with identical sets
 * merged and weighted by how many designs hold them: pair and triple counts stay exact and cost per
 * distinct set. Configurations recur (defaults, presets, popular picks), and rare values are not counted;
 * when every set is distinct this costs one hash and one map lookup per design more.
 */
export interface DistinctSets {
  readonly count: number;
  readonly offsets: Int32Array;
  readonly items: Int32Array;
  readonly weights: Int32Array;
}

export function distinctSets(sample: Sample, dense: Int32Array): DistinctSets {
  const { n, offsets, items } = sample;
  const outOffsets = new Int32Array(n + 1);
  const outItems = new Int32Array(items.length);
  const weights = new Int32Array(n);
  // Hash → first set with it; further sets with the same hash are chained through `next`.
  const first = new Map<number, number>();
  const next = new Int32Array(n).fill(-1);
  let sets = 0;
  let at = 0;
  for (let d = 0; d < n; d++) {
    const start = at;
    let hash = 2166136261;
    for (let k = offsets[d]!; k < offsets[d + 1]!; k++) {
      const c = dense[items[k]!]!;
      if (c < 0) continue;
      outItems[at++] = c;
      hash = Math.imul(hash ^ c, 16777619);
    }
    const length = at - start;
    let same = -1;
    for (let s = first.get(hash) ?? -1; s >= 0 && same < 0; s = next[s]!) {
      const from = outOffsets[s]!;
      if (outOffsets[s + 1]! - from !== length) continue;
      let equal = true;
      for (let i = 0; i < length && equal; i++) equal = outItems[from + i] === outItems[start + i];
      if (equal) same = s;
    }
    if (same >= 0) {
      weights[same]!++;
      at = start;
      continue;
    }
    const previous = first.get(hash);
    if (previous !== undefined) next[sets] = previous;
    first.set(hash, sets);
    weights[sets] = 1;
    outOffsets[++sets] = at;
  }
  return { count: sets, offsets: outOffsets, items: outItems, weights };
}
