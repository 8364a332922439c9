import type { Cnf } from "../cnf.ts";
import { type Lit, litFromDimacs } from "../literals.ts";
import { eliminationRank } from "../order.ts";
import { FALSE, type Nnf, NnfBuilder } from "./nnf.ts";

export interface CompileOptions {
  /** Give up once this many milliseconds have passed (the caller then falls back to search). */
  readonly timeBudgetMs?: number;
  /**
   * Give up after this many decisions (reported as "time"): a time budget that, unlike milliseconds,
   * gives the same answer on a busy machine, so the same pack always gets the same d-DNNF.
   */
  readonly maxDecisions?: number;
  /** Give up once the d-DNNF has this many nodes. */
  readonly maxNodes?: number;
  /**
   * Variables to branch on (1) first; others are decided only when a component has none of these.
   * Auxiliary variables defined from the others never need decisions: propagation assigns them.
   */
  readonly decisionVars?: Uint8Array;
  /** Decision priority per variable, highest first (default: the primal graph's elimination order). */
  readonly rank?: Int32Array;
  /**
   * Literals the d-DNNF keeps (1, by internal literal); the others are projected away. Only literals
   * of variables determined by the kept ones may be dropped, or determinism (and counts) would break;
   * a variable that never receives evidence may keep just the literal that carries a weight.
   */
  readonly outputLits?: Uint8Array;
  /**
   * A group per variable (e.g. the options of one choice), or -1. A branch's literals of one group
   * become one shared node, so the many branches that imply the same value of a choice share it.
   */
  readonly groups?: Int32Array;
}

export interface CompileStats {
  readonly milliseconds: number;
  readonly decisions: number;
  readonly cacheHits: number;
  /**
   * Of the finished d-DNNF (compacted, and factored when `createSpace` made it); of what was built so far
   * when the compiler gave up.
   */
  readonly nodes: number;
  readonly edges: number;
  /** Nodes built while compiling, before compaction: what `maxNodes` bounds. */
  readonly nodesBuilt: number;
}

export type CompileResult =
  | { readonly ok: true; readonly nnf: Nnf; readonly stats: CompileStats }
  | { readonly ok: false; readonly reason: "time" | "size"; readonly stats: CompileStats };

/**
 * Compiles a CNF into a smooth d-DNNF by exhaustive DPLL search with unit propagation,
 * dynamic decomposition into independent components and component caching (the
 * top-down scheme of c2d, Dsharp and d4). The result answers counting, consistency and
 * optimisation queries in time linear in its size.
 */
export function compileCnf(cnf: Cnf, options: CompileOptions = {}): CompileResult {
  const started = performance.now();
  const all = new Uint8Array(cnf.numVars).fill(1);
  const compiler = new TopDownCompiler(
    cnf,
    started + (options.timeBudgetMs ?? Number.POSITIVE_INFINITY),
    options.maxNodes ?? 50_000_000,
    options.maxDecisions ?? Number.POSITIVE_INFINITY,
    options.decisionVars ?? all,
    options.outputLits ?? new Uint8Array(2 * cnf.numVars).fill(1),
    options.groups ?? new Int32Array(cnf.numVars).fill(-1),
    options.rank ?? eliminationRank(cnf),
  );
  const outcome = compiler.run();
  const stats = compiler.stats(performance.now() - started);
  if (typeof outcome === "string") return { ok: false, reason: outcome, stats };
  return { ok: true, nnf: outcome, stats: { ...stats, nodes: outcome.nodeCount, edges: outcome.edges.length } };
}

interface Component {
  readonly vars: Int32Array;
  readonly clauses: Int32Array;
  readonly decision: number;
}

interface CacheEntry {
  readonly vars: Int32Array;
  readonly clauses: Int32Array;
  readonly check: number;
  readonly node: number;
}

class BudgetExceeded {
  constructor(readonly reason: "time" | "size") {}
}

