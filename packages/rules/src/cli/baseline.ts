import Logic from "logic-solver";
import type { Choice } from "../engine/choice.ts";
import type { ConfigModel } from "../model/model.ts";

/**
 * Domains the way a SAT-backed configurator computes them, with logic-solver (MiniSat compiled to
 * JavaScript): one satisfiability check per value not yet seen in an earlier model of the same click.
 */
export class LogicSolverBaseline {
  private readonly solver = new Logic.Solver();

  constructor(private readonly model: ConfigModel) {
    for (const clause of model.clauses) this.solver.require(Logic.or(...clause.map(term)));
  }

  readonly domains = (choices: readonly Choice[]): boolean[][] => {
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
  };
}

const term = (lit: number): string => (lit > 0 ? `v${lit}` : `-v${-lit}`);
