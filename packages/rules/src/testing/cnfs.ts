/** CNFs for tests: seeded random 3-CNFs and small CNFs drawn by fast-check. */
import fc from "fast-check";
import type { Cnf } from "../logic/cnf.ts";

/** Random 3-CNF from a fixed seed: dense enough that compiling takes thousands of decisions. */
export function random3Cnf(numVars: number, numClauses: number, seed: number): Cnf {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const clauses = Array.from({ length: numClauses }, () =>
    Array.from({ length: 3 }, () => (1 + Math.floor(next() * numVars)) * (next() < 0.5 ? -1 : 1)),
  );
  return { numVars, clauses };
}

/** CNFs of `minVars` to 9 variables, small enough to enumerate every assignment. */
export function smallCnf(minVars = 1): fc.Arbitrary<Cnf> {
  return fc.integer({ min: minVars, max: 9 }).chain((numVars) =>
    fc.record({
      numVars: fc.constant(numVars),
      clauses: fc.array(
        fc.array(
          fc.integer({ min: 1, max: numVars }).chain((v) => fc.constantFrom(v, -v)),
          { minLength: 1, maxLength: 4 },
        ),
        { maxLength: 3 * numVars },
      ),
    }),
  );
}