class TopDownCompiler {
  private readonly n: number;
  private readonly builder: NnfBuilder;
  private unsatisfiable = false;
  private readonly units: Lit[] = [];

  // Binary clauses as implications: implied[implStart[l] .. implStart[l+1]] must hold when l holds.
  private readonly implStart: Int32Array;
  private readonly implied: Int32Array;
  // Longer clauses, watched on their first two literals.
  private readonly clauseStart: Int32Array;
  private readonly clauseLits: Int32Array;
  private readonly watchers: number[][];
  // Occurrences, for component analysis.
  private readonly binStart: Int32Array;
  private readonly binNeighbours: Int32Array;
  private readonly occStart: Int32Array;
  private readonly occClauses: Int32Array;

  // Assignment: value[l] is 1 when l holds, -1 when it fails, 0 when unassigned.
  private readonly value: Int8Array;
  private readonly trail: Int32Array;
  private trailLength = 0;
  private propagated = 0;

  // Scratch for component analysis.
  private stamp = 0;
  private readonly clauseStamp: Int32Array;
  private readonly clauseVisited: Int32Array;
  private readonly varStamp: Int32Array;
  private readonly varComponent: Int32Array;
  private readonly degree: Int32Array;
  private readonly queue: Int32Array;

  private readonly cache = new Map<number, CacheEntry[]>();
  private decisions = 0;
  private cacheHits = 0;

