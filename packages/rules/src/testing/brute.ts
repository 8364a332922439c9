/** Brute-force oracles for tests: enumerate every assignment of a small CNF. */
import type { Cnf } from "../logic/cnf.ts";

/** All models of a CNF with at most ~16 variables, each as an array of booleans (index = var - 1). */
export function enumerateModels(cnf: Cnf): boolean[][] {
  const models: boolean[][] = [];
  const n = cnf.numVars;
  for (let mask = 0; mask < 1 << n; mask++) {
    const value = (lit: number) => ((mask >> (Math.abs(lit) - 1)) & 1) === (lit > 0 ? 1 : 0);
    if (cnf.clauses.every((clause) => clause.some(value))) {
      models.push(Array.from({ length: n }, (_, v) => ((mask >> v) & 1) === 1));
    }
  }
  return models;
}

/** Does a model (booleans by var - 1) make a DIMACS literal true? */
export const holds = (model: readonly boolean[], lit: number): boolean => model[Math.abs(lit) - 1] === lit > 0;
