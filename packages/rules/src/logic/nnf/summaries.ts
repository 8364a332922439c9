import { Kernel, SUMMARY_SIZE } from "./kernel.ts";
import { FREE, LIT, type Nnf } from "./nnf.ts";

/** The share of nodes an update recomputes one by one before it recomputes all the rest. */
const INCREMENTAL_SHARE = 0.3;

/**
 * Per node of a d-DNNF, under evidence `allowed`: the model count in doubles and, over the
 * node's models, the least and greatest summed price and largest lead time. Unsatisfiable
 * children are skipped, so no infinities are needed; the figures of an unsatisfiable node are
 * meaningless. A customer's clicks change the evidence of one variable at a time, so `update`
 * recomputes only the nodes above the variables whose evidence changed since the last call.
 * The passes themselves run in the WebAssembly kernel (kernel.ts).
 */
export class NodeSummaries {
  private readonly kernel: Kernel;
  private readonly variableNodes: VariableNodes;
  private last: LastUpdate | undefined;
  private large: { readonly bound: number; readonly nodes: Int32Array } | undefined;

  constructor(private readonly nnf: Nnf) {
    const { parentStart, parents } = parentsOf(nnf);
    this.kernel = new Kernel(nnf, parentStart, parents);
    this.variableNodes = new VariableNodes(nnf, this.kernel.marks);
  }

  /** `values[node * SUMMARY_SIZE + k]`, k as in SUMMARY_SIZE. */
  get values(): Float64Array {
    return this.kernel.values;
  }

  /** 1 where the node has a model under the evidence. */
  get sat(): Uint8Array {
    return this.kernel.sat;
  }

  /** Brings the summaries to `allowed`; without weights, the last ones (none at first) are kept. */
  update(allowed: Uint8Array, prices?: Float64Array, leadTimes?: Float64Array): void {
    const { kernel } = this;
    // The evidence of the last sweep.
    const lastAllowed = kernel.allowed;
    prices ??= this.last?.prices ?? new Float64Array(allowed.length);
    leadTimes ??= this.last?.leadTimes ?? prices;
    let { last } = this;
    if (last === undefined || last.prices !== prices || last.leadTimes !== leadTimes) {
      kernel.prices.set(prices);
      kernel.leadTimes.set(leadTimes);
      lastAllowed.fill(1);
      kernel.sweep(0, 0, 0);
      last = {
        prices,
        leadTimes,
        base: { values: kernel.values.slice(), sat: kernel.sat.slice(), satBranches: kernel.satBranches.slice() },
      };
      this.last = last;
    }
    // Start from the last evidence or from none, whichever is fewer variables away: a new
    // session's first click is then as cheap as any other.
    if (constrainedVariables(allowed) < changedVariables(allowed, lastAllowed)) {
      kernel.values.set(last.base.values);
      kernel.sat.set(last.base.sat);
      kernel.satBranches.set(last.base.satBranches);
      lastAllowed.fill(1);
    }
    const marks = this.variableNodes;
    const stamp = marks.nextStamp();
    let lowest = this.nnf.nodeCount;
    for (let v = 0; v < this.nnf.numVars; v++) {
      const t = v << 1;
      if (allowed[t] === lastAllowed[t] && allowed[t | 1] === lastAllowed[t | 1]) continue;
      lowest = Math.min(lowest, marks.markVariable(v));
    }
    lastAllowed.set(allowed);
    kernel.sweep(lowest, stamp, Math.ceil(this.nnf.root * INCREMENTAL_SHARE));
  }

  /**
   * For every literal, in `out`, whether some model contains it under all evidence except its own
   * zeroing, from the last update (see NnfEvaluator.possibleLiterals).
   */
  possibleLiterals(out: Uint8Array): void {
    this.kernel.reach();
    out.set(this.kernel.possible);
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
}

interface LastUpdate {
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

/** Every node's parents, for the kernel to mark what evidence reaches. */
function parentsOf(nnf: Nnf): { parentStart: Int32Array; parents: Int32Array } {
  const { kinds, offsets, edges, nodeCount } = nnf;
  const { start, items } = compressedRows(nodeCount, (visit) => {
    for (let node = 0; node < nodeCount; node++) {
      if (kinds[node] === FREE) continue; // its edges are variables
      for (let i = offsets[node]!; i < offsets[node + 1]!; i++) visit(edges[i]!, node);
    }
  });
  return { parentStart: start, parents: items };
}

/** The nodes that mention each variable (LIT and FREE nodes), to mark where changed evidence enters. */
class VariableNodes {
  private readonly rows: { readonly start: Int32Array; readonly items: Int32Array };
  private stamp = 0;

  constructor(
    nnf: Nnf,
    private readonly marks: Int32Array,
  ) {
    const { kinds, offsets, edges, lits, nodeCount, numVars } = nnf;
    this.rows = compressedRows(numVars, (visit) => {
      for (let node = 0; node < nodeCount; node++) {
        if (kinds[node] === LIT) visit(lits[node]! >> 1, node);
        else if (kinds[node] === FREE) for (let i = offsets[node]!; i < offsets[node + 1]!; i++) visit(edges[i]!, node);
      }
    });
  }

  /** A new stamp (never 0, which means "no marks" to the kernel): every earlier mark is forgotten. */
  nextStamp(): number {
    return ++this.stamp;
  }

  /** Marks the nodes that mention a variable with the current stamp; returns the lowest of them (nodeCount if none). */
  markVariable(variable: number): number {
    const { start, items } = this.rows;
    let lowest = this.marks.length;
    for (let k = start[variable]!; k < start[variable + 1]!; k++) {
      const node = items[k]!;
      this.marks[node] = this.stamp;
      if (node < lowest) lowest = node;
    }
    return lowest;
  }
}

/**
 * Compressed sparse rows: `items[start[row] .. start[row + 1]]` are what `each` visits for a row.
 * `each` runs twice, to count and then to fill.
 */
function compressedRows(
  rows: number,
  each: (visit: (row: number, item: number) => void) => void,
): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(rows + 1);
  each((row) => start[row + 1]!++);
  for (let row = 0; row < rows; row++) start[row + 1]! += start[row]!;
  const items = new Int32Array(start[rows]!);
  const fill = start.slice();
  each((row, item) => {
    items[fill[row]!++] = item;
  });
  return { start, items };
}
