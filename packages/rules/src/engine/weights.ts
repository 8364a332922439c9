import { litFromDimacs } from "../logic/literals.ts";
import type { ConfigModel, LiteralWeight } from "../model/model.ts";
import type { Choice } from "./choice.ts";
import type { ValueLiterals } from "./evidence.ts";

/** Per-literal weights (length 2 * numVars) from a model's DIMACS-literal weights. */
export function literalWeights(model: ConfigModel, weights: readonly LiteralWeight[]): Float64Array {
  const result = new Float64Array(2 * model.numVars);
  for (const { lit, amount } of weights) result[litFromDimacs(lit)]! += amount;
  return result;
}

/** Cost 1 on every literal that breaks one of the choices: minimising it keeps the most choices. */
export function changeCosts(values: ValueLiterals, choices: readonly Choice[]): Float64Array {
  const costs = new Float64Array(2 * values.model.numVars);
  for (const choice of choices) {
    if (choice.negated) costs[values.lit(choice.variable, choice.value)]! += 1;
    else {
      for (let i = 0; i < values.valueCount(choice.variable); i++) {
        if (i !== choice.value) costs[values.lit(choice.variable, i)]! += 1;
      }
    }
  }
  return costs;
}

/** Cost 1 on every value other than its variable's default. */
export function deviationCosts(values: ValueLiterals): Float64Array {
  const costs = new Float64Array(2 * values.model.numVars);
  values.model.variables.forEach((variable, v) => {
    const preferred = variable.defaultValue ?? (variable.kind === "boolean" ? 1 : 0);
    for (let i = 0; i < variable.values.length; i++) {
      if (i !== preferred) costs[values.lit(v, i)]! += 1;
    }
  });
  return costs;
}

/** Total weight of a full assignment (one internal literal per variable, -1 where projected away). */
export function modelWeight(model: Int32Array, weights: Float64Array): number {
  let total = 0;
  for (let v = 0; v < model.length; v++) {
    const lit = model[v] as number;
    if (lit >= 0) total += weights[lit] as number; // -1: projected away, carries no weight
  }
  return total;
}
