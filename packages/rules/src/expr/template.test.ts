import { describe, expect, it } from "vitest";
import { formatTemplate, parseTemplate } from "./template.ts";
import { sexpr } from "./testing.ts";

function parts(source: string): string[] {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.parts.map((p) => (typeof p === "string" ? `text:${p}` : sexpr(p)));
}

function errorOf(source: string) {
  const result = parseTemplate(source);
  if (result.ok) throw new Error(`expected "${source}" to fail`);
  return result.error;
}

describe("parseTemplate", () => {
  it.each([
    ["SHELF-{bay.width}x{depth}", ["text:SHELF-", "(. bay width)", "text:x", "depth"]],
    ["{a}{b}", ["a", "b"]],
    ["plain", ["text:plain"]],
    ["", []],
    ["{{literal}} {x}", ["text:{literal} ", "x"]],
    ["{ height / 10 * 0.5 }cm", ["(* (/ height 10) 0.5)", "text:cm"]],
    ["{label = '}'}!", ['(= label "}")', "text:!"]],
    ['{f("{\\"}")}', ['(call f "{\\"}")']],
  ])("%j", (source, expected) => {
    expect(parts(source)).toEqual(expected);
  });

  it("gives expression spans relative to the whole template", () => {
    const source = "SHELF-{bay.width}x{depth}";
    const result = parseTemplate(source);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [, width, , depth] = result.parts;
    expect(typeof width === "object" && source.slice(width.span.start, width.span.end)).toBe("bay.width");
    expect(typeof depth === "object" && depth.span).toEqual({ start: 19, end: 24 });
  });

  it.each([
    ["SKU-{a and}", 'expected a value after "and"', 1, 11],
    ["SKU-\n{a # b}", 'unknown character "#"', 2, 4],
    ["SKU-{a", 'expected "}" to close "{" opened at column 5', 1, 7],
    ["{\n'x", 'expected "}" to close "{" opened at line 1, column 1', 2, 3],
    ["{ }", 'expected an expression inside "{}"', 1, 1],
    ["a}b", 'unmatched "}"; write "}}" for a literal brace', 1, 2],
    ["{'x}", 'expected "}" to close "{" opened at column 1', 1, 5],
    ["{'x\n}", "unterminated string", 1, 2],
    ["{a {b}}", 'unknown character "{"', 1, 4],
  ])("%j fails with %j", (source, message, line, column) => {
    expect(errorOf(source)).toMatchObject({ message, line, column });
  });

  it("enforces the length limit", () => {
    expect(errorOf("x".repeat(5000)).message).toBe("template is too long (5000 characters; the limit is 4096)");
  });
});

describe("formatTemplate", () => {
  it("doubles literal braces and prints expressions canonically", () => {
    const source = "{{x}}-{ (a) + b }-{f('}')}";
    const result = parseTemplate(source);
    if (!result.ok) throw new Error(result.error.message);
    const text = formatTemplate(result.parts);
    expect(text).toBe("{{x}}-{a + b}-{f('}')}");
    expect(parts(text)).toEqual(parts(source));
  });
});
