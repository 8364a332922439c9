import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { z } from "zod";
import { type Diagnostic, lineColumnAt } from "../diagnostics.ts";
import { type Pack, packSchema } from "./schema.ts";
import type { JsonPath } from "./structure.ts";

export const MAX_PACK_BYTES = 4 * 1024 * 1024;

/** Finds the line and column of a JSON path (and of an offset inside a string value there). */
export class PackLocator {
  constructor(
    readonly text: string,
    private readonly root: Node,
  ) {}

  locate(path: JsonPath, offsetInString?: number): { line: number; column: number } {
    let node = this.root;
    for (const segment of path) {
      const child = childAt(node, segment);
      if (child === undefined) break;
      node = child;
    }
    let offset = node.offset;
    if (offsetInString !== undefined && node.type === "string")
      offset += 1 + rawIndex(this.text, node.offset + 1, offsetInString);
    return lineColumnAt(this.text, offset);
  }

  /** Adds line and column to diagnostics that have a path into this file. */
  place(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.map((d) =>
      d.path === undefined || d.line !== undefined || d.pack !== undefined
        ? d
        : { ...d, ...this.locate(d.path, d.offset) },
    );
  }
}

export type PackParse =
  | { readonly ok: true; readonly pack: Pack; readonly locator?: PackLocator }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parses and validates pack JSON text; every problem carries its path, line and column. */
export function parsePackText(text: string, maxBytes = MAX_PACK_BYTES): PackParse {
  if (text.length > maxBytes) {
    return {
      ok: false,
      diagnostics: [
        {
          code: "too-large",
          severity: "error",
          message: `the pack is ${text.length} characters; the limit is ${maxBytes}`,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || root === undefined) {
    const diagnostics = errors.slice(0, 20).map(
      (error): Diagnostic => ({
        code: "syntax",
        severity: "error",
        message: describeJsonError(error, text),
        ...lineColumnAt(text, error.offset),
      }),
    );
    if (diagnostics.length === 0)
      diagnostics.push({ code: "syntax", severity: "error", message: "the file is empty", line: 1, column: 1 });
    return { ok: false, diagnostics };
  }
  const locator = new PackLocator(text, root);
  const duplicates = duplicateKeys(root).map(
    (node): Diagnostic => ({
      code: "duplicate",
      severity: "error",
      message: `"${node.value}" is given twice in this object`,
      ...lineColumnAt(text, node.offset),
    }),
  );
  if (duplicates.length > 0) return { ok: false, diagnostics: duplicates };
  const parsed = parsePackValue(JSON.parse(text));
  if (!parsed.ok) return { ok: false, diagnostics: locator.place(parsed.diagnostics) };
  return { ok: true, pack: parsed.pack, locator };
}

/** Validates an already-parsed pack value (as an API receives it); problems carry their paths. */
export function parsePackValue(value: unknown): PackParse {
  const result = packSchema.safeParse(value);
  if (result.success) return { ok: true, pack: result.data };
  return { ok: false, diagnostics: result.error.issues.slice(0, 50).map(issueToDiagnostic) };
}

function issueToDiagnostic(issue: z.core.$ZodIssue): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    return {
      code: "schema",
      severity: "error",
      message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}`,
      path: [...path, issue.keys[0] as string],
    };
  }
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator) {
    return {
      code: "schema",
      severity: "error",
      message: `"${issue.discriminator}" must be one of choice, boolean, integer, text`,
      path,
    };
  }
  if (issue.code === "invalid_union") {
    return { code: "schema", severity: "error", message: unionMessage(issue), path };
  }
  return { code: "schema", severity: "error", message: issue.message, path };
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion): string {
  const first = issue.errors.flat()[0];
  return first && issue.errors.every((branch) => branch.length > 0) ? `invalid value: ${first.message}` : issue.message;
}

function describeJsonError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const messages: Record<string, string> = {
    InvalidSymbol: `unexpected "${found}"`,
    InvalidNumberFormat: `"${found}" is not a valid number`,
    PropertyNameExpected: "expected a field name in double quotes",
    ValueExpected: "expected a value",
    ColonExpected: 'expected ":" after the field name',
    CommaExpected: 'expected "," between items',
    CloseBraceExpected: 'expected "}" to close the object',
    CloseBracketExpected: 'expected "]" to close the list',
    EndOfFileExpected: "unexpected text after the end of the pack",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character in string",
  };
  return messages[code] ?? code;
}

function childAt(node: Node, segment: string | number): Node | undefined {
  if (node.type === "array" && typeof segment === "number") return node.children?.[segment];
  if (node.type !== "object") return undefined;
  const property = node.children?.find((p) => p.children?.[0]?.value === String(segment));
  return property?.children?.[1] ?? property;
}

function duplicateKeys(root: Node): Node[] {
  const found: Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "object") {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key && seen.has(key.value)) found.push(key);
        if (key) seen.add(key.value);
      }
    }
    stack.push(...(node.children ?? []));
  }
  return found;
}

/** The raw offset (from `start`) of the `decoded`-th character of a JSON string, skipping escapes. */
function rawIndex(text: string, start: number, decoded: number): number {
  let raw = 0;
  for (let i = 0; i < decoded; i++) {
    if (text[start + raw] === "\\") raw += text[start + raw + 1] === "u" ? 6 : 2;
    else raw++;
  }
  return raw;
}
