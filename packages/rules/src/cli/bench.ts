import Logic from "logic-solver";
import type { Choice } from "../engine/choice.ts";
import { createSpace } from "../engine/create.ts";
import { selectableValues } from "../engine/selectable.ts";
import type { SolutionSpace } from "../engine/space.ts";
import type { ConfigModel } from "../model/model.ts";
import { EXIT_INVALID, EXIT_OK, type Io, printDiagnostics } from "./io.ts";
import { loadModel } from "./load.ts";
import type { SpaceFlags } from "./queries.ts";

export interface BenchOptions extends SpaceFlags {
  readonly sessions?: number;
  readonly clicks?: number;
  readonly baselineClicks?: number;
  readonly seed?: number;
}

/**
 * `kitbash bench MODEL`: compile time, representation size, memory, and per-click latency of
 * domains + count + price over random customer sessions, beside a SAT baseline (logic-solver
 * checking each value, reusing every model it finds as a witness) measured on the same clicks.
 */
export function bench(io: Io, file: string, options: BenchOptions): number {
  const loadStart = performance.now();
  const loaded = loadModel(file);
  if (!loaded.ok) {
    printDiagnostics(io, loaded.diagnostics, file);
    return EXIT_INVALID;
  }
  const loadMs = performance.now() - loadStart;
  const { model } = loaded;
  const heapBefore = process.memoryUsage().heapUsed;
  const compileStart = performance.now();
  const created = createSpace(model, {
    ...(options.budgetMs !== undefined ? { compileBudgetMs: options.budgetMs } : {}),
    ...(options.mode !== undefined ? { mode: options.mode } : {}),
  });
  const compileMs = performance.now() - compileStart;
  const heapAfter = process.memoryUsage().heapUsed;
  const { space } = created;

  io.out(
    `model      ${file} (${loaded.kind}): ${format(model.variables.length)} variables, ${format(model.constraints.length)} constraints; CNF ${format(model.numVars)} vars, ${format(model.clauses.length)} clauses; read in ${ms(loadMs)}`,
  );
  const size = created.compile
    ? `d-DNNF ${format(created.compile.nodes)} nodes, ${format(created.compile.edges)} edges`
    : "no d-DNNF";
  io.out(
    `compile    ${ms(compileMs)} (${space.mode} mode${created.fallback ? `, fallback: ${created.fallback}` : ""}); ${size}; heap +${mb(heapAfter - heapBefore)}, rss ${mb(process.memoryUsage().rss)}`,
  );

  const random = mulberry32(options.seed ?? 1);
  const sessions = generateSessions(space, model, options.sessions ?? 50, options.clicks ?? 20, random);
  const clickTimes: number[] = [];
  for (const session of sessions) {
    for (let k = 1; k <= session.length; k++) {
      const prefix = session.slice(0, k);
      const start = performance.now();
      space.evaluate(prefix);
      clickTimes.push(performance.now() - start);
    }
  }
  io.out(
    `click      domains + count + price over ${clickTimes.length} clicks in ${sessions.length} sessions: ${summary(clickTimes)}`,
  );

  const explainTimes: number[] = [];
  const repairTimes: number[] = [];
  for (const session of sessions) {
    const blocked = blockedValue(space, session, random);
    if (blocked === undefined) continue;
    let start = performance.now();
    space.explain(session, blocked);
    explainTimes.push(performance.now() - start);
    start = performance.now();
    space.repair(session, blocked);
    repairTimes.push(performance.now() - start);
  }
  if (explainTimes.length > 0) {
    io.out(`explain    ${explainTimes.length} blocked values: ${summary(explainTimes)}`);
    io.out(`repair     ${repairTimes.length} blocked values: ${summary(repairTimes)}`);
  }

  const baselineClicks = options.baselineClicks ?? 30;
  const baseline = new SatBaseline(model);
  const baselineTimes: number[] = [];
  outer: for (const session of sessions) {
    for (let k = 1; k <= session.length; k++) {
      if (baselineTimes.length >= baselineClicks) break outer;
      const start = performance.now();
      baseline.domains(session.slice(0, k));
      baselineTimes.push(performance.now() - start);
    }
  }
  io.out(
    `baseline   logic-solver, one SAT check per value, first ${baselineTimes.length} of the same clicks (domains only, no count): ${summary(baselineTimes)}`,
  );
  const ratio = (p: number) => percentile(baselineTimes, p) / Math.max(percentile(clickTimes, p), 1e-6);
  io.out(
    `ratio      baseline / engine: median ${format(Math.round(ratio(0.5)))}x, p99 ${format(Math.round(ratio(0.99)))}x`,
  );
  return EXIT_OK;
}

