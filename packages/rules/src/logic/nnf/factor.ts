import { AND, compact, DECISION, type Nnf } from "./nnf.ts";

/** Longer conjunctions take part only as users of groups found elsewhere: their pairs are too many to count. */
const MAX_COUNTED_LENGTH = 64;

export interface FactorOptions {
  /** A shared group becomes a node only when it spares at least this many edges (a node costs about as much). */
  readonly minEdgesSpared?: number;
  /** Pairs of children in fewer conjunctions are not considered. */
  readonly minShared?: number;
}

/**
 * The same d-DNNF with children that many conjunctions share factored into one AND node each (Re-Pair,
 * on sets). Conditioning on a decision leaves the same components under many branches: on the shelving
 * pack with lights, one pair of children sits in 895 conjunctions, and factoring halves the edges a
 * click's passes read. The most frequent pair of children is taken first, with everything its
 * conjunctions have in common; pair counts are kept up to date as conjunctions change.
 */
export function factorSharedChildren(nnf: Nnf, options: FactorOptions = {}): Nnf {
  const minEdgesSpared = options.minEdgesSpared ?? 4;
  const groups = new SharedGroups(nnf, options.minShared ?? 3);
  groups.factor(minEdgesSpared);
  return groups.rebuild();
}

class SharedGroups {
  /** The conjunctions: each AND node's children and each DECISION branch's, then the new nodes'. */
  private readonly conjunctions: number[][] = [];
  /** Per conjunction: its node, and the branch (0, 1) of a DECISION, or -1. */
  private readonly owner: number[] = [];
  private readonly branch: number[] = [];
  /** Per conjunction: whether its pairs are counted. */
  private readonly counted: boolean[] = [];
  /** The conjunctions each node is a child of. */
  private readonly parentsOf: Set<number>[] = [];
  /** The conjunction of each AND node (old or new), and the two of each DECISION. */
  private readonly andConjunction = new Map<number, number>();
  private readonly decisionConjunctions = new Map<number, [number, number]>();
  private readonly pairs: PairCounts;
  private nodeCount: number;
  /** Scratch: in how many of the current users each node is a child. */
  private hits: Int32Array;

