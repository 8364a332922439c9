import type { Lit } from "../literals.ts";

/** Node kinds of a smooth, deterministic, decomposable NNF (d-DNNF). */
export const FALSE = 0;
export const TRUE = 1;
export const LIT = 2;
export const AND = 3;
/**
 * A deterministic OR of two conjunctions, the decision variable true in the first and false in the
 * second: `edges[offsets[n] .. lits[n]]` are the first's children, `edges[lits[n] .. offsets[n+1]]`
 * the second's. One node instead of an OR over two ANDs: a click's passes cost mostly per node.
 */
export const DECISION = 4;
/** A conjunction of "either value" for each listed variable: smoothing without one node per variable. */
export const FREE = 5;

/**
 * An immutable d-DNNF in flat arrays. Node ids are topologically ordered (children before parents),
 * so bottom-up passes iterate ids upwards and top-down passes iterate them downwards.
 * Every AND node's (and DECISION branch's) children mention disjoint variables; both branches of a
 * DECISION mention exactly the same variables (smoothness).
 */
export interface Nnf {
  readonly numVars: number;
  readonly nodeCount: number;
  readonly root: number;
  readonly kinds: Uint8Array;
  /** `edges[offsets[n] .. offsets[n+1]]` are a node's children (AND, DECISION) or variables (FREE). */
  readonly offsets: Int32Array;
  readonly edges: Int32Array;
  /** LIT: the literal; DECISION: the edge where the second branch starts. */
  readonly lits: Int32Array;
}

/** Growable node store used while compiling; `finish` freezes it into an Nnf. */
export class NnfBuilder {
  private kinds = new Uint8Array(1024);
  private offsets = new Int32Array(1025);
  private lits = new Int32Array(1024);
  private edges = new Int32Array(4096);
  private count = 0;
  private edgeCount = 0;
  private readonly litNodes: Int32Array;
  private readonly literalSets = new Map<string, number>();

  constructor(readonly numVars: number) {
    this.litNodes = new Int32Array(2 * numVars).fill(-1);
    this.push(FALSE, 0, []);
    this.push(TRUE, 0, []);
  }

  get nodeCount(): number {
    return this.count;
  }

  get edgeTotal(): number {
    return this.edgeCount;
  }

  literal(lit: Lit): number {
    let node = this.litNodes[lit] as number;
    if (node < 0) {
      node = this.push(LIT, lit, []);
      this.litNodes[lit] = node;
    }
    return node;
  }

  /** Conjunction of nodes over disjoint variables; FALSE absorbs, TRUE is dropped. */
  and(children: readonly number[]): number {
    const kept: number[] = [];
    for (const child of children) {
      if (child === FALSE) return FALSE;
      if (child !== TRUE) kept.push(child);
    }
    if (kept.length === 0) return TRUE;
    if (kept.length === 1) return kept[0] as number;
    return this.push(AND, 0, kept);
  }

  /** The conjunction of some literals, one node per distinct set (hash-consed). */
  sharedLiterals(lits: readonly Lit[]): number {
    const sorted = [...lits].sort((a, b) => a - b);
    const key = sorted.join(",");
    let node = this.literalSets.get(key);
    if (node === undefined) {
      node = this.push(
        AND,
        0,
        sorted.map((lit) => this.literal(lit)),
      );
      this.literalSets.set(key, node);
    }
    return node;
  }

  /** Decision on a variable: `whenTrue` holds its positive literal, `whenFalse` the negative one. */
  decision(whenTrue: number, whenFalse: number): number {
    if (whenTrue === FALSE) return whenFalse;
    if (whenFalse === FALSE) return whenTrue;
    return this.push(DECISION, this.edgeCount + 1, [whenTrue, whenFalse]);
  }

  free(variables: readonly number[]): number {
    if (variables.length === 0) return TRUE;
    return this.push(FREE, 0, variables);
  }

  /** The d-DNNF below `root`, compacted (see `compact`). */
  finish(root: number): Nnf {
    const { numVars, kinds, offsets, edges, lits } = this;
    return compact({ numVars, kinds, offsets, edges, lits }, root);
  }

  private push(kind: number, lit: number, edges: readonly number[]): number {
    const id = this.count;
    if (id + 1 >= this.kinds.length) this.growNodes();
    while (this.edgeCount + edges.length > this.edges.length) this.growEdges();
    this.kinds[id] = kind;
    this.lits[id] = lit;
    this.edges.set(edges, this.edgeCount);
    this.edgeCount += edges.length;
    this.offsets[id + 1] = this.edgeCount;
    this.count = id + 1;
    return id;
  }

  private growNodes(): void {
    const size = this.kinds.length * 2;
    this.kinds = grow(this.kinds, size);
    this.lits = grow(this.lits, size);
    this.offsets = grow(this.offsets, size + 1);
  }

  private growEdges(): void {
    this.edges = grow(this.edges, this.edges.length * 2);
  }
}

function grow<T extends Uint8Array | Int32Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Nodes in the flat layout of `Nnf`, children before parents. */
type Graph = Pick<Nnf, "numVars" | "kinds" | "offsets" | "edges" | "lits">;

/**
 * The d-DNNF below `root`, compacted: nodes the root does not reach are dropped, and an AND with a
 * single parent is merged into that parent's conjunction (a DECISION branch or another AND).
 */
export function compact(graph: Graph, root: number): Nnf {
  const { kinds, offsets, edges, lits } = graph;
  const parents = new Int32Array(root + 1);
  const reached = new Uint8Array(root + 1);
  reached[root] = 1;
  for (let node = root; node >= 0; node--) {
    if (reached[node] === 0 || kinds[node] === FREE) continue;
    for (let i = offsets[node]!; i < offsets[node + 1]!; i++) {
      reached[edges[i]!] = 1;
      parents[edges[i]!]!++;
    }
  }
  const merged = (node: number) => kinds[node] === AND && parents[node] === 1;
  const id = new Int32Array(root + 1).fill(-1);
  const out = { kinds: [] as number[], lits: [] as number[], offsets: [0], edges: [] as number[] };
  // Children of a conjunction, with merged ANDs replaced by their own children.
  const conjoin = (child: number) => {
    if (!merged(child)) out.edges.push(id[child]!);
    else for (let i = offsets[child]!; i < offsets[child + 1]!; i++) conjoin(edges[i]!);
  };
  for (let node = 0; node <= root; node++) {
    // FALSE and TRUE keep their ids, which callers compare against.
    if (node > TRUE && (reached[node] === 0 || merged(node))) continue;
    id[node] = out.kinds.length;
    out.kinds.push(kinds[node]!);
    const kind = kinds[node];
    const start = offsets[node]!;
    const end = offsets[node + 1]!;
    if (kind === FREE) for (let i = start; i < end; i++) out.edges.push(edges[i]!);
    else if (kind === AND) for (let i = start; i < end; i++) conjoin(edges[i]!);
    else if (kind === DECISION) {
      for (let i = start; i < lits[node]!; i++) conjoin(edges[i]!);
      out.lits.push(out.edges.length);
      for (let i = lits[node]!; i < end; i++) conjoin(edges[i]!);
    }
    if (kind !== DECISION) out.lits.push(lits[node]!);
    out.offsets.push(out.edges.length);
  }
  return {
    numVars: graph.numVars,
    nodeCount: out.kinds.length,
    root: id[root]!,
    kinds: Uint8Array.from(out.kinds),
    offsets: Int32Array.from(out.offsets),
    edges: Int32Array.from(out.edges),
    lits: Int32Array.from(out.lits),
  };
}
