import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import { childrenOf, walkExpr } from "./ast.ts";
import { parseExpression } from "./parser.ts";
import { sexpr } from "./testing.ts";

function parse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.expr;
}

describe("precedence and associativity", () => {
  it.each([
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c", "(or (and a b) c)"],
    ["a -> b -> c", "(implies a (implies b c))"],
    ["a requires b excludes c", "(requires a (excludes b c))"],
    ["a iff b iff c", "(iff (iff a b) c)"],
    ["a <-> b -> c", "(iff a (implies b c))"],
    ["a -> b <-> c", "(iff (implies a b) c)"],
    ["a or b -> c or d", "(implies (or a b) (or c d))"],
    ["not a = b", "(not (= a b))"],
    ["not a and b", "(and (not a) b)"],
    ["not not a", "(not (not a))"],
    ["!a || !b && c", "(or (not a) (and (not b) c))"],
    ["a + b * c <= d", "(<= (+ a (* b c)) d)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a / b * c", "(* (/ a b) c)"],
    ["a - -b", "(- a (- b))"],
    ["- - a", "(- (- a))"],
    ["-a.b[2]", "(- ([] (. a b) 2))"],
    ["x in (a, b) and y", "(and (in x [a b]) y)"],
    ["x not in (a, b) or y", "(or (not-in x [a b]) y)"],
    ["not x in (a)", "(not (in x [a]))"],
    ["a + 1 in (2, 3)", "(in (+ a 1) [2 3])"],
    ["x in (a or b, c -> d)", "(in x [(or a b) (implies c d)])"],
    ["(a or b) and c", "(and (or a b) c)"],
    ["a == b", "(= a b)"],
    ["a && b and c", "(and (and a b) c)"],
    ["a implies b", "(implies a b)"],
  ])("%s", (source, expected) => {
    expect(sexpr(parse(source))).toBe(expected);
  });
});

describe("rule pack examples", () => {
  it.each([
    ["frame = oak requires finish in (natural, oiled)", "(requires (= frame oak) (in finish [natural oiled]))"],
    ["lights -> power != none", "(implies lights (!= power none))"],
    [
      "sum(bays[*].width) + 2 * frame.thickness <= wallWidth",
      "(<= (+ (call sum (. ([] bays *) width)) (* 2 (. frame thickness))) wallWidth)",
    ],
    ["count(bays[*].type = drawers) <= 2", "(<= (call count (= (. ([] bays *) type) drawers)) 2)"],
    ["atMost(1, glassDoors, mirror, lights)", "(call atMost 1 glassDoors mirror lights)"],
    ["not (seat = racing and handlebar = cruiser)", "(not (and (= seat racing) (= handlebar cruiser)))"],
    ["material excludes colour.warm", "(excludes material (. colour warm))"],
    ["bay.type = drawers -> bay.width <= 80", "(implies (= (. bay type) drawers) (<= (. bay width) 80))"],
    ["bays[2].type != empty", "(!= (. ([] bays 2) type) empty)"],
    ["woodcraft:walnut", "woodcraft:walnut"],
    ["frame = woodcraft:walnut", "(= frame woodcraft:walnut)"],
    ["woodcraft:price(frame)", "(call woodcraft:price frame)"],
    ["height / 10 * 0.5", "(* (/ height 10) 0.5)"],
    [`label = 'Oak "Natural"'`, '(= label "Oak \\"Natural\\"")'],
    [`label = "it's"`, `(= label "it's")`],
    [String.raw`'a\'b\\c\n\t\r\"'`, JSON.stringify("a'b\\c\n\t\r\"")],
    ["true and not false", "(and true (not false))"],
    ["007 + 1.25", "(+ 7 1.25)"],
    ["f()", "(call f)"],
    ["f (x)", "(call f x)"],
    ["AND = x", "(= AND x)"],
    ["index_2 = _x", "(= index_2 _x)"],
    ["a\u00a0=\tb\r\n", "(= a b)"],
  ])("%s", (source, expected) => {
    expect(sexpr(parse(source))).toBe(expected);
  });

  it("keeps which spelling of implication was used", () => {
    const ops = ["a implies b", "a -> b", "a requires b", "a excludes b"].map((s) => {
      const e = parse(s);
      return e.kind === "binary" ? e.op : e.kind;
    });
    expect(ops).toEqual(["implies", "implies", "requires", "excludes"]);
  });

  it("reads index values and wildcards", () => {
    const e = parse("bays[0][*][12]");
    const indices: (number | "*")[] = [];
    walkExpr(e, (n) => {
      if (n.kind === "index") indices.push(n.index);
    });
    expect(indices).toEqual([12, "*", 0]);
  });
});

describe("spans", () => {
  const text = (source: string, e: Expr) => source.slice(e.span.start, e.span.end);

  it("covers each node's own text", () => {
    const source = "sum(bays[*].width) + 2 * frame.thickness <= wallWidth";
    const seen: string[] = [];
    walkExpr(parse(source), (e) => seen.push(text(source, e)));
    expect(seen).toEqual([
      source,
      "sum(bays[*].width) + 2 * frame.thickness",
      "sum(bays[*].width)",
      "bays[*].width",
      "bays[*]",
      "bays",
      "2 * frame.thickness",
      "2",
      "frame.thickness",
      "frame",
      "wallWidth",
    ]);
  });

  it("widens parenthesised expressions to include the parentheses", () => {
    const source = "not ( a or b ) and x in (c)";
    const e = parse(source);
    expect(text(source, e)).toBe(source);
    const [left, right] = childrenOf(e);
    expect(text(source, left!)).toBe("not ( a or b )");
    expect(text(source, childrenOf(left!)[0]!)).toBe("( a or b )");
    expect(text(source, right!)).toBe("x in (c)");
  });

  it("works on multi-line input", () => {
    const source = "frame = oak\n  requires finish in (\n    natural,\n    'oiled'\n  )";
    const e = parse(source);
    expect(e.span).toEqual({ start: 0, end: source.length });
    const strings: Expr[] = [];
    walkExpr(e, (n) => {
      if (n.kind === "string") strings.push(n);
    });
    expect(strings).toHaveLength(1);
    expect(strings[0]!.span.start).toBe(source.indexOf("'oiled'"));
    expect(text(source, strings[0]!)).toBe("'oiled'");
  });
});

describe("walkExpr", () => {
  it("visits in pre-order, children in source order", () => {
    const names: string[] = [];
    walkExpr(parse("f(a, b.c) in (d, e) -> not g"), (e) => names.push(e.kind === "name" ? e.name : e.kind));
    expect(names).toEqual(["binary", "in", "call", "a", "member", "b", "d", "e", "unary", "g"]);
  });
});
