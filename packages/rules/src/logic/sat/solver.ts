import { type Lit, litFromDimacs } from "../literals.ts";
import { CdclCore, NO_CONFLICT, NO_REASON } from "./cdcl.ts";

export type SatResult = "sat" | "unsat" | "unknown";

export interface SolveOptions {
  /** Analyse at most this many conflicts, then give up with "unknown". */
  readonly conflictLimit?: number;
}

const RESTART_UNIT = 100;
const FIRST_REDUCE = 2000;
const REDUCE_STEP = 300;

/**
 * Incremental CDCL SAT solver in the MiniSat/Glucose tradition (see CdclCore for the machinery):
 * EVSIDS, phase saving, Luby restarts, LBD-based reduction of learnt clauses, and assumptions
 * decided first so that a final conflict names the failed assumptions. Between calls the solver
 * sits at decision level 0, so clauses can be added at any time, and learnt clauses (implied by
 * the clauses) stay valid for later calls.
 */
export class SatSolver extends CdclCore {
  private ok = true;
  private conflicts = 0;
  private reductions = 0;
  private nextReduce = FIRST_REDUCE;
  /** The last model, reused across calls; valid only while hasModel. */
  private modelValues = new Uint8Array(0);
  private hasModel = false;

  constructor(numVars = 0) {
    super();
    if (!Number.isInteger(numVars) || numVars < 0) throw new RangeError(`bad variable count: ${numVars}`);
    this.reserve(numVars);
  }

  get numVars(): number {
    return this.n;
  }

  /** Counters for tests and benchmarks, over the solver's lifetime. */
  get stats(): { conflicts: number; learnts: number; reductions: number } {
    return { conflicts: this.conflicts, learnts: this.clauses.learnts.length, reductions: this.reductions };
  }

  /** Adds a fresh variable and returns its 1-based number. */
  newVar(): number {
    this.reserve(this.n + 1);
    return this.n;
  }

  /**
   * Adds a clause (DIMACS ints; grows numVars as needed). Allowed between solve calls (incremental).
   * Returns false if the formula became trivially unsatisfiable at level 0.
   */
  addClause(clause: readonly number[]): boolean {
    if (!this.ok) return false;
    const lits = clause.map((d) => this.internal(d)).sort((a, b) => a - b);
    const value = this.assigns;
    let size = 0;
    for (let i = 0; i < lits.length; i++) {
      const lit = lits[i] as Lit;
      if (i > 0 && lit === lits[i - 1]) continue;
      if ((i > 0 && (lit ^ 1) === lits[i - 1]) || value[lit] === 1) return true; // tautology or satisfied
      if (value[lit] === 0) lits[size++] = lit; // literals false at level 0 can never help
    }
    lits.length = size;
    if (size === 0) this.ok = false;
    else if (size === 1) {
      this.assign(lits[0] as Lit, NO_REASON);
      this.ok = this.propagate() === NO_CONFLICT;
    } else if (size === 2) this.addBinary(lits[0] as Lit, lits[1] as Lit);
    else this.attach(this.clauses.allocate(lits, false, 0));
    return this.ok;
  }

  /**
   * Solves under assumptions (DIMACS literals), each decided on its own level before any other
   * decision. With conflictLimit, gives up with "unknown" at the conflict after that many.
   */
  solve(assumptions: readonly number[] = [], options: SolveOptions = {}): SatResult {
    this.hasModel = false;
    this.failed = [];
    if (!this.ok) return "unsat";
    const assume = assumptions.map((d) => this.internal(d));
    const limit = options.conflictLimit ?? Number.POSITIVE_INFINITY;
    const value = this.assigns;
    let conflictsHere = 0;
    let restarts = 0;
    let sinceRestart = 0;
    let restartLimit = RESTART_UNIT;
    for (;;) {
      const conflict = this.propagate();
      if (conflict !== NO_CONFLICT) {
        if (this.decisionLevel === 0) {
          this.ok = false;
          return "unsat";
        }
        if (++conflictsHere > limit) {
          this.cancelUntil(0);
          return "unknown";
        }
        this.conflicts++;
        sinceRestart++;
        this.learn(conflict);
        this.order.decay();
        continue;
      }
      if (sinceRestart >= restartLimit) {
        sinceRestart = 0;
        restartLimit = RESTART_UNIT * luby(++restarts);
        this.cancelUntil(0);
      }
      if (this.conflicts >= this.nextReduce) {
        this.nextReduce = this.conflicts + FIRST_REDUCE + REDUCE_STEP * ++this.reductions;
        this.reduce();
      }
      let next = -1;
      while (this.decisionLevel < assume.length) {
        const p = assume[this.decisionLevel] as Lit;
        if (value[p] === 1) {
          this.newLevel(); // already implied: an empty level keeps levels and assumptions aligned
        } else if (value[p] === -1) {
          this.analyzeFinal(p);
          this.cancelUntil(0);
          return "unsat";
        } else {
          next = p;
          break;
        }
      }
      if (next < 0) {
        next = this.pickBranch();
        if (next < 0) {
          if (this.modelValues.length !== this.n) this.modelValues = new Uint8Array(this.n);
          const model = this.modelValues;
          for (let v = 0; v < this.n; v++) model[v] = value[v << 1] === 1 ? 1 : 0;
          this.hasModel = true;
          this.cancelUntil(0);
          return "sat";
        }
      }
      this.newLevel();
      this.assign(next, NO_REASON);
    }
  }

  /** After "sat": the value of a 1-based variable in the model found. */
  value(variable: number): boolean {
    const model = this.modelValues;
    if (!this.hasModel) throw new Error("value() needs a preceding solve() that returned sat");
    if (!Number.isInteger(variable) || variable < 1 || variable > model.length) {
      throw new RangeError(`no variable ${variable}`);
    }
    return model[variable - 1] === 1;
  }

  /** After "sat": the model as DIMACS literals of every variable, in order. */
  model(): number[] {
    const model = this.modelValues;
    if (!this.hasModel) throw new Error("model() needs a preceding solve() that returned sat");
    return Array.from(model, (bit, v) => (bit === 1 ? v + 1 : -(v + 1)));
  }

  /**
   * After "unsat" under assumptions: a subset of the assumptions that is itself unsatisfiable with
   * the clauses (from the final conflict analysis); empty if the clauses alone are unsatisfiable.
   */
  failedAssumptions(): number[] {
    return this.failed.slice();
  }

  /** Prefers this literal's value when its variable is next decided (until search saves another phase). */
  setPhase(literal: number): void {
    const lit = this.internal(literal);
    this.phase[lit >> 1] = lit & 1;
  }

  private internal(d: number): Lit {
    if (!Number.isInteger(d) || d === 0) throw new RangeError(`not a DIMACS literal: ${d}`);
    const v = Math.abs(d);
    if (v > this.n) this.reserve(v);
    return litFromDimacs(d);
  }
}

/** The Luby sequence 1 1 2 1 1 2 4 1 1 2 ..., 0-based. */
function luby(x: number): number {
  let size = 1;
  let seq = 0;
  while (size < x + 1) {
    seq++;
    size = 2 * size + 1;
  }
  while (size - 1 !== x) {
    size = (size - 1) >> 1;
    seq--;
    x %= size;
  }
  return 2 ** seq;
}
