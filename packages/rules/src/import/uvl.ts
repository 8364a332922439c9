import type { EncodeLimits } from "./cnf-encode.ts";
import { DiagnosticSink, exceedsBytes, type ImportOptions, type ImportResult, tooLarge } from "./result.ts";
import { encodeFeatureModel } from "./uvl-encode.ts";
import { lexUvl } from "./uvl-lexer.ts";
import type { ConstraintDecl, Expr, FeatureDecl, UvlDocument } from "./uvl-ast.ts";
import { parseTokens } from "./uvl-parser.ts";

export type { ImportOptions, ImportResult } from "./result.ts";

/** Feature models are hand-written or exported by tools; far below DIMACS sizes. */
export const UVL_DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export interface UvlImportOptions extends ImportOptions, EncodeLimits {}

/**
 * Parses the boolean core of UVL (Universal Variability Language) into a model with one boolean
 * variable per feature, in declaration order, ids = feature names. Feature attributes are read
 * and ignored; imports, typed features, feature cardinalities and arithmetic, aggregate or
 * string constraints are reported as "unsupported".
 */
export function parseUvl(text: string, options: UvlImportOptions = {}): ImportResult {
  const maxBytes = options.maxBytes ?? UVL_DEFAULT_MAX_BYTES;
  if (exceedsBytes(text, maxBytes)) return tooLarge(`input is larger than ${maxBytes} bytes`);
  const sink = new DiagnosticSink();
  try {
    const tokens = lexUvl(text, sink);
    if (tokens === undefined || sink.full) return { ok: false, errors: sink.all() };
    const document = parseTokens(text, tokens, sink);
    const features = check(document, sink);
    const { root } = document;
    if (root === undefined) {
      if (!sink.hasErrors) sink.error("syntax", "no 'features' section with a root feature", 1, 1);
      return { ok: false, errors: sink.all() };
    }
    return sink.result(() => encodeFeatureModel(root, features, document.constraints, options));
  } catch (error) {
    // A bug here must not take down an editor or a server that feeds us user files.
    const reason = error instanceof Error ? error.message : String(error);
    sink.error("syntax", `internal error while reading UVL: ${reason}`, 1, 1);
    return { ok: false, errors: sink.all() };
  }
}

/** Features in declaration order; reports duplicates, unknown references and impossible groups. */
function check(document: UvlDocument, sink: DiagnosticSink): FeatureDecl[] {
  const features: FeatureDecl[] = [];
  const byName = new Map<string, FeatureDecl>();
  const visit = (feature: FeatureDecl): void => {
    const first = byName.get(feature.name);
    if (first !== undefined)
      sink.error(
        "duplicate",
        `feature '${feature.name}' is already declared on line ${first.line}`,
        feature.line,
        feature.column,
      );
    else {
      byName.set(feature.name, feature);
      features.push(feature);
    }
    for (const group of feature.groups) {
      if (group.kind === "cardinality" && group.min > group.children.length && group.children.length > 0)
        sink.warning(
          "contradiction",
          `'${feature.name}' can never be selected: the group needs ${group.min} features but has ${group.children.length}`,
          group.line,
          group.column,
        );
      for (const child of group.children) visit(child);
    }
  };
  if (document.root !== undefined) visit(document.root);
  for (const constraint of document.constraints) checkReferences(constraint, byName, sink);
  return features;
}

function checkReferences(constraint: ConstraintDecl, byName: Map<string, FeatureDecl>, sink: DiagnosticSink): void {
  const stack: Expr[] = [constraint.expr];
  const refs: Extract<Expr, { kind: "ref" }>[] = [];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.kind) {
      case "ref":
        refs.push(e);
        break;
      case "not":
        stack.push(e.arg);
        break;
      case "and":
      case "or":
        for (const a of e.args) stack.push(a);
        break;
      default:
        stack.push(e.right, e.left);
    }
  }
  refs.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const ref of refs)
    if (!byName.has(ref.name)) sink.error("unknown-reference", `unknown feature '${ref.name}'`, ref.line, ref.column);
}
