/**
 * The configuration model every input becomes (rule packs, DIMACS, UVL): customer-facing
 * variables whose values are literals of a CNF, plus named constraint groups for explanations.
 *
 * Literals are DIMACS-style signed integers over `numVars` boolean variables. A value "holds"
 * exactly when its literal is true. Choosing a value of a variable zeroes the literals of all its
 * other values; rejecting a value zeroes its own literal. Auxiliary variables (numbered after the
 * ones used by values) must be functionally determined by the values, so that model counts of the
 * CNF are exactly counts of configurations.
 */
export interface ConfigModel {
  /** DIMACS models address variables by number (`12 -40`); others by id (`frame=oak !lights`). */
  readonly numbered?: boolean;
  readonly numVars: number;
  readonly clauses: readonly (readonly number[])[];
  readonly variables: readonly ModelVariable[];
  /** Clause groups that explanations can name; clauses in no group are structural (domains, definitions). */
  readonly constraints: readonly ModelConstraint[];
  /** Additive prices in minor currency units (cents), attached to literals; `base` is always paid. */
  readonly pricing: ModelPricing;
  /** Lead time in days: `baseLeadTime` plus the largest lead time among the literals that hold. */
  readonly leadTimes: readonly LiteralWeight[];
  readonly baseLeadTime?: number;
}

export type VariableKind = "boolean" | "choice";

export interface ModelVariable {
  readonly id: string;
  readonly kind: VariableKind;
  /** For booleans: exactly `true` then `false`. For choices: one value per option, in order. */
  readonly values: readonly ModelValue[];
  /** Index of the value to prefer when completing a design (default: `false` for booleans, the first option otherwise). */
  readonly defaultValue?: number;
}

export interface ModelValue {
  readonly id: string;
  readonly lit: number;
}

export interface ModelConstraint {
  readonly id: string;
  readonly message: string;
  readonly clauses: readonly number[];
  /** Where the constraint was written, when it comes from a text file. */
  readonly source?: SourceLocation;
}

export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

export interface LiteralWeight {
  readonly lit: number;
  readonly amount: number;
}

export interface ModelPricing {
  readonly base: number;
  readonly weights: readonly LiteralWeight[];
}
