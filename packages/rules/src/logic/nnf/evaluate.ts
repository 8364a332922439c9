import { AND, DECISION, FALSE, FREE, LIT, type Nnf, TRUE } from "./nnf.ts";
import { SUMMARY_SIZE } from "./kernel.ts";
import { NodeSummaries } from "./summaries.ts";

/**
 * Linear-time queries on a smooth d-DNNF under evidence. Evidence is `allowed[lit]`: 0 zeroes a
 * literal (every model containing it is excluded), 1 keeps it. Passes run bottom-up over node ids
 * and, for per-literal answers, top-down with the derivative of the circuit (Darwiche's
 * differential approach): the derivative at literal l counts the models containing l under all
 * evidence except l's own zeroing, which is exactly "could this value be chosen instead?".
 */
export class NnfEvaluator {
  private readonly sat: Uint8Array;
  private readonly counts: bigint[];
  private readonly primary: Float64Array;
  private readonly secondary: Float64Array;
  /** bestModel's pick per DECISION node: 1 for its second branch. */
  private readonly secondBranch: Uint8Array;
  private readonly summaries: NodeSummaries;
  private derivatives: Float64Array | undefined;
  private suffixes: Float64Array | undefined;

  constructor(readonly nnf: Nnf) {
    const size = nnf.nodeCount;
    this.sat = new Uint8Array(size);
    this.counts = new Array<bigint>(size).fill(0n);
    this.primary = new Float64Array(size);
    this.secondary = new Float64Array(size);
    this.secondBranch = new Uint8Array(size);
    this.summaries = new NodeSummaries(nnf);
  }

  /**
   * Everything one click needs: the exact model count, the price range (`prices` summed) and
   * lead-time range (largest of `leadTimes`, -Infinity for a model without any) over the models,
   * and, in `possible`, what `possibleLiterals` gives. Only nodes above the variables whose
   * evidence changed since the last call are recomputed (see NodeSummaries).
   */
  click(allowed: Uint8Array, prices: Float64Array, leadTimes: Float64Array, possible: Uint8Array): ClickSummary {
    this.summaries.update(allowed, prices, leadTimes);
    this.summaries.possibleLiterals(possible);
    const at = this.nnf.root * SUMMARY_SIZE;
    const s = this.summaries.values;
    if (s[at] === 0) return { count: 0n, price: undefined, leadTime: undefined };
    return {
      count: this.exactCount(allowed),
      price: { min: s[at + 1]!, max: s[at + 2]! },
      leadTime: { min: s[at + 3]!, max: s[at + 4]! },
    };
  }

  /** Is there a model under the evidence? */
  satisfiable(allowed: Uint8Array): boolean {
    this.upSat(allowed);
    return this.sat[this.nnf.root] === 1;
  }

  /**
   * For every literal, whether some model contains it under all evidence except its own zeroing.
   * Writes into `out` (length 2 * numVars). Returns whether the evidence itself is satisfiable.
   */
  possibleLiterals(allowed: Uint8Array, out: Uint8Array): boolean {
    this.summaries.update(allowed);
    this.summaries.possibleLiterals(out);
    return this.summaries.sat[this.nnf.root] === 1;
  }

  /** The exact number of models under the evidence. */
  count(allowed: Uint8Array): bigint {
    this.summaries.update(allowed);
    return this.exactCount(allowed);
  }

  /**
   * The root's exact count after a summaries update. A double count below 2^53 is exact (every node that
   * contributes to it is no larger, and rounding is monotone), so only the nodes at or above 2^53,
   * usually a few near the root and known in advance, are recounted with BigInt.
   */
  private exactCount(allowed: Uint8Array): bigint {
    const { edges, root } = this.nnf;
    const s = this.summaries.values;
    const { counts } = this;
    const floatCount = (node: number) => s[node * SUMMARY_SIZE]!;
    if (floatCount(root) < MAX_EXACT_DOUBLE) return BigInt(floatCount(root));
    // Children below 2^53 are multiplied in doubles while the product stays exact there.
    const product = (start: number, end: number) => {
      let exact = 1n;
      let pending = 1;
      for (let i = start; i < end; i++) {
        const child = edges[i]!;
        const factor = floatCount(child);
        if (factor === 0) return 0n;
        if (factor >= MAX_EXACT_DOUBLE) exact *= counts[child]!;
        else if (pending * factor < MAX_EXACT_DOUBLE) pending *= factor;
        else {
          exact *= BigInt(pending);
          pending = factor;
        }
      }
      return exact * BigInt(pending);
    };
    for (const node of this.summaries.nodesCountingAtLeast(MAX_EXACT_DOUBLE)) {
      if (floatCount(node) >= MAX_EXACT_DOUBLE) counts[node] = this.countNode(node, allowed, product);
    }
    return counts[root]!;
  }

