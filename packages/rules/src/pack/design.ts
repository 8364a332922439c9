import type { Choice } from "../engine/choice.ts";
import type { CompiledPack } from "./compile.ts";
import type { PackVariable } from "./structure.ts";

/** A design as customers, URLs and the API carry it: variable id → option id, number, yes/no or text. */
export type DesignValue = string | number | boolean;
export type Design = Readonly<Record<string, DesignValue>>;

export type DesignProblemCode =
  | "unknown-variable"
  | "unknown-value"
  | "missing"
  | "not-applicable"
  | "text"
  | "module-order"
  | "constraint";

export interface DesignProblem {
  readonly code: DesignProblemCode;
  readonly message: string;
  readonly variable?: string;
  readonly constraint?: string;
}

/** A design read against a pack: the option index of every variable (-1 where none was given). */
export interface ReadDesign {
  readonly options: Int32Array;
  readonly texts: ReadonlyMap<number, string>;
  readonly problems: readonly DesignProblem[];
}

/** Reads design values into option indexes; unknown variables and values become problems. */
export function readDesign(compiled: CompiledPack, design: Design): ReadDesign {
  const { variables } = compiled.structure;
  const byId = new Map(variables.map((v) => [v.id, v]));
  const options = new Int32Array(variables.length).fill(-1);
  const texts = new Map<number, string>();
  const problems: DesignProblem[] = [];
  for (const [id, value] of Object.entries(design)) {
    const variable = byId.get(id);
    if (variable === undefined) {
      problems.push({ code: "unknown-variable", variable: id, message: `there is no variable "${id}"` });
      continue;
    }
    const option = optionOf(variable, value);
    if (option < 0) {
      problems.push({
        code: "unknown-value",
        variable: id,
        message: `${id} cannot be ${JSON.stringify(value)}${expected(variable)}`,
      });
      continue;
    }
    options[variable.index] = option;
    if (variable.kind === "text" && typeof value === "string") texts.set(variable.index, value);
  }
  return { options, texts, problems };
}

/** The option index a value selects, or -1. Texts: 0 when filled in, 1 when blank. */
export function optionOf(variable: PackVariable, value: DesignValue): number {
  switch (variable.kind) {
    case "choice":
      return typeof value === "string" ? variable.options.findIndex((o) => o.id === value) : -1;
    case "integer": {
      const number =
        typeof value === "number"
          ? value
          : typeof value === "string" && value.trim() !== ""
            ? Number(value)
            : Number.NaN;
      return variable.numbers!.indexOf(number);
    }
    case "boolean":
      if (value === true || value === "true") return 0;
      return value === false || value === "false" ? 1 : -1;
    case "text":
      return typeof value !== "string" ? -1 : value === "" ? 1 : 0;
  }
}

/** The design value of an option index (texts need their content from elsewhere). */
export function designValueOf(variable: PackVariable, option: number): DesignValue {
  switch (variable.kind) {
    case "choice":
      return variable.options[option]!.id;
    case "integer":
      return variable.numbers![option]!;
    case "boolean":
      return option === 0;
    case "text":
      return option === 0 ? "…" : "";
  }
}

function expected(variable: PackVariable): string {
  switch (variable.kind) {
    case "choice":
      return ` (its options: ${variable.options.map((o) => o.id).join(", ")})`;
    case "integer":
      return ` (a number from ${variable.numbers![0]} to ${variable.numbers!.at(-1)} in steps of ${(variable.numbers![1] ?? 0) - variable.numbers![0]! || 1})`;
    case "boolean":
      return " (true or false)";
    case "text":
      return " (text)";
  }
}

/** Engine choices for the values a design gives (partial designs give partial choices). */
export function designToChoices(
  compiled: CompiledPack,
  design: Design,
): { choices: Choice[]; problems: readonly DesignProblem[] } {
  const { options, problems } = readDesign(compiled, design);
  const choices: Choice[] = [];
  options.forEach((option, variable) => {
    if (option >= 0) choices.push({ variable, value: option, negated: false });
  });
  return { choices, problems };
}

/** The design record of engine choices (rejections are not part of a design). */
export function choicesToDesign(
  compiled: CompiledPack,
  choices: readonly Choice[],
  texts: Readonly<Record<string, string>> = {},
): Design {
  const design: Record<string, DesignValue> = {};
  for (const choice of choices) {
    if (choice.negated) continue;
    const variable = compiled.structure.variables[choice.variable]!;
    design[variable.id] =
      variable.kind === "text"
        ? choice.value === 0
          ? (texts[variable.id] ?? "")
          : ""
        : designValueOf(variable, choice.value);
  }
  return design;
}
