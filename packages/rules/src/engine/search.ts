import { litToDimacs } from "../logic/literals.ts";
import { minimalUnsatisfiableGroups } from "../logic/sat/minimal.ts";
import type { SatSolver } from "../logic/sat/solver.ts";
import type { ConfigModel } from "../model/model.ts";
import type { Choice } from "./choice.ts";
import { ValueLiterals } from "./evidence.ts";
import { ConstraintExplainer } from "./explain.ts";
import { choicesFromModel, repairFromModel } from "./repair.ts";
import { buildSolver } from "./solver.ts";
import type { CompletionPreference, Evaluation, Explanation, Repair, SolutionSpace } from "./space.ts";
import { literalWeights } from "./weights.ts";

/**
 * The fallback for models too large to compile: a CDCL solver answers each question. Validity,
 * possible values and explanations stay exact; counts and price ranges are unavailable, and repairs
 * keep a maximal (not necessarily largest) set of choices.
 */
export class SearchSpace implements SolutionSpace {
  readonly mode = "search";
  private readonly values: ValueLiterals;
  private readonly solver: SatSolver;
  private readonly explainer: ConstraintExplainer;
  private readonly prices: Float64Array;

  constructor(readonly model: ConfigModel) {
    this.values = new ValueLiterals(model);
    this.solver = buildSolver(model, false).solver;
    this.explainer = new ConstraintExplainer(model, this.values);
    this.prices = literalWeights(model, model.pricing.weights);
  }

  evaluate(choices: readonly Choice[]): Evaluation {
    const { variables } = this.model;
    const possible = variables.map((variable) => variable.values.map(() => false));
    const chosen = new Set(choices.map((choice) => choice.variable));
    const assumptions = this.assumptions(choices);
    const consistent = this.solver.solve(assumptions) === "sat";
    const witness = () => {
      variables.forEach((_, v) => {
        if (!chosen.has(v)) possible[v]![this.currentValue(v)] = true;
      });
    };
    if (consistent) {
      witness();
      for (const v of chosen) possible[v]![this.currentValue(v)] = true;
      variables.forEach((variable, v) => {
        if (chosen.has(v)) return;
        variable.values.forEach((_, i) => {
          if (possible[v]![i]) return;
          if (this.solver.solve([...assumptions, this.valueLiteral(v, i)]) === "sat") witness();
        });
      });
    }
    for (const v of chosen) {
      const others = this.assumptions(choices.filter((choice) => choice.variable !== v));
      variables[v]!.values.forEach((_, i) => {
        if (!possible[v]![i]) possible[v]![i] = this.solver.solve([...others, this.valueLiteral(v, i)]) === "sat";
      });
    }
    return { consistent, count: undefined, possible, price: undefined, leadTime: undefined };
  }

  valueCounts(): undefined {
    return undefined;
  }

  approximateValueCounts(): undefined {
    return undefined;
  }

  prepareExplanations(): void {
    this.explainer.prepare();
  }

  explain(choices: readonly Choice[], want: Choice): Explanation {
    const wanted = this.assumptions([want]);
    if (this.solver.solve([...this.assumptions(choices), ...wanted]) === "sat") return { blocked: false };
    const groups = choices.map((choice) => this.assumptions([choice]));
    const core = minimalUnsatisfiableGroups(this.solver, groups, wanted) ?? [];
    const blocking = core.map((index) => choices[index]!);
    return { blocked: true, choices: blocking, constraints: this.explainer.involved([...blocking, want]) };
  }

  conflict(choices: readonly Choice[]): Explanation {
    if (this.solver.solve(this.assumptions(choices)) === "sat") return { blocked: false };
    const core =
      minimalUnsatisfiableGroups(
        this.solver,
        choices.map((choice) => this.assumptions([choice])),
      ) ?? [];
    const conflict = core.map((index) => choices[index]!);
    return { blocked: true, choices: conflict, constraints: this.explainer.involved(conflict) };
  }

  repair(choices: readonly Choice[], want: Choice): Repair | undefined {
    const assumptions = this.assumptions([want]);
    if (this.solver.solve(assumptions) !== "sat") return undefined;
    // Keep the most recent choices first: they are what the customer is working on.
    for (let i = choices.length - 1; i >= 0; i--) {
      const extra = this.assumptions([choices[i]!]);
      if (this.solver.solve([...assumptions, ...extra]) === "sat") assumptions.push(...extra);
    }
    this.solver.solve(assumptions);
    return { ...repairFromModel(this.values, choices, want, this.fullModel()), price: undefined };
  }

  complete(choices: readonly Choice[], prefer: CompletionPreference): Choice[] | undefined {
    const assumptions = this.assumptions(choices);
    if (this.solver.solve(assumptions) !== "sat") return undefined;
    const chosen = new Set(choices.map((choice) => choice.variable));
    this.model.variables.forEach((variable, v) => {
      if (chosen.has(v)) return;
      const preferred =
        prefer === "cheapest"
          ? this.cheapestValue(v)
          : (variable.defaultValue ?? (variable.kind === "boolean" ? 1 : 0));
      const extra = this.assumptions([{ variable: v, value: preferred, negated: false }]);
      if (this.solver.solve([...assumptions, ...extra]) === "sat") assumptions.push(...extra);
    });
    this.solver.solve(assumptions);
    return choicesFromModel(this.values, this.fullModel());
  }

  private assumptions(choices: readonly Choice[]): number[] {
    const result: number[] = [];
    for (const choice of choices) for (const lit of this.values.zeroedBy(choice)) result.push(-litToDimacs(lit));
    return result;
  }

  private valueLiteral(variable: number, value: number): number {
    return litToDimacs(this.values.lit(variable, value));
  }

  /** The value the solver's last model gives a variable. */
  private currentValue(variable: number): number {
    for (let i = 0; i < this.values.valueCount(variable); i++) {
      const lit = litToDimacs(this.values.lit(variable, i));
      if (this.solver.value(Math.abs(lit)) === lit > 0) return i;
    }
    return 0;
  }

  private cheapestValue(variable: number): number {
    let best = 0;
    for (let i = 1; i < this.values.valueCount(variable); i++) {
      if (this.prices[this.values.lit(variable, i)]! < this.prices[this.values.lit(variable, best)]!) best = i;
    }
    return best;
  }

  private fullModel(): Int32Array {
    const model = new Int32Array(this.model.numVars);
    for (let v = 0; v < this.model.numVars; v++) model[v] = this.solver.value(v + 1) ? v << 1 : (v << 1) | 1;
    return model;
  }
}
