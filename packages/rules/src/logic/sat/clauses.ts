/**
 * Clauses of three or more literals, stored flat as [size, meta, ...literals] so that a clause
 * reference is an offset and propagation touches one typed array.
 * meta = lbd << 3 | used << 2 | deleted << 1 | learnt.
 */
export const HEADER = 2;
const LEARNT = 1;
const DELETED = 2;
export const USED = 4;

/** Learnt clauses with at most this LBD ("glue" clauses) are never deleted. */
const GLUE = 2;

export class ClauseArena {
  data = new Int32Array(1 << 12);
  top = 0;
  /** References of the learnt clauses, oldest first. */
  learnts: number[] = [];

  allocate(lits: readonly number[], learnt: boolean, lbd: number): number {
    const ref = this.top;
    const need = ref + HEADER + lits.length;
    if (need > this.data.length) {
      const data = new Int32Array(Math.max(need, 2 * this.data.length));
      data.set(this.data);
      this.data = data;
    }
    const data = this.data;
    data[ref] = lits.length;
    data[ref + 1] = (lbd << 3) | (learnt ? LEARNT : 0);
    for (let i = 0; i < lits.length; i++) data[ref + HEADER + i] = lits[i] as number;
    this.top = need;
    if (learnt) this.learnts.push(ref);
    return ref;
  }

  /**
   * Marks for deletion the learnt clauses that are not `kept` (reasons) and are `doomed`
   * (satisfied for good), then half of the remaining non-glue ones: those unused since the last
   * reduction first, higher LBD first. Clears the used marks.
   */
  pruneLearnts(kept: (ref: number) => boolean, doomed: (ref: number) => boolean): void {
    const data = this.data;
    const unused: number[] = [];
    const used: number[] = [];
    for (const ref of this.learnts) {
      const meta = data[ref + 1] as number;
      data[ref + 1] = meta & ~USED;
      if (kept(ref)) continue;
      if (doomed(ref)) data[ref + 1] = meta | DELETED;
      else if (meta >> 3 > GLUE) (meta & USED ? used : unused).push(ref);
    }
    const byLbd = (a: number, b: number) => ((data[b + 1] as number) >> 3) - ((data[a + 1] as number) >> 3);
    const worstFirst = [...unused.sort(byLbd), ...used.sort(byLbd)];
    for (let i = 0; i < worstFirst.length >> 1; i++) {
      const ref = worstFirst[i] as number;
      data[ref + 1] = (data[ref + 1] as number) | DELETED;
    }
  }

  /**
   * Squeezes out deleted clauses. Returns where each surviving clause moved
   * (old reference to new one, -1 for deleted); valid until the next call.
   */
  compact(): (ref: number) => number {
    const old = this.data;
    let live = 0;
    for (let ref = 0; ref < this.top; ref += HEADER + (old[ref] as number)) {
      if (((old[ref + 1] as number) & DELETED) === 0) live += HEADER + (old[ref] as number);
    }
    const data = new Int32Array(Math.max(1 << 12, 2 * live));
    let top = 0;
    const learnts: number[] = [];
    for (let ref = 0; ref < this.top; ) {
      const size = old[ref] as number;
      const meta = old[ref + 1] as number;
      const next = ref + HEADER + size;
      if (meta & DELETED) old[ref + 1] = -1;
      else {
        data.set(old.subarray(ref, next), top);
        if (meta & LEARNT) learnts.push(top);
        old[ref + 1] = top; // the old array now only serves as the forwarding table
        top += HEADER + size;
      }
      ref = next;
    }
    this.data = data;
    this.top = top;
    this.learnts = learnts;
    return (ref) => old[ref + 1] as number;
  }
}