  constructor(
    cnf: Cnf,
    private readonly deadline: number,
    private readonly maxNodes: number,
    private readonly maxDecisions: number,
    private readonly decidable: Uint8Array,
    private readonly kept: Uint8Array,
    private readonly groups: Int32Array,
    private readonly rank: Int32Array,
  ) {
    const n = cnf.numVars;
    this.n = n;
    this.builder = new NnfBuilder(n);
    const binaries: [Lit, Lit][] = [];
    const longs: Lit[][] = [];
    for (const clause of cnf.clauses) {
      const lits = normaliseClause(clause);
      if (lits === undefined) continue; // tautology
      if (lits.length === 0) this.unsatisfiable = true;
      else if (lits.length === 1) this.units.push(lits[0] as Lit);
      else if (lits.length === 2) binaries.push([lits[0] as Lit, lits[1] as Lit]);
      else longs.push(lits);
    }

    const implCount = new Int32Array(2 * n + 1);
    const binCount = new Int32Array(n + 1);
    for (const [a, b] of binaries) {
      implCount[a ^ 1]!++;
      implCount[b ^ 1]!++;
      binCount[a >> 1]!++;
      binCount[b >> 1]!++;
    }
    this.implStart = prefixSums(implCount);
    this.implied = new Int32Array(2 * binaries.length);
    this.binStart = prefixSums(binCount);
    this.binNeighbours = new Int32Array(2 * binaries.length);
    const implFill = this.implStart.slice();
    const binFill = this.binStart.slice();
    for (const [a, b] of binaries) {
      this.implied[implFill[a ^ 1]!++] = b;
      this.implied[implFill[b ^ 1]!++] = a;
      this.binNeighbours[binFill[a >> 1]!++] = b >> 1;
      this.binNeighbours[binFill[b >> 1]!++] = a >> 1;
    }

    this.clauseStart = new Int32Array(longs.length + 1);
    let total = 0;
    longs.forEach((lits, i) => {
      total += lits.length;
      this.clauseStart[i + 1] = total;
    });
    this.clauseLits = new Int32Array(total);
    this.watchers = Array.from({ length: 2 * n }, () => []);
    const occCount = new Int32Array(n + 1);
    longs.forEach((lits, i) => {
      this.clauseLits.set(lits, this.clauseStart[i] as number);
      (this.watchers[lits[0] as Lit] as number[]).push(i);
      (this.watchers[lits[1] as Lit] as number[]).push(i);
      for (const lit of lits) occCount[lit >> 1]!++;
    });
    this.occStart = prefixSums(occCount);
    this.occClauses = new Int32Array(total);
    const occFill = this.occStart.slice();
    longs.forEach((lits, i) => {
      for (const lit of lits) this.occClauses[occFill[lit >> 1]!++] = i;
    });

    this.value = new Int8Array(2 * n);
    this.trail = new Int32Array(n);
    this.clauseStamp = new Int32Array(longs.length);
    this.clauseVisited = new Int32Array(longs.length);
    this.varStamp = new Int32Array(n);
    this.varComponent = new Int32Array(n);
    this.degree = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  stats(milliseconds: number): CompileStats {
    return {
      milliseconds,
      decisions: this.decisions,
      cacheHits: this.cacheHits,
      nodes: this.builder.nodeCount,
      nodesBuilt: this.builder.nodeCount,
      edges: this.builder.edgeTotal,
    };
  }

  run(): Nnf | "time" | "size" {
    const b = this.builder;
    if (this.unsatisfiable) return b.finish(FALSE);
    for (const unit of this.units) {
      if (this.value[unit] === -1) return b.finish(FALSE);
      if (this.value[unit] === 0) this.assign(unit);
    }
    if (!this.propagate()) return b.finish(FALSE);
    const allVars = Int32Array.from({ length: this.n }, (_, v) => v);
    const allClauses = Int32Array.from({ length: this.clauseStart.length - 1 }, (_, c) => c);
    try {
      const root = this.branch(0, allVars, allClauses);
      this.checkBudget();
      return b.finish(root);
    } catch (error) {
      if (error instanceof BudgetExceeded) return error.reason;
      throw error;
    }
  }

  private checkBudget(): void {
    if (performance.now() > this.deadline || this.decisions > this.maxDecisions) throw new BudgetExceeded("time");
    if (this.builder.nodeCount > this.maxNodes) throw new BudgetExceeded("size");
  }

  /** The conjunction of what the trail assigned since `from` and the components left over. */
  private branch(from: number, vars: Int32Array, clauses: Int32Array): number {
    const b = this.builder;
    const children: number[] = [];
    const grouped = new Map<number, Lit[]>();
    for (let i = from; i < this.trailLength; i++) {
      const lit = this.trail[i] as Lit;
      if (this.kept[lit] !== 1) continue;
      const group = this.groups[lit >> 1] as number;
      if (group < 0) children.push(b.literal(lit));
      else {
        const lits = grouped.get(group);
        if (lits === undefined) grouped.set(group, [lit]);
        else lits.push(lit);
      }
    }
    for (const lits of grouped.values())
      children.push(lits.length === 1 ? b.literal(lits[0] as Lit) : b.sharedLiterals(lits));
    const { free, components } = this.split(vars, clauses);
    children.push(b.free(free));
    for (const component of components) {
      const node = this.compileComponent(component);
      if (node === FALSE) return FALSE;
      children.push(node);
    }
    return b.and(children);
  }

  private compileComponent(component: Component): number {
    const { vars, clauses } = component;
    const hash = hashKey(vars, clauses, 0x811c9dc5);
    const check = hashKey(vars, clauses, 0x2545f491);
    const bucket = this.cache.get(hash);
    if (bucket !== undefined) {
      for (const entry of bucket) {
        if (entry.check === check && sameInts(entry.vars, vars) && sameInts(entry.clauses, clauses)) {
          this.cacheHits++;
          return entry.node;
        }
      }
    }

    if ((++this.decisions & 255) === 0) this.checkBudget();
    const x = component.decision;
    const start = this.trailLength;
    const whenTrue = this.tryBranch(x << 1, start, vars, clauses);
    const whenFalse = this.tryBranch((x << 1) | 1, start, vars, clauses);
    const node = this.builder.decision(whenTrue, whenFalse);

    const entry: CacheEntry = { vars, clauses, check, node };
    if (bucket === undefined) this.cache.set(hash, [entry]);
    else bucket.push(entry);
    return node;
  }

  private tryBranch(lit: Lit, start: number, vars: Int32Array, clauses: Int32Array): number {
    this.assign(lit);
    const node = this.propagate() ? this.branch(start, vars, clauses) : FALSE;
    this.backtrack(start);
    return node;
  }

  /** Splits the unassigned part of a component into free variables and independent components. */
  private split(vars: Int32Array, clauses: Int32Array): { free: number[]; components: Component[] } {
    const stamp = ++this.stamp;
    const { value, clauseStart, clauseLits, clauseStamp, clauseVisited, varStamp, varComponent, degree, queue } = this;
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i] as number;
      let satisfied = false;
      for (let k = clauseStart[c] as number, end = clauseStart[c + 1] as number; k < end; k++) {
        if (value[clauseLits[k] as number] === 1) {
          satisfied = true;
          break;
        }
      }
      if (!satisfied) clauseStamp[c] = stamp;
    }

