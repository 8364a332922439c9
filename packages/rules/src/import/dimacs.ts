import type { ConfigModel, ModelConstraint, ModelVariable } from "../model/model.ts";
import {
  booleanVariable,
  DiagnosticSink,
  exceedsBytes,
  type ImportOptions,
  type ImportResult,
  tooLarge,
} from "./result.ts";

export type { ImportOptions, ImportResult } from "./result.ts";

export const DIMACS_DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Beyond this the engine's per-variable arrays stop being interactive; refuse rather than crawl. */
export const DIMACS_MAX_VARIABLES = 2_000_000;
/** Clause messages list at most this many literals, so one huge clause cannot bloat every explanation. */
const MESSAGE_LITERALS = 12;

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

interface Header {
  readonly vars: number;
  readonly clauses: number;
  readonly clausesText: string;
  readonly line: number;
  readonly countColumn: number;
}

interface Name {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Parses DIMACS CNF (`p cnf V C`, `c` comments, `c N name` variable names, clauses ended by 0
 * and free to span lines, an optional SATLIB `%` end marker) into a model whose variables are
 * exactly 1..V in order, so variable N is `model.variables[N - 1]` (see {@link dimacsVariable}).
 * Each clause becomes its own constraint group `clause <k>`, located at its first literal.
 */
export function parseDimacs(text: string, options: ImportOptions = {}): ImportResult {
  const maxBytes = options.maxBytes ?? DIMACS_DEFAULT_MAX_BYTES;
  if (exceedsBytes(text, maxBytes)) return tooLarge(`input is larger than ${maxBytes} bytes`);

  const state: State = {
    text,
    sink: new DiagnosticSink(),
    names: new Map(),
    header: undefined,
    headerSeen: false,
    clausesBeforeHeader: false,
    fatal: false,
  };
  const { sink } = state;
  const clauses: number[][] = [];
  const sourceLines: number[] = [];
  const sourceColumns: number[] = [];
  let current: number[] = [];
  let currentLine = 0;
  let currentColumn = 0;
  // [start, end) offsets of the current line's tokens, reused to keep the garbage collector idle.
  const tokens: number[] = [];

  const n = text.length;
  let pos = 0;
  let line = 0;
  while (pos < n && !sink.full && !state.fatal) {
    line++;
    const lineStart = pos;
    let lineEnd = text.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = n;
    pos = lineEnd + 1;
    let i = lineStart;
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    if (i === lineEnd) continue;
    const first = text.charCodeAt(i);
    if (first === 99 /* c */ || first === 112 /* p */) {
      tokenize(text, i, lineEnd, tokens);
      if (first === 99) commentLine(state, tokens, lineStart, line);
      else headerLine(state, tokens, lineStart, line, clauses.length > 0 || current.length > 0);
      continue;
    }
    if (first === 37 /* % */) break;
    // Clause lines are nearly all of a file, so integers are parsed in the same pass as the scan.
    while (i < lineEnd && !sink.full) {
      const start = i;
      const negative = text.charCodeAt(i) === 45; /* - */
      if (negative) i++;
      let value = 0;
      let digits = 0;
      let bad = false;
      for (; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (isBlank(c)) break;
        const d = c - 48;
        if (d < 0 || d > 9) bad = true;
        else if (digits++ < 16) value = value * 10 + d;
        else value = Number.POSITIVE_INFINITY;
      }
      const end = i;
      while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
      const column = start - lineStart + 1;
      if (bad || digits === 0) {
        sink.error("syntax", `expected an integer literal, found '${clip(text.slice(start, end))}'`, line, column);
        continue;
      }
      const lit = negative ? -value : value;
      if (!state.headerSeen && !state.clausesBeforeHeader) {
        sink.error("syntax", "clauses before the 'p cnf <variables> <clauses>' header", line, column);
        state.clausesBeforeHeader = true;
      }
      if (lit === 0) {
        clauses.push(current);
        sourceLines.push(current.length > 0 ? currentLine : line);
        sourceColumns.push(current.length > 0 ? currentColumn : column);
        current = [];
        continue;
      }
      const vars = state.header?.vars;
      if (vars !== undefined && value > vars) {
        const shown = clip(text.slice(start, end));
        sink.error(
          "unknown-reference",
          `literal ${shown} is out of range: the header declares ${vars} variables`,
          line,
          column,
        );
        continue;
      }
      if (current.length === 0) {
        currentLine = line;
        currentColumn = column;
      }
      current.push(lit);
    }
  }
  if (current.length > 0) {
    // An unterminated final clause is common in hand-written files; accept it.
    clauses.push(current);
    sourceLines.push(currentLine);
    sourceColumns.push(currentColumn);
  }
  if (state.fatal) return { ok: false, errors: sink.all() };
  const { header } = state;
  if (!state.headerSeen && !state.clausesBeforeHeader)
    sink.error("syntax", "missing 'p cnf <variables> <clauses>' header", 1, 1);
  if (header !== undefined && !sink.full && header.clauses !== clauses.length)
    sink.error(
      "syntax",
      `the header declares ${header.clausesText} clauses but the file has ${clauses.length}`,
      header.line,
      header.countColumn,
    );
  const vars = header?.vars ?? 0;
  const ids = variableIds(vars, state.names, sink);
  return sink.result(() => buildModel(vars, ids, clauses, sourceLines, sourceColumns));
}

interface State {
  readonly text: string;
  readonly sink: DiagnosticSink;
  readonly names: Map<number, Name>;
  header: Header | undefined;
  headerSeen: boolean;
  clausesBeforeHeader: boolean;
  fatal: boolean;
}

function commentLine(state: State, tokens: number[], lineStart: number, line: number): void {
  // Only `c <number> <name>` names a variable; prose comments that start with a number do not.
  if (tokens.length !== 6) return;
  const { text } = state;
  if (tokens[1]! - tokens[0]! !== 1) return;
  const number = text.slice(tokens[2]!, tokens[3]!);
  if (!/^[1-9][0-9]{0,8}$/.test(number)) return;
  const v = Number(number);
  const name = text.slice(tokens[4]!, tokens[5]!);
  const column = tokens[4]! - lineStart + 1;
  const previous = state.names.get(v);
  if (previous === undefined) state.names.set(v, { name, line, column });
  else if (previous.name !== name)
    state.sink.warning(
      "duplicate",
      `variable ${v} is already named '${previous.name}'; ignoring '${name}'`,
      line,
      column,
    );
}

function headerLine(state: State, tokens: number[], lineStart: number, line: number, afterClauses: boolean): void {
  const { sink, text } = state;
  const count = tokens.length / 2;
  const token = (k: number): string => text.slice(tokens[2 * k]!, tokens[2 * k + 1]!);
  const column = (k: number): number => tokens[2 * k]! - lineStart + 1;
  if (state.headerSeen) {
    sink.error("syntax", "second 'p cnf' header", line, column(0));
    return;
  }
  state.headerSeen = true;
  if (afterClauses || state.clausesBeforeHeader) {
    sink.error("syntax", "the 'p cnf' header must come before the clauses", line, column(0));
    return;
  }
  const bad = [
    token(0) === "p",
    count > 1 && token(1) === "cnf",
    count > 2 && /^[0-9]+$/.test(token(2)),
    count > 3 && /^[0-9]+$/.test(token(3)),
    count === 4,
  ].indexOf(false);
  if (bad >= 0) {
    const present = bad < count;
    const found = present ? `found '${clip(token(bad))}'` : "found the end of the line";
    const col = present ? column(bad) : tokens[tokens.length - 1]! - lineStart + 1;
    sink.error("syntax", `malformed header: expected 'p cnf <variables> <clauses>', ${found}`, line, col);
    return;
  }
  const vars = token(2).length > 9 ? Number.POSITIVE_INFINITY : Number(token(2));
  if (vars > DIMACS_MAX_VARIABLES) {
    sink.error("too-large", `${token(2)} variables is more than the limit of ${DIMACS_MAX_VARIABLES}`, line, column(2));
    state.fatal = true;
    return;
  }
  state.header = { vars, clauses: Number(token(3)), clausesText: token(3), line, countColumn: column(3) };
}

/** Variable `n` (1-based, as in the file) of a model produced by {@link parseDimacs}. */
export function dimacsVariable(model: ConfigModel, n: number): ModelVariable | undefined {
  return Number.isInteger(n) && n >= 1 ? model.variables[n - 1] : undefined;
}

function buildModel(
  vars: number,
  ids: string[],
  clauses: number[][],
  sourceLines: number[],
  sourceColumns: number[],
): ConfigModel {
  const variables: ModelVariable[] = [];
  for (let v = 1; v <= vars; v++) variables.push(booleanVariable(ids[v]!, v));
  // Literal labels computed once per variable: messages are built for every clause.
  const positive: string[] = [""];
  const negative: string[] = [""];
  for (let v = 1; v <= vars; v++) {
    const id = ids[v]!;
    const numbered = id === String(v);
    positive.push(id);
    negative.push(numbered ? `-${v}` : `¬${id}`);
  }
  const constraints: ModelConstraint[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    const line = sourceLines[i]!;
    let body = clause.length === 0 ? "(empty clause, never satisfied)" : "";
    for (let k = 0; k < clause.length && k < MESSAGE_LITERALS; k++) {
      const lit = clause[k]!;
      body += (k > 0 ? " ∨ " : "") + (lit > 0 ? positive[lit] : negative[-lit]);
    }
    if (clause.length > MESSAGE_LITERALS) body += ` ∨ … (${clause.length - MESSAGE_LITERALS} more)`;
    constraints.push({
      id: `clause ${i + 1}`,
      message: `clause ${i + 1} on line ${line}: ${body}`,
      clauses: [i],
      source: { line, column: sourceColumns[i]! },
    });
  }
  return {
    numbered: true,
    numVars: vars,
    clauses,
    variables,
    constraints,
    pricing: { base: 0, weights: [] },
    leadTimes: [],
  };
}

/** Ids for 1..vars (index 0 unused): names where given and unique, else the number. */
function variableIds(vars: number, names: Map<number, Name>, sink: DiagnosticSink): string[] {
  const ids: string[] = [""];
  const owner = new Map<string, number>();
  for (const [v, { name, line, column }] of [...names].sort((a, b) => a[0] - b[0])) {
    if (v > vars) {
      sink.warning("unknown-reference", `'${name}' names variable ${v}, but the header declares ${vars}`, line, column);
      continue;
    }
    const other = owner.get(name);
    if (other !== undefined) {
      sink.warning(
        "duplicate",
        `name '${name}' is already used by variable ${other}; variable ${v} keeps its number`,
        line,
        column,
      );
      continue;
    }
    owner.set(name, v);
  }
  const nameOf = new Map<number, string>();
  for (const [name, v] of owner) nameOf.set(v, name);
  for (let v = 1; v <= vars; v++) {
    let id = nameOf.get(v) ?? String(v);
    const shadow = nameOf.has(v) ? undefined : names.get(owner.get(id) ?? 0);
    // A name like "7" would shadow variable 7's number; ids must stay unique.
    while (nameOf.get(v) !== id && owner.has(id)) id = `#${id}`;
    if (shadow !== undefined)
      sink.warning(
        "duplicate",
        `name '${shadow.name}' is also variable ${v}'s number; that variable becomes '${id}'`,
        shadow.line,
        shadow.column,
      );
    ids.push(id);
  }
  return ids;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === LF;
}

/** Fills `tokens` with [start, end) offsets of the blank-separated tokens of text[from, to). */
function tokenize(text: string, from: number, to: number, tokens: number[]): void {
  tokens.length = 0;
  for (let i = from; i < to; ) {
    if (isBlank(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && !isBlank(text.charCodeAt(i))) i++;
    tokens.push(start, i);
  }
}

function clip(token: string): string {
  return token.length > 24 ? `${token.slice(0, 24)}…` : token;
}
