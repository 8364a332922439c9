import type { Cnf } from "./cnf.ts";

/** Neighbourhoods larger than this are not turned into cliques; the order degrades to plain min-degree. */
const MAX_FILL_NEIGHBOURS = 256;

/**
 * Greedy min-degree elimination order of the CNF's primal graph (variables adjacent when they
 * share a clause). Returns each variable's position: variables eliminated last separate the
 * formula best, so deciding them first splits it into independent components soonest
 * (the idea behind c2d's dtrees, at a fraction of the cost).
 */
export function eliminationRank(cnf: Cnf): Int32Array {
  return eliminate(primalGraph(cnf), cnf.numVars);
}

/**
 * The same order over the primary variables only (the ones customers choose), adjacent when a path
 * through auxiliary variables links them. Deciding primaries in this order lets propagation set
 * the auxiliaries (partial sums, gates), so arithmetic over many slots caches like a BDD.
 * Auxiliaries get ranks below every primary.
 */
export function primaryEliminationRank(cnf: Cnf, primary: Uint8Array): Int32Array {
  const n = cnf.numVars;
  const primal = primalGraph(cnf);
  const linked: Set<number>[] = Array.from({ length: n }, () => new Set());
  const seen = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (!primary[v]) continue;
    const stack = [v];
    seen[v] = v;
    while (stack.length > 0) {
      const u = stack.pop() as number;
      for (const w of primal[u] as Set<number>) {
        if (seen[w] === v) continue;
        seen[w] = v;
        if (primary[w]) (linked[v] as Set<number>).add(w);
        else stack.push(w);
      }
    }
  }
  const order = eliminate(linked, n, primary);
  const rank = new Int32Array(n);
  for (let v = 0; v < n; v++) rank[v] = primary[v] ? n + (order[v] as number) : 0;
  return rank;
}

function primalGraph(cnf: Cnf): Set<number>[] {
  const adjacent: Set<number>[] = Array.from({ length: cnf.numVars }, () => new Set());
  for (const clause of cnf.clauses) {
    for (const a of clause) {
      const neighbours = adjacent[Math.abs(a) - 1] as Set<number>;
      for (const b of clause) if (a !== b && a !== -b) neighbours.add(Math.abs(b) - 1);
    }
  }
  return adjacent;
}

/** Min-degree elimination over `adjacent` (modified in place) of the variables in `only` (all by default). */
function eliminate(adjacent: Set<number>[], n: number, only?: Uint8Array): Int32Array {
  const rank = new Int32Array(n);
  const eliminated = new Uint8Array(n);
  const heap = new MinHeap();
  let remaining = 0;
  for (let v = 0; v < n; v++) {
    if (only && !only[v]) continue;
    heap.push((adjacent[v] as Set<number>).size * n + v);
    remaining++;
  }
  let position = 0;
  while (position < remaining) {
    const key = heap.pop();
    const v = key % n;
    const neighbours = adjacent[v] as Set<number>;
    if (eliminated[v] || Math.floor(key / n) !== neighbours.size) continue; // stale entry
    eliminated[v] = 1;
    rank[v] = position++;
    const around = [...neighbours];
    for (const a of around) (adjacent[a] as Set<number>).delete(v);
    if (around.length <= MAX_FILL_NEIGHBOURS) {
      for (const a of around) {
        const set = adjacent[a] as Set<number>;
        for (const b of around) if (a !== b) set.add(b);
      }
    }
    for (const a of around) heap.push((adjacent[a] as Set<number>).size * n + a);
    neighbours.clear();
  }
  return rank;
}

class MinHeap {
  private items: number[] = [];

  push(key: number): void {
    const items = this.items;
    let i = items.length;
    items.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= key) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = key;
  }

  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items.pop() as number;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= items.length) break;
        if (child + 1 < items.length && (items[child + 1] as number) < (items[child] as number)) child++;
        if ((items[child] as number) >= last) break;
        items[i] = items[child] as number;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
