import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SatSolver } from "./solver.ts";

const literal = (numVars: number) =>
  fc.tuple(fc.integer({ min: 1, max: numVars }), fc.boolean()).map(([v, negative]) => (negative ? -v : v));
const clause = (numVars: number) => fc.array(literal(numVars), { minLength: 1, maxLength: 4 });

/** A small CNF with assumptions to solve it under. */
const instance = fc.integer({ min: 1, max: 12 }).chain((numVars) =>
  fc.record({
    numVars: fc.constant(numVars),
    clauses: fc.array(clause(numVars), { maxLength: 40 }),
    assumptions: fc.array(literal(numVars), { maxLength: 6 }),
  }),
);

const holds = (lit: number, mask: number) => ((mask >> (Math.abs(lit) - 1)) & 1) === (lit > 0 ? 1 : 0);

/** Whether some assignment of variables 1..numVars satisfies the clauses and the assumptions. */
function bruteSat(numVars: number, clauses: readonly (readonly number[])[], assumptions: readonly number[]) {
  for (let mask = 0; mask < 1 << numVars; mask++) {
    if (assumptions.every((a) => holds(a, mask)) && clauses.every((c) => c.some((l) => holds(l, mask)))) return true;
  }
  return false;
}

function loaded(numVars: number, clauses: readonly (readonly number[])[]): SatSolver {
  const solver = new SatSolver(numVars);
  for (const c of clauses) solver.addClause(c);
  return solver;
}

/** Checks one solve against brute force, including the model and the failed assumptions. */
function checkSolve(
  solver: SatSolver,
  numVars: number,
  clauses: readonly (readonly number[])[],
  assumptions: number[],
) {
  const result = solver.solve(assumptions);
  const expected = bruteSat(numVars, clauses, assumptions);
  expect(result).toBe(expected ? "sat" : "unsat");
  if (result === "sat") {
    const model = solver.model();
    expect(model).toHaveLength(solver.numVars);
    const truth = new Set(model);
    for (const c of clauses) expect(c.some((l) => truth.has(l))).toBe(true);
    for (const a of assumptions) expect(solver.value(Math.abs(a))).toBe(a > 0);
  } else {
    const failed = solver.failedAssumptions();
    for (const f of failed) expect(assumptions).toContain(f);
    expect(bruteSat(numVars, clauses, failed)).toBe(false);
  }
}

