import type { Algebra } from "./algebra.ts";

/**
 * An algebra that computes nothing: running the interpreter over it resolves every name and checks
 * every type, so rules that only run on complete designs (BOM lines, 3D parts) fail when a pack is
 * published rather than when a customer's design is priced or drawn.
 */
export const typeAlgebra: Algebra<0, 0, 0> = {
  true: 0,
  false: 0,
  not: () => 0,
  and: () => 0,
  or: () => 0,
  number: () => 0,
  string: () => 0,
  selectNumber: () => 0,
  selectString: () => 0,
  add: () => 0,
  multiply: () => 0,
  mapNumber: () => 0,
  ifThenElse: () => 0,
  ifThenElseString: () => 0,
  compare: () => 0,
  equalStrings: () => 0,
  is: () => 0,
};
