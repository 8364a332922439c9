import { type Lit, litToDimacs } from "../literals.ts";
import { ClauseArena, HEADER, USED } from "./clauses.ts";
import { VarOrder } from "./heap.ts";

// Reasons: -1 for decisions and level-0 units, >= 0 a clause in the arena, <= -2 a binary
// clause stored as -2 - (its other, false literal), so binaries need no arena entry.
export const NO_REASON = -1;
export const NO_CONFLICT = -1;
const BINARY_CONFLICT = -2;

/**
 * The CDCL machinery behind SatSolver: assignment trail, propagation (binary clauses as
 * implication lists, longer ones with two watched literals and blockers), 1UIP conflict
 * analysis with recursive minimisation, final-conflict analysis over assumptions, and
 * reduction of the learnt clauses.
 */
export class CdclCore {
  protected n = 0;
  /** Per literal: 1 true, -1 false, 0 unassigned. */
  protected assigns = new Int8Array(0);
  protected level = new Int32Array(0);
  protected reason = new Int32Array(0);
  protected trail = new Int32Array(0);
  protected trailLength = 0;
  protected qhead = 0;
  /** Trail position where each decision level starts (typed and never shrunk: no allocation per solve). */
  protected levelStart = new Int32Array(16);
  protected decisionLevel = 0;
  protected seen = new Uint8Array(0);
  /** Saved phase per variable: the sign bit of its last literal (1 = false, the default). */
  protected phase = new Uint8Array(0);
  protected readonly order = new VarOrder();
  /** bins[p]: literals implied when p holds. */
  protected readonly bins: number[][] = [];
  /**
   * watches[l]: (clause, blocker) pairs of clauses watching l, visited when l becomes false; the
   * first watchLength[l] entries are live. Lists never shrink, as V8 would trim and regrow them.
   */
  protected readonly watches: number[][] = [];
  protected watchLength = new Int32Array(0);
  protected readonly clauses = new ClauseArena();
  protected failed: number[] = [];
  private conflictA = 0;
  private conflictB = 0;
  private levelStamp = new Int32Array(64);
  private stamp = 0;
  private readonly learnt: number[] = [];
  private readonly toClear: number[] = [];
  private readonly stack: number[] = [];

  /** Grows the variable count to `count`, reallocating the per-variable arrays geometrically. */
  protected reserve(count: number): void {
    if (count <= this.n) return;
    if (count > this.level.length) {
      const capacity = Math.max(count, 2 * this.level.length, 16);
      this.assigns = grown(this.assigns, new Int8Array(2 * capacity));
      this.watchLength = grown(this.watchLength, new Int32Array(2 * capacity));
      this.level = grown(this.level, new Int32Array(capacity));
      this.reason = grown(this.reason, new Int32Array(capacity));
      this.trail = grown(this.trail, new Int32Array(capacity));
      this.seen = grown(this.seen, new Uint8Array(capacity));
      this.phase = grown(this.phase, new Uint8Array(capacity));
      this.order.reserve(capacity);
    }
    for (let v = this.n; v < count; v++) {
      this.phase[v] = 1;
      this.bins.push([], []);
      this.watches.push([], []);
      this.order.insert(v);
    }
    this.n = count;
  }

  protected assign(lit: Lit, reason: number): void {
    const v = lit >> 1;
    this.assigns[lit] = 1;
    this.assigns[lit ^ 1] = -1;
    this.level[v] = this.decisionLevel;
    this.reason[v] = reason;
    this.trail[this.trailLength++] = lit;
  }

  protected newLevel(): void {
    if (this.decisionLevel === this.levelStart.length) {
      this.levelStart = grown(this.levelStart, new Int32Array(2 * this.decisionLevel));
    }
    this.levelStart[this.decisionLevel++] = this.trailLength;
  }

  protected cancelUntil(target: number): void {
    const { trail, assigns, phase, order } = this;
    if (this.decisionLevel <= target) return;
    const start = this.levelStart[target] as number;
    for (let i = this.trailLength - 1; i >= start; i--) {
      const lit = trail[i] as number;
      assigns[lit] = 0;
      assigns[lit ^ 1] = 0;
      phase[lit >> 1] = lit & 1;
      order.insert(lit >> 1);
    }
    this.trailLength = start;
    this.qhead = start;
    this.decisionLevel = target;
  }

  /** The most active unassigned variable in its saved phase, or -1 when all are assigned. */
  protected pickBranch(): Lit {
    const { order, assigns } = this;
    for (;;) {
      const v = order.popMax();
      if (v < 0) return -1;
      if (assigns[v << 1] === 0) return (v << 1) | (this.phase[v] as number);
    }
  }

  protected addBinary(a: Lit, b: Lit): void {
    (this.bins[a ^ 1] as number[]).push(b);
    (this.bins[b ^ 1] as number[]).push(a);
  }

  protected attach(ref: number): void {
    const data = this.clauses.data;
    const a = data[ref + HEADER] as number;
    const b = data[ref + HEADER + 1] as number;
    this.watch(a, ref, b);
    this.watch(b, ref, a);
  }

