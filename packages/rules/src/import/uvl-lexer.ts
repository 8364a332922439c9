import type { DiagnosticSink } from "./result.ts";

/**
 * UVL tokens. `newline` ends a logical line (blank and comment-only lines produce none, and
 * line breaks inside brackets are ignored as in the reference grammar); `indent`/`dedent` come
 * just before the first token of a line whose indentation differs from the line before.
 */
export type TokenKind = "id" | "quoted" | "string" | "number" | "op" | "newline" | "indent" | "dedent" | "eof";

export interface Token {
  readonly kind: TokenKind;
  /** Identifier or operator text; for `quoted` and `string`, the content without quotes. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** Deeper trees are certainly generated or hostile; the parser recurses per level. */
export const MAX_NESTING = 256;

// Longest first, so `<=>` wins over `<=` and `..` over `.`.
const OPERATORS = [
  "<=>",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "..",
  "!",
  "&",
  "|",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  ",",
  ".",
  "*",
  "+",
  "-",
  "/",
  "<",
  ">",
];
const OPENERS = "([{";
const CLOSERS = ")]}";
// The reference grammar's identifier characters, minus `'`, `\` and `;`, which would swallow
// neighbouring strings and punctuation; any Unicode letter is accepted.
const IDENTIFIER = /[\p{L}_][\p{L}\p{N}_#§%?]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;

/** Tokens of `text`, or undefined when lexing had to stop (too deep); errors go to `sink`. */
export function lexUvl(text: string, sink: DiagnosticSink): Token[] | undefined {
  const tokens: Token[] = [];
  const indents: string[] = [""];
  const open: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let lineHasTokens = false;

  const emit = (kind: TokenKind, content: string, start: number, end: number): boolean => {
    const column = start - lineStart + 1;
    if (!lineHasTokens && open.length === 0 && !indentation(start, column)) return false;
    lineHasTokens = true;
    const token: Token = { kind, text: content, start, end, line, column };
    tokens.push(token);
    if (kind === "op" && OPENERS.includes(content)) open.push(token);
    else if (kind === "op" && CLOSERS.includes(content)) open.pop();
    return true;
  };

  /** Emits indent/dedent for a line whose first token is at `start`; false when too deep. */
  const indentation = (start: number, column: number): boolean => {
    let end = lineStart;
    while (end < start && (text[end] === " " || text[end] === "\t")) end++;
    const current = text.slice(lineStart, end);
    const top = indents[indents.length - 1]!;
    const mark = (kind: TokenKind) => tokens.push({ kind, text: "", start, end: start, line, column });
    if (current === top) return true;
    if (current.startsWith(top)) {
      if (indents.length > MAX_NESTING) {
        sink.error("too-large", `nesting deeper than ${MAX_NESTING} levels`, line, column);
        return false;
      }
      indents.push(current);
      mark("indent");
      return true;
    }
    if (indents.includes(current)) {
      while (indents[indents.length - 1] !== current) {
        indents.pop();
        mark("dedent");
      }
      return true;
    }
    // Python's rule: a dedent must return to an enclosing level; tabs and spaces never equate.
    sink.error("syntax", "indentation does not match any enclosing level (mixed tabs and spaces?)", line, column);
    return true;
  };

  const newline = (at: number, width: number): void => {
    if (lineHasTokens && open.length === 0) {
      tokens.push({ kind: "newline", text: "", start: at, end: at + width, line, column: at - lineStart + 1 });
      lineHasTokens = false;
    }
    line++;
    lineStart = at + width;
  };

  while (i < text.length && !sink.full) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\f") {
      i++;
    } else if (c === "\n" || c === "\r") {
      const width = c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      newline(i, width);
      i += width;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) {
        sink.error("syntax", "unterminated comment", line, i - lineStart + 1);
        i = text.length;
        break;
      }
      // Keep line numbers right across the comment's line breaks.
      for (let k = i; k < close; k++) {
        if (text[k] === "\n" || (text[k] === "\r" && text[k + 1] !== "\n")) {
          line++;
          lineStart = k + 1;
        }
      }
      i = close + 2;
    } else if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== c && text[end] !== "\n" && text[end] !== "\r") end++;
      const closed = text[end] === c;
      const what = c === '"' ? "quoted name" : "string";
      if (!closed) sink.error("syntax", `unterminated ${what}`, line, i - lineStart + 1);
      else if (end === i + 1) sink.error("syntax", `empty ${what}`, line, i - lineStart + 1);
      if (!emit(c === '"' ? "quoted" : "string", text.slice(i + 1, end), i, closed ? end + 1 : end)) return undefined;
      i = closed ? end + 1 : end;
    } else if (matchAt(IDENTIFIER, text, i)) {
      const end = IDENTIFIER.lastIndex;
      if (!emit("id", text.slice(i, end), i, end)) return undefined;
      i = end;
    } else if (matchAt(NUMBER, text, i)) {
      const end = NUMBER.lastIndex;
      if (!emit("number", text.slice(i, end), i, end)) return undefined;
      i = end;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) {
        const shown = String.fromCodePoint(text.codePointAt(i)!);
        sink.error("syntax", `unexpected character '${shown}'`, line, i - lineStart + 1);
        i += shown.length;
        continue;
      }
      if (!emit("op", op, i, i + op.length)) return undefined;
      i += op.length;
    }
  }
  for (const token of open) sink.error("syntax", `'${token.text}' is never closed`, token.line, token.column);
  const column = i - lineStart + 1;
  if (lineHasTokens) tokens.push({ kind: "newline", text: "", start: i, end: i, line, column });
  for (let k = 1; k < indents.length; k++) tokens.push({ kind: "dedent", text: "", start: i, end: i, line, column });
  tokens.push({ kind: "eof", text: "", start: i, end: i, line, column });
  return tokens;
}

function matchAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}
