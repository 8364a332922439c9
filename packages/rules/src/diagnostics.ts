/**
 * Problems found in user input (packs, expressions, DIMACS, UVL), as plain data.
 * `path` locates a JSON value in a pack; `line`/`column` (1-based) locate text.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly path?: readonly (string | number)[];
  /** Character offset inside the string at `path` (an expression), when the problem is within it. */
  readonly offset?: number;
  /** The pack the path refers to, when it is not the one being checked (a base pack). */
  readonly pack?: string;
  readonly line?: number;
  readonly column?: number;
}

export type DiagnosticCode =
  | "syntax"
  | "schema"
  | "unknown-reference"
  | "duplicate"
  | "type"
  | "unsupported"
  | "too-large"
  | "contradiction"
  | "clash"
  | "version"
  | "dead-option"
  | "forced-option"
  | "redundant-constraint";

/** 1-based line and column of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** One line per diagnostic: `file:line:column: severity [code] message (at path)`. */
export function formatDiagnostic(diagnostic: Diagnostic, file = ""): string {
  const where =
    diagnostic.line !== undefined ? `${file}${file ? ":" : ""}${diagnostic.line}:${diagnostic.column ?? 1}` : file;
  const path = diagnostic.path && diagnostic.path.length > 0 ? ` (at ${formatPath(diagnostic.path)})` : "";
  return `${where ? `${where}: ` : ""}${diagnostic.severity} [${diagnostic.code}] ${diagnostic.message}${path}`;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}
