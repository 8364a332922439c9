/** A propositional formula in conjunctive normal form, clauses as DIMACS-style signed integers. */
export interface Cnf {
  readonly numVars: number;
  readonly clauses: readonly (readonly number[])[];
}
