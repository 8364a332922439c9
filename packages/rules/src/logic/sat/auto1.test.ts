import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { backbone } from "./backbone.ts";
import { minimalUnsatisfiableGroups } from "./minimal.ts";
import { SatSolver } from "./solver.ts";

// A real car-option model with answers known from d4 (see its README).
const data = new URL("../../../../../../shared/benchmarks/automotive01/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, data), "utf8");

function parseDimacs(text: string): { numVars: number; clauses: number[][] } {
  let numVars = 0;
  const clauses: number[][] = [];
  let current: number[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("c")) continue;
    if (line.startsWith("p")) {
      numVars = Number(line.trim().split(/\s+/)[2]);
      continue;
    }
    for (const token of line.trim().split(/\s+/)) {
      if (token === "") continue;
      const lit = Number(token);
      if (lit !== 0) current.push(lit);
      else {
        clauses.push(current);
        current = [];
      }
    }
  }
  return { numVars, clauses };
}

const { numVars, clauses } = parseDimacs(read("auto1.cnf"));
// The first 500 lines (as asked), which all have models, plus every 10th later line for conflicting ones.
const picked = (lines: string[]) => lines.filter((_, i) => i < 500 || i % 10 === 0);
const configs = picked(read("auto1.config").trim().split("\n")).map((line) => line.trim().split(/\s+/).map(Number));
const consistent = picked(read("auto1_sb_pc.csv").trim().split("\n")).map((line) => line.split(",")[1] !== "0");

function load(): SatSolver {
  const solver = new SatSolver(numVars);
  for (const clause of clauses) expect(solver.addClause(clause)).toBe(true);
  return solver;
}

const satisfiesAll = (truth: ReadonlySet<number>) => clauses.every((c) => c.some((l) => truth.has(l)));

describe("automotive01 (auto1)", () => {
  it("parses to the documented size and is satisfiable", () => {
    expect(numVars).toBe(2513);
    expect(clauses).toHaveLength(10_275);
    const solver = load();
    expect(solver.solve()).toBe("sat");
    expect(satisfiesAll(new Set(solver.model()))).toBe(true);
  });

  it("has 94 core and 185 dead options", () => {
    const bones = backbone(load());
    expect(bones).toBeDefined();
    expect(bones?.filter((lit) => lit > 0)).toHaveLength(94);
    expect(bones?.filter((lit) => lit < 0)).toHaveLength(185);
  });

  it("decides partial configurations like d4's counts", () => {
    const solver = load();
    expect(configs).toHaveLength(950);
    expect(consistent.slice(0, 500).every((c) => c)).toBe(true);
    expect(consistent.filter((c) => !c)).toHaveLength(200);
    configs.forEach((config, i) => {
      const result = solver.solve(config);
      expect(result, `line ${i + 1}`).toBe(consistent[i] ? "sat" : "unsat");
      if (result === "sat") {
        const truth = new Set(solver.model());
        expect(config.every((lit) => truth.has(lit))).toBe(true);
        expect(satisfiesAll(truth)).toBe(true);
      } else {
        const failed = solver.failedAssumptions();
        expect(failed.length).toBeGreaterThan(0);
        for (const lit of failed) expect(config).toContain(lit);
        expect(solver.solve(failed)).toBe("unsat");
      }
    });
  });

  it("explains conflicting configurations with minimal sets of choices", () => {
    const solver = load();
    const conflicting = configs.filter((_, i) => !consistent[i]).slice(0, 60);
    for (const config of conflicting) {
      const groups = config.map((lit) => [lit]);
      const core = minimalUnsatisfiableGroups(solver, groups);
      expect(core).toBeDefined();
      const chosen = (core ?? []).map((g) => config[g] as number);
      expect(chosen.length).toBeGreaterThan(0);
      expect(solver.solve(chosen)).toBe("unsat");
      for (const lit of chosen) expect(solver.solve(chosen.filter((l) => l !== lit))).toBe("sat");
    }
  });
});
