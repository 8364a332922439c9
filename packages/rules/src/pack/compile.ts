import type { Diagnostic } from "../diagnostics.ts";
import { checkPack } from "./check.ts";
import { type PackResolver, composePack } from "./compose.ts";
import { type EncodedPack, encodePack, type OriginOf } from "./encode.ts";
import { checkExpressions } from "./expressions.ts";
import { parsePackText } from "./load.ts";
import type { Pack } from "./schema.ts";
import { buildStructure } from "./structure.ts";

/** A pack ready to configure: composed with its bases, checked, and encoded as a model. */
export interface CompiledPack extends EncodedPack {
  readonly pack: Pack;
  readonly originOf: OriginOf;
}

export type PackCompilation =
  | { readonly ok: true; readonly compiled: CompiledPack; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const noBases: PackResolver = () => [];

/** Composes, checks and encodes a validated pack. */
export function compilePack(pack: Pack, resolve: PackResolver = noBases): PackCompilation {
  const composition = composePack(pack, resolve);
  if (!composition.ok) return { ok: false, diagnostics: composition.diagnostics };
  const { originOf } = composition;
  const problems = checkPack(composition.pack, originOf);
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const structure = buildStructure(composition.pack);
  const { encoded, diagnostics } = encodePack(composition.pack, structure, originOf);
  if (encoded === undefined) return { ok: false, diagnostics };
  const expressions = checkExpressions(composition.pack, structure, originOf);
  if (expressions.length > 0) return { ok: false, diagnostics: expressions };
  return { ok: true, compiled: { ...encoded, pack: composition.pack, originOf }, warnings: diagnostics };
}

/** Parses, validates, composes, checks and encodes pack text; every problem has its line and column. */
export function compilePackText(text: string, resolve: PackResolver = noBases): PackCompilation {
  const parsed = parsePackText(text);
  if (!parsed.ok) return parsed;
  const result = compilePack(parsed.pack, resolve);
  if (result.ok || parsed.locator === undefined) return result;
  return { ok: false, diagnostics: parsed.locator.place(result.diagnostics) };
}