/** Random customer sessions: each click picks an open variable and one of its still selectable values. */
function generateSessions(
  space: SolutionSpace,
  model: ConfigModel,
  count: number,
  clicks: number,
  random: () => number,
): Choice[][] {
  const sessions: Choice[][] = [];
  for (let s = 0; s < count; s++) {
    const choices: Choice[] = [];
    for (let k = 0; k < clicks; k++) {
      const selectable = selectableValues(space.evaluate(choices), choices);
      const chosen = new Set(choices.map((c) => c.variable));
      const open = selectable.flatMap((values, v) => (!chosen.has(v) && values.filter(Boolean).length > 1 ? [v] : []));
      if (open.length === 0) break;
      const variable = open[Math.floor(random() * open.length)]!;
      const values = selectable[variable]!.flatMap((ok, i) => (ok ? [i] : []));
      choices.push({ variable, value: values[Math.floor(random() * values.length)]!, negated: false });
    }
    if (choices.length > 0) sessions.push(choices);
  }
  return model.variables.length > 0 ? sessions : [];
}

/** A value of an open variable that the session's choices rule out, if any. */
function blockedValue(space: SolutionSpace, choices: readonly Choice[], random: () => number): Choice | undefined {
  const evaluation = space.evaluate(choices);
  const chosen = new Set(choices.map((c) => c.variable));
  const candidates: Choice[] = [];
  evaluation.possible.forEach((values, variable) => {
    if (chosen.has(variable)) return;
    values.forEach((ok, value) => {
      if (!ok) candidates.push({ variable, value, negated: false });
    });
  });
  return candidates[Math.floor(random() * candidates.length)];
}

/** Domains the way a SAT-backed configurator computes them: one satisfiability check per unwitnessed value. */
class SatBaseline {
  private readonly solver = new Logic.Solver();

  constructor(private readonly model: ConfigModel) {
    for (const clause of model.clauses) this.solver.require(Logic.or(...clause.map(term)));
  }

  domains(choices: readonly Choice[]): boolean[][] {
    const assumptions: string[] = [];
    for (const choice of choices) {
      const values = this.model.variables[choice.variable]!.values;
      values.forEach((value, i) => {
        if (choice.negated ? i === choice.value : i !== choice.value) assumptions.push(term(-value.lit));
      });
    }
    const witnessed = new Set<number>();
    const witness = (trueVars: readonly string[]) => {
      const on = new Set(trueVars);
      for (let v = 1; v <= this.model.numVars; v++) witnessed.add(on.has(`v${v}`) ? v : -v);
    };
    const base = this.solver.solveAssuming(Logic.and(...assumptions));
    if (base) witness(base.getTrueVars());
    return this.model.variables.map((variable) =>
      variable.values.map((value) => {
        if (witnessed.has(value.lit)) return true;
        if (!base) return false;
        const solution = this.solver.solveAssuming(Logic.and(...assumptions, term(value.lit)));
        if (solution) witness(solution.getTrueVars());
        return solution !== null;
      }),
    );
  }
}

const term = (lit: number): string => (lit > 0 ? `v${lit}` : `-v${-lit}`);

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function summary(values: readonly number[]): string {
  return `median ${ms(percentile(values, 0.5))}, p99 ${ms(percentile(values, 0.99))}, max ${ms(percentile(values, 1))}`;
}

function ms(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function format(n: number): string {
  return n.toLocaleString("en-US");
}

/** A small seeded PRNG so benchmark sessions are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
