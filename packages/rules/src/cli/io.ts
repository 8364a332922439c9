import type { Diagnostic } from "../diagnostics.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { type Choice, formatChoice, parseChoices } from "../engine/choice.ts";
import type { ConfigModel } from "../model/model.ts";
import type { LoadedModel } from "./load.ts";

/** Where commands write: standard output for results, standard error for messages. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const EXIT_OK = 0;
/** The model or the choices are invalid (errors were printed). */
export const EXIT_INVALID = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;
/** The question cannot be answered in this mode (a count in search mode). */
export const EXIT_UNAVAILABLE = 3;

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], file: string): void {
  for (const diagnostic of diagnostics) io.err(formatDiagnostic(diagnostic, diagnostic.pack ?? file));
}

/** Parses LITS against a model, printing problems; undefined when they do not parse. */
export function readChoices(io: Io, model: ConfigModel, text: string, where: string): Choice[] | undefined {
  const parsed = parseChoices(model, text);
  if (parsed.ok) return [...parsed.choices];
  for (const error of parsed.errors) io.err(`${where}: ${error.message}`);
  return undefined;
}

/** A variable's value as JSON: booleans as true/false, integer pack variables as numbers, else ids. */
export function jsonValue(
  loaded: Extract<LoadedModel, { ok: true }>,
  variable: number,
  value: number,
): string | number | boolean {
  const modelVariable = loaded.model.variables[variable]!;
  if (modelVariable.kind === "boolean") return value === 0;
  const id = modelVariable.values[value]!.id;
  return loaded.kind === "pack" && loaded.compiled.structure.variables[variable]!.kind === "integer" ? Number(id) : id;
}

/** Every value selection as a literal: DIMACS integers for numbered models, LITS text otherwise. */
export function literalOf(model: ConfigModel, variable: number, value: number): string | number {
  const text = formatChoice(model, { variable, value, negated: false });
  return model.numbered ? Number(text) : text;
}
