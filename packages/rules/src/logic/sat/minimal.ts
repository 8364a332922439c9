import type { SatSolver } from "./solver.ts";

/**
 * Given groups of assumption literals whose union (plus `background` assumptions) is unsatisfiable,
 * returns the indices (ascending) of a subset-minimal set of groups that is still unsatisfiable with the background.
 * Tries to drop groups in the given order (earlier groups are dropped first when possible), so callers put the
 * least interesting groups first. Uses failedAssumptions() to trim quickly, then deletion for minimality.
 * Returns undefined if the union is satisfiable.
 */
export function minimalUnsatisfiableGroups(
  solver: SatSolver,
  groups: readonly (readonly number[])[],
  background: readonly number[] = [],
): number[] | undefined {
  // Candidates stay ascending. Assumptions list later groups first: a failed-assumption core lies in the
  // shortest unsatisfiable prefix of the assumptions, so later (more interesting) groups tend to survive.
  const unsat = (candidates: readonly number[]): boolean => {
    const assumptions = [...background];
    for (let i = candidates.length - 1; i >= 0; i--) assumptions.push(...(groups[candidates[i] as number] ?? []));
    return solver.solve(assumptions) === "unsat";
  };
  // The groups that touch the last core. Monotonicity keeps every group already found necessary:
  // without it, any subset of the current candidates is satisfiable, so the core must use it.
  const trim = (candidates: readonly number[]): number[] => {
    const failed = new Set(solver.failedAssumptions());
    return candidates.filter((g) => (groups[g] ?? []).some((lit) => failed.has(lit)));
  };

  let candidates = groups.map((_, g) => g);
  if (!unsat(candidates)) return undefined;
  for (;;) {
    const trimmed = trim(candidates);
    if (trimmed.length === candidates.length) break;
    candidates = trimmed;
    if (!unsat(candidates)) throw new Error("the solver returned a satisfiable core");
  }

  // Deletion: try each group in order; an unsatisfiable remainder is trimmed by its own core.
  let tested = -1;
  for (;;) {
    const g = candidates.find((c) => c > tested);
    if (g === undefined) return candidates;
    tested = g;
    const without = candidates.filter((c) => c !== g);
    if (unsat(without)) candidates = trim(without);
  }
}
