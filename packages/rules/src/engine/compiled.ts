import { NnfEvaluator } from "../logic/nnf/evaluate.ts";
import type { Nnf } from "../logic/nnf/nnf.ts";
import type { ConfigModel } from "../model/model.ts";
import type { Choice } from "./choice.ts";
import { ValueLiterals } from "./evidence.ts";
import { ConstraintExplainer, minimalBlockingChoices, minimalConflict } from "./explain.ts";
import { choicesFromModel, repairFromModel } from "./repair.ts";
import type { CompletionPreference, Evaluation, Explanation, Range, Repair, SolutionSpace } from "./space.ts";
import { changeCosts, deviationCosts, literalWeights, modelWeight } from "./weights.ts";

/** Answers every query with linear passes over the model's compiled d-DNNF. */
export class CompiledSpace implements SolutionSpace {
  readonly mode = "compiled";
  private readonly values: ValueLiterals;
  private readonly evaluator: NnfEvaluator;
  private readonly prices: Float64Array;
  private readonly leadTimes: Float64Array;
  private readonly possibleLits: Uint8Array;
  private readonly explainer: ConstraintExplainer;

  constructor(
    readonly model: ConfigModel,
    readonly nnf: Nnf,
  ) {
    this.values = new ValueLiterals(model);
    this.evaluator = new NnfEvaluator(nnf);
    this.prices = literalWeights(model, model.pricing.weights);
    this.leadTimes = literalWeights(model, model.leadTimes);
    this.possibleLits = new Uint8Array(2 * model.numVars);
    this.explainer = new ConstraintExplainer(model, this.values);
  }

  evaluate(choices: readonly Choice[]): Evaluation {
    const allowed = this.values.allowed(choices);
    const click = this.evaluator.click(allowed, this.prices, this.leadTimes, this.possibleLits);
    const possible = this.model.variables.map((variable, v) =>
      variable.values.map((_, i) => this.possibleLits[this.values.lit(v, i)] === 1),
    );
    if (click.price === undefined || click.leadTime === undefined) {
      return { consistent: false, count: 0n, possible, price: undefined, leadTime: undefined };
    }
    const leadTime = this.model.leadTimes.length > 0 ? click.leadTime : ZERO;
    return {
      consistent: true,
      count: click.count,
      possible,
      price: shift(click.price, this.model.pricing.base),
      leadTime: shift(leadTime, this.model.baseLeadTime ?? 0),
    };
  }

  valueCounts(choices: readonly Choice[]): bigint[][] {
    return this.perValue(this.evaluator.literalCounts(this.values.allowed(choices)));
  }

  approximateValueCounts(choices: readonly Choice[]): number[][] {
    return this.perValue(this.evaluator.approximateLiteralCounts(this.values.allowed(choices)));
  }

  private perValue<T>(byLiteral: ArrayLike<T>): T[][] {
    return this.model.variables.map((variable, v) => variable.values.map((_, i) => byLiteral[this.values.lit(v, i)]!));
  }

  prepareExplanations(): void {
    this.explainer.prepare();
  }

  explain(choices: readonly Choice[], want: Choice): Explanation {
    const consistent = (set: readonly Choice[]) => this.evaluator.satisfiable(this.values.allowed(set));
    if (consistent([...choices, want])) return { blocked: false };
    const blocking = minimalBlockingChoices(choices, want, consistent);
    return { blocked: true, choices: blocking, constraints: this.explainer.involved([...blocking, want]) };
  }

  conflict(choices: readonly Choice[]): Explanation {
    const conflict = minimalConflict(choices, (set) => this.evaluator.satisfiable(this.values.allowed(set)));
    if (conflict === undefined) return { blocked: false };
    return { blocked: true, choices: conflict, constraints: this.explainer.involved(conflict) };
  }

  repair(choices: readonly Choice[], want: Choice): Repair | undefined {
    const model = this.evaluator.bestModel(this.values.allowed([want]), changeCosts(this.values, choices), this.prices);
    if (model === undefined) return undefined;
    const price = this.model.pricing.base + modelWeight(model, this.prices);
    return { ...repairFromModel(this.values, choices, want, model), price };
  }

  complete(choices: readonly Choice[], prefer: CompletionPreference): Choice[] | undefined {
    const deviations = deviationCosts(this.values);
    const [primary, secondary] = prefer === "cheapest" ? [this.prices, deviations] : [deviations, this.prices];
    const model = this.evaluator.bestModel(this.values.allowed(choices), primary, secondary);
    return model && choicesFromModel(this.values, model);
  }
}

const ZERO: Range = { min: 0, max: 0 };

function shift(range: Range, by: number): Range {
  return { min: range.min + by, max: range.max + by };
}