    const sizes: number[] = [];
    for (let i = 0; i < vars.length; i++) {
      const root = vars[i] as number;
      if (value[root << 1] !== 0 || varStamp[root] === stamp) continue;
      const index = sizes.length;
      varStamp[root] = stamp;
      varComponent[root] = index;
      queue[0] = root;
      let head = 0;
      let tail = 1;
      while (head < tail) {
        const u = queue[head++] as number;
        let d = 0;
        for (let k = this.binStart[u] as number, end = this.binStart[u + 1] as number; k < end; k++) {
          const w = this.binNeighbours[k] as number;
          if (value[w << 1] !== 0) continue;
          d++;
          if (varStamp[w] !== stamp) {
            varStamp[w] = stamp;
            varComponent[w] = index;
            queue[tail++] = w;
          }
        }
        for (let k = this.occStart[u] as number, end = this.occStart[u + 1] as number; k < end; k++) {
          const c = this.occClauses[k] as number;
          if (clauseStamp[c] !== stamp) continue;
          d++;
          if (clauseVisited[c] === stamp) continue;
          clauseVisited[c] = stamp;
          for (let j = clauseStart[c] as number, e = clauseStart[c + 1] as number; j < e; j++) {
            const w = (clauseLits[j] as number) >> 1;
            if (value[w << 1] !== 0 || varStamp[w] === stamp) continue;
            varStamp[w] = stamp;
            varComponent[w] = index;
            queue[tail++] = w;
          }
        }
        degree[u] = d;
      }
      sizes.push(tail);
    }

