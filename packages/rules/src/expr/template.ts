/**
 * Text templates with embedded expressions, e.g. SKUs: "SHELF-{bay.width}x{depth}".
 * "{{" and "}}" stand for literal braces. Expression spans and error offsets are relative to
 * the whole template, so diagnostics can point into the original JSON string.
 */
import { lineColumnAt } from "../diagnostics.ts";
import type { Expr } from "./ast.ts";
import { type ExpressionError, expressionError, MAX_SOURCE_LENGTH, parseExpressionIn } from "./parser.ts";
import { formatExpression } from "./print.ts";

export type TemplatePart = string | Expr;

export type TemplateResult =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  | { readonly ok: false; readonly error: ExpressionError };

export function parseTemplate(source: string): TemplateResult {
  const fail = (start: number, end: number, message: string): TemplateResult => ({
    ok: false,
    error: expressionError(source, start, end, message),
  });
  if (source.length > MAX_SOURCE_LENGTH) {
    return fail(
      MAX_SOURCE_LENGTH,
      source.length,
      `template is too long (${source.length} characters; the limit is ${MAX_SOURCE_LENGTH})`,
    );
  }
  const parts: TemplatePart[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "}") {
      if (source[i + 1] !== "}") return fail(i, i + 1, 'unmatched "}"; write "}}" for a literal brace');
      text += "}";
      i += 2;
    } else if (c !== "{") {
      text += c;
      i++;
    } else if (source[i + 1] === "{") {
      text += "{";
      i += 2;
    } else {
      const close = findClose(source, i + 1);
      if (close < 0) {
        const open = lineColumnAt(source, i);
        const end = lineColumnAt(source, source.length);
        const where = open.line === end.line ? "" : `line ${open.line}, `;
        return fail(source.length, source.length, `expected "}" to close "{" opened at ${where}column ${open.column}`);
      }
      if (source.slice(i + 1, close).trim() === "") return fail(i, close + 1, 'expected an expression inside "{}"');
      const parsed = parseExpressionIn(source, i + 1, close);
      if (!parsed.ok) return parsed;
      if (text !== "") parts.push(text);
      text = "";
      parts.push(parsed.expr);
      i = close + 1;
    }
  }
  if (text !== "") parts.push(text);
  return { ok: true, parts };
}

/** Offset of the "}" ending an expression that starts at `from`, skipping quoted strings; -1 if none. */
function findClose(source: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote !== undefined) {
      if (c === "\\") i++;
      // A line break ends an unterminated string, so the parser can report that string precisely.
      else if (c === quote || c === "\n" || c === "\r") quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "}") return i;
  }
  return -1;
}

/** Inverse of parseTemplate (ignoring spans): braces in text are doubled. */
export function formatTemplate(parts: readonly TemplatePart[]): string {
  return parts
    .map((part) => (typeof part === "string" ? part.replace(/[{}]/g, "$&$&") : `{${formatExpression(part)}}`))
    .join("");
}
