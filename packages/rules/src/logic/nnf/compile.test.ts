import { describe, expect, it } from "vitest";
import type { Cnf } from "../cnf.ts";
import { compileCnf } from "./compile.ts";

/** Random 3-CNF from a fixed seed: dense enough that compiling takes thousands of decisions. */
function random3Cnf(numVars: number, numClauses: number, seed: number): Cnf {
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

describe("compile budgets", () => {
  it("gives up after a number of decisions, at the same point on every run", () => {
    const cnf = random3Cnf(50, 120, 7);
    const unlimited = compileCnf(cnf);
    expect(unlimited.ok).toBe(true);
    expect(unlimited.stats.decisions).toBeGreaterThan(1_000);

    const runs = [1, 2].map(() => compileCnf(cnf, { maxDecisions: 512 }));
    for (const run of runs) {
      expect(run.ok).toBe(false);
      if (!run.ok) expect(run.reason).toBe("time");
      // Checked every 256 decisions.
      expect(run.stats.decisions).toBeGreaterThan(512);
      expect(run.stats.decisions).toBeLessThanOrEqual(512 + 256);
    }
    expect(runs[0]!.stats).toMatchObject({ decisions: runs[1]!.stats.decisions, nodes: runs[1]!.stats.nodes });

    const enough = compileCnf(cnf, { maxDecisions: unlimited.stats.decisions });
    expect(enough.ok).toBe(true);
    expect(enough.stats.nodes).toBe(unlimited.stats.nodes);
  });
});
