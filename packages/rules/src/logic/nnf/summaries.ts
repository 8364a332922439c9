import { AND, DECISION, FREE, LIT, type Nnf, TRUE } from "./nnf.ts";

/** Doubles per node: model count, least and greatest summed price, least and greatest largest lead time. */
export const SUMMARY_SIZE = 5;
/** The share of nodes an update recomputes one by one before it recomputes all the rest. */
const INCREMENTAL_SHARE = 0.3;
/** The largest lead time of a model that has none: below every real one. */
const NO_LEAD_TIME = Number.NEGATIVE_INFINITY;

/**
 * Per node of a d-DNNF, under evidence `allowed`: the model count in doubles and, over the
 * node's models, the least and greatest summed price and largest lead time. Unsatisfiable
 * children are skipped, so no infinities are needed; the figures of an unsatisfiable node are
 * meaningless. A customer's clicks change the evidence of one variable at a time, so `update`
 * recomputes only the nodes above the variables whose evidence changed since the last call.
 */
export class NodeSummaries {
  /** `values[node * SUMMARY_SIZE + k]`, k as in SUMMARY_SIZE. */
  readonly values: Float64Array;
  /** 1 where the node has a model under the evidence. */
  readonly sat: Uint8Array;
  /** Per DECISION node: bit 0 when its first branch has a model, bit 1 when its second does. */
  readonly satBranches: Uint8Array;
  private last: LastUpdate | undefined;
  private above: Ancestors | undefined;
  private large: { readonly bound: number; readonly nodes: Int32Array } | undefined;

  constructor(private readonly nnf: Nnf) {
    this.values = new Float64Array(nnf.nodeCount * SUMMARY_SIZE);
    this.sat = new Uint8Array(nnf.nodeCount);
    this.satBranches = new Uint8Array(nnf.nodeCount);
  }

  /** Brings the summaries to `allowed`; without weights, the last ones (none at first) are kept. */
  update(allowed: Uint8Array, prices?: Float64Array, leadTimes?: Float64Array): void {
    prices ??= this.last?.prices ?? new Float64Array(allowed.length);
    leadTimes ??= this.last?.leadTimes ?? prices;
    let { last } = this;
    if (last === undefined || last.prices !== prices || last.leadTimes !== leadTimes) {
      const none = new Uint8Array(allowed.length).fill(1);
      this.sweep(0, none, prices, leadTimes, undefined);
      last = {
        allowed: none,
        prices,
        leadTimes,
        base: {
          values: this.values.slice(),
          sat: this.sat.slice(),
          satBranches: this.satBranches.slice(),
        },
      };
      this.last = last;
    }
    // Start from the last evidence or from none, whichever is fewer variables away: a new
    // session's first click is then as cheap as any other.
    if (constrainedVariables(allowed) < changedVariables(allowed, last.allowed)) {
      this.values.set(last.base.values);
      this.sat.set(last.base.sat);
      this.satBranches.set(last.base.satBranches);
      last.allowed.fill(1);
    }
    this.above ??= new Ancestors(this.nnf);
    const above = this.above;
    above.nextStamp();
    let lowest = this.nnf.nodeCount;
    for (let v = 0; v < this.nnf.numVars; v++) {
      const t = v << 1;
      if (allowed[t] === last.allowed[t] && allowed[t | 1] === last.allowed[t | 1]) continue;
      lowest = Math.min(lowest, above.markVariable(v));
    }
    last.allowed.set(allowed);
    this.sweep(lowest, allowed, prices, leadTimes, above);
  }

  /**
   * The nodes whose model count without evidence is at least `bound`, children first (after a first
   * update). Evidence only lowers counts, so no other node ever reaches `bound`.
   */
  nodesCountingAtLeast(bound: number): Int32Array {
    const base = this.last?.base.values;
    if (base === undefined) throw new Error("NodeSummaries.update must run first");
    if (this.large?.bound !== bound) {
      const nodes: number[] = [];
      for (let node = 0; node < this.nnf.nodeCount; node++) if (base[node * SUMMARY_SIZE]! >= bound) nodes.push(node);
      this.large = { bound, nodes: Int32Array.from(nodes) };
    }
    return this.large.nodes;
  }

