import { KERNEL_WASM } from "./kernel-wasm.ts";
import type { Nnf } from "./nnf.ts";

/** Doubles per node: model count, least and greatest summed price, least and greatest largest lead time. */
export const SUMMARY_SIZE = 5;

/** The exports of kernel/passes.ts (see there for what they do). */
interface Passes {
  layout(root: number, ...addresses: number[]): void;
  sweep(from: number, stamp: number, budget: number): void;
  reach(literalCount: number): void;
}

/**
 * The part of the WebAssembly API the kernel uses. TypeScript declares it only with the DOM's
 * library, which the engine (plain ES2023, for Node, browsers and workers alike) does not load.
 */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
const PAGE_BYTES = 65_536;
let compiled: object | undefined;

/**
 * The WebAssembly kernel of a click and its arrays, in one memory per diagram. The diagram and its
 * parents are copied in once; JavaScript reads and writes the rest through the views below.
 */
export class Kernel {
  /** Per node, `values[node * SUMMARY_SIZE + k]`, k as in SUMMARY_SIZE. */
  readonly values: Float64Array;
  /** 1 where the node has a model under the evidence. */
  readonly sat: Uint8Array;
  /** Per DECISION node: bit 0 when its first branch has a model, bit 1 when its second does. */
  readonly satBranches: Uint8Array;
  /** Per node, the stamp of the sweep that must recompute it. */
  readonly marks: Int32Array;
  /** Evidence, prices and lead times per literal, as the next sweep reads them. */
  readonly allowed: Uint8Array;
  readonly prices: Float64Array;
  readonly leadTimes: Float64Array;
  /** Per literal, what the last `reach` found. */
  readonly possible: Uint8Array;
  private readonly passes: Passes;

  constructor(nnf: Nnf, parentStart: Int32Array, parents: Int32Array) {
    const nodes = nnf.nodeCount;
    const literals = 2 * nnf.numVars;
    let end = 0;
    const reserve = (bytes: number) => {
      const at = end;
      end = (end + bytes + 7) & ~7;
      return at;
    };
    // In the order kernel/passes.ts's `layout` takes them.
    const at = {
      kinds: reserve(nodes),
      offsets: reserve(4 * (nodes + 1)),
      edges: reserve(4 * nnf.edges.length),
      lits: reserve(4 * nodes),
      parentStart: reserve(4 * (nodes + 1)),
      parents: reserve(4 * parents.length),
      marks: reserve(4 * nodes),
      allowed: reserve(literals),
      prices: reserve(8 * literals),
      leadTimes: reserve(8 * literals),
      values: reserve(8 * SUMMARY_SIZE * nodes),
      sat: reserve(nodes),
      satBranches: reserve(nodes),
      reached: reserve(nodes),
      possible: reserve(literals),
      scratch: reserve(8 * 2 * SUMMARY_SIZE),
    };
    const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(end / PAGE_BYTES)) });
    const { buffer } = memory;
    new Uint8Array(buffer, at.kinds, nodes).set(nnf.kinds.subarray(0, nodes));
    new Int32Array(buffer, at.offsets, nodes + 1).set(nnf.offsets.subarray(0, nodes + 1));
    new Int32Array(buffer, at.edges, nnf.edges.length).set(nnf.edges);
    new Int32Array(buffer, at.lits, nodes).set(nnf.lits.subarray(0, nodes));
    new Int32Array(buffer, at.parentStart, nodes + 1).set(parentStart);
    new Int32Array(buffer, at.parents, parents.length).set(parents);
    this.marks = new Int32Array(buffer, at.marks, nodes);
    this.allowed = new Uint8Array(buffer, at.allowed, literals);
    this.prices = new Float64Array(buffer, at.prices, literals);
    this.leadTimes = new Float64Array(buffer, at.leadTimes, literals);
    this.values = new Float64Array(buffer, at.values, SUMMARY_SIZE * nodes);
    this.sat = new Uint8Array(buffer, at.sat, nodes);
    this.satBranches = new Uint8Array(buffer, at.satBranches, nodes);
    this.possible = new Uint8Array(buffer, at.possible, literals);

    compiled ??= new wasm.Module(Uint8Array.from(atob(KERNEL_WASM), (c) => c.charCodeAt(0)));
    this.passes = new wasm.Instance(compiled, { env: { memory } }).exports as unknown as Passes;
    this.passes.layout(nnf.root, ...Object.values(at));
  }

  /**
   * Recomputes the summaries from node `from` to the root. With a non-zero `stamp`, only the nodes
   * marked with it, each marking its parents when its summary changed, until `budget` nodes have been
   * recomputed; then every node above.
   */
  sweep(from: number, stamp: number, budget: number): void {
    this.passes.sweep(from, stamp, budget);
  }

  /** Fills `possible` from the summaries' satisfiability: see NnfEvaluator.possibleLiterals. */
  reach(): void {
    this.passes.reach(this.possible.length);
  }
}
