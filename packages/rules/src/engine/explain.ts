import { SatSolver } from "../logic/sat/solver.ts";
import { minimalUnsatisfiableGroups } from "../logic/sat/minimal.ts";
import { litToDimacs } from "../logic/literals.ts";
import type { ConfigModel } from "../model/model.ts";
import { buildSolver } from "./solver.ts";
import type { Choice } from "./choice.ts";
import type { ValueLiterals } from "./evidence.ts";
import type { ExplainedConstraint } from "./space.ts";

/**
 * A subset-minimal set of the choices that rules `want` out: deletion, oldest first, so
 * explanations favour what the customer did last.
 */
export function minimalBlockingChoices(
  choices: readonly Choice[],
  want: Choice,
  consistent: (choices: readonly Choice[]) => boolean,
): Choice[] {
  return minimalConflict(choices, (set) => consistent([...set, want])) ?? [];
}

/** A subset-minimal set of choices with no completion (deletion, oldest first), or undefined when they have one. */
export function minimalConflict(
  choices: readonly Choice[],
  consistent: (choices: readonly Choice[]) => boolean,
): Choice[] | undefined {
  if (consistent(choices)) return undefined;
  const kept = [...choices];
  for (let i = 0; i < kept.length; ) {
    const without = [...kept.slice(0, i), ...kept.slice(i + 1)];
    if (!consistent(without)) kept.splice(i, 1);
    else i++;
  }
  return kept;
}

/**
 * Finds which named constraints rule a set of choices out: a SAT solver over the model in which
 * each constraint group can be switched off by a selector literal gives a first core; a small
 * solver holding only that core (and the structural clauses) then minimises it, so the many
 * satisfiable checks of minimisation never search the whole model.
 */
export class ConstraintExplainer {
  private solver: SatSolver | undefined;
  private selectors: number[] = [];
  private structural: number[] = [];

  constructor(
    private readonly model: ConfigModel,
    private readonly values: ValueLiterals,
  ) {}

  /** Builds the selector solver now (tens of milliseconds on large models) rather than at the first explanation. */
  prepare(): void {
    this.selectorSolver();
  }

  involved(choices: readonly Choice[]): ExplainedConstraint[] {
    const background: number[] = [];
    for (const choice of choices) for (const lit of this.values.zeroedBy(choice)) background.push(-litToDimacs(lit));
    const core = this.firstCore(background);
    const small = new SatSolver(this.model.numVars);
    for (const clause of this.structural) small.addClause(this.model.clauses[clause]!);
    const groups = core.map((index) => {
      const selector = small.newVar();
      for (const clause of this.model.constraints[index]!.clauses)
        small.addClause([-selector, ...this.model.clauses[clause]!]);
      return [selector];
    });
    const minimal = minimalUnsatisfiableGroups(small, groups, background) ?? [];
    return minimal.map((g) => {
      const { id, message, source } = this.model.constraints[core[g]!]!;
      return source ? { id, message, source } : { id, message };
    });
  }

  /** Groups in the solver's failed-assumption core, shrunk until it stops shrinking. */
  private firstCore(background: readonly number[]): number[] {
    const solver = this.selectorSolver();
    let core = this.selectors.map((_, g) => g);
    for (;;) {
      if (solver.solve([...background, ...core.map((g) => this.selectors[g]!)]) !== "unsat") return [];
      const failed = new Set(solver.failedAssumptions());
      const next = core.filter((g) => failed.has(this.selectors[g]!));
      if (next.length === core.length) return core;
      core = next;
    }
  }

  private selectorSolver(): SatSolver {
    if (this.solver === undefined) {
      const { solver, selectors } = buildSolver(this.model, true);
      this.solver = solver;
      this.selectors = selectors;
      const grouped = new Set(this.model.constraints.flatMap((c) => c.clauses));
      this.structural = this.model.clauses.flatMap((_, i) => (grouped.has(i) ? [] : [i]));
    }
    return this.solver;
  }
}
