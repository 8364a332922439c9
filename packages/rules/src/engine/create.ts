import { type CompileStats, compileCnf } from "../logic/nnf/compile.ts";
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
  });
  if (result.ok) return { space: new CompiledSpace(model, result.nnf), compile: result.stats };
  return { space: new SearchSpace(model), compile: result.stats, fallback: result.reason };
}
