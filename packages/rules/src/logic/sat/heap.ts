/**
 * EVSIDS decision order. Bumps grow geometrically (the increment is divided by the decay after
 * every conflict) instead of decaying every activity, and everything is rescaled before it
 * overflows. Variables that were bumped at least once live in a binary max-heap; the others
 * all have activity 0, so they wait in a FIFO queue instead. On easy, mostly conflict-free
 * instances (product models) this turns the pop and re-insert that every variable costs per
 * solve into O(1) steps without changing which variable wins, ties aside. Ties go to the
 * variable unassigned first, i.e. the one assigned last: that varies successive models more
 * than a fixed order does (it halves the solves a backbone needs on auto1).
 */
export class VarOrder {
  activity = new Float64Array(0);
  private heap = new Int32Array(0);
  /** Position of each active variable in the heap, -1 when absent. */
  private index = new Int32Array(0);
  private size = 0;
  /** Whether the variable was ever bumped (and so belongs to the heap, not the scan). */
  private active = new Uint8Array(0);
  /** Whether an inactive variable is waiting in the queue. */
  private queued = new Uint8Array(0);
  /** Ring buffer of inactive variables; entries of variables bumped meanwhile are skipped. */
  private ring = new Int32Array(0);
  private ringHead = 0;
  private ringCount = 0;
  private increment = 1;

  constructor(private readonly decayFactor = 0.95) {}

  /** Makes room for variables 0 .. capacity-1; new variables start absent with zero activity. */
  reserve(capacity: number): void {
    if (capacity <= this.index.length) return;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    this.activity = grow(this.activity, new Float64Array(capacity));
    this.heap = grow(this.heap, new Int32Array(capacity));
    this.index = grow(this.index, new Int32Array(capacity).fill(-1));
    this.active = grow(this.active, new Uint8Array(capacity));
    this.queued = grow(this.queued, new Uint8Array(capacity));
    // Each variable has at most one live entry and leaves at most one stale one (when activated).
    const ring = new Int32Array(2 * capacity);
    for (let i = 0; i < this.ringCount; i++) ring[i] = this.ring[(this.ringHead + i) % this.ring.length] as number;
    this.ring = ring;
    this.ringHead = 0;
  }

  insert(v: number): void {
    if (this.active[v] === 1) {
      if ((this.index[v] as number) < 0) this.heapInsert(v);
    } else if (this.queued[v] === 0) {
      this.queued[v] = 1;
      let at = this.ringHead + this.ringCount++;
      if (at >= this.ring.length) at -= this.ring.length;
      this.ring[at] = v;
    }
  }

  bump(v: number): void {
    const activity = this.activity;
    activity[v] = (activity[v] as number) + this.increment;
    if ((activity[v] as number) > 1e100) {
      for (let i = 0; i < activity.length; i++) activity[i] = (activity[i] as number) * 1e-100;
      this.increment *= 1e-100;
    }
    if (this.active[v] === 0) {
      this.active[v] = 1;
      if (this.queued[v] === 1) {
        this.queued[v] = 0;
        this.heapInsert(v);
      }
    } else {
      const at = this.index[v] as number;
      if (at >= 0) this.siftUp(at);
    }
  }

  decay(): void {
    this.increment /= this.decayFactor;
  }

  /** Removes and returns the most active variable, or -1 when none is left. */
  popMax(): number {
    if (this.size > 0) return this.heapPop();
    const { queued, ring } = this;
    while (this.ringCount > 0) {
      const v = ring[this.ringHead] as number;
      if (++this.ringHead === ring.length) this.ringHead = 0;
      this.ringCount--;
      if (queued[v] === 1) {
        queued[v] = 0;
        return v;
      }
    }
    return -1;
  }

  private heapInsert(v: number): void {
    this.heap[this.size] = v;
    this.index[v] = this.size;
    this.siftUp(this.size++);
  }

  private heapPop(): number {
    const { heap, index, activity } = this;
    const top = heap[0] as number;
    index[top] = -1;
    const size = --this.size;
    if (size === 0) return top;
    // Floyd: walk the hole down along larger children (one comparison per level), then sift the
    // last element up from there; it is usually small, so it rarely climbs.
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (
        child + 1 < size &&
        (activity[heap[child + 1] as number] as number) > (activity[heap[child] as number] as number)
      ) {
        child++;
      }
      const c = heap[child] as number;
      heap[at] = c;
      index[c] = at;
      at = child;
    }
    heap[at] = heap[size] as number;
    this.siftUp(at);
    return top;
  }

  private siftUp(at: number): void {
    const { heap, index, activity } = this;
    const v = heap[at] as number;
    const a = activity[v] as number;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = heap[parent] as number;
      if ((activity[p] as number) >= a) break;
      heap[at] = p;
      index[p] = at;
      at = parent;
    }
    heap[at] = v;
    index[v] = at;
  }
}
