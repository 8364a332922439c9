import { SatSolver } from "../logic/sat/solver.ts";
import type { ConfigModel } from "../model/model.ts";

/**
 * A SAT solver loaded with a model's clauses. With `selectable`, each named constraint's clauses
 * are guarded by a fresh selector variable (assume it to switch the constraint on).
 */
export function buildSolver(model: ConfigModel, selectable: boolean): { solver: SatSolver; selectors: number[] } {
  const solver = new SatSolver(model.numVars);
  const guarded = new Map<number, number>();
  const selectors: number[] = [];
  if (selectable) {
    for (const constraint of model.constraints) {
      const selector = solver.newVar();
      selectors.push(selector);
      for (const clause of constraint.clauses) guarded.set(clause, selector);
    }
  }
  model.clauses.forEach((clause, index) => {
    const selector = guarded.get(index);
    solver.addClause(selector === undefined ? clause : [-selector, ...clause]);
  });
  return { solver, selectors };
}
