import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backbone } from "./backbone.ts";
import { SatSolver } from "./solver.ts";

const literal = (numVars: number) =>
  fc.tuple(fc.integer({ min: 1, max: numVars }), fc.boolean()).map(([v, negative]) => (negative ? -v : v));

const instance = fc.integer({ min: 1, max: 10 }).chain((numVars) =>
  fc.record({
    numVars: fc.constant(numVars),
    clauses: fc.array(fc.array(literal(numVars), { minLength: 1, maxLength: 3 }), { maxLength: 25 }),
    assumptions: fc.array(literal(numVars), { maxLength: 3 }),
  }),
);

/** Literals true in every model, by enumeration; undefined when there is none. */
function bruteBackbone(numVars: number, clauses: number[][], assumptions: number[]): number[] | undefined {
  const holds = (lit: number, mask: number) => ((mask >> (Math.abs(lit) - 1)) & 1) === (lit > 0 ? 1 : 0);
  const models: number[] = [];
  for (let mask = 0; mask < 1 << numVars; mask++) {
    if (assumptions.every((a) => holds(a, mask)) && clauses.every((c) => c.some((l) => holds(l, mask)))) {
      models.push(mask);
    }
  }
  if (models.length === 0) return undefined;
  const result: number[] = [];
  for (let v = 1; v <= numVars; v++) {
    if (models.every((m) => holds(v, m))) result.push(v);
    else if (models.every((m) => holds(-v, m))) result.push(-v);
  }
  return result;
}

describe("backbone", () => {
  it("finds exactly the literals true in every model (brute force)", () => {
    fc.assert(
      fc.property(instance, ({ numVars, clauses, assumptions }) => {
        const solver = new SatSolver(numVars);
        for (const c of clauses) solver.addClause(c);
        expect(backbone(solver, assumptions)).toEqual(bruteBackbone(numVars, clauses, assumptions));
        // The solver stays usable and unchanged for other questions.
        expect(solver.solve()).toBe(bruteBackbone(numVars, clauses, []) === undefined ? "unsat" : "sat");
      }),
      { numRuns: 400 },
    );
  });
});
