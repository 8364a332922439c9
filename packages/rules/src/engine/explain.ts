import type { SatSolver } from "../logic/sat/solver.ts";
import { minimalUnsatisfiableGroups } from "../logic/sat/minimal.ts";
import { litToDimacs } from "../logic/literals.ts";
import type { ConfigModel } from "../model/model.ts";
import { buildSolver } from "./solver.ts";
import type { Choice } from "./choice.ts";
import type { ValueLiterals } from "./evidence.ts";
import type { ExplainedConstraint } from "./space.ts";

/**
 * Deletion-based minimisation: drop each choice in turn (oldest first, so explanations favour what
 * the customer did last) while the rest still rules `want` out.
 */
export function minimalBlockingChoices(
  choices: readonly Choice[],
  want: Choice,
  consistent: (choices: readonly Choice[]) => boolean,
): Choice[] {
  const kept = [...choices];
  for (let i = 0; i < kept.length; ) {
    const without = [...kept.slice(0, i), ...kept.slice(i + 1)];
    if (!consistent([...without, want])) kept.splice(i, 1);
    else i++;
  }
  return kept;
}

/**
 * Finds which named constraints rule a set of choices out: a SAT solver over the model in which
 * each constraint group can be switched off by a selector literal.
 */
export class ConstraintExplainer {
  private solver: SatSolver | undefined;
  private selectors: number[] = [];

  constructor(
    private readonly model: ConfigModel,
    private readonly values: ValueLiterals,
  ) {}

  involved(choices: readonly Choice[]): ExplainedConstraint[] {
    const solver = this.selectorSolver();
    const background: number[] = [];
    for (const choice of choices) for (const lit of this.values.zeroedBy(choice)) background.push(-litToDimacs(lit));
    const groups = this.selectors.map((selector) => [selector]);
    const core = minimalUnsatisfiableGroups(solver, groups, background) ?? [];
    return core.map((index) => {
      const { id, message, source } = this.model.constraints[index]!;
      return source ? { id, message, source } : { id, message };
    });
  }

  private selectorSolver(): SatSolver {
    if (this.solver === undefined) {
      const { solver, selectors } = buildSolver(this.model, true);
      this.solver = solver;
      this.selectors = selectors;
    }
    return this.solver;
  }
}
