import type { Diagnostic, DiagnosticCode } from "../diagnostics.ts";
import type { ConfigModel, ModelVariable } from "../model/model.ts";

/**
 * Outcome of an importer. On success `warnings` carries non-fatal findings; on failure `errors`
 * holds every diagnostic found (errors and warnings, in file order), never an exception.
 */
export type ImportResult =
  | { readonly ok: true; readonly model: ConfigModel; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

export interface ImportOptions {
  /** Reject inputs whose UTF-8 encoding is larger than this many bytes. */
  readonly maxBytes?: number;
}

/** Enough to fix a file in a few rounds without flooding a terminal on a binary file. */
export const MAX_DIAGNOSTICS = 50;

/** Collects diagnostics up to a cap; `full` tells parsers to stop early. */
export class DiagnosticSink {
  private readonly items: Diagnostic[] = [];
  private errorCount = 0;
  private capped = false;

  get full(): boolean {
    return this.capped;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  error(code: DiagnosticCode, message: string, line: number, column: number): void {
    this.push({ code, severity: "error", message, line, column });
  }

  warning(code: DiagnosticCode, message: string, line: number, column: number): void {
    this.push({ code, severity: "warning", message, line, column });
  }

  private push(diagnostic: Diagnostic): void {
    if (this.capped) return;
    if (diagnostic.severity === "error") this.errorCount++;
    if (this.items.length === MAX_DIAGNOSTICS - 1) {
      // The last slot says where we stopped, so the cap is visible rather than silent.
      const { line = 1, column = 1 } = diagnostic;
      this.items.push({
        code: diagnostic.code,
        severity: "error",
        message: "too many problems; stopped here",
        line,
        column,
      });
      this.errorCount++;
      this.capped = true;
      return;
    }
    this.items.push(diagnostic);
  }

  /** All diagnostics sorted by position (stable, so same-position order is discovery order). */
  all(): Diagnostic[] {
    return this.items
      .map((d, i) => ({ d, i }))
      .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i)
      .map(({ d }) => d);
  }

  result(build: () => ConfigModel): ImportResult {
    if (this.hasErrors) return { ok: false, errors: this.all() };
    return { ok: true, model: build(), warnings: this.all() };
  }
}

/** A boolean model variable over DIMACS variable `v`, values exactly `true` then `false`. */
export function booleanVariable(id: string, v: number): ModelVariable {
  return {
    id,
    kind: "boolean",
    values: [
      { id: "true", lit: v },
      { id: "false", lit: -v },
    ],
  };
}

/** Whether the UTF-8 encoding of `text` exceeds `maxBytes`, without allocating the encoding. */
export function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > maxBytes) return true;
  }
  return false;
}

export function tooLarge(message: string): ImportResult {
  return { ok: false, errors: [{ code: "too-large", severity: "error", message, line: 1, column: 1 }] };
}
