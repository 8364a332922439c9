import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { parseExpression } from "./parser.ts";
import { formatExpression, formatNumber, formatString } from "./print.ts";
import { stripSpans } from "./testing.ts";

function parse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.expr;
}

const at = { start: 0, end: 0 };
const name = (n: string): Expr => ({ kind: "name", name: n, span: at });
const num = (value: number): Expr => ({ kind: "number", value, span: at });

describe("formatExpression", () => {
  it.each([
    ["a  or (b and c)", "a or b and c"],
    ["(a or b) and c", "(a or b) and c"],
    ["a -> (b -> c)", "a -> b -> c"],
    ["(a -> b) -> c", "(a -> b) -> c"],
    ["a implies b", "a -> b"],
    ["a requires (b excludes c)", "a requires b excludes c"],
    ["(a requires b) excludes c", "(a requires b) excludes c"],
    ["a <-> b", "a iff b"],
    ["a iff (b iff c)", "a iff (b iff c)"],
    ["(a iff b) iff c", "a iff b iff c"],
    ["!(a = b)", "not a = b"],
    ["not (a and b)", "not (a and b)"],
    ["(not a) = b", "(not a) = b"],
    ["(a = b) = c", "(a = b) = c"],
    ["a = (b = c)", "a = (b = c)"],
    ["(a in (b)) = c", "(a in (b)) = c"],
    ["a - (b - c)", "a - (b - c)"],
    ["(a - b) - c", "a - b - c"],
    ["a / (b * c)", "a / (b * c)"],
    ["(a + b) * c", "(a + b) * c"],
    ["-(a + b)", "-(a + b)"],
    ["-(-a)", "- -a"],
    ["-(not a)", "-(not a)"],
    ["(a + b).c", "(a + b).c"],
    ["(-a)[2]", "(-a)[2]"],
    ["(a.b)[*]", "a.b[*]"],
    ["a==b&&c!=d||!e", "a = b and c != d or not e"],
    ["x not in ( a,b )", "x not in (a, b)"],
    ["(x + 1) in (a or b)", "x + 1 in (a or b)"],
    ["f( a , (b) )", "f(a, b)"],
    ["'it\\'s'", '"it\'s"'],
    ['"say \\"hi\\""', "'say \"hi\"'"],
    ["1.50", "1.5"],
    ["(1).x", "1.x"],
    ["(1.5).x", "1.5.x"],
    ["true.x", "true.x"],
  ])("%s  =>  %s", (source, expected) => {
    const formatted = formatExpression(parse(source));
    expect(formatted).toBe(expected);
    expect(stripSpans(parse(formatted))).toEqual(stripSpans(parse(source)));
  });

  it("parenthesises negative literals where a negation would bind differently", () => {
    const member: Expr = { kind: "member", object: num(-5), name: "x", span: at };
    expect(formatExpression(member)).toBe("(-5).x");
    const minus: Expr = { kind: "unary", op: "-", operand: num(-5), span: at };
    expect(formatExpression(minus)).toBe("- -5");
    const product: Expr = { kind: "binary", op: "*", left: name("a"), right: num(-0.5), span: at };
    expect(formatExpression(product)).toBe("a * -0.5");
  });

  it("handles long flat chains without deep-recursion trouble", () => {
    const source = `${"a + ".repeat(1000)}a`;
    expect(formatExpression(parse(source))).toBe(source);
  });
});

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "-0"],
    [42, "42"],
    [0.1, "0.1"],
    [1e21, "1000000000000000000000"],
    [1.5e300, `15${"0".repeat(299)}`],
    [1e-7, "0.0000001"],
    [-2.5e-8, "-0.000000025"],
    [1.2345e25, "12345000000000000000000000"],
  ])("%d => %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
    expect(Number(text)).toBe(value);
  });

  it("reads back exactly for extreme values", () => {
    for (const value of [Number.MAX_VALUE, Number.MIN_VALUE, 123456789.12345679, 2 ** 53 + 2, 1 / 3]) {
      const parsed = parse(formatNumber(value));
      expect(parsed).toMatchObject({ kind: "number", value });
    }
  });

  it("refuses values that have no spelling", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatString", () => {
  it.each([
    ["oak", "'oak'"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ["back\\slash", "'back\\\\slash'"],
    ["line\nbreak\r\ttab", "'line\\nbreak\\r\\ttab'"],
    ["", "''"],
  ])("%j => %s", (value, text) => {
    expect(formatString(value)).toBe(text);
    expect(parse(text)).toMatchObject({ kind: "string", value });
  });
});
