import type { Choice } from "./choice.ts";
import type { ValueLiterals } from "./evidence.ts";
import type { Change } from "./space.ts";

/**
 * Turns a full assignment that contains `want` into the repaired choice list and its changes:
 * choices the assignment keeps stay, broken ones take the assignment's value (rejections are withdrawn).
 */
export function repairFromModel(
  values: ValueLiterals,
  choices: readonly Choice[],
  want: Choice,
  model: Int32Array,
): { choices: Choice[]; changes: Change[] } {
  const kept: Choice[] = [];
  const changes: Change[] = [];
  for (const choice of choices) {
    if (values.satisfies(model, choice)) {
      kept.push(choice);
      continue;
    }
    if (choice.negated || choice.variable === want.variable) {
      changes.push({ from: choice, to: choice.variable === want.variable && !want.negated ? want : undefined });
      continue;
    }
    const to: Choice = { variable: choice.variable, value: values.valueIn(model, choice.variable), negated: false };
    kept.push(to);
    changes.push({ from: choice, to });
  }
  kept.push(want);
  return { choices: kept, changes };
}

/** Choices naming one value for every variable, read off a full assignment. */
export function choicesFromModel(values: ValueLiterals, model: Int32Array): Choice[] {
  return values.model.variables.map((_, v) => ({ variable: v, value: values.valueIn(model, v), negated: false }));
}
