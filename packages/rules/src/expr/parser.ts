/**
 * Recursive-descent parser, one method per precedence level, loosest first:
 * iff, implies/requires/excludes, or, and, not, comparison/in, + -, * /, unary -, postfix, primary.
 * Operator chains are parsed with loops and only brackets and prefix operators recurse, each
 * counted against MAX_NESTING, so no input can overflow the stack. Problems are thrown
 * internally as `SyntaxProblem` and turned into a result at the API boundary; anything else
 * escaping would be a bug and is deliberately not swallowed.
 */
import { lineColumnAt } from "../diagnostics.ts";
import type { BinaryOp, Expr, Span } from "./ast.ts";
import { isOperatorToken, quote, SyntaxProblem, TokenCursor } from "./cursor.ts";
import { type Token, tokenize } from "./lexer.ts";

export const MAX_SOURCE_LENGTH = 4096;
export { MAX_NESTING } from "./cursor.ts";

export interface ExpressionError {
  readonly message: string;
  /** UTF-16 offsets into the source; `start === end` for "missing something here". */
  readonly start: number;
  readonly end: number;
  /** 1-based, of `start`. */
  readonly line: number;
  readonly column: number;
}

export type ParseResult =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly error: ExpressionError };

export function parseExpression(source: string): ParseResult {
  return parseExpressionIn(source, 0, source.length);
}

/** Parses `source[start, end)`; spans and error positions refer to the whole `source`. */
export function parseExpressionIn(source: string, start: number, end: number): ParseResult {
  if (source.length > MAX_SOURCE_LENGTH) {
    const message = `expression is too long (${source.length} characters; the limit is ${MAX_SOURCE_LENGTH})`;
    return { ok: false, error: expressionError(source, MAX_SOURCE_LENGTH, source.length, message) };
  }
  try {
    return { ok: true, expr: new Parser(source, tokenize(source, start, end)).parseAll() };
  } catch (problem) {
    if (!(problem instanceof SyntaxProblem)) throw problem;
    return { ok: false, error: expressionError(source, problem.start, problem.end, problem.message) };
  }
}

export function expressionError(source: string, start: number, end: number, message: string): ExpressionError {
  const { line, column } = lineColumnAt(source, start);
  return { message, start, end, line, column };
}

type Level = "iff" | "implies" | "or" | "and" | "additive" | "multiplicative";

