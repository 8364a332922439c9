import type { Lit } from "../literals.ts";

/** Node kinds of a smooth, deterministic, decomposable NNF (d-DNNF). */
export const FALSE = 0;
export const TRUE = 1;
export const LIT = 2;
export const AND = 3;
export const OR = 4;
/** A conjunction of "either value" for each listed variable: smoothing without one node per variable. */
export const FREE = 5;

/**
 * An immutable d-DNNF in flat arrays. Node ids are topologically ordered (children before parents),
 * so bottom-up passes iterate ids upwards and top-down passes iterate them downwards.
 * Every OR node is a decision on `lits[node]` (a variable) and every AND node's children mention
 * disjoint variables; every child of an OR node mentions exactly the same variables (smoothness).
 */
export interface Nnf {
  readonly numVars: number;
  readonly nodeCount: number;
  readonly root: number;
  readonly kinds: Uint8Array;
  /** `edges[offsets[n] .. offsets[n+1]]` are a node's children (AND, OR) or variables (FREE). */
  readonly offsets: Int32Array;
  readonly edges: Int32Array;
  /** LIT: the literal; OR: the decision variable. */
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

  /** Decision on `variable`: `whenTrue` holds the positive literal, `whenFalse` the negative one. */
  decision(variable: number, whenTrue: number, whenFalse: number): number {
    if (whenTrue === FALSE) return whenFalse;
    if (whenFalse === FALSE) return whenTrue;
    return this.push(OR, variable, [whenTrue, whenFalse]);
  }

  free(variables: readonly number[]): number {
    if (variables.length === 0) return TRUE;
    return this.push(FREE, 0, variables);
  }

  finish(root: number): Nnf {
    const n = this.count;
    return {
      numVars: this.numVars,
      nodeCount: n,
      root,
      kinds: this.kinds.slice(0, n),
      offsets: this.offsets.slice(0, n + 1),
      edges: this.edges.slice(0, this.edgeCount),
      lits: this.lits.slice(0, n),
    };
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