describe("SatSolver on random small CNFs", () => {
  it("agrees with brute force; models and failed assumptions are sound", () => {
    fc.assert(
      fc.property(instance, ({ numVars, clauses, assumptions }) => {
        checkSolve(loaded(numVars, clauses), numVars, clauses, assumptions);
      }),
      { numRuns: 500 },
    );
  });

  it("stays correct across many solves and clauses added between them", () => {
    const steps = fc.integer({ min: 1, max: 12 }).chain((numVars) =>
      fc.record({
        numVars: fc.constant(numVars),
        steps: fc.array(
          fc.oneof(
            clause(numVars).map((c) => ({ add: c })),
            fc.array(literal(numVars), { maxLength: 6 }).map((a) => ({ solve: a })),
          ),
          { maxLength: 60 },
        ),
      }),
    );
    fc.assert(
      fc.property(steps, ({ numVars, steps }) => {
        const solver = new SatSolver(numVars);
        const clauses: number[][] = [];
        for (const step of steps) {
          if ("add" in step) {
            clauses.push(step.add);
            // false promises the formula is unsatisfiable, never the reverse
            if (!solver.addClause(step.add)) expect(bruteSat(numVars, clauses, [])).toBe(false);
          } else checkSolve(solver, numVars, clauses, step.solve);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Pigeonhole: n+1 pigeons in n holes; unsatisfiable and hard for resolution. */
function pigeonhole(holes: number): number[][] {
  const x = (p: number, h: number) => p * holes + h + 1;
  const clauses: number[][] = [];
  for (let p = 0; p <= holes; p++) clauses.push(Array.from({ length: holes }, (_, h) => x(p, h)));
  for (let h = 0; h < holes; h++) {
    for (let p = 0; p <= holes; p++) for (let q = p + 1; q <= holes; q++) clauses.push([-x(p, h), -x(q, h)]);
  }
  return clauses;
}

/** Random 3-CNF near the satisfiability threshold, from a seeded generator. */
function random3Cnf(numVars: number, numClauses: number, seed: number): number[][] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  return Array.from({ length: numClauses }, () =>
    Array.from({ length: 3 }, () => (next(numVars) + 1) * (next(2) === 0 ? 1 : -1)),
  );
}

describe("SatSolver", () => {
  it("gives up with unknown at the conflict limit and finishes later", () => {
    const solver = loaded(42, pigeonhole(6));
    expect(solver.solve([], { conflictLimit: 5 })).toBe("unknown");
    expect(solver.solve([], { conflictLimit: 0 })).toBe("unknown");
    expect(solver.solve()).toBe("unsat");
    expect(solver.failedAssumptions()).toEqual([]);
    expect(solver.addClause([1, 2])).toBe(false);
  });

  it("reports sat without conflicts even at a zero conflict limit", () => {
    const solver = loaded(3, [
      [1, 2],
      [-1, 3],
    ]);
    expect(solver.solve([1], { conflictLimit: 0 })).toBe("sat");
    expect(solver.value(3)).toBe(true);
  });

  it("keeps agreeing with fresh solvers while learnt clauses are reduced", () => {
    const numVars = 150;
    const clauses = random3Cnf(numVars, 600, 7);
    const solver = loaded(numVars, clauses);
    const results = new Set<string>();
    for (let round = 0; round < 40; round++) {
      const assumptions = random3Cnf(numVars, 1, round + 100)[0]!.slice(0, (round % 3) + 1);
      const result = solver.solve(assumptions);
      results.add(result);
      expect(loaded(numVars, clauses).solve(assumptions)).toBe(result);
      if (result === "sat") {
        const truth = new Set(solver.model());
        for (const c of clauses) expect(c.some((l) => truth.has(l))).toBe(true);
        for (const a of assumptions) expect(truth.has(a)).toBe(true);
      } else {
        const failed = solver.failedAssumptions();
        for (const f of failed) expect(assumptions).toContain(f);
        expect(loaded(numVars, clauses).solve(failed)).toBe("unsat");
      }
    }
    expect(solver.stats.reductions).toBeGreaterThan(0);
    expect(results.size).toBe(2);
  });

  it("follows implication chains far longer than any call stack", () => {
    const n = 200_000;
    const solver = new SatSolver();
    for (let v = 1; v < n; v++) solver.addClause([-v, v + 1]);
    // A ternary chain too, so conflicts are analysed through long clauses.
    for (let v = 1; v < n; v++) solver.addClause([-v, -(n + v), n + v + 1]);
    expect(solver.solve([1, -n])).toBe("unsat");
    expect(solver.failedAssumptions().sort((a, b) => a - b)).toEqual([-n, 1]);
    expect(solver.solve([1, n + 1, -(2 * n)])).toBe("unsat");
    expect(solver.failedAssumptions().sort((a, b) => a - b)).toEqual([-(2 * n), 1, n + 1]);
    expect(solver.solve([1])).toBe("sat");
    expect(solver.value(n)).toBe(true);
  });

  it("names both sides when assumptions contradict each other", () => {
    const solver = loaded(3, [[1, 2, 3]]);
    expect(solver.solve([2, 1, -2])).toBe("unsat");
    expect(solver.failedAssumptions().sort()).toEqual([-2, 2]);
    expect(solver.solve([2, 2, 1])).toBe("sat");
  });

  it("blames only the assumption refuted by the clauses alone", () => {
    const solver = loaded(2, [[-1], [1, 2]]);
    expect(solver.solve([2, 1])).toBe("unsat");
    expect(solver.failedAssumptions()).toEqual([1]);
  });

  it("grows variables on demand and reports models in DIMACS form", () => {
    const solver = new SatSolver(2);
    expect(solver.numVars).toBe(2);
    expect(solver.newVar()).toBe(3);
    expect(solver.addClause([5, -5])).toBe(true); // tautology, still grows
    expect(solver.numVars).toBe(5);
    expect(solver.addClause([-1])).toBe(true);
    expect(solver.addClause([1, 4])).toBe(true);
    expect(solver.solve()).toBe("sat");
    const model = solver.model();
    expect(model.map(Math.abs)).toEqual([1, 2, 3, 4, 5]);
    expect(model[0]).toBe(-1);
    expect(model[3]).toBe(4);
    expect(solver.solve([7])).toBe("sat");
    expect(solver.numVars).toBe(7);
    expect(solver.value(7)).toBe(true);
  });

  it("decides free variables by the phase set last", () => {
    const solver = loaded(3, [[1, 2]]);
    solver.setPhase(3);
    solver.setPhase(-1);
    expect(solver.solve()).toBe("sat");
    expect(solver.model()).toEqual([-1, 2, 3]);
    solver.setPhase(-3);
    solver.setPhase(1);
    solver.setPhase(-2);
    expect(solver.solve()).toBe("sat");
    expect(solver.model()).toEqual([1, -2, -3]);
  });

  it("rejects misuse", () => {
    const solver = new SatSolver(1);
    expect(() => solver.value(1)).toThrow();
    expect(() => solver.addClause([0])).toThrow(RangeError);
    expect(() => solver.addClause([1.5])).toThrow(RangeError);
    expect(solver.solve([1])).toBe("sat");
    expect(() => solver.value(2)).toThrow(RangeError);
    expect(solver.addClause([])).toBe(false);
    expect(solver.solve([1])).toBe("unsat");
    expect(solver.failedAssumptions()).toEqual([]);
    expect(() => solver.model()).toThrow();
    expect(() => new SatSolver(-1)).toThrow(RangeError);
  });
});
