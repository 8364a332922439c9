import type { ConfigModel, ModelVariable } from "../model/model.ts";

/** A customer's choice: a value of a variable, or (negated) the rejection of that value. */
export interface Choice {
  readonly variable: number;
  readonly value: number;
  readonly negated: boolean;
}

export type ChoiceError =
  | { readonly code: "unknown-variable"; readonly token: string; readonly message: string }
  | { readonly code: "unknown-value"; readonly token: string; readonly message: string }
  | { readonly code: "missing-value"; readonly token: string; readonly message: string };

export type ParsedChoices =
  | { readonly ok: true; readonly choices: readonly Choice[] }
  | { readonly ok: false; readonly errors: readonly ChoiceError[] };

/**
 * Parses LITS: space-separated choices. Numbered models take DIMACS literals (`12 -40`); others take
 * `variable=value`, a bare boolean `lights`, and `!` to reject (`!lights`, `!frame=oak`).
 */
export function parseChoices(model: ConfigModel, text: string): ParsedChoices {
  const index = variableIndex(model);
  const choices: Choice[] = [];
  const errors: ChoiceError[] = [];
  for (const token of text.split(/\s+/).filter((t) => t !== "")) {
    const parsed = parseChoice(model, index, token);
    if ("code" in parsed) errors.push(parsed);
    else choices.push(parsed);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, choices };
}

/** The text form of a choice, as `parseChoices` reads it. */
export function formatChoice(model: ConfigModel, choice: Choice): string {
  const variable = model.variables[choice.variable] as ModelVariable;
  if (model.numbered) {
    const number = choice.variable + 1;
    const positive = (choice.value === 0) !== choice.negated;
    return String(positive ? number : -number);
  }
  const bang = choice.negated ? "!" : "";
  if (variable.kind === "boolean") {
    const positive = (choice.value === 0) !== choice.negated;
    return `${positive ? "" : "!"}${variable.id}`;
  }
  return `${bang}${variable.id}=${(variable.values[choice.value] as { id: string }).id}`;
}

const indexes = new WeakMap<ConfigModel, Map<string, number>>();

function variableIndex(model: ConfigModel): Map<string, number> {
  let index = indexes.get(model);
  if (index === undefined) {
    index = new Map(model.variables.map((v, i) => [v.id, i]));
    indexes.set(model, index);
  }
  return index;
}

function parseChoice(model: ConfigModel, index: Map<string, number>, token: string): Choice | ChoiceError {
  if (model.numbered && /^-?\d+$/.test(token)) {
    const number = Math.abs(Number(token));
    if (number < 1 || number > model.variables.length) {
      return {
        code: "unknown-variable",
        token,
        message: `"${token}": variables are numbered 1 to ${model.variables.length}`,
      };
    }
    return { variable: number - 1, value: token.startsWith("-") ? 1 : 0, negated: false };
  }
  const negated = token.startsWith("!");
  const body = negated ? token.slice(1) : token;
  const equals = body.indexOf("=");
  const name = equals < 0 ? body : body.slice(0, equals);
  const variableNumber = index.get(name);
  if (variableNumber === undefined) {
    const hint = closest(name, [...index.keys()]);
    return {
      code: "unknown-variable",
      token,
      message: `"${token}": there is no variable "${name}"${hint ? `; did you mean "${hint}"?` : ""}`,
    };
  }
  const variable = model.variables[variableNumber] as ModelVariable;
  if (equals < 0) {
    if (variable.kind !== "boolean") {
      const example = variable.values[0]?.id ?? "value";
      return {
        code: "missing-value",
        token,
        message: `"${token}": ${name} needs a value, like ${name}=${example}`,
      };
    }
    return { variable: variableNumber, value: 0, negated };
  }
  const valueName = body.slice(equals + 1);
  const value = variable.values.findIndex((v) => v.id === valueName);
  if (value < 0) {
    const valid = variable.values.map((v) => v.id).join(", ");
    return {
      code: "unknown-value",
      token,
      message: `"${token}": ${name} has no value "${valueName}" (its values: ${valid})`,
    };
  }
  return { variable: variableNumber, value, negated };
}

/** The candidate nearest by edit distance, if it is reasonably close. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
