import type { SatSolver } from "./solver.ts";

/**
 * The backbone under `assumptions`: DIMACS literals that hold in every model (core options are
 * positive, dead ones negative), ascending by variable; undefined when there is no model.
 * Each candidate is refuted by one solve with its negation; every model found along the way
 * also drops the candidates it disagrees with, so most variables cost no solve at all.
 */
export function backbone(solver: SatSolver, assumptions: readonly number[] = []): number[] | undefined {
  if (solver.solve(assumptions) !== "sat") return undefined;
  const n = solver.numVars;
  // candidate[v]: the sign every model seen so far gives variable v (1-based), 0 once refuted.
  const candidate = new Int8Array(n + 1);
  for (let v = 1; v <= n; v++) candidate[v] = solver.value(v) ? 1 : -1;
  const flipPhases = (from: number) => {
    for (let u = from; u <= n; u++) if (candidate[u] !== 0) solver.setPhase(-(candidate[u] as number) * u);
  };
  flipPhases(1);
  const result: number[] = [];
  const query = [...assumptions, 0];
  for (let v = 1; v <= n; v++) {
    const sign = candidate[v] as number;
    if (sign === 0) continue;
    query[query.length - 1] = -sign * v;
    const outcome = solver.solve(query);
    if (outcome === "unsat") result.push(sign * v);
    else if (outcome === "sat") {
      for (let u = v + 1; u <= n; u++) {
        if (candidate[u] !== 0 && solver.value(u) !== (candidate[u] === 1)) candidate[u] = 0;
      }
      flipPhases(v + 1);
    } else throw new Error("backbone: solver gave up");
  }
  return result;
}
