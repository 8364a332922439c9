import type { Cnf } from "../src/logic/cnf.ts";
/** Greedy min-degree (or min-fill) elimination order on the primal graph; returns position per var. */
export function eliminationRank(cnf: Cnf, fill: boolean): Int32Array {
  const n = cnf.numVars;
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set());
  for (const c of cnf.clauses) {
    const vs = c.map((x) => Math.abs(x) - 1);
    for (const a of vs) for (const b of vs) if (a !== b) adj[a]!.add(b);
  }
  const rank = new Int32Array(n).fill(-1);
  const alive = new Set<number>(Array.from({ length: n }, (_, i) => i));
  for (let pos = 0; pos < n; pos++) {
    let best = -1, bestScore = Infinity;
    for (const v of alive) {
      let score = adj[v]!.size;
      if (fill && score < 60) {
        score = 0; const nb = [...adj[v]!];
        for (let i = 0; i < nb.length; i++) for (let j = i + 1; j < nb.length; j++) if (!adj[nb[i]!]!.has(nb[j]!)) score++;
      } else if (fill) score = score * score;
      if (score < bestScore) { bestScore = score; best = v; }
    }
    rank[best] = pos; alive.delete(best);
    const nb = [...adj[best]!];
    for (const a of nb) { adj[a]!.delete(best); for (const b of nb) if (a !== b) adj[a]!.add(b); }
  }
  return rank;
}
