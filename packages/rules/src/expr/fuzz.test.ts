import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineColumnAt } from "../diagnostics.ts";
import { type BinaryOp, childrenOf, type Expr, walkExpr } from "./ast.ts";
import { isKeyword } from "./lexer.ts";
import { MAX_SOURCE_LENGTH, parseExpression } from "./parser.ts";
import { formatExpression } from "./print.ts";
import { formatTemplate, parseTemplate, type TemplatePart } from "./template.ts";
import { stripSpans } from "./testing.ts";

const S = { start: 0, end: 0 };
const BINARY_OPS: BinaryOp[] = ["iff", "implies", "requires", "excludes", "or", "and"];
BINARY_OPS.push("=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/");

const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/).filter((s) => !isKeyword(s));
const nameText = fc.oneof(
  { weight: 4, arbitrary: ident },
  fc.tuple(ident, ident).map(([a, b]) => `${a}:${b}`),
);
// The parser only ever produces non-negative literals ("-5" is a negation).
const numberValue = fc.oneof(
  fc.nat(),
  fc.double({ min: 0, max: 1e25, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
  fc.constantFrom(0.5, 1e-7, 1e21, Number.MAX_SAFE_INTEGER),
);
const stringValue = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 8 }));

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  numberValue.map((value): Expr => ({ kind: "number", value, span: S })),
  stringValue.map((value): Expr => ({ kind: "string", value, span: S })),
  fc.boolean().map((value): Expr => ({ kind: "boolean", value, span: S })),
  nameText.map((name): Expr => ({ kind: "name", name, span: S })),
);

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => {
  const sub = tie("expr");
  return {
    expr: fc.oneof(
      { maxDepth: 6, depthSize: "small" },
      leaf,
      fc.tuple(sub, ident).map(([object, name]): Expr => ({ kind: "member", object, name, span: S })),
      fc
        .tuple(sub, fc.oneof(fc.nat(), fc.constant("*" as const)))
        .map(([object, index]): Expr => ({ kind: "index", object, index, span: S })),
      fc
        .tuple(nameText, fc.array(sub, { maxLength: 3 }))
        .map(([callee, args]): Expr => ({ kind: "call", callee, args, span: S })),
      fc
        .tuple(fc.constantFrom("not" as const, "-" as const), sub)
        .map(([op, operand]): Expr => ({ kind: "unary", op, operand, span: S })),
      fc
        .tuple(fc.constantFrom(...BINARY_OPS), sub, sub)
        .map(([op, left, right]): Expr => ({ kind: "binary", op, left, right, span: S })),
      fc
        .tuple(sub, fc.boolean(), fc.array(sub, { minLength: 1, maxLength: 3 }))
        .map(([subject, negated, options]): Expr => ({ kind: "in", subject, negated, options, span: S })),
    ),
  };
}).expr;

// Fragments that make random text look like the language, so mutations reach deep parser paths.
const FRAGMENTS = ["a", "b1", "ns:x", "f(", "(", ")", "[", "]", "[*]", "[2]", ".", ",", " ", "\n", "'", '"', "\\"];
FRAGMENTS.push("not ", " in ", " and ", "or", "->", "<->", "requires", "=", "==", "!=", "<=", ">", "!", "-", "+");
FRAGMENTS.push("*", "/", "1", "2.5", "true", "#", ":", "{", "}", "&&", "||", "=>", "é", "🪵");
const fragment = fc.constantFrom(...FRAGMENTS);
const soup = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(""));

const EXAMPLES = [
  "frame = oak requires finish in (natural, oiled)",
  "lights -> power != none",
  "sum(bays[*].width) + 2 * frame.thickness <= wallWidth",
  "count(bays[*].type = drawers) <= 2",
  "atMost(1, glassDoors, mirror, lights)",
  "not (seat = racing and handlebar = cruiser)",
  "material excludes colour.warm",
  "bay.type = drawers -> bay.width <= 80",
  "bays[2].type != empty",
  "frame = woodcraft:walnut iff label = 'it\\'s \"oak\"'",
  "height / 10 * 0.5 > -x",
];

type Mutation = { at: number; op: "delete" | "insert" | "duplicate"; length: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom("delete" as const, "insert" as const, "duplicate" as const),
  length: fc.integer({ min: 1, max: 6 }),
  text: fragment,
});

