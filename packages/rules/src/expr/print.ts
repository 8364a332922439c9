/**
 * Canonical text for an AST, with only the parentheses the grammar needs:
 * `parseExpression(formatExpression(e))` gives `e` back, ignoring spans, for any tree the
 * parser can produce (and for hand-built trees whose names are valid, non-keyword names).
 */
import type { BinaryOp, Expr } from "./ast.ts";

// Binding strength, matching the grammar levels in parser.ts (higher binds tighter).
const IFF = 1;
const IMPLIES = 2;
const NOT = 5;
const COMPARISON = 6;
const ADDITIVE = 7;
const NEGATION = 9;
const POSTFIX = 10;
const PRIMARY = 11;

const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  iff: IFF,
  implies: IMPLIES,
  requires: IMPLIES,
  excludes: IMPLIES,
  or: 3,
  and: 4,
  "=": COMPARISON,
  "!=": COMPARISON,
  "<": COMPARISON,
  "<=": COMPARISON,
  ">": COMPARISON,
  ">=": COMPARISON,
  "+": ADDITIVE,
  "-": ADDITIVE,
  "*": 8,
  "/": 8,
};

// One canonical spelling each; "->" because that is what rule authors write most.
const BINARY_TEXT: Readonly<Record<BinaryOp, string>> = {
  iff: "iff",
  implies: "->",
  requires: "requires",
  excludes: "excludes",
  or: "or",
  and: "and",
  "=": "=",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/",
};

function precedence(expr: Expr): number {
  switch (expr.kind) {
    case "binary":
      return BINARY_PRECEDENCE[expr.op];
    case "unary":
      return expr.op === "not" ? NOT : NEGATION;
    case "in":
      return COMPARISON;
    case "member":
    case "index":
      return POSTFIX;
    case "number":
      // A negative literal prints as "-5", which reads back as negation.
      return expr.value < 0 || Object.is(expr.value, -0) ? NEGATION : PRIMARY;
    default:
      return PRIMARY;
  }
}

export function formatExpression(expr: Expr): string {
  switch (expr.kind) {
    case "number":
      return formatNumber(expr.value);
    case "string":
      return formatString(expr.value);
    case "boolean":
      return expr.value ? "true" : "false";
    case "name":
      return expr.name;
    case "member":
      return `${operand(expr.object, POSTFIX)}.${expr.name}`;
    case "index":
      return `${operand(expr.object, POSTFIX)}[${expr.index}]`;
    case "call":
      return `${expr.callee}(${expr.args.map(formatExpression).join(", ")})`;
    case "unary": {
      if (expr.op === "not") return `not ${operand(expr.operand, NOT)}`;
      const inner = operand(expr.operand, NEGATION);
      return inner.startsWith("-") ? `- ${inner}` : `-${inner}`;
    }
    case "in": {
      const options = expr.options.map(formatExpression).join(", ");
      return `${operand(expr.subject, ADDITIVE)} ${expr.negated ? "not in" : "in"} (${options})`;
    }
    case "binary": {
      const p = BINARY_PRECEDENCE[expr.op];
      // implies-family is right-associative, comparisons non-associative, the rest left-associative.
      const leftMin = p === IMPLIES || p === COMPARISON ? p + 1 : p;
      const rightMin = p === IMPLIES ? p : p + 1;
      return `${operand(expr.left, leftMin)} ${BINARY_TEXT[expr.op]} ${operand(expr.right, rightMin)}`;
    }
  }
}

function operand(expr: Expr, minimum: number): string {
  const text = formatExpression(expr);
  return precedence(expr) < minimum ? `(${text})` : text;
}

/** Plain decimal notation (the language has no exponents); reads back as exactly `value`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} in an expression`);
  if (Object.is(value, -0)) return "-0";
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const negative = text.startsWith("-");
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (point >= digits.length) plain = digits + "0".repeat(point - digits.length);
  else if (point <= 0) plain = `0.${"0".repeat(-point)}${digits}`;
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

/** Single quotes (easy to embed in JSON), or double quotes when that avoids escaping. */
export function formatString(value: string): string {
  const q = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = q;
  for (const c of value) {
    if (c === "\\" || c === q) out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else out += c;
  }
  return out + q;
}