  /** For every literal, the number of models containing it under all evidence except its own zeroing. */
  literalCounts(allowed: Uint8Array): bigint[] {
    // In doubles first: every answer below 2^53 is exact there (see approximateLiteralCounts).
    const inDoubles = this.approximateLiteralCounts(allowed);
    if (inDoubles.every((count) => count < MAX_EXACT_DOUBLE)) return Array.from(inDoubles, BigInt);
    const { kinds, offsets, edges, lits, root, numVars } = this.nnf;
    this.upCount(allowed);
    const result = new Array<bigint>(2 * numVars).fill(0n);
    const outer = new Array<bigint>(this.nnf.nodeCount).fill(0n);
    outer[root] = 1n;
    for (let node = root; node >= 0; node--) {
      const d = outer[node]!;
      if (d === 0n) continue;
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === LIT) {
        const lit = lits[node]!;
        result[lit] = result[lit]! + d;
      } else if (kind === AND) {
        this.conjunctionDerivatives(start, end, d, outer);
      } else if (kind === DECISION) {
        this.conjunctionDerivatives(start, lits[node]!, d, outer);
        this.conjunctionDerivatives(lits[node]!, end, d, outer);
      } else if (kind === FREE) {
        freeDerivatives(edges, start, end, allowed, (v, doublings) => {
          const others = d << BigInt(doublings);
          result[v << 1] = result[v << 1]! + others;
          result[(v << 1) | 1] = result[(v << 1) | 1]! + others;
        });
      }
    }
    return result;
  }

  /**
   * `literalCounts` in doubles, over the click's summaries. An answer below 2^53 is exact: all
   * quantities are non-negative, so a term built from an inexact (2^53 or more) quantity is either
   * zero or itself at least 2^53. Larger answers carry rounding errors of about 1e-15 relative, which
   * no display of a few significant digits shows.
   */
  approximateLiteralCounts(allowed: Uint8Array): Float64Array {
    const { kinds, offsets, edges, lits, root, numVars } = this.nnf;
    this.summaries.update(allowed);
    const s = this.summaries.values;
    const count = (node: number) => s[node * SUMMARY_SIZE]!;
    const result = new Float64Array(2 * numVars);
    // Reused between clicks: the derivatives (cleared) and per-edge suffix products (written before read).
    this.derivatives ??= new Float64Array(this.nnf.nodeCount);
    this.suffixes ??= new Float64Array(edges.length + 1);
    const { derivatives: outer, suffixes } = this;
    // A conjunction's derivative `d` times the product of each child's siblings, added to the child's.
    const spread = (start: number, end: number, d: number) => {
      // suffixes[i]: the product of the counts of the children from edge i on.
      suffixes[end] = 1;
      for (let i = end - 1; i >= start; i--) suffixes[i] = suffixes[i + 1]! * count(edges[i]!);
      let prefix = d;
      for (let i = start; i < end; i++) {
        outer[edges[i]!]! += prefix * suffixes[i + 1]!;
        prefix *= count(edges[i]!);
      }
    };
    outer.fill(0);
    outer[root] = 1;
    for (let node = root; node >= 0; node--) {
      const d = outer[node]!;
      if (d === 0) continue;
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      const kind = kinds[node];
      if (kind === LIT) result[lits[node]!]! += d;
      else if (kind === AND) spread(start, end, d);
      else if (kind === DECISION) {
        spread(start, lits[node]!, d);
        spread(lits[node]!, end, d);
      } else if (kind === FREE) {
        freeDerivatives(edges, start, end, allowed, (v, doublings) => {
          const others = d * 2 ** doublings;
          result[v << 1]! += others;
          result[(v << 1) | 1]! += others;
        });
      }
    }
    return result;
  }

  /**
   * A model minimising `primary` total weight, ties broken by `secondary` (weights per literal).
   * Returns the model as one literal per variable, or undefined when there is none.
   */
  bestModel(allowed: Uint8Array, primary: Float64Array, secondary: Float64Array): Int32Array | undefined {
    const { kinds, offsets, edges, lits, root, numVars } = this.nnf;
    const a = this.primary;
    const b = this.secondary;
    const secondBranch = this.secondBranch;
    for (let node = 0; node <= root; node++) {
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === FALSE) {
        a[node] = Number.POSITIVE_INFINITY;
        b[node] = 0;
      } else if (kind === TRUE) {
        a[node] = 0;
        b[node] = 0;
      } else if (kind === LIT) {
        const lit = lits[node]!;
        a[node] = allowed[lit] === 1 ? primary[lit]! : Number.POSITIVE_INFINITY;
        b[node] = secondary[lit]!;
      } else if (kind === AND) {
        a[node] = sum(a, edges, start, end);
        b[node] = sum(b, edges, start, end);
      } else if (kind === DECISION) {
        const mid = lits[node]!;
        const a1 = sum(a, edges, start, mid);
        const b1 = sum(b, edges, start, mid);
        const a2 = sum(a, edges, mid, end);
        const b2 = sum(b, edges, mid, end);
        // Ties go to the first branch.
        const second = a2 < a1 || (a2 === a1 && b2 < b1);
        secondBranch[node] = second ? 1 : 0;
        a[node] = second ? a2 : a1;
        b[node] = second ? b2 : b1;
      } else if (kind === FREE) {
        let sa = 0;
        let sb = 0;
        for (let i = start; i < end; i++) {
          const lit = bestFreeLiteral(edges[i]!, allowed, primary, secondary);
          sa += allowed[lit] === 1 ? primary[lit]! : Number.POSITIVE_INFINITY;
          sb += secondary[lit]!;
        }
        a[node] = sa;
        b[node] = sb;
      }
    }
    if (a[root] === Number.POSITIVE_INFINITY) return undefined;

    const model = new Int32Array(numVars).fill(-1);
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === LIT) {
        model[lits[node]! >> 1] = lits[node]!;
      } else if (kind === AND) {
        for (let i = start; i < end; i++) stack.push(edges[i]!);
      } else if (kind === DECISION) {
        const [from, to] = secondBranch[node] === 1 ? [lits[node]!, end] : [start, lits[node]!];
        for (let i = from; i < to; i++) stack.push(edges[i]!);
      } else if (kind === FREE) {
        for (let i = start; i < end; i++) {
          const v = edges[i]!;
          model[v] = bestFreeLiteral(v, allowed, primary, secondary);
        }
      }
    }
    return model;
  }

  private upSat(allowed: Uint8Array): void {
    const { kinds, offsets, edges, lits, root } = this.nnf;
    const { sat } = this;
    for (let node = 0; node <= root; node++) {
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      let value = 0;
      if (kind === TRUE) value = 1;
      else if (kind === LIT) value = allowed[lits[node]!]!;
      else if (kind === AND) value = allSatisfiable(sat, edges, start, end);
      else if (kind === DECISION)
        value = allSatisfiable(sat, edges, start, lits[node]!) | allSatisfiable(sat, edges, lits[node]!, end);
      else if (kind === FREE) {
        value = 1;
        for (let i = start; i < end; i++) {
          const v = edges[i]!;
          if (allowed[v << 1] === 0 && allowed[(v << 1) | 1] === 0) {
            value = 0;
            break;
          }
        }
      }
      sat[node] = value;
    }
  }

  private upCount(allowed: Uint8Array): void {
    const product = (start: number, end: number) => this.countConjunction(start, end, allowed);
    for (let node = 0; node <= this.nnf.root; node++) this.counts[node] = this.countNode(node, allowed, product);
  }

  /** Adds to each child of a conjunction (edges[start..end]) its derivative: `d` times its siblings' counts. */
  private conjunctionDerivatives(start: number, end: number, d: bigint, outer: bigint[]): void {
    const { edges } = this.nnf;
    const counts = this.counts;
    // Prefix and suffix products avoid division.
    const suffix = new Array<bigint>(end - start + 1);
    suffix[end - start] = 1n;
    for (let i = end - 1; i >= start; i--) suffix[i - start] = suffix[i - start + 1]! * counts[edges[i]!]!;
    let prefix = d;
    for (let i = start; i < end; i++) {
      const child = edges[i]!;
      outer[child] = outer[child]! + prefix * suffix[i - start + 1]!;
      prefix *= counts[child]!;
    }
  }

  /** The model count of a conjunction (edges[start..end]) from its children's counts in `counts`. */
  private countConjunction(start: number, end: number, allowed: Uint8Array): bigint {
    const { kinds, edges, lits } = this.nnf;
    const { counts } = this;
    // Literal children count 1 or 0: test them without BigInt arithmetic, which dominates the pass.
    let product = 1n;
    for (let i = start; i < end; i++) {
      const child = edges[i]!;
      if (kinds[child] === LIT) {
        if (allowed[lits[child]!] === 0) return 0n;
        continue;
      }
      const factor = counts[child]!;
      if (factor === 0n) return 0n;
      if (factor !== 1n) product *= factor;
    }
    return product;
  }

  /** A node's model count, given the count of a conjunction of its children (`product(start, end)`). */
  private countNode(node: number, allowed: Uint8Array, product: (start: number, end: number) => bigint): bigint {
    const { kinds, offsets, edges, lits } = this.nnf;
    const kind = kinds[node];
    const start = offsets[node]!;
    const end = offsets[node + 1]!;
    if (kind === TRUE) return 1n;
    if (kind === LIT) return allowed[lits[node]!] === 1 ? 1n : 0n;
    if (kind === AND) return product(start, end);
    if (kind === DECISION) return product(start, lits[node]!) + product(lits[node]!, end);
    if (kind === FREE) {
      let both = 0;
      for (let i = start; i < end; i++) {
        const v = edges[i]!;
        const options = allowed[v << 1]! + allowed[(v << 1) | 1]!;
        if (options === 0) return 0n;
        if (options === 2) both++;
      }
      return 1n << BigInt(both);
    }
    return 0n;
  }
}

