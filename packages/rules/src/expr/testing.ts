/** Helpers for tests of code that consumes expressions. */
import type { Expr } from "./ast.ts";

/** The tree without spans (as nested plain objects), for comparing structure with toEqual. */
export function stripSpans(expr: Expr): unknown {
  const { span: _span, ...rest } = expr;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (Array.isArray(value)) out[key] = value.map((v: Expr) => stripSpans(v));
    else if (typeof value === "object" && value !== null) out[key] = stripSpans(value as Expr);
    else out[key] = value;
  }
  return out;
}

/** A compact fully-bracketed rendering that makes tree shape visible, e.g. `(and a (= b 1))`. */
export function sexpr(expr: Expr): string {
  switch (expr.kind) {
    case "number":
      return String(expr.value);
    case "string":
      return JSON.stringify(expr.value);
    case "boolean":
    case "name":
      return expr.kind === "name" ? expr.name : String(expr.value);
    case "member":
      return `(. ${sexpr(expr.object)} ${expr.name})`;
    case "index":
      return `([] ${sexpr(expr.object)} ${expr.index})`;
    case "call":
      return `(${[`call ${expr.callee}`, ...expr.args.map(sexpr)].join(" ")})`;
    case "unary":
      return `(${expr.op} ${sexpr(expr.operand)})`;
    case "binary":
      return `(${expr.op} ${sexpr(expr.left)} ${sexpr(expr.right)})`;
    case "in":
      return `(${expr.negated ? "not-in" : "in"} ${sexpr(expr.subject)} [${expr.options.map(sexpr).join(" ")}])`;
  }
}
