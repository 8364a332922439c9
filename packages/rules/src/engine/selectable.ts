import type { Choice } from "./choice.ts";
import type { Evaluation } from "./space.ts";

/**
 * Values that can still be added to the choices as they stand: value v of X is selectable when the
 * choices together with X = v have a completion. Unlike `Evaluation.possible`, a variable already
 * chosen offers only its chosen value, and a rejected value is never selectable.
 */
export function selectableValues(evaluation: Evaluation, choices: readonly Choice[]): boolean[][] {
  const chosen = new Map<number, number>();
  const rejected = new Set<string>();
  for (const choice of choices) {
    if (choice.negated) rejected.add(`${choice.variable}:${choice.value}`);
    else chosen.set(choice.variable, choice.value);
  }
  return evaluation.possible.map((values, v) =>
    values.map((possible, i) => {
      if (!evaluation.consistent || rejected.has(`${v}:${i}`)) return false;
      const value = chosen.get(v);
      return value === undefined ? possible : value === i;
    }),
  );
}
