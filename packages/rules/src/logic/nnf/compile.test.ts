import { describe, expect, it } from "vitest";
import { random3Cnf } from "../../testing/cnfs.ts";
import { compileCnf } from "./compile.ts";
import { AND, DECISION, FREE, TRUE } from "./nnf.ts";

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

describe("the finished d-DNNF", () => {
  it("is compact: every node is reached from the root, and no AND has a single parent", () => {
    const { nnf, stats } = compileCnf(random3Cnf(30, 70, 3)) as Extract<ReturnType<typeof compileCnf>, { ok: true }>;
    const parents = new Int32Array(nnf.nodeCount);
    for (let node = 0; node < nnf.nodeCount; node++) {
      if (nnf.kinds[node] === FREE) continue;
      for (let i = nnf.offsets[node]!; i < nnf.offsets[node + 1]!; i++) {
        expect(nnf.edges[i]!).toBeLessThan(node); // children first
        parents[nnf.edges[i]!]!++;
      }
    }
    const kinds = Array.from(nnf.kinds);
    expect(kinds.filter((kind) => kind === DECISION).length).toBeGreaterThan(100);
    // FALSE and TRUE keep their ids; every other node has a parent, and an AND more than one.
    for (let node = TRUE + 1; node < nnf.root; node++) {
      expect(parents[node]).toBeGreaterThan(kinds[node] === AND ? 1 : 0);
    }
    expect(stats.nodes).toBe(nnf.nodeCount);
    expect(stats.nodesBuilt).toBeGreaterThan(nnf.nodeCount);
  });
});