function mutate(source: string, mutations: readonly Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = m.at % (s.length + 1);
    if (m.op === "delete") s = s.slice(0, at) + s.slice(at + m.length);
    else if (m.op === "insert") s = s.slice(0, at) + m.text + s.slice(at);
    else s = s.slice(0, at) + s.slice(at, at + m.length) + s.slice(at);
  }
  return s;
}

const validSource = fc.oneof(fc.constantFrom(...EXAMPLES), exprArb.map(formatExpression));
const anyInput = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  soup,
  fc.tuple(validSource, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([s, ms]) => mutate(s, ms)),
);

/** What must hold for any input: no throw, and either a sound tree or a located error. */
function checkParse(source: string): void {
  const result = parseExpression(source);
  if (!result.ok) {
    const { start, end, line, column, message } = result.error;
    expect(message.length).toBeGreaterThan(0);
    expect(0 <= start && start <= end && end <= source.length).toBe(true);
    expect({ line, column }).toEqual(lineColumnAt(source, start));
    return;
  }
  walkExpr(result.expr, (e) => {
    expect(0 <= e.span.start && e.span.start < e.span.end && e.span.end <= source.length).toBe(true);
    for (const child of childrenOf(e)) {
      expect(e.span.start <= child.span.start && child.span.end <= e.span.end).toBe(true);
    }
  });
  // Whatever parsed must survive a trip through the printer unchanged.
  const printed = formatExpression(result.expr);
  const again = parseExpression(printed);
  expect(again.ok && stripSpans(again.expr)).toEqual(stripSpans(result.expr));
}

describe("round trip", () => {
  it("format then parse gives the same tree, and formatting is a fixed point", () => {
    fc.assert(
      fc.property(exprArb, (expr) => {
        const text = formatExpression(expr);
        const parsed = parseExpression(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
        expect(stripSpans(parsed.expr)).toEqual(stripSpans(expr));
        expect(formatExpression(parsed.expr)).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });

  it("templates round trip through formatTemplate", () => {
    const part = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("{", "}", "{{", "x}"), exprArb);
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (raw) => {
        // parseTemplate merges adjacent text and drops empty text, so compare against that normal form.
        const parts: TemplatePart[] = [];
        for (const p of raw) {
          const last = parts[parts.length - 1];
          if (typeof p === "string" && typeof last === "string") parts[parts.length - 1] = last + p;
          else if (p !== "") parts.push(p);
        }
        const parsed = parseTemplate(formatTemplate(parts));
        if (!parsed.ok) throw new Error(`${formatTemplate(parts)}: ${parsed.error.message}`);
        const plain = (ps: readonly TemplatePart[]) => ps.map((p) => (typeof p === "string" ? p : stripSpans(p)));
        expect(plain(parsed.parts)).toEqual(plain(parts));
      }),
      { numRuns: 500 },
    );
  });
});

describe("robustness", () => {
  it("never throws on arbitrary or mutated input, and errors lie within the input", () => {
    fc.assert(fc.property(anyInput, checkParse), { numRuns: 3000 });
  });

  it("templates never throw and locate their errors within the input", () => {
    const template = fc.oneof(
      soup,
      fc.string({ maxLength: 40 }),
      anyInput.map((s) => `x{${s}}y`),
    );
    fc.assert(
      fc.property(template, (source) => {
        const result = parseTemplate(source);
        if (!result.ok) {
          const { start, end } = result.error;
          expect(0 <= start && start <= end && end <= source.length).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("answers deep or long inputs quickly", () => {
    const opener = fc.constantFrom("(", "not ", "!", "-", "f(", "a in (", "[", "a -> ", "a + ");
    const deep = fc
      .tuple(opener, fc.integer({ min: 1, max: 3000 }), fc.constantFrom("", "a", "a)"))
      .map(([o, n, tail]) => (o.repeat(n) + tail).slice(0, MAX_SOURCE_LENGTH + 10));
    fc.assert(
      fc.property(deep, (source) => {
        const started = performance.now();
        checkParse(source);
        expect(performance.now() - started).toBeLessThan(250);
      }),
      { numRuns: 200 },
    );
  });
});
