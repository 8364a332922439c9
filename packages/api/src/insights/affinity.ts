import type { LoadedPack } from "../packs/registry.ts";
import { type DistinctSets, distinctSets } from "./distinct.ts";
import { type Layout, layoutOf } from "./layout.ts";
import { type Allowed, allowedWith, baselineOf } from "./links.ts";
import type { Sample } from "./sample.ts";

/** Values held by more of the designs than this go with everything (lift ≤ 1/share); pairs skip them. */
export const MAX_SHARE = 0.9;

export interface PairStats {
  readonly count: number;
  /** Classic lift: n·c(ab) / (c(a)·c(b)). */
  readonly lift: number;
  /** The smaller of both directions' lift over what the rules leave possible (see `direction`). */
  readonly ruleAwareLift: number;
  /** The rules limit one variable's values once the other value is chosen. */
  readonly linked: boolean;
  /** The rules decide one value from the other: no customer preference in it. */
  readonly forced: boolean;
}

/**
 * Co-occurrence counts of the values that can carry an affinity (at least `minCount` designs, at most
 * MAX_SHARE of them), counted in one pass over the designs' distinct value sets into a dense matrix.
 */
export class Affinities {
  readonly layout: Layout;
  readonly minCount: number;
  /** Global ids of the eligible values. */
  readonly eligible: number[];
  /** Dense index of every global id (-1 when not counted), and back; the designs' distinct dense sets. */
  readonly dense: Int32Array;
  readonly denseItems: Int32Array;
  readonly sets: DistinctSets;
  readonly size: number;
  private readonly matrix: Int32Array;
  private readonly itemIds = new Map<string, number>();
  /** Per variable (sample index): designs having a value for it, and the global id of its slot's "empty". */
  private readonly present: Float64Array;
  private readonly emptyOf: Int32Array;
  private readonly baseline: Allowed;

  constructor(
    readonly sample: Sample,
    readonly loaded: LoadedPack,
    minSupport: number,
  ) {
    const { n, counts, itemVariable, itemValue, variables } = sample;
    this.layout = layoutOf(loaded);
    this.minCount = Math.max(1, Math.ceil(minSupport * n - 1e-9));
    for (const [i, value] of itemValue.entries()) this.itemIds.set(`${variables[itemVariable[i]!]}=${value}`, i);
    this.present = new Float64Array(variables.length);
    for (let i = 0; i < counts.length; i++) this.present[itemVariable[i]!]! += counts[i]!;
    this.emptyOf = Int32Array.from(variables, (id) => {
      const variable = this.layout.variables[this.layout.byId.get(id) ?? -1];
      if (variable === undefined || variable.slotType < 0) return -1;
      const type = this.layout.variables[variable.slotType]!;
      return this.itemIds.get(`${type.id}=${type.values[variable.emptyOption]}`) ?? -1;
    });
    this.eligible = [];
    for (let i = 0; i < counts.length; i++)
      if (counts[i]! >= this.minCount && counts[i]! <= MAX_SHARE * n) this.eligible.push(i);
    // Counted: the eligible values plus the "empty slot" values, which tell when a slot variable is absent.
    const counted = new Set([...this.eligible, ...[...this.emptyOf].filter((i) => i >= 0)]);
    this.dense = new Int32Array(counts.length).fill(-1);
    let size = 0;
    for (const i of counted) this.dense[i] = size++;
    this.size = size;
    this.denseItems = Int32Array.from(counted);
    this.sets = distinctSets(sample, this.dense);
    // The hot loop: locals only, so the engine keeps everything in registers and typed arrays.
    const matrix = new Int32Array(size * size);
    const { count, offsets, items, weights } = this.sets;
    for (let s = 0; s < count; s++) {
      const start = offsets[s]!;
      const end = offsets[s + 1]!;
      const weight = weights[s]!;
      for (let x = start; x < end - 1; x++) {
        const row = items[x]! * size;
        for (let y = x + 1; y < end; y++) matrix[row + items[y]!]! += weight;
      }
    }
    this.matrix = matrix;
    this.baseline = baselineOf(loaded);
  }

  isEligible(item: number): boolean {
    const c = this.dense[item]!;
    return (
      c >= 0 && this.sample.counts[item]! >= this.minCount && this.sample.counts[item]! <= MAX_SHARE * this.sample.n
    );
  }

  /** Designs holding both values (both must be counted). */
  together(a: number, b: number): number {
    const x = this.dense[a]!;
    const y = this.dense[b]!;
    if (x < 0 || y < 0) return 0;
    return this.matrix[x * this.size + y]! + this.matrix[y * this.size + x]!;
  }

  stats(a: number, b: number): PairStats {
    const { n, counts } = this.sample;
    const count = this.together(a, b);
    const ab = this.direction(a, b, count);
    const ba = this.direction(b, a, count);
    return {
      count,
      lift: count === 0 ? 0 : (n * count) / (counts[a]! * counts[b]!),
      ruleAwareLift: Math.min(ab.lift, ba.lift),
      linked: ab.narrowed || ba.narrowed,
      forced: ab.forced || ba.forced,
    };
  }

  /**
   * How much more often b comes with a than expected if customers picked b's variable independently of
   * a among the values the rules still allow with a: expected = (designs with a that have b's variable)
   * × c(b) / Σ c(b') over the allowed b'. Without rules between them this is the classic lift.
   */
  private direction(a: number, b: number, count: number) {
    const { counts } = this.sample;
    const vb = this.sample.itemVariable[b]!;
    const { pool, narrowed, options } = this.poolOf(a, vb);
    const empty = this.emptyOf[vb]!;
    const copresent = counts[a]! - (empty >= 0 ? this.together(a, empty) : 0);
    const expected = pool === 0 ? 0 : (copresent * counts[b]!) / pool;
    return { lift: expected === 0 ? 0 : count / expected, narrowed, forced: narrowed && options === 1 };
  }

  private readonly pools = new Map<number, { pool: number; narrowed: boolean; options: number }>();

  /** Designs whose value of variable `vb` the rules allow with item `a` (cached: pairs share them). */
  private poolOf(a: number, vb: number) {
    const key = a * this.sample.variables.length + vb;
    let known = this.pools.get(key);
    if (known !== undefined) return known;
    const { counts, itemVariable, variables, itemValue } = this.sample;
    const reference = this.layout.byId.get(variables[vb]!);
    const allowed = allowedWith(this.loaded, variables[itemVariable[a]!]!, itemValue[a]!);
    known = { pool: this.present[vb]!, narrowed: false, options: 0 };
    if (allowed !== null && reference !== undefined) {
      known.pool = 0;
      for (const [o, value] of this.layout.variables[reference]!.values.entries()) {
        if (allowed[reference]![o]) {
          known.options++;
          known.pool += counts[this.itemIds.get(`${variables[vb]}=${value}`) ?? -1] ?? 0;
        } else if (this.baseline[reference]![o]) known.narrowed = true;
      }
    }
    this.pools.set(key, known);
    return known;
  }
}
