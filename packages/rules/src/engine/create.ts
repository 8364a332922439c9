import { type CompileStats, compileCnf } from "../logic/nnf/compile.ts";
import { factorSharedChildren } from "../logic/nnf/factor.ts";
import type { Nnf } from "../logic/nnf/nnf.ts";
import { cnfFingerprint, deserializeNnf, serializeNnf } from "../logic/nnf/serialize.ts";
import { primaryEliminationRank } from "../logic/order.ts";
import { litFromDimacs } from "../logic/literals.ts";
import type { ConfigModel } from "../model/model.ts";
import { CompiledSpace } from "./compiled.ts";
import { SearchSpace } from "./search.ts";
import type { SolutionSpace } from "./space.ts";

/** How much more work (decisions) the second variable order may take than the first. */
const SECOND_ORDER_DECISIONS = 3;

export interface SpaceOptions {
  /** Milliseconds the compiler may spend before falling back to search (default 10 s). */
  readonly compileBudgetMs?: number;
  /** Largest d-DNNF (in nodes) before falling back to search (default 5 million). */
  readonly maxNodes?: number;
  /** Force a mode; "auto" compiles within the budget and falls back to search. */
  readonly mode?: "auto" | "compiled" | "search";
  /** A d-DNNF compiled earlier from this very model (see serializeSpace): used instead of compiling. */
  readonly nnf?: Nnf;
}

export interface CreatedSpace {
  readonly space: SolutionSpace;
  /** Compiler statistics, including for an attempt that ran out of budget. */
  readonly compile?: CompileStats;
  /** Why the space is in search mode, when it is. */
  readonly fallback?: "time" | "size" | "requested";
}

/**
 * Compiles a model's solution space, falling back to SAT search when compiling is over budget.
 * Models with auxiliary variables (packs) are compiled twice, keeping the smaller d-DNNF: once
 * deciding the customers' variables first (robust when arithmetic spans many module slots), once
 * in the primal graph's order (often smaller for loosely coupled rules), capped at the first's size.
 * The kept one then has the children its conjunctions share factored out (see factorSharedChildren).
 */
export function createSpace(model: ConfigModel, options: SpaceOptions = {}): CreatedSpace {
  if (options.mode === "search") return { space: new SearchSpace(model), fallback: "requested" };
  if (options.nnf !== undefined) return { space: new CompiledSpace(model, options.nnf) };
  const unlimited = options.mode === "compiled";
  const budget = unlimited ? Number.POSITIVE_INFINITY : (options.compileBudgetMs ?? 10_000);
  const maxNodes = unlimited ? Number.POSITIVE_INFINITY : (options.maxNodes ?? 5_000_000);
  const started = performance.now();
  const shared = { outputLits: outputLiterals(model), groups: valueGroups(model) };
  const primary = primaryVariables(model);
  const auxiliaries = primary.includes(0);
  const first = compileCnf(model, {
    ...shared,
    timeBudgetMs: budget,
    maxNodes,
    ...(auxiliaries ? { decisionVars: primary, rank: primaryEliminationRank(model, primary) } : {}),
  });
  let best = first.ok ? first : undefined;
  if (auxiliaries) {
    const elapsed = performance.now() - started;
    const second = compileCnf(model, {
      ...shared,
      timeBudgetMs: budget - elapsed,
      maxNodes: best ? best.stats.nodesBuilt : maxNodes,
      // Bounded by the first's work, counted in decisions rather than milliseconds: the same pack must
      // get the same d-DNNF however busy the machine is.
      ...(best ? { maxDecisions: SECOND_ORDER_DECISIONS * best.stats.decisions + 2_000 } : {}),
    });
    if (second.ok && (best === undefined || second.stats.edges < best.stats.edges)) best = second;
  }
  if (best) {
    // Factored once the smaller order is known: factoring costs a fair share of compiling.
    const nnf = factorSharedChildren(best.nnf);
    const stats = { ...best.stats, nodes: nnf.nodeCount, edges: nnf.edges.length };
    return { space: new CompiledSpace(model, nnf), compile: stats };
  }
  return { space: new SearchSpace(model), compile: first.stats, fallback: first.ok ? "size" : first.reason };
}

/** A compiled space as bytes (for a compiled mode space), to load with `loadSpace` elsewhere. */
export function serializeSpace(space: SolutionSpace, model: ConfigModel): Uint8Array | undefined {
  return space instanceof CompiledSpace ? serializeNnf(space.nnf, cnfFingerprint(model)) : undefined;
}

/** A space from bytes of `serializeSpace`, or undefined when they belong to another model. */
export function loadSpace(bytes: Uint8Array, model: ConfigModel): CreatedSpace | undefined {
  const nnf = deserializeNnf(bytes, cnfFingerprint(model));
  return nnf && nnf.numVars === model.numVars ? { space: new CompiledSpace(model, nnf) } : undefined;
}

/** The variables whose values customers choose (1); the rest are auxiliaries defined from them. */
function primaryVariables(model: ConfigModel): Uint8Array {
  const primary = new Uint8Array(model.numVars);
  for (const variable of model.variables) for (const value of variable.values) primary[Math.abs(value.lit) - 1] = 1;
  return primary;
}

/**
 * The literals the d-DNNF keeps: both literals of every variable customers choose, and the weighted
 * literal of each auxiliary that carries a price or lead time. Every other auxiliary literal is
 * defined by the choices, and none receives evidence, so it is projected away.
 */
function outputLiterals(model: ConfigModel): Uint8Array {
  const kept = new Uint8Array(2 * model.numVars);
  for (const variable of model.variables) {
    for (const value of variable.values) {
      const lit = litFromDimacs(value.lit);
      kept[lit] = 1;
      kept[lit ^ 1] = 1;
    }
  }
  for (const { lit } of [...model.pricing.weights, ...model.leadTimes]) kept[litFromDimacs(lit)] = 1;
  return kept;
}

/** The boolean variables of each model variable's values form one group (see CompileOptions.groups). */
function valueGroups(model: ConfigModel): Int32Array {
  const groups = new Int32Array(model.numVars).fill(-1);
  model.variables.forEach((variable, index) => {
    for (const value of variable.values) groups[Math.abs(value.lit) - 1] = index;
  });
  return groups;
}