    const free: number[] = [];
    const varLists: Int32Array[] = sizes.map((size) => new Int32Array(size));
    const varFill = new Int32Array(sizes.length);
    const decision = new Int32Array(sizes.length).fill(-1);
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i] as number;
      if (value[v << 1] !== 0) continue;
      const index = varComponent[v] as number;
      if (sizes[index] === 1) {
        free.push(v);
        continue;
      }
      (varLists[index] as Int32Array)[varFill[index]!++] = v;
      const best = decision[index] as number;
      if (best < 0 || this.prefer(v, best)) decision[index] = v;
    }
    const clauseCounts = new Int32Array(sizes.length);
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i] as number;
      if (clauseStamp[c] === stamp) clauseCounts[this.componentOfClause(c)]!++;
    }
    const clauseLists = Array.from(clauseCounts, (count) => new Int32Array(count));
    const clauseFill = new Int32Array(sizes.length);
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i] as number;
      if (clauseStamp[c] !== stamp) continue;
      const index = this.componentOfClause(c);
      (clauseLists[index] as Int32Array)[clauseFill[index]!++] = c;
    }
    const components: Component[] = [];
    for (let index = 0; index < sizes.length; index++) {
      if (sizes[index] === 1) continue;
      components.push({
        vars: varLists[index] as Int32Array,
        clauses: clauseLists[index] as Int32Array,
        decision: decision[index] as number,
      });
    }
    return { free, components };
  }

  /**
   * Decide the caller's decision variables before any other, then variables eliminated last first
   * (they separate the formula); break ties by live degree.
   */
  private prefer(v: number, best: number): boolean {
    const d = (this.decidable[v] as number) - (this.decidable[best] as number);
    if (d !== 0) return d > 0;
    const r = (this.rank[v] as number) - (this.rank[best] as number);
    return r > 0 || (r === 0 && (this.degree[v] as number) > (this.degree[best] as number));
  }

  private componentOfClause(c: number): number {
    for (let j = this.clauseStart[c] as number; ; j++) {
      const lit = this.clauseLits[j] as number;
      if (this.value[lit] === 0) return this.varComponent[lit >> 1] as number;
    }
  }

  private assign(lit: Lit): void {
    this.value[lit] = 1;
    this.value[lit ^ 1] = -1;
    this.trail[this.trailLength++] = lit;
  }

  private backtrack(length: number): void {
    const { value, trail } = this;
    while (this.trailLength > length) {
      const lit = trail[--this.trailLength] as number;
      value[lit] = 0;
      value[lit ^ 1] = 0;
    }
    this.propagated = length;
  }

  /** Unit propagation; false on conflict (the caller backtracks). */
  private propagate(): boolean {
    const { value, trail, implStart, implied, clauseStart, clauseLits, watchers } = this;
    while (this.propagated < this.trailLength) {
      const p = trail[this.propagated++] as number;
      for (let k = implStart[p] as number, end = implStart[p + 1] as number; k < end; k++) {
        const q = implied[k] as number;
        const v = value[q];
        if (v === -1) return false;
        if (v === 0) this.assign(q);
      }
      const falsified = p ^ 1;
      const watching = watchers[falsified] as number[];
      let i = 0;
      let j = 0;
      while (i < watching.length) {
        const c = watching[i++] as number;
        const s = clauseStart[c] as number;
        if (clauseLits[s] === falsified) {
          clauseLits[s] = clauseLits[s + 1] as number;
          clauseLits[s + 1] = falsified;
        }
        const first = clauseLits[s] as number;
        if (value[first] === 1) {
          watching[j++] = c;
          continue;
        }
        let moved = false;
        for (let k = s + 2, end = clauseStart[c + 1] as number; k < end; k++) {
          const lit = clauseLits[k] as number;
          if (value[lit] !== -1) {
            clauseLits[s + 1] = lit;
            clauseLits[k] = falsified;
            (watchers[lit] as number[]).push(c);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        watching[j++] = c;
        if (value[first] === -1) {
          while (i < watching.length) watching[j++] = watching[i++] as number;
          watching.length = j;
          return false;
        }
        this.assign(first);
      }
      watching.length = j;
    }
    return true;
  }
}

/** Sorted, deduplicated literals, or undefined for a tautology. */
function normaliseClause(clause: readonly number[]): Lit[] | undefined {
  const lits = [...new Set(clause.map(litFromDimacs))].sort((a, b) => a - b);
  for (let i = 1; i < lits.length; i++) if (((lits[i] as Lit) ^ 1) === lits[i - 1]) return undefined;
  return lits;
}

function prefixSums(counts: Int32Array): Int32Array {
  const sums = new Int32Array(counts.length);
  let total = 0;
  for (let i = 0; i < counts.length - 1; i++) {
    total += counts[i] as number;
    sums[i + 1] = total;
  }
  return sums;
}

function hashKey(vars: Int32Array, clauses: Int32Array, seed: number): number {
  let h = seed ^ vars.length;
  for (let i = 0; i < vars.length; i++) h = Math.imul(h ^ (vars[i] as number), 0x01000193);
  h = Math.imul(h ^ 0x5bd1e995, 0x01000193);
  for (let i = 0; i < clauses.length; i++) h = Math.imul(h ^ (clauses[i] as number), 0x01000193);
  return h >>> 0;
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