/** 1 when every child in edges[start..end] is satisfiable, else 0. */
function allSatisfiable(sat: Uint8Array, edges: Int32Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (sat[edges[i]!] === 0) return 0;
  return 1;
}

/** The sum of `values` over the children in edges[start..end]. */
function sum(values: Float64Array, edges: Int32Array, start: number, end: number): number {
  let total = 0;
  for (let i = start; i < end; i++) total += values[edges[i]!]!;
  return total;
}

export interface ClickSummary {
  /** The exact number of models; 0n when there is none. */
  readonly count: bigint;
  /** Least and greatest summed price over the models; undefined when there is none. */
  readonly price: { min: number; max: number } | undefined;
  /** Least and greatest largest lead time over the models (-Infinity for a model without any). */
  readonly leadTime: { min: number; max: number } | undefined;
}

/** Doubles hold every integer below this exactly. */
const MAX_EXACT_DOUBLE = 2 ** 53;

/**
 * The derivative at each variable of a FREE node (edges[start..end]): the models of the node's
 * other variables, 2 to the power `doublings` times the node's own derivative. With one variable
 * that has no allowed value, only that variable gets a derivative; with more, none does.
 */
function freeDerivatives(
  edges: Int32Array,
  start: number,
  end: number,
  allowed: Uint8Array,
  visit: (variable: number, doublings: number) => void,
): void {
  let both = 0;
  let failures = 0;
  for (let i = start; i < end; i++) {
    const options = allowed[edges[i]! << 1]! + allowed[(edges[i]! << 1) | 1]!;
    if (options === 2) both++;
    else if (options === 0) failures++;
  }
  if (failures > 1) return;
  for (let i = start; i < end; i++) {
    const v = edges[i]!;
    const options = allowed[v << 1]! + allowed[(v << 1) | 1]!;
    if (failures === 1 && options !== 0) continue;
    visit(v, options === 2 ? both - 1 : both);
  }
}

function bestFreeLiteral(v: number, allowed: Uint8Array, primary: Float64Array, secondary: Float64Array): number {
  const t = v << 1;
  const f = t | 1;
  if (allowed[t] === 0) return f;
  if (allowed[f] === 0) return t;
  if (primary[t]! !== primary[f]!) return primary[t]! < primary[f]! ? t : f;
  return secondary[t]! <= secondary[f]! ? t : f;
}