  constructor(
    private readonly nnf: Nnf,
    minShared: number,
  ) {
    const { kinds, offsets, edges, lits } = nnf;
    this.nodeCount = nnf.nodeCount;
    this.pairs = new PairCounts(minShared);
    this.hits = new Int32Array(nnf.nodeCount);
    for (let node = 0; node < nnf.nodeCount; node++) this.parentsOf.push(new Set());
    for (let node = 0; node < nnf.nodeCount; node++) {
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kinds[node] === AND) this.andConjunction.set(node, this.add(node, -1, edges.subarray(start, end)));
      else if (kinds[node] === DECISION)
        this.decisionConjunctions.set(node, [
          this.add(node, 0, edges.subarray(start, lits[node]!)),
          this.add(node, 1, edges.subarray(lits[node]!, end)),
        ]);
    }
  }

  /** Factors groups, most shared pair first, while they spare enough edges. */
  factor(minEdgesSpared: number): void {
    for (let best = this.pairs.popMostShared(); best !== undefined; best = this.pairs.popMostShared()) {
      const users = this.usersOf(best[0], best[1]);
      const group = this.commonChildren(users);
      // An AND node that is exactly the group can stand for it; otherwise a new node does.
      const existing = users.find((k) => this.branch[k] === -1 && this.conjunctions[k]!.length === group.size);
      const spared =
        existing === undefined ? users.length * (group.size - 1) - group.size : (users.length - 1) * (group.size - 1);
      if (spared < minEdgesSpared) continue;
      const members = [...group].sort((x, y) => x - y);
      const node = existing === undefined ? this.newNode(members) : this.owner[existing]!;
      for (const k of users) if (k !== existing) this.replace(k, group, node);
    }
  }

  /** The conjunctions that hold both a and b. */
  private usersOf(a: number, b: number): number[] {
    const [fewer, more] =
      this.parentsOf[a]!.size <= this.parentsOf[b]!.size
        ? [this.parentsOf[a]!, this.parentsOf[b]!]
        : [this.parentsOf[b]!, this.parentsOf[a]!];
    const users: number[] = [];
    for (const k of fewer) if (more.has(k)) users.push(k);
    return users;
  }

  /** The children every one of the conjunctions has. */
  private commonChildren(conjunctions: number[]): Set<number> {
    const { hits } = this;
    for (const k of conjunctions) for (const child of this.conjunctions[k]!) hits[child]!++;
    const common = new Set<number>();
    for (const child of this.conjunctions[conjunctions[0]!]!)
      if (hits[child] === conjunctions.length) common.add(child);
    for (const k of conjunctions) for (const child of this.conjunctions[k]!) hits[child] = 0;
    return common;
  }

  /** The factored d-DNNF, its nodes in their old order, each new node just before its first parent. */
  rebuild(): Nnf {
    const { kinds, offsets, edges, lits, root } = this.nnf;
    // An AND left with one child (a duplicate of a group's node) stands for that child.
    const resolve = (node: number): number => {
      const k = this.andConjunction.get(node);
      return k !== undefined && this.conjunctions[k]!.length === 1 ? resolve(this.conjunctions[k]![0]!) : node;
    };
    const childrenOf = (node: number, branch: number): number[] => {
      const k = branch === -1 ? this.andConjunction.get(node)! : this.decisionConjunctions.get(node)![branch]!;
      return this.conjunctions[k]!.map(resolve);
    };
    // New nodes (ids past the old ones) are all ANDs.
    const kindOf = (node: number) => (node < this.nnf.nodeCount ? kinds[node]! : AND);
    const id = new Int32Array(this.nodeCount).fill(-1);
    const out = { kinds: [] as number[], lits: [] as number[], offsets: [0], edges: [] as number[] };
    const emit = (node: number) => {
      id[node] = out.kinds.length;
      const kind = kindOf(node);
      out.kinds.push(kind);
      if (kind === AND) for (const child of childrenOf(node, -1)) out.edges.push(id[child]!);
      else if (kind === DECISION) {
        for (const child of childrenOf(node, 0)) out.edges.push(id[child]!);
        out.lits.push(out.edges.length);
        for (const child of childrenOf(node, 1)) out.edges.push(id[child]!);
      } else for (let i = offsets[node]!; i < offsets[node + 1]!; i++) out.edges.push(edges[i]!);
      if (kind !== DECISION) out.lits.push(node < this.nnf.nodeCount ? lits[node]! : 0);
      out.offsets.push(out.edges.length);
    };
    const children = (node: number): number[] => {
      const kind = kindOf(node);
      if (kind === AND) return childrenOf(node, -1);
      if (kind === DECISION) return [...childrenOf(node, 0), ...childrenOf(node, 1)];
      return [];
    };
    // Depth first, children before parents; the old nodes are visited in their order.
    for (let start = 0; start < this.nnf.nodeCount; start++) {
      if (id[start] !== -1) continue;
      const stack = [start];
      while (stack.length > 0) {
        const node = stack[stack.length - 1]!;
        const pending = children(node).filter((child) => id[child] === -1);
        if (pending.length === 0) {
          stack.pop();
          if (id[node] === -1) emit(node);
        } else stack.push(...pending);
      }
    }
    return compact(
      {
        numVars: this.nnf.numVars,
        kinds: Uint8Array.from(out.kinds),
        offsets: Int32Array.from(out.offsets),
        edges: Int32Array.from(out.edges),
        lits: Int32Array.from(out.lits),
      },
      id[resolve(root)]!,
    );
  }

  private add(node: number, branch: number, children: ArrayLike<number>): number {
    const k = this.conjunctions.length;
    const list = Array.from(children);
    this.conjunctions.push(list);
    this.owner.push(node);
    this.branch.push(branch);
    this.counted.push(list.length <= MAX_COUNTED_LENGTH);
    for (const child of list) this.parentsOf[child]!.add(k);
    if (this.counted[k])
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) this.pairs.add(list[i]!, list[j]!, 1);
    return k;
  }

  private newNode(members: number[]): number {
    const node = this.nodeCount++;
    if (node >= this.hits.length) {
      const hits = new Int32Array(2 * this.hits.length);
      hits.set(this.hits);
      this.hits = hits;
    }
    this.parentsOf.push(new Set());
    this.andConjunction.set(node, this.add(node, -1, members));
    return node;
  }

  /** In conjunction k, the group's members give way to `node`; only the pairs that change are recounted. */
  private replace(k: number, group: Set<number>, node: number): void {
    const list = this.conjunctions[k]!;
    const rest = list.filter((child) => !group.has(child));
    if (this.counted[k]) {
      const members = [...group];
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) this.pairs.add(members[i]!, members[j]!, -1);
        for (const other of rest) this.pairs.add(members[i]!, other, -1);
      }
      for (const other of rest) this.pairs.add(node, other, 1);
    }
    for (const member of group) this.parentsOf[member]!.delete(k);
    this.parentsOf[node]!.add(k);
    rest.push(node);
    this.conjunctions[k] = rest;
  }
}