  private watch(lit: Lit, ref: number, blocker: Lit): void {
    const ws = this.watches[lit] as number[];
    const at = this.watchLength[lit] as number;
    ws[at] = ref; // at <= ws.length, so this appends or overwrites, never leaves holes
    ws[at + 1] = blocker;
    this.watchLength[lit] = at + 2;
  }

  /** Unit propagation; returns NO_CONFLICT, BINARY_CONFLICT (see conflictA/B) or the falsified clause. */
  protected propagate(): number {
    const { assigns: value, trail, bins, watches } = this;
    const arena = this.clauses.data;
    while (this.qhead < this.trailLength) {
      const p = trail[this.qhead++] as number;
      const falseLit = p ^ 1;
      const implied = bins[p] as number[];
      for (let k = 0; k < implied.length; k++) {
        const q = implied[k] as number;
        const vq = value[q];
        if (vq === 1) continue;
        if (vq === -1) {
          this.conflictA = falseLit;
          this.conflictB = q;
          this.qhead = this.trailLength;
          return BINARY_CONFLICT;
        }
        this.assign(q, -2 - falseLit);
      }
      // Watched literals stay at positions 0 and 1; an implied literal is moved to position 0.
      const ws = watches[falseLit] as number[];
      const end = this.watchLength[falseLit] as number;
      let i = 0;
      let j = 0;
      while (i < end) {
        const ref = ws[i] as number;
        const blocker = ws[i + 1] as number;
        i += 2;
        if (value[blocker] === 1) {
          ws[j++] = ref;
          ws[j++] = blocker;
          continue;
        }
        const base = ref + HEADER;
        if (arena[base] === falseLit) {
          arena[base] = arena[base + 1] as number;
          arena[base + 1] = falseLit;
        }
        const first = arena[base] as number;
        if (first !== blocker && value[first] === 1) {
          ws[j++] = ref;
          ws[j++] = first;
          continue;
        }
        let moved = false;
        for (let k = base + 2, stop = base + (arena[ref] as number); k < stop; k++) {
          const lit = arena[k] as number;
          if (value[lit] !== -1) {
            arena[base + 1] = lit;
            arena[k] = falseLit;
            this.watch(lit, ref, first);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = ref;
        ws[j++] = first;
        if (value[first] === -1) {
          while (i < end) ws[j++] = ws[i++] as number;
          this.watchLength[falseLit] = j;
          this.qhead = this.trailLength;
          return ref;
        }
        this.assign(first, ref);
      }
      this.watchLength[falseLit] = j;
    }
    return NO_CONFLICT;
  }

  /** Analyses a conflict, backjumps and asserts the learnt clause. */
  protected learn(conflict: number): void {
    const { learnt, trail, seen, reason, level } = this;
    const current = this.decisionLevel;
    learnt.length = 0;
    learnt.push(-1);
    let pathCount = 0;
    if (conflict === BINARY_CONFLICT) {
      pathCount += this.visit(this.conflictA, current) + this.visit(this.conflictB, current);
    } else pathCount += this.visitClause(conflict, 0, current);
    let index = this.trailLength - 1;
    let p = -1;
    for (;;) {
      while (seen[(trail[index] as number) >> 1] === 0) index--;
      p = trail[index--] as number;
      seen[p >> 1] = 0;
      if (--pathCount === 0) break;
      const r = reason[p >> 1] as number;
      pathCount += r >= 0 ? this.visitClause(r, 1, current) : this.visit(-2 - r, current);
    }
    learnt[0] = p ^ 1;

    // Minimisation: drop literals implied by the rest of the clause.
    const toClear = this.toClear;
    toClear.length = 0;
    let levels = 0;
    for (let i = 1; i < learnt.length; i++) {
      const q = learnt[i] as number;
      toClear.push(q);
      levels |= 1 << ((level[q >> 1] as number) & 31);
    }
    let size = 1;
    for (let i = 1; i < learnt.length; i++) {
      const q = learnt[i] as number;
      if (reason[q >> 1] === NO_REASON || !this.redundant(q, levels)) learnt[size++] = q;
    }
    learnt.length = size;
    for (let i = 0; i < toClear.length; i++) seen[(toClear[i] as number) >> 1] = 0;

    // Backjump to the second highest level, whose literal becomes the second watch.
    let backjump = 0;
    if (size > 1) {
      let best = 1;
      for (let i = 2; i < size; i++) {
        if ((level[(learnt[i] as number) >> 1] as number) > (level[(learnt[best] as number) >> 1] as number)) best = i;
      }
      const swap = learnt[best] as number;
      learnt[best] = learnt[1] as number;
      learnt[1] = swap;
      backjump = level[swap >> 1] as number;
    }
    const glue = size > 2 ? this.lbd(learnt) : 0; // before backjumping: levels of unassigned literals go stale
    this.cancelUntil(backjump);
    const asserting = learnt[0] as number;
    if (size === 1) this.assign(asserting, NO_REASON);
    else if (size === 2) {
      this.addBinary(asserting, learnt[1] as number);
      this.assign(asserting, -2 - (learnt[1] as number));
    } else {
      const ref = this.clauses.allocate(learnt, true, glue);
      this.attach(ref);
      this.assign(asserting, ref);
    }
  }

  /** Marks a conflict-side literal; returns 1 when it lies on the current level (still to be resolved). */
  private visit(q: Lit, current: number): number {
    const v = q >> 1;
    if (this.seen[v] === 1) return 0;
    const lv = this.level[v] as number;
    if (lv === 0) return 0;
    this.seen[v] = 1;
    this.order.bump(v);
    if (lv >= current) return 1;
    this.learnt.push(q);
    return 0;
  }

  private visitClause(ref: number, from: number, current: number): number {
    const data = this.clauses.data;
    data[ref + 1] = (data[ref + 1] as number) | USED;
    let count = 0;
    for (let k = ref + HEADER + from, end = ref + HEADER + (data[ref] as number); k < end; k++) {
      count += this.visit(data[k] as number, current);
    }
    return count;
  }

  /** Whether q is implied by literals already in the learnt clause; an explicit stack replaces recursion. */
  private redundant(q: Lit, levels: number): boolean {
    const { stack, toClear, seen, reason, level } = this;
    const data = this.clauses.data;
    const top = toClear.length;
    stack.length = 0;
    stack.push(q);
    while (stack.length > 0) {
      const x = stack.pop() as number;
      const r = reason[x >> 1] as number;
      const from = r >= 0 ? r + HEADER + 1 : 0;
      const end = r >= 0 ? r + HEADER + (data[r] as number) : 1;
      for (let k = from; k < end; k++) {
        const l = r >= 0 ? (data[k] as number) : -2 - r;
        const v = l >> 1;
        if (seen[v] === 1 || level[v] === 0) continue;
        if (reason[v] !== NO_REASON && ((1 << ((level[v] as number) & 31)) & levels) !== 0) {
          seen[v] = 1;
          stack.push(l);
          toClear.push(l);
          continue;
        }
        for (let i = top; i < toClear.length; i++) seen[(toClear[i] as number) >> 1] = 0;
        toClear.length = top;
        return false;
      }
    }
    return true;
  }

  /** Number of distinct decision levels in the clause (glue). */
  private lbd(lits: readonly number[]): number {
    if (this.levelStamp.length <= this.decisionLevel) {
      this.levelStamp = grown(this.levelStamp, new Int32Array(2 * this.decisionLevel + 2));
    }
    const stamp = ++this.stamp;
    let count = 0;
    for (const lit of lits) {
      const lv = this.level[lit >> 1] as number;
      if (this.levelStamp[lv] !== stamp) {
        this.levelStamp[lv] = stamp;
        count++;
      }
    }
    return count;
  }

  /** Sets `failed` to the assumptions responsible for the assumption p being false. */
  protected analyzeFinal(p: Lit): void {
    const { trail, seen, reason, level } = this;
    const data = this.clauses.data;
    this.failed = [litToDimacs(p)];
    if (this.decisionLevel === 0) return;
    seen[p >> 1] = 1;
    for (let i = this.trailLength - 1; i >= (this.levelStart[0] as number); i--) {
      const x = trail[i] as number;
      const v = x >> 1;
      if (seen[v] === 0) continue;
      seen[v] = 0;
      const r = reason[v] as number;
      if (r === NO_REASON) {
        this.failed.push(litToDimacs(x)); // every decision made so far is an assumption
      } else if (r >= 0) {
        for (let k = r + HEADER + 1, end = r + HEADER + (data[r] as number); k < end; k++) {
          const u = (data[k] as number) >> 1;
          if ((level[u] as number) > 0) seen[u] = 1;
        }
      } else if ((level[(-2 - r) >> 1] as number) > 0) seen[(-2 - r) >> 1] = 1;
    }
  }

  /** Deletes learnt clauses (see ClauseArena.pruneLearnts), compacts the arena and rebuilds the watches. */
  protected reduce(): void {
    const { assigns, reason, level, clauses } = this;
    const data = clauses.data;
    const isReason = (ref: number) => {
      const first = data[ref + HEADER] as number;
      return assigns[first] === 1 && reason[first >> 1] === ref;
    };
    const satisfiedAtRoot = (ref: number) => {
      for (let k = ref + HEADER, end = k + (data[ref] as number); k < end; k++) {
        const lit = data[k] as number;
        if (assigns[lit] === 1 && level[lit >> 1] === 0) return true;
      }
      return false;
    };
    clauses.pruneLearnts(isReason, satisfiedAtRoot);
    const moved = clauses.compact();
    for (let i = 0; i < this.trailLength; i++) {
      const v = (this.trail[i] as number) >> 1;
      const r = reason[v] as number;
      if (r >= 0) reason[v] = moved(r);
    }
    this.watchLength.fill(0);
    const arena = clauses.data;
    for (let ref = 0; ref < clauses.top; ref += HEADER + (arena[ref] as number)) this.attach(ref);
  }
}

function grown<T extends Int8Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