  /**
   * Recomputes nodes from `from` upwards; node ids are topological, so children come first. With
   * `above`, only marked nodes are recomputed, and a node whose summary changed marks its parents in
   * turn; marking costs about as much as recomputing, so once many nodes are marked (a new session,
   * a preset) the sweep recomputes everything above instead.
   */
  private sweep(
    from: number,
    allowed: Uint8Array,
    prices: Float64Array,
    leadTimes: Float64Array,
    above: Ancestors | undefined,
  ): void {
    const { kinds, offsets, edges, lits, root } = this.nnf;
    const { values: s, sat, satBranches } = this;
    let marked = above;
    let budget = Math.ceil(root * INCREMENTAL_SHARE);
    for (let node = from; node <= root; node++) {
      if (marked !== undefined) {
        if (!marked.isMarked(node)) continue;
        if (--budget === 0) marked = undefined;
      }
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      let count = 0;
      let lo = 0;
      let hi = 0;
      let leadLo = NO_LEAD_TIME;
      let leadHi = NO_LEAD_TIME;
      if (kind === AND || kind === DECISION) {
        // The first (or only) conjunction, inline: this loop is most of a click.
        const mid = kind === DECISION ? lits[node]! : end;
        count = 1;
        for (let i = start; i < mid; i++) {
          const c = edges[i]! * SUMMARY_SIZE;
          const factor = s[c]!;
          if (factor === 0) {
            count = 0;
            break;
          }
          count *= factor;
          lo += s[c + 1]!;
          hi += s[c + 2]!;
          if (s[c + 3]! > leadLo) leadLo = s[c + 3]!;
          if (s[c + 4]! > leadHi) leadHi = s[c + 4]!;
        }
        if (kind === DECISION) {
          let second = 1;
          let secondLo = 0;
          let secondHi = 0;
          let secondLeadLo = NO_LEAD_TIME;
          let secondLeadHi = NO_LEAD_TIME;
          for (let i = mid; i < end; i++) {
            const c = edges[i]! * SUMMARY_SIZE;
            const factor = s[c]!;
            if (factor === 0) {
              second = 0;
              break;
            }
            second *= factor;
            secondLo += s[c + 1]!;
            secondHi += s[c + 2]!;
            if (s[c + 3]! > secondLeadLo) secondLeadLo = s[c + 3]!;
            if (s[c + 4]! > secondLeadHi) secondLeadHi = s[c + 4]!;
          }
          satBranches[node] = (count > 0 ? 1 : 0) | (second > 0 ? 2 : 0);
          if (count === 0) {
            lo = secondLo;
            hi = secondHi;
            leadLo = secondLeadLo;
            leadHi = secondLeadHi;
          } else if (second > 0) {
            lo = Math.min(lo, secondLo);
            hi = Math.max(hi, secondHi);
            leadLo = Math.min(leadLo, secondLeadLo);
            leadHi = Math.max(leadHi, secondLeadHi);
          }
          count += second;
        }
      } else if (kind === LIT) {
        const lit = lits[node]!;
        count = allowed[lit]!;
        lo = hi = prices[lit]!;
        leadLo = leadHi = leadTimes[lit]!;
      } else if (kind === FREE) {
        count = 1;
        for (let i = start; i < end; i++) {
          const t = edges[i]! << 1;
          const f = t | 1;
          if (allowed[t] === 0 && allowed[f] === 0) {
            count = 0;
            break;
          }
          if (allowed[t] === 1 && allowed[f] === 1) {
            count *= 2;
            lo += Math.min(prices[t]!, prices[f]!);
            hi += Math.max(prices[t]!, prices[f]!);
            leadLo = Math.max(leadLo, Math.min(leadTimes[t]!, leadTimes[f]!));
            leadHi = Math.max(leadHi, leadTimes[t]!, leadTimes[f]!);
          } else {
            const only = allowed[t] === 1 ? t : f;
            lo += prices[only]!;
            hi += prices[only]!;
            leadLo = Math.max(leadLo, leadTimes[only]!);
            leadHi = Math.max(leadHi, leadTimes[only]!);
          }
        }
      } else if (kind === TRUE) {
        count = 1;
      }
      const at = node * SUMMARY_SIZE;
      if (
        marked !== undefined &&
        (s[at] !== count || s[at + 1] !== lo || s[at + 2] !== hi || s[at + 3] !== leadLo || s[at + 4] !== leadHi)
      )
        marked.markParents(node);
      s[at] = count;
      s[at + 1] = lo;
      s[at + 2] = hi;
      s[at + 3] = leadLo;
      s[at + 4] = leadHi;
      sat[node] = count > 0 ? 1 : 0;
    }
  }
}

