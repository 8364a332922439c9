/**
 * Speed of the SAT solver on the automotive01 benchmark (real car-option model, 2,513 variables).
 * Run: pnpm exec tsx packages/rules/src/logic/sat/solver.bench.ts [rounds]
 */
import { readFileSync } from "node:fs";
import { backbone } from "./backbone.ts";
import { SatSolver } from "./solver.ts";

const data = new URL("../../../../../../shared/benchmarks/automotive01/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, data), "utf8");

const clauses: number[][] = [];
let current: number[] = [];
for (const line of read("auto1.cnf").split("\n")) {
  if (line.startsWith("c") || line.startsWith("p")) continue;
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
const configs = read("auto1.config")
  .trim()
  .split("\n")
  .map((line) => line.trim().split(/\s+/).map(Number));
const expected = read("auto1_sb_pc.csv")
  .trim()
  .split("\n")
  .map((line) => line.split(",")[1] !== "0");

const load = (): SatSolver => {
  const solver = new SatSolver();
  for (const clause of clauses) solver.addClause(clause);
  return solver;
};
const ms = (x: number) => `${x.toFixed(3)} ms`;
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const rounds = Number(process.argv[2] ?? 3);
for (let round = 1; round <= rounds; round++) {
  let started = performance.now();
  const solver = load();
  const loaded = performance.now() - started;
  started = performance.now();
  const bones = backbone(solver) ?? [];
  const backboneTime = performance.now() - started;
  const core = bones.filter((lit) => lit > 0).length;

  // Warm-up pass (JIT, learnt clauses), then the timed pass.
  for (const config of configs) solver.solve(config);
  const times: number[] = [];
  let wrong = 0;
  configs.forEach((config, i) => {
    const t = performance.now();
    const result = solver.solve(config);
    times.push(performance.now() - t);
    if ((result === "sat") !== expected[i]) wrong++;
  });
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  console.log(
    `round ${round}: load ${ms(loaded)}; backbone ${ms(backboneTime)} (${core} core, ${bones.length - core} dead); ` +
      `${times.length} solves: mean ${ms(mean)}, median ${ms(quantile(times, 0.5))}, p90 ${ms(quantile(times, 0.9))}, ` +
      `p99 ${ms(quantile(times, 0.99))}, max ${ms(quantile(times, 1))}; ${wrong} disagree with auto1_sb_pc.csv`,
  );
}
