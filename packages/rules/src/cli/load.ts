import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { parseDimacs } from "../import/dimacs.ts";
import { parseUvl } from "../import/uvl.ts";
import type { ConfigModel } from "../model/model.ts";
import { type CompiledPack, compilePackText } from "../pack/compile.ts";
import type { PackResolver } from "../pack/compose.ts";
import { parsePackText } from "../pack/load.ts";
import type { Pack } from "../pack/schema.ts";

export type LoadedModel =
  | {
      readonly ok: true;
      readonly kind: "pack";
      readonly model: ConfigModel;
      readonly compiled: CompiledPack;
      readonly warnings: readonly Diagnostic[];
    }
  | {
      readonly ok: true;
      readonly kind: "cnf" | "uvl";
      readonly model: ConfigModel;
      readonly warnings: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The example packs shipped with the engine, where extension packs find their bases. */
export const EXAMPLE_PACKS = new URL("../../packs/", import.meta.url).pathname;

/** Reads MODEL by its extension: a rule pack (.json), DIMACS CNF (.cnf, .dimacs) or UVL (.uvl). */
export function loadModel(path: string): LoadedModel {
  let text: string;
  try {
    if (statSync(path).size > 256 * 1024 * 1024) return failure(`${path} is larger than 256 MiB`, "too-large");
    text = readFileSync(path, "utf8");
  } catch (error) {
    return failure(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === ".cnf" || extension === ".dimacs") {
    const result = parseDimacs(text);
    return result.ok
      ? { ok: true, kind: "cnf", model: result.model, warnings: result.warnings }
      : { ok: false, diagnostics: result.errors };
  }
  if (extension === ".uvl") {
    const result = parseUvl(text);
    return result.ok
      ? { ok: true, kind: "uvl", model: result.model, warnings: result.warnings }
      : { ok: false, diagnostics: result.errors };
  }
  if (extension === ".json") {
    const result = compilePackText(text, directoryResolver([dirname(path), EXAMPLE_PACKS]));
    if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
    return {
      ok: true,
      kind: "pack",
      model: result.compiled.model,
      compiled: result.compiled,
      warnings: result.warnings,
    };
  }
  return failure(`${path}: unknown model type "${extension}"; use a rule pack (.json), DIMACS (.cnf) or UVL (.uvl)`);
}

/** Finds base packs among the .json files of some directories. */
export function directoryResolver(directories: readonly string[]): PackResolver {
  let packs: Pack[] | undefined;
  return (id) => {
    packs ??= [...new Set(directories)].flatMap((directory) => packsIn(directory));
    return packs.filter((pack) => pack.id === id);
  };
}

function packsIn(directory: string): Pack[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const parsed = parsePackText(readFileSync(join(directory, name), "utf8"));
    return parsed.ok ? [parsed.pack] : [];
  });
}

function failure(message: string, code: Diagnostic["code"] = "syntax"): LoadedModel {
  return { ok: false, diagnostics: [{ code, severity: "error", message }] };
}