/** How many counted conjunctions hold each pair of children, with the most shared pair at hand. */
class PairCounts {
  /** An open-addressing table (linear probing) of pairs (first < second) and their counts; a pair stays once seen. */
  private first = new Int32Array(1 << 12).fill(-1);
  private second = new Int32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  /** Per slot: whether the pair waits in `raised` to go on the heap. */
  private waiting = new Uint8Array(1 << 12);
  private size = 0;
  /** Pairs whose count rose since the heap last saw them: they go on it once, with their final count. */
  private readonly raised: number[] = [];
  /** A max-heap of (count, pair) entries; an entry is stale when the pair's count has changed since. */
  private readonly heap = { counts: [] as number[], first: [] as number[], second: [] as number[] };
  private sealed = false;

  /** Pairs in fewer than `minShared` conjunctions are never offered. */
  constructor(private readonly minShared: number) {}

  add(a: number, b: number, change: number): void {
    const x = Math.min(a, b);
    const y = Math.max(a, b);
    const slot = this.slot(x, y);
    const count = this.counts[slot]! + change;
    this.counts[slot] = count;
    if (this.sealed && change > 0 && count >= this.minShared && this.waiting[slot] === 0) {
      this.waiting[slot] = 1;
      this.raised.push(x, y);
    }
  }

  /** The pair in the most conjunctions (at least minShared), taken off the heap; undefined when none is left. */
  popMostShared(): [number, number] | undefined {
    if (!this.sealed) {
      this.sealed = true;
      for (let slot = 0; slot < this.counts.length; slot++)
        if (this.counts[slot]! >= this.minShared) this.push(this.counts[slot]!, this.first[slot]!, this.second[slot]!);
    }
    for (let i = 0; i < this.raised.length; i += 2) {
      const slot = this.slot(this.raised[i]!, this.raised[i + 1]!);
      this.waiting[slot] = 0;
      this.push(this.counts[slot]!, this.raised[i]!, this.raised[i + 1]!);
    }
    this.raised.length = 0;
    const { heap } = this;
    while (heap.counts.length > 0) {
      const count = heap.counts[0]!;
      const a = heap.first[0]!;
      const b = heap.second[0]!;
      this.popTop();
      const current = this.counts[this.slot(a, b)]!;
      if (current === count) return [a, b];
      // Counts only fall between pushes, so a stale entry goes back with its current count.
      if (current < count && current >= this.minShared) this.push(current, a, b);
    }
    return undefined;
  }

  /** The table slot of pair (a, b), a < b, added with count 0 when new. */
  private slot(a: number, b: number): number {
    const mask = this.first.length - 1;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const at = this.first[slot]!;
      if (at === a && this.second[slot] === b) return slot;
      if (at === -1) break;
      slot = (slot + 1) & mask;
    }
    if (2 * (this.size + 1) > this.first.length) {
      this.grow();
      return this.slot(a, b);
    }
    this.first[slot] = a;
    this.second[slot] = b;
    this.size++;
    return slot;
  }

  private grow(): void {
    const { first, second, counts, waiting } = this;
    this.first = new Int32Array(2 * first.length).fill(-1);
    this.second = new Int32Array(2 * first.length);
    this.counts = new Int32Array(2 * first.length);
    this.waiting = new Uint8Array(2 * first.length);
    this.size = 0;
    for (let slot = 0; slot < first.length; slot++) {
      if (first[slot] === -1) continue;
      const at = this.slot(first[slot]!, second[slot]!);
      this.counts[at] = counts[slot]!;
      this.waiting[at] = waiting[slot]!;
    }
  }

  private push(count: number, a: number, b: number): void {
    const { heap } = this;
    let i = heap.counts.length;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap.counts[parent]! >= count) break;
      this.setEntry(i, heap.counts[parent]!, heap.first[parent]!, heap.second[parent]!);
      i = parent;
    }
    this.setEntry(i, count, a, b);
  }

  private popTop(): void {
    const { heap } = this;
    const count = heap.counts.pop()!;
    const a = heap.first.pop()!;
    const b = heap.second.pop()!;
    const size = heap.counts.length;
    if (size === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heap.counts[child + 1]! > heap.counts[child]!) child++;
      if (heap.counts[child]! <= count) break;
      this.setEntry(i, heap.counts[child]!, heap.first[child]!, heap.second[child]!);
      i = child;
    }
    this.setEntry(i, count, a, b);
  }

  /** Writes heap entry i (one past the end appends it). */
  private setEntry(i: number, count: number, a: number, b: number): void {
    const { heap } = this;
    heap.counts[i] = count;
    heap.first[i] = a;
    heap.second[i] = b;
  }
}
