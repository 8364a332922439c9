import type { PackVariable } from "./structure.ts";

export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * The operations the rule interpreter needs. One interpreter runs over two algebras: a concrete
 * one (booleans, numbers and strings of one complete design) to validate, price and render designs,
 * and a symbolic one (CNF literals and one-hot value sets) to compile the whole solution space.
 * Sharing the interpreter is what guarantees that both read every rule the same way.
 */
export interface Algebra<B, N, S> {
  readonly true: B;
  readonly false: B;
  not(a: B): B;
  and(items: readonly B[]): B;
  or(items: readonly B[]): B;

  number(value: number): N;
  string(value: string): S;
  /** The value of the first (and only) case whose condition holds; conditions are exclusive and exhaustive. */
  selectNumber(cases: readonly (readonly [B, number])[]): N;
  selectString(cases: readonly (readonly [B, string])[]): S;
  add(a: N, b: N): N;
  multiply(a: N, b: N): N;
  /** Applies a function to each possible value (division by a constant, rounding, negation...). */
  mapNumber(a: N, f: (value: number) => number): N;
  ifThenElse(condition: B, whenTrue: N, whenFalse: N): N;
  ifThenElseString(condition: B, whenTrue: S, whenFalse: S): S;
  compare(op: CompareOp, a: N, b: N): B;
  equalStrings(a: S, b: S): B;

  /** Does `variable` take its option number `option`? */
  is(variable: PackVariable, option: number): B;
}

/** Numbers compare equal within this tolerance, so decimal attributes add up as written. */
export const EPSILON = 1e-9;

export function compareNumbers(op: CompareOp, a: number, b: number): boolean {
  const equal = Math.abs(a - b) <= EPSILON;
  switch (op) {
    case "=":
      return equal;
    case "!=":
      return !equal;
    case "<":
      return a < b && !equal;
    case "<=":
      return a < b || equal;
    case ">":
      return a > b && !equal;
    case ">=":
      return a > b || equal;
  }
}