// Spellings of each binary operator, per precedence level.
const BINARY: Readonly<Record<Level, Readonly<Record<string, BinaryOp>>>> = {
  iff: { iff: "iff", "<->": "iff" },
  implies: { implies: "implies", "->": "implies", requires: "requires", excludes: "excludes" },
  or: { or: "or", "||": "or" },
  and: { and: "and", "&&": "and" },
  additive: { "+": "+", "-": "-" },
  multiplicative: { "*": "*", "/": "/" },
};
const COMPARISON: Readonly<Record<string, BinaryOp>> = {
  "=": "=",
  "==": "=",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

const span = (start: number, end: number): Span => ({ start, end });

class Parser extends TokenCursor {
  parseAll(): Expr {
    if (this.peek().type === "eof") this.fail(this.peek(), "expression is empty");
    const expr = this.parseIff();
    const t = this.current();
    if (t.type === "eof") return expr;
    if (this.isOp(t, ")")) this.fail(t, 'unexpected ")" with no matching "("');
    if (this.isOp(t, "]")) this.fail(t, 'unexpected "]" with no matching "["');
    if (this.startsOperand(t)) this.fail(t, `expected an operator such as "and" or "=" before ${quote(t)}`);
    return this.fail(t, `unexpected ${quote(t)}`);
  }

  // --- binary levels ----------------------------------------------------------------------

  private binaryOp(level: Level): { op: BinaryOp; token: Token } | undefined {
    const t = this.current();
    if (!isOperatorToken(t)) return undefined;
    const op = BINARY[level][t.text];
    return op === undefined ? undefined : { op, token: t };
  }

  /** Left-associative loop over one precedence level. */
  private leftAssoc(level: Level, next: () => Expr): Expr {
    let left = next();
    for (let found = this.binaryOp(level); found; found = this.binaryOp(level)) {
      this.advance();
      const right = this.operand(found.token, next);
      left = { kind: "binary", op: found.op, left, right, span: span(left.span.start, right.span.end) };
    }
    return left;
  }

  /** Parses the operand after an operator, with a clear message when it is missing. */
  private operand(after: Token, next: () => Expr): Expr {
    const t = this.current();
    if (!this.startsValue(t)) this.fail(t, `expected a value after ${quote(after)}`);
    return next();
  }

  private parseIff(): Expr {
    return this.leftAssoc("iff", () => this.parseImplies());
  }

  /** Right-associative: collect the chain, then fold from the right. */
  private parseImplies(): Expr {
    const operands = [this.parseOr()];
    const ops: BinaryOp[] = [];
    for (let found = this.binaryOp("implies"); found; found = this.binaryOp("implies")) {
      this.advance();
      ops.push(found.op);
      operands.push(this.operand(found.token, () => this.parseOr()));
    }
    let right = operands.pop()!;
    for (let i = ops.length - 1; i >= 0; i--) {
      const left = operands[i]!;
      right = { kind: "binary", op: ops[i]!, left, right, span: span(left.span.start, right.span.end) };
    }
    return right;
  }

  private parseOr(): Expr {
    return this.leftAssoc("or", () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.leftAssoc("and", () => this.parseNot());
  }

  // --- prefix operators (iterative, but counted as nesting) -------------------------------

  private prefixed(ops: Readonly<Record<string, "not" | "-">>, next: () => Expr): Expr {
    const prefixes: Token[] = [];
    for (let t = this.current(); isOperatorToken(t) && ops[t.text] !== undefined; t = this.current()) {
      this.enter(t);
      prefixes.push(this.advance());
    }
    let expr = prefixes.length > 0 ? this.operand(prefixes[prefixes.length - 1]!, next) : next();
    for (let i = prefixes.length - 1; i >= 0; i--) {
      const t = prefixes[i]!;
      expr = { kind: "unary", op: ops[t.text]!, operand: expr, span: span(t.start, expr.span.end) };
    }
    this.depth -= prefixes.length;
    return expr;
  }

  private parseNot(): Expr {
    return this.prefixed({ not: "not", "!": "not" }, () => this.parseComparison());
  }

  // --- comparison (non-associative) -------------------------------------------------------

  private comparisonAhead(): Token | undefined {
    const t = this.current();
    if (!isOperatorToken(t)) return undefined;
    if (COMPARISON[t.text] !== undefined || t.text === "in") return t;
    if (t.text === "not" && this.isOp(this.peek(1), "in")) return t;
    return undefined;
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const t = this.comparisonAhead();
    if (t === undefined) return left;
    let expr: Expr;
    if (t.text === "in" || t.text === "not") {
      const negated = t.text === "not";
      if (negated) this.advance();
      expr = this.parseInList(left, negated, this.advance());
    } else {
      this.advance();
      const right = this.operand(t, () => this.parseAdditive());
      expr = { kind: "binary", op: COMPARISON[t.text]!, left, right, span: span(left.span.start, right.span.end) };
    }
    const again = this.comparisonAhead();
    if (again !== undefined) {
      const shown = again.text === "not" ? '"not in"' : quote(again);
      this.fail(again, `${shown} cannot be chained; use "and"`);
    }
    return expr;
  }

  private parseInList(subject: Expr, negated: boolean, inToken: Token): Expr {
    const open = this.current();
    const example = `${negated ? "not in" : "in"} (red, blue)`;
    if (!this.isOp(open, "(")) this.fail(open, `"in" needs a list in parentheses, like: colour ${example}`);
    const { items, end } = this.parseList(open);
    if (items.length === 0) this.fail(inToken, `"in" needs at least one option, like: colour ${example}`);
    return { kind: "in", subject, negated, options: items, span: span(subject.span.start, end) };
  }

  /** `( expr, expr, ... )` for calls and `in`; the current token is the "(". */
  private parseList(open: Token): { items: Expr[]; end: number } {
    this.enter(open);
    this.advance();
    const items: Expr[] = [];
    let previous = open;
    while (!this.isOp(this.current(), ")")) {
      if (items.length > 0) {
        const t = this.current();
        if (!this.isOp(t, ",")) this.fail(t, `expected "," or ")" to close "(" opened at ${this.where(open, t)}`);
        previous = this.advance();
      }
      items.push(this.operand(previous, () => this.parseIff()));
    }
    const close = this.advance();
    this.depth--;
    return { items, end: close.end };
  }

  // --- arithmetic -------------------------------------------------------------------------

  private parseAdditive(): Expr {
    return this.leftAssoc("additive", () => this.parseMultiplicative());
  }

  private parseMultiplicative(): Expr {
    return this.leftAssoc("multiplicative", () => this.parseNegation());
  }

  private parseNegation(): Expr {
    return this.prefixed({ "-": "-" }, () => this.parsePostfix());
  }

  // --- postfix and primary ----------------------------------------------------------------

  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    while (true) {
      const t = this.current();
      if (this.isOp(t, ".")) {
        this.advance();
        const name = this.current();
        if (name.type !== "name" || name.text.includes(":")) {
          const why = name.type === "keyword" ? `; "${name.text}" is a reserved word` : "";
          this.fail(name, `expected a name after "."${why}`);
        }
        this.advance();
        expr = { kind: "member", object: expr, name: name.text, span: span(expr.span.start, name.end) };
      } else if (this.isOp(t, "[")) {
        expr = this.parseIndex(expr, t);
      } else {
        return expr;
      }
    }
  }

  private parseIndex(object: Expr, open: Token): Expr {
    this.enter(open);
    this.advance();
    const t = this.current();
    let index: number | "*";
    if (this.isOp(t, "*")) index = "*";
    else if (t.type === "number" && Number.isSafeInteger(t.value) && !t.text.includes(".")) index = t.value;
    else return this.fail(t, 'an index must be a whole number (0 or more) or "*", like: bays[0] or bays[*]');
    this.advance();
    const close = this.current();
    if (!this.isOp(close, "]")) this.fail(close, `expected "]" to close "[" opened at ${this.where(open, close)}`);
    this.advance();
    this.depth--;
    return { kind: "index", object, index, span: span(object.span.start, close.end) };
  }

  private parsePrimary(): Expr {
    const t = this.current();
    const at = span(t.start, t.end);
    switch (t.type) {
      case "number":
      case "string":
        this.advance();
        return t.type === "number"
          ? { kind: "number", value: t.value, span: at }
          : { kind: "string", value: t.value, span: at };
      case "name":
        this.advance();
        if (!this.isOp(this.current(), "(")) return { kind: "name", name: t.text, span: at };
        return this.parseCall(t);
      case "keyword":
        if (t.text === "true" || t.text === "false") {
          this.advance();
          return { kind: "boolean", value: t.text === "true", span: at };
        }
        break;
      case "symbol":
        if (t.text === "(") return this.parseGroup(t);
        break;
    }
    const previous = this.pos > 0 ? this.tokens[this.pos - 1] : undefined;
    if (previous === undefined) {
      if (this.isOp(t, ")")) this.fail(t, 'unexpected ")" with no matching "("');
      return this.fail(t, `expected a value before ${quote(t)}`);
    }
    // Only reachable for "not" inside a comparison or arithmetic, e.g. "x = not y".
    const hint = this.isOp(t, "not") || this.isOp(t, "!") ? '; to negate, put "not" in front, like: not (a = b)' : "";
    return this.fail(t, `expected a value after ${quote(previous)}${hint}`);
  }

  private parseCall(callee: Token): Expr {
    const { items, end } = this.parseList(this.current());
    return { kind: "call", callee: callee.text, args: items, span: span(callee.start, end) };
  }

  private parseGroup(open: Token): Expr {
    this.enter(open);
    this.advance();
    const inner = this.operand(open, () => this.parseIff());
    const close = this.current();
    if (!this.isOp(close, ")")) this.fail(close, `expected ")" to close "(" opened at ${this.where(open, close)}`);
    this.advance();
    this.depth--;
    return { ...inner, span: span(open.start, close.end) };
  }
}
