/**
 * CNF construction for importers. Every auxiliary variable is defined by a full equivalence
 * (x ⇔ its subformula), never a one-sided implication, so each auxiliary is a function of the
 * input variables and model counts over all variables equal counts over the inputs.
 */

/** A formula in negation normal form over DIMACS literals. */
export type Nnf = number | { readonly op: "and" | "or"; readonly args: readonly Nnf[] };

export interface EncodeLimits {
  /**
   * Largest number of clauses a subset (pairwise for at-most-one) cardinality encoding may use;
   * bigger groups get a sequential counter, linear in size but with auxiliaries.
   */
  readonly subsetLimit?: number;
  /** Largest number of clauses a disjunction may distribute into before its parts get auxiliaries. */
  readonly distributeLimit?: number;
}

export const DEFAULT_SUBSET_LIMIT = 120;
export const DEFAULT_DISTRIBUTE_LIMIT = 16;

export class CnfBuilder {
  readonly clauses: number[][] = [];
  private vars: number;
  private readonly definitions = new Map<string, number>();
  private readonly estimates = new WeakMap<object, number>();
  private readonly subsetLimit: number;
  private readonly distributeLimit: number;

  constructor(inputs: number, limits: EncodeLimits = {}) {
    this.vars = inputs;
    this.subsetLimit = limits.subsetLimit ?? DEFAULT_SUBSET_LIMIT;
    this.distributeLimit = limits.distributeLimit ?? DEFAULT_DISTRIBUTE_LIMIT;
  }

  get numVars(): number {
    return this.vars;
  }

  /** Adds a clause (duplicate literals removed); returns its index, or -1 for a dropped tautology. */
  add(clause: readonly number[]): number {
    const normal = normalize(clause);
    if (normal === undefined) return -1;
    this.clauses.push(normal);
    return this.clauses.length - 1;
  }

  /** A literal equivalent to `f`, introducing defined auxiliaries for compound parts (Tseitin). */
  define(f: Nnf): number {
    if (typeof f === "number") return f;
    const lits = [...new Set(f.args.map((a) => this.define(a)))];
    if (lits.length === 1) return lits[0]!;
    if (lits.length === 0) return this.constant(f.op === "and");
    const key = `${f.op}:${[...lits].sort((a, b) => a - b).join(",")}`;
    const known = this.definitions.get(key);
    if (known !== undefined) return known;
    const x = ++this.vars;
    this.definitions.set(key, x);
    // and: x → each, all → x.  or: each → x, x → some.  Complementary inputs leave x forced.
    const sign = f.op === "and" ? 1 : -1;
    for (const l of lits) this.add([-sign * x, sign * l]);
    this.add([sign * x, ...lits.map((l) => -sign * l)]);
    return x;
  }

  /** Clauses equivalent to `f`; auxiliaries are added only where distribution would blow up. */
  clausify(f: Nnf): number[][] {
    if (typeof f === "number") return [[f]];
    if (f.op === "and") return f.args.flatMap((a) => this.clausify(a));
    const sizes = f.args.map((a) => this.estimate(a));
    const named = f.args.map(() => false);
    for (;;) {
      const product = sizes.reduce((p, s) => Math.min(p * s, Number.MAX_SAFE_INTEGER), 1);
      if (product <= this.distributeLimit) break;
      let biggest = -1;
      for (let i = 0; i < sizes.length; i++)
        if (sizes[i]! > 1 && (biggest < 0 || sizes[i]! > sizes[biggest]!)) biggest = i;
      if (biggest < 0) break;
      named[biggest] = true;
      sizes[biggest] = 1;
    }
    // Single-clause parts go into one shared prefix, so wide disjunctions stay linear.
    const prefix: number[] = [];
    let result: number[][] = [prefix];
    f.args.forEach((a, i) => {
      const part = named[i] ? [[this.define(a)]] : this.clausify(a);
      if (part.length === 1) for (const l of part[0]!) prefix.push(l);
      else result = result.flatMap((r) => part.map((c) => (r === prefix ? c : r.concat(c))));
    });
    if (result[0] !== prefix) result = result.map((r) => prefix.concat(r));
    const out: number[][] = [];
    for (const c of result) {
      const clause = normalize(c);
      if (clause !== undefined) out.push(clause);
    }
    return out;
  }

