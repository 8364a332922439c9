/**
 * EVSIDS decision order: variable activities in a binary max-heap. Bumps grow geometrically
 * (the increment is divided by the decay after every conflict) instead of decaying every
 * activity, and everything is rescaled before it overflows.
 */
export class VarOrder {
  activity = new Float64Array(0);
  private heap = new Int32Array(0);
  /** Position of each variable in the heap, -1 when absent. */
  private index = new Int32Array(0);
  private size = 0;
  private increment = 1;

  constructor(private readonly decayFactor = 0.95) {}

  /** Makes room for variables 0 .. capacity-1; new variables start absent with zero activity. */
  reserve(capacity: number): void {
    if (capacity <= this.index.length) return;
    const activity = new Float64Array(capacity);
    activity.set(this.activity);
    const heap = new Int32Array(capacity);
    heap.set(this.heap);
    const index = new Int32Array(capacity).fill(-1);
    index.set(this.index);
    this.activity = activity;
    this.heap = heap;
    this.index = index;
  }

  get empty(): boolean {
    return this.size === 0;
  }

  contains(v: number): boolean {
    return (this.index[v] as number) >= 0;
  }

  insert(v: number): void {
    if ((this.index[v] as number) >= 0) return;
    this.heap[this.size] = v;
    this.index[v] = this.size;
    this.siftUp(this.size++);
  }

  bump(v: number): void {
    const activity = this.activity;
    activity[v] = (activity[v] as number) + this.increment;
    if ((activity[v] as number) > 1e100) {
      for (let i = 0; i < activity.length; i++) activity[i] = (activity[i] as number) * 1e-100;
      this.increment *= 1e-100;
    }
    const at = this.index[v] as number;
    if (at >= 0) this.siftUp(at);
  }

  decay(): void {
    this.increment /= this.decayFactor;
  }

  /** Removes and returns the most active variable; the heap must not be empty. */
  popMax(): number {
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
