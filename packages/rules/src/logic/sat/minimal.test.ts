import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minimalUnsatisfiableGroups } from "./minimal.ts";
import { SatSolver } from "./solver.ts";

const literal = (numVars: number) =>
  fc.tuple(fc.integer({ min: 1, max: numVars }), fc.boolean()).map(([v, negative]) => (negative ? -v : v));

const instance = fc.integer({ min: 1, max: 10 }).chain((numVars) =>
  fc.record({
    numVars: fc.constant(numVars),
    clauses: fc.array(fc.array(literal(numVars), { minLength: 1, maxLength: 4 }), { maxLength: 30 }),
    groups: fc.array(fc.array(literal(numVars), { maxLength: 3 }), { maxLength: 7 }),
    background: fc.array(literal(numVars), { maxLength: 2 }),
  }),
);

const holds = (lit: number, mask: number) => ((mask >> (Math.abs(lit) - 1)) & 1) === (lit > 0 ? 1 : 0);

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

describe("minimalUnsatisfiableGroups", () => {
  it("returns an unsatisfiable set of groups from which no group can be dropped (brute force)", () => {
    fc.assert(
      fc.property(instance, ({ numVars, clauses, groups, background }) => {
        const sat = (indices: readonly number[]) =>
          bruteSat(numVars, clauses, [...background, ...indices.flatMap((g) => groups[g]!)]);
        const solver = loaded(numVars, clauses);
        const result = minimalUnsatisfiableGroups(solver, groups, background);
        if (sat(groups.map((_, g) => g))) {
          expect(result).toBeUndefined();
          return;
        }
        expect(result).toBeDefined();
        const core = result ?? [];
        expect([...core].sort((a, b) => a - b)).toEqual(core);
        expect(new Set(core).size).toBe(core.length);
        for (const g of core) expect(g >= 0 && g < groups.length).toBe(true);
        expect(sat(core)).toBe(false);
        for (const g of core) expect(sat(core.filter((c) => c !== g))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("drops earlier groups first", () => {
    const solver = loaded(2, [[-1, -2]]);
    expect(minimalUnsatisfiableGroups(solver, [[1], [1], [2]])).toEqual([1, 2]);
    expect(minimalUnsatisfiableGroups(solver, [[2], [1], [1]])).toEqual([0, 2]);
    expect(minimalUnsatisfiableGroups(solver, [[1], [2], [1, 2]])).toEqual([2]);
  });

  it("handles empty groups, background conflicts and satisfiable unions", () => {
    const solver = loaded(3, [[-1, -2], [3]]);
    expect(minimalUnsatisfiableGroups(solver, [[1], [], [2]])).toEqual([0, 2]);
    expect(minimalUnsatisfiableGroups(solver, [[1], [2]], [-3])).toEqual([]);
    expect(minimalUnsatisfiableGroups(solver, [[1], [-2]])).toBeUndefined();
    expect(minimalUnsatisfiableGroups(solver, [])).toBeUndefined();
    expect(minimalUnsatisfiableGroups(solver, [[1]], [2])).toEqual([0]);
  });

  it("finds a small core among thousands of selector literals", () => {
    // Constraint i is clause i guarded by selector s_i; the clauses hold under a planted assignment
    // except for a hidden conflicting trio y, y -> z, not z.
    const numX = 800;
    const clauses: number[][] = [];
    let state = 12345;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const planted = (v: number) => v % 3 === 0;
    for (let i = 0; i < 3000; i++) {
      const c = Array.from({ length: 3 }, () => (next(numX) + 1) * (next(2) ? 1 : -1));
      if (!c.some((l) => planted(Math.abs(l)) === l > 0)) c[0] = -c[0]!;
      clauses.push(c);
    }
    const y = numX + 1;
    const z = numX + 2;
    clauses.splice(2500, 0, [-z]);
    clauses.splice(1500, 0, [-y, z]);
    clauses.splice(500, 0, [y]);
    const solver = new SatSolver(z + clauses.length);
    const groups = clauses.map((c, i) => {
      const selector = z + i + 1;
      expect(solver.addClause([-selector, ...c])).toBe(true);
      return [selector];
    });
    expect(minimalUnsatisfiableGroups(solver, groups)).toEqual([500, 1501, 2502]);
  });
});