  /**
   * Clauses for "if `guard` holds, between `min` and `max` (undefined: no bound) of `lits` hold".
   * The upper bound is stated without the guard: callers use it where the literals imply the guard,
   * and the shorter clauses propagate better.
   */
  cardinality(guard: number, lits: readonly number[], min: number, max: number | undefined): number[][] {
    const k = lits.length;
    const out: number[][] = [];
    let counterBound = 0;
    let lowerByCounter = false;
    let upperByCounter = false;
    if (min > k) out.push([-guard]);
    else if (min === 1) out.push([-guard, ...lits]);
    else if (min === k && min > 0) for (const l of lits) out.push([-guard, l]);
    else if (min > 1) {
      // At least min of k: every k - min + 1 of them contain a selected one.
      if (binomial(k, k - min + 1, this.subsetLimit) <= this.subsetLimit)
        for (const s of subsets(lits, k - min + 1)) out.push([-guard, ...s]);
      else {
        lowerByCounter = true;
        counterBound = min;
      }
    }
    if (max !== undefined && max < k) {
      if (max === 0) for (const l of lits) out.push([-l]);
      else if (binomial(k, max + 1, this.subsetLimit) <= this.subsetLimit)
        for (const s of subsets(lits, max + 1)) out.push(s.map((l) => -l));
      else {
        upperByCounter = true;
        counterBound = Math.max(counterBound, max + 1);
      }
    }
    if (counterBound > 0) {
      const atLeast = this.counter(lits, counterBound);
      if (lowerByCounter) out.push([-guard, atLeast[min]!]);
      if (upperByCounter) out.push([-atLeast[max! + 1]!]);
    }
    return out;
  }

  /**
   * Sequential counter (Sinz 2005) with full definitions: `result[j]` ⇔ at least j of `lits`,
   * for 1 ≤ j ≤ bound ≤ lits.length, via s(i, j) ⇔ s(i-1, j) ∨ (s(i-1, j-1) ∧ lit_i).
   */
  private counter(lits: readonly number[], bound: number): number[] {
    let previous: number[] = [];
    lits.forEach((lit, i) => {
      const current: number[] = [];
      for (let j = 1; j <= Math.min(i + 1, bound); j++) {
        const carry = j <= i ? previous[j] : undefined;
        const below = j > 1 ? previous[j - 1] : undefined;
        if (carry === undefined && below === undefined) current[j] = lit;
        else if (below === undefined) current[j] = this.define({ op: "or", args: [carry!, lit] });
        else if (carry === undefined) current[j] = this.define({ op: "and", args: [below, lit] });
        else {
          const x = ++this.vars;
          this.add([-x, carry, below]);
          this.add([-x, carry, lit]);
          this.add([-carry, x]);
          this.add([-below, -lit, x]);
          current[j] = x;
        }
      }
      previous = current;
    });
    return previous;
  }

  private constant(value: boolean): number {
    let t = this.definitions.get("true");
    if (t === undefined) {
      t = ++this.vars;
      this.definitions.set("true", t);
      this.add([t]);
    }
    return value ? t : -t;
  }

  /** Clauses plain distribution would produce, saturating just above the limit. */
  private estimate(f: Nnf): number {
    if (typeof f === "number") return 1;
    const known = this.estimates.get(f);
    if (known !== undefined) return known;
    const cap = this.distributeLimit + 1;
    let n = f.op === "and" ? 0 : 1;
    for (const a of f.args) n = Math.min(cap, f.op === "and" ? n + this.estimate(a) : n * this.estimate(a));
    this.estimates.set(f, n);
    return n;
  }
}

/** Removes duplicate literals; undefined for a tautology. */
function normalize(clause: readonly number[]): number[] | undefined {
  const seen = new Set<number>();
  for (const l of clause) {
    if (seen.has(-l)) return undefined;
    seen.add(l);
  }
  return [...seen];
}

/** C(n, r), or a number above `cap` as soon as it exceeds it. */
export function binomial(n: number, r: number, cap: number): number {
  if (r < 0 || r > n) return 0;
  let result = 1;
  for (let i = 1; i <= Math.min(r, n - r); i++) {
    result = (result * (n - i + 1)) / i;
    if (result > cap) return cap + 1;
  }
  return Math.round(result);
}

/** All r-element subsets of `items`, in lexicographic order of positions. */
function* subsets(items: readonly number[], r: number): Generator<number[]> {
  const index = Array.from({ length: r }, (_, i) => i);
  while (true) {
    yield index.map((i) => items[i]!);
    let i = r - 1;
    while (i >= 0 && index[i] === items.length - r + i) i--;
    if (i < 0) return;
    index[i]!++;
    for (let j = i + 1; j < r; j++) index[j] = index[j - 1]! + 1;
  }
}
