import { readFileSync } from "node:fs";
import type { Choice } from "../engine/choice.ts";
import { formatChoice } from "../engine/choice.ts";
import { createSpace } from "../engine/create.ts";
import { selectableValues } from "../engine/selectable.ts";
import type { SolutionSpace } from "../engine/space.ts";
import {
  EXIT_INVALID,
  EXIT_OK,
  EXIT_UNAVAILABLE,
  type Io,
  jsonValue,
  literalOf,
  printDiagnostics,
  readChoices,
} from "./io.ts";
import { type LoadedModel, loadModel } from "./load.ts";

type Loaded = Extract<LoadedModel, { ok: true }>;

export interface SpaceFlags {
  readonly budgetMs?: number;
  readonly mode?: "auto" | "compiled" | "search";
}

/** Loads MODEL and compiles its space, reporting problems; undefined when it cannot. */
function open(io: Io, file: string, flags: SpaceFlags): { loaded: Loaded; space: SolutionSpace } | undefined {
  const loaded = loadModel(file);
  if (!loaded.ok) {
    printDiagnostics(io, loaded.diagnostics, file);
    return undefined;
  }
  const created = createSpace(loaded.model, {
    ...(flags.budgetMs !== undefined ? { compileBudgetMs: flags.budgetMs } : {}),
    ...(flags.mode !== undefined ? { mode: flags.mode } : {}),
  });
  if (created.fallback === "time" || created.fallback === "size") {
    io.err(`note: compiling exceeded its ${created.fallback} budget; answering in search mode (counts unavailable)`);
  }
  return { loaded, space: created.space };
}

/** `kitbash count MODEL [--assume LITS] [--queries FILE]`: the exact count on the last line (or one per query). */
export function count(io: Io, file: string, options: SpaceFlags & { assume?: string; queries?: string }): number {
  const opened = open(io, file, options);
  if (opened === undefined) return EXIT_INVALID;
  const { loaded, space } = opened;
  if (space.mode === "search") {
    io.err("counting needs the compiled mode; this model is in search mode");
    return EXIT_UNAVAILABLE;
  }
  if (options.queries !== undefined) {
    let lines: string[];
    try {
      lines = readFileSync(options.queries, "utf8").split("\n");
    } catch (error) {
      io.err(`cannot read ${options.queries}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return EXIT_INVALID;
    }
    if (lines.at(-1) === "") lines.pop();
    const counts: string[] = [];
    for (const [i, line] of lines.entries()) {
      const choices = readChoices(io, loaded.model, line, `${options.queries}:${i + 1}`);
      if (choices === undefined) return EXIT_INVALID;
      counts.push(String(space.evaluate(choices).count));
    }
    io.out(counts.join("\n"));
    return EXIT_OK;
  }
  const choices = readChoices(io, loaded.model, options.assume ?? "", "--assume");
  if (choices === undefined) return EXIT_INVALID;
  io.out(String(space.evaluate(choices).count));
  return EXIT_OK;
}

/** `kitbash domains MODEL [--assume LITS]`: JSON of the values still selectable per variable. */
export function domains(io: Io, file: string, options: SpaceFlags & { assume?: string }): number {
  const opened = open(io, file, options);
  if (opened === undefined) return EXIT_INVALID;
  const { loaded, space } = opened;
  const choices = readChoices(io, loaded.model, options.assume ?? "", "--assume");
  if (choices === undefined) return EXIT_INVALID;
  const selectable = selectableValues(space.evaluate(choices), choices);
  const result: Record<string, (string | number | boolean)[]> = {};
  loaded.model.variables.forEach((variable, v) => {
    const key = loaded.model.numbered ? String(v + 1) : variable.id;
    result[key] = selectable[v]!.flatMap((ok, i) => (ok ? [jsonValue(loaded, v, i)] : []));
  });
  io.out(JSON.stringify(result));
  return EXIT_OK;
}

/** `kitbash explain MODEL --assume LITS --want LIT`: minimal blocking choices and constraints, as JSON. */
export function explain(io: Io, file: string, options: SpaceFlags & { assume?: string; want?: string }): number {
  const opened = open(io, file, options);
  if (opened === undefined) return EXIT_INVALID;
  const { loaded, space } = opened;
  const { model } = loaded;
  const choices = readChoices(io, model, options.assume ?? "", "--assume");
  const wanted = readChoices(io, model, options.want ?? "", "--want");
  if (choices === undefined || wanted === undefined) return EXIT_INVALID;
  if (wanted.length !== 1) {
    io.err(`--want takes exactly one choice, got ${wanted.length}`);
    return EXIT_INVALID;
  }
  const want = wanted[0] as Choice;
  const literal = (choice: Choice) => {
    const text = formatChoice(model, choice);
    return model.numbered ? Number(text) : text;
  };
  const explanation = space.explain(choices, want);
  if (!explanation.blocked) {
    io.out(JSON.stringify({ want: literal(want), blocked: false }));
    return EXIT_OK;
  }
  const repair = space.repair(choices, want);
  io.out(
    JSON.stringify({
      want: literal(want),
      blocked: true,
      choices: explanation.choices.map(literal),
      constraints: explanation.constraints.map((c) => ({ id: c.id, message: c.message, ...(c.source ?? {}) })),
      repair:
        repair === undefined
          ? null
          : {
              changes: repair.changes.map((change) => ({
                from: literal(change.from),
                to: change.to === undefined ? null : literal(change.to),
              })),
              ...(repair.price !== undefined ? { price: repair.price / 100 } : {}),
            },
    }),
  );
  return EXIT_OK;
}

/**
 * `kitbash replay MODEL SESSIONS`: each line is a session of clicks; after every click one JSON line
 * with the exact count and every literal that can no longer be chosen. A blocked click prints an
 * error and the session goes on without it.
 */
export function replay(io: Io, file: string, sessions: string, options: SpaceFlags): number {
  const opened = open(io, file, options);
  if (opened === undefined) return EXIT_INVALID;
  const { loaded, space } = opened;
  const { model } = loaded;
  let text: string;
  try {
    text = readFileSync(sessions, "utf8");
  } catch (error) {
    io.err(`cannot read ${sessions}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return EXIT_INVALID;
  }
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const output: string[] = [];
  for (const line of lines) {
    const choices: Choice[] = [];
    let evaluation = space.evaluate(choices);
    for (const token of line.split(/\s+/).filter((t) => t !== "")) {
      const parsed = readChoices(
        { out: () => {}, err: (message) => output.push(JSON.stringify({ error: message })) },
        model,
        token,
        token,
      );
      if (parsed === undefined) continue;
      const click = parsed[0] as Choice;
      const next = space.evaluate([...choices, click]);
      if (!next.consistent) {
        output.push(JSON.stringify({ error: `${token} is blocked by the choices before it` }));
        continue;
      }
      choices.push(click);
      evaluation = next;
      const blocked: (string | number)[] = [];
      selectableValues(evaluation, choices).forEach((values, v) => {
        values.forEach((ok, i) => {
          if (!ok) blocked.push(literalOf(model, v, i));
        });
      });
      output.push(JSON.stringify({ count: evaluation.count === undefined ? null : String(evaluation.count), blocked }));
    }
    if (output.length > 10_000) io.out(output.splice(0).join("\n"));
  }
  if (output.length > 0) io.out(output.join("\n"));
  return EXIT_OK;
}
