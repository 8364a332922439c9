/**
 * Tokenizer for expressions. It never throws: a lexical problem becomes a final `error`
 * token, so that the parser reports whichever problem comes first in the text.
 */

export const KEYWORDS = ["and", "or", "not", "implies", "requires", "excludes", "iff", "in", "true", "false"] as const;
export type Keyword = (typeof KEYWORDS)[number];

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

export function isKeyword(word: string): word is Keyword {
  return KEYWORD_SET.has(word);
}

// Longest spellings first so that e.g. "<->" wins over "<=" and "<".
const SYMBOLS = [
  "<->",
  "->",
  "&&",
  "||",
  "==",
  "!=",
  "<=",
  ">=",
  "<",
  ">",
  "=",
  "!",
  "+",
  "-",
  "*",
  "/",
  "(",
  ")",
  "[",
  "]",
  ",",
  ".",
] as const;
export type SymbolText = (typeof SYMBOLS)[number];

// Operators people type from other languages; never valid here, so a pointed hint beats a vague error.
const MISTAKES: Readonly<Record<string, string>> = {
  "=>": '"=>" is not an operator; use ">=" for "at least" or "->" for "implies"',
  "=<": '"=<" is not an operator; use "<=" for "at most"',
  "<>": '"<>" is not an operator; use "!=" for "not equal"',
};

interface At {
  readonly start: number;
  readonly end: number;
}

export type Token =
  | (At & { readonly type: "number"; readonly value: number; readonly text: string })
  | (At & { readonly type: "string"; readonly value: string; readonly text: string })
  | (At & { readonly type: "name"; readonly text: string })
  | (At & { readonly type: "keyword"; readonly text: Keyword })
  | (At & { readonly type: "symbol"; readonly text: SymbolText })
  | (At & { readonly type: "eof"; readonly text: "" })
  | (At & { readonly type: "error"; readonly text: string; readonly message: string });

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
const isNamePart = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string | undefined): boolean =>
  c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u00a0";

/**
 * Tokens of `source[start, end)`, with offsets into the whole `source` (templates lex a slice).
 * The last token is always `eof` or `error`.
 */
export function tokenize(source: string, start = 0, end = source.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  const fail = (from: number, to: number, message: string): Token[] => {
    tokens.push({ type: "error", text: source.slice(from, to), message, start: from, end: to });
    return tokens;
  };
  // Reads stop at `end`: a template's expression must not see the "}" after it.
  const ch = (j: number): string | undefined => (j < end ? source[j] : undefined);
  const word = (from: number): number => {
    let j = from;
    while (isNamePart(ch(j))) j++;
    return j;
  };

  while (true) {
    while (isSpace(ch(i))) i++;
    if (i >= end) {
      tokens.push({ type: "eof", text: "", start: end, end });
      return tokens;
    }
    const c = source[i]!;
    const from = i;

    if (isDigit(c)) {
      while (isDigit(ch(i))) i++;
      if (ch(i) === "." && isDigit(ch(i + 1))) {
        i++;
        while (isDigit(ch(i))) i++;
      }
      if (isNamePart(ch(i))) {
        const to = word(i);
        const text = source.slice(from, to);
        return fail(from, to, `"${text}" is not a valid number; write numbers without units or letters`);
      }
      const text = source.slice(from, i);
      const value = Number(text);
      if (!Number.isFinite(value)) return fail(from, i, "number is too large");
      tokens.push({ type: "number", value, text, start: from, end: i });
      continue;
    }

    if (isNameStart(c)) {
      i = word(i);
      const first = source.slice(from, i);
      if (ch(i) !== ":") {
        if (isKeyword(first)) tokens.push({ type: "keyword", text: first, start: from, end: i });
        else tokens.push({ type: "name", text: first, start: from, end: i });
        continue;
      }
      // namespace:name — both halves must be plain names, and only one ":" is allowed.
      if (!isNameStart(ch(i + 1))) return fail(from, i + 1, `expected a name after "${first}:"`);
      i = word(i + 1);
      const text = source.slice(from, i);
      if (ch(i) === ":") return fail(from, i + 1, `a name can contain only one ":"`);
      const reserved = text.split(":").find(isKeyword);
      if (reserved !== undefined) {
        return fail(from, i, `"${reserved}" is a reserved word and cannot be part of the name "${text}"`);
      }
      tokens.push({ type: "name", text, start: from, end: i });
      continue;
    }

    if (c === "'" || c === '"') {
      let value = "";
      i++;
      while (true) {
        const d = ch(i);
        // Strings stop at a line break so that a missing quote is reported where it happened.
        if (d === undefined || d === "\n" || d === "\r") return fail(from, i, "unterminated string");
        if (d === c) break;
        if (d === "\\") {
          const e = ch(i + 1);
          const replacement = e === undefined ? undefined : ESCAPES[e];
          if (replacement === undefined) {
            if (e === undefined || e === "\n" || e === "\r") return fail(from, i + 1, "unterminated string");
            return fail(i, i + 2, `unknown escape "\\${e}" in a string; write "\\\\" for a backslash`);
          }
          value += replacement;
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      i++;
      tokens.push({ type: "string", value, text: source.slice(from, i), start: from, end: i });
      continue;
    }

    const two = source.slice(i, Math.min(i + 2, end));
    const mistake = MISTAKES[two];
    if (mistake !== undefined) return fail(i, i + 2, mistake);
    const symbol = SYMBOLS.find((s) => source.startsWith(s, i) && i + s.length <= end);
    if (symbol !== undefined) {
      i += symbol.length;
      tokens.push({ type: "symbol", text: symbol, start: from, end: i });
      continue;
    }
    return unknownCharacter(source, i, fail);
  }
}

function unknownCharacter(source: string, at: number, fail: (from: number, to: number, m: string) => Token[]) {
  const code = source.codePointAt(at) ?? 0;
  const char = String.fromCodePoint(code);
  const to = at + char.length;
  const shown = code < 32 || code === 127 ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  let hint = "";
  if ("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00b4`".includes(char)) hint = `; use straight quotes ' or "`;
  else if (char === "&") hint = '; write "and"';
  else if (char === "|") hint = '; write "or"';
  else if (/\p{L}/u.test(char)) hint = '; names may use only the letters A-Z and a-z, digits and "_"';
  return fail(at, to, `unknown character "${shown}"${hint}`);
}
