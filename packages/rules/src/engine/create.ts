import { type CompileStats, compileCnf } from "../logic/nnf/compile.ts";
import { litFromDimacs } from "../logic/literals.ts";
import type { ConfigModel } from "../model/model.ts";
import { CompiledSpace } from "./compiled.ts";
import { SearchSpace } from "./search.ts";
import type { SolutionSpace } from "./space.ts";

export interface SpaceOptions {
  /** Milliseconds the compiler may spend before falling back to search (default 10 s). */
  readonly compileBudgetMs?: number;
  /** Largest d-DNNF (in nodes) before falling back to search (default 5 million). */
  readonly maxNodes?: number;
  /** Force a mode; "auto" compiles within the budget and falls back to search. */
  readonly mode?: "auto" | "compiled" | "search";
}

export interface CreatedSpace {
  readonly space: SolutionSpace;
  /** Compiler statistics, including for an attempt that ran out of budget. */
  readonly compile?: CompileStats;
  /** Why the space is in search mode, when it is. */
  readonly fallback?: "time" | "size" | "requested";
}

/** Compiles a model's solution space, falling back to SAT search when compiling is over budget. */
export function createSpace(model: ConfigModel, options: SpaceOptions = {}): CreatedSpace {
  if (options.mode === "search") return { space: new SearchSpace(model), fallback: "requested" };
  const unlimited = options.mode === "compiled";
  const result = compileCnf(model, {
    timeBudgetMs: unlimited ? Number.POSITIVE_INFINITY : (options.compileBudgetMs ?? 10_000),
    maxNodes: unlimited ? Number.POSITIVE_INFINITY : (options.maxNodes ?? 5_000_000),
    outputLits: outputLiterals(model),
    groups: valueGroups(model),
  });
  if (result.ok) return { space: new CompiledSpace(model, result.nnf), compile: result.stats };
  return { space: new SearchSpace(model), compile: result.stats, fallback: result.reason };
}

/**
 * The literals the d-DNNF keeps: both literals of every variable customers choose, and the weighted
 * literal of each auxiliary that carries a price or lead time. Every other auxiliary literal is
 * defined by the choices, and none receives evidence, so it is projected away.
 * (Auxiliaries still get decisions: branching on a partial sum keeps arithmetic decomposable.)
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