interface LastUpdate {
  readonly allowed: Uint8Array;
  readonly prices: Float64Array;
  readonly leadTimes: Float64Array;
  /** The summaries without evidence. */
  readonly base: { readonly values: Float64Array; readonly sat: Uint8Array; readonly satBranches: Uint8Array };
}

/** The number of variables whose evidence differs. */
function changedVariables(a: Uint8Array, b: Uint8Array): number {
  let changed = 0;
  for (let t = 0; t < a.length; t += 2) if (a[t] !== b[t] || a[t + 1] !== b[t + 1]) changed++;
  return changed;
}

/** The number of variables with evidence. */
function constrainedVariables(allowed: Uint8Array): number {
  let constrained = 0;
  for (let t = 0; t < allowed.length; t += 2) if (allowed[t] === 0 || allowed[t + 1] === 0) constrained++;
  return constrained;
}

/** Parents of every node and the nodes that mention every variable, for marking what evidence reaches. */
class Ancestors {
  private readonly parentStart: Int32Array;
  private readonly parents: Int32Array;
  private readonly varStart: Int32Array;
  private readonly varNodes: Int32Array;
  private readonly marks: Int32Array;
  private stamp = 0;

  constructor(nnf: Nnf) {
    const { kinds, offsets, edges, lits, nodeCount, numVars } = nnf;
    // Two sweeps over the same edges: count per target, then fill (compressed sparse rows).
    const each = (visit: (node: number, child: number, variable: number) => void) => {
      for (let node = 0; node < nodeCount; node++) {
        const free = kinds[node] === FREE;
        for (let i = offsets[node]!; i < offsets[node + 1]!; i++) {
          if (free) visit(node, -1, edges[i]!);
          else visit(node, edges[i]!, -1);
        }
        if (kinds[node] === LIT) visit(node, -1, lits[node]! >> 1);
      }
    };
    const parentCount = new Int32Array(nodeCount + 1);
    const varCount = new Int32Array(numVars + 1);
    each((_, child, variable) => {
      if (child >= 0) parentCount[child]!++;
      else varCount[variable]!++;
    });
    this.parentStart = prefixSums(parentCount);
    this.varStart = prefixSums(varCount);
    this.parents = new Int32Array(this.parentStart[nodeCount]!);
    this.varNodes = new Int32Array(this.varStart[numVars]!);
    const parentFill = this.parentStart.slice();
    const varFill = this.varStart.slice();
    each((node, child, variable) => {
      if (child >= 0) this.parents[parentFill[child]!++] = node;
      else this.varNodes[varFill[variable]!++] = node;
    });
    this.marks = new Int32Array(nodeCount);
  }

  /** Forgets every mark. */
  nextStamp(): void {
    this.stamp++;
  }

  isMarked(node: number): boolean {
    return this.marks[node] === this.stamp;
  }

  /** Marks the nodes that mention a variable; returns the lowest of them (nodeCount if none). */
  markVariable(variable: number): number {
    let lowest = this.marks.length;
    for (let k = this.varStart[variable]!; k < this.varStart[variable + 1]!; k++) {
      const node = this.varNodes[k]!;
      this.marks[node] = this.stamp;
      if (node < lowest) lowest = node;
    }
    return lowest;
  }

  markParents(node: number): void {
    for (let k = this.parentStart[node]!; k < this.parentStart[node + 1]!; k++)
      this.marks[this.parents[k]!] = this.stamp;
  }
}

function prefixSums(counts: Int32Array): Int32Array {
  const sums = new Int32Array(counts.length);
  for (let i = 0; i < counts.length - 1; i++) sums[i + 1] = sums[i]! + counts[i]!;
  return sums;
}
