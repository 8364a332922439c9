import { describe, expect, it } from "vitest";
import { MAX_NESTING, MAX_SOURCE_LENGTH, parseExpression } from "./parser.ts";

function errorOf(source: string) {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`expected "${source}" to fail`);
  return result.error;
}

describe("error messages", () => {
  // [source, message, column of the error start]
  it.each([
    ["not (seat = racing", 'expected ")" to close "(" opened at column 5', 19],
    ["(a b)", 'expected ")" to close "(" opened at column 1', 4],
    ["f(a b)", 'expected "," or ")" to close "(" opened at column 2', 5],
    ["f(a", 'expected "," or ")" to close "(" opened at column 2', 4],
    ["bays[2", 'expected "]" to close "[" opened at column 5', 7],
    ["colour # red", 'unknown character "#"', 8],
    ["a = b = c", '"=" cannot be chained; use "and"', 7],
    ["1 < x <= 3", '"<=" cannot be chained; use "and"', 7],
    ["a = b in (c)", '"in" cannot be chained; use "and"', 7],
    ["a in (b) not in (c)", '"not in" cannot be chained; use "and"', 10],
    ["a and", 'expected a value after "and"', 6],
    ["a and )", 'expected a value after "and"', 7],
    ["a = ", 'expected a value after "="', 5],
    ["f(a, )", 'expected a value after ","', 6],
    ["-", 'expected a value after "-"', 2],
    ["x = not y", 'expected a value after "="; to negate, put "not" in front, like: not (a = b)', 5],
    ["and b", 'expected a value before "and"', 1],
    ["name = 'oak", "unterminated string", 8],
    ['name = "oak\n"', "unterminated string", 8],
    ["'a\\", "unterminated string", 1],
    ["colour in red", '"in" needs a list in parentheses, like: colour in (red, blue)', 11],
    ["colour not in red", '"in" needs a list in parentheses, like: colour not in (red, blue)', 15],
    ["colour in ()", '"in" needs at least one option, like: colour in (red, blue)', 8],
    ["", "expression is empty", 1],
    ["  \n ", "expression is empty", 2],
    ["a)", 'unexpected ")" with no matching "("', 2],
    [") a", 'unexpected ")" with no matching "("', 1],
    ["a]", 'unexpected "]" with no matching "["', 2],
    ["a, b", 'unexpected ","', 2],
    ["frame = oak walnut", 'expected an operator such as "and" or "=" before "walnut"', 13],
    ["a not b", 'unexpected "not"', 3],
    ["a AND b", '"AND" must be written in lowercase: "and"', 3],
    ["(a Or b)", '"Or" must be written in lowercase: "or"', 4],
    ["bays[-1]", 'an index must be a whole number (0 or more) or "*", like: bays[0] or bays[*]', 6],
    ["bays[1.5]", 'an index must be a whole number (0 or more) or "*", like: bays[0] or bays[*]', 6],
    ["bays[i]", 'an index must be a whole number (0 or more) or "*", like: bays[0] or bays[*]', 6],
    ["bays[99999999999999999999]", 'an index must be a whole number (0 or more) or "*", like: bays[0] or bays[*]', 6],
    ["a.in", 'expected a name after "."; "in" is a reserved word', 3],
    ["a.2", 'expected a name after "."', 3],
    ["a.b:c", 'expected a name after "."', 3],
    ["w = 80cm", '"80cm" is not a valid number; write numbers without units or letters', 5],
    [`w = ${"9".repeat(400)}`, "number is too large", 5],
    ["a => b", '"=>" is not an operator; use ">=" for "at least" or "->" for "implies"', 3],
    ["a =< b", '"=<" is not an operator; use "<=" for "at most"', 3],
    ["a <> b", '"<>" is not an operator; use "!=" for "not equal"', 3],
    ["a & b", 'unknown character "&"; write "and"', 3],
    ["a | b", 'unknown character "|"; write "or"', 3],
    ["colour = \u2018red\u2019", 'unknown character "\u2018"; use straight quotes \' or "', 10],
    ["größe = 1", 'unknown character "ö"; names may use only the letters A-Z and a-z, digits and "_"', 3],
    ["a = \u0001", 'unknown character "\\u0001"', 5],
    ["x = '\\q'", 'unknown escape "\\q" in a string; write "\\\\" for a backslash', 6],
    ["a:b:c", 'a name can contain only one ":"', 1],
    ["woodcraft: walnut", 'expected a name after "woodcraft:"', 1],
    ["in:x", '"in" is a reserved word and cannot be part of the name "in:x"', 1],
  ])("%j", (source, message, column) => {
    const error = errorOf(source);
    expect(error.message).toBe(message);
    expect(error.column).toBe(column);
    expect(error.line).toBe(1 + (source.slice(0, error.start).match(/\n/g)?.length ?? 0));
  });

  it("reports an emoji as one whole character", () => {
    const error = errorOf("a = 🪵");
    expect(error.message).toBe('unknown character "🪵"');
    expect([error.start, error.end]).toEqual([4, 6]);
  });

  it("reports the first problem in the text, even if a later one is lexical", () => {
    expect(errorOf("a = = #").message).toBe('expected a value after "="');
    expect(errorOf("(a # b").message).toBe('unknown character "#"');
  });

  it("points at the offending token", () => {
    expect(errorOf("a = b = c")).toMatchObject({ start: 6, end: 7 });
    expect(errorOf("name = 'oak")).toMatchObject({ start: 7, end: 11 });
    expect(errorOf("a and")).toMatchObject({ start: 5, end: 5 });
  });

  it("gives line and column on multi-line input, naming the line of a far-away bracket", () => {
    const error = errorOf("frame = oak\n  requires (finish = natural\n    or finish = oiled\n");
    expect(error.message).toBe('expected ")" to close "(" opened at line 2, column 12');
    expect([error.line, error.column]).toEqual([4, 1]);
    const same = errorOf("a and\n  (b or c d)");
    expect(same.message).toBe('expected ")" to close "(" opened at column 3');
    expect([same.line, same.column]).toEqual([2, 11]);
  });
});

describe("limits", () => {
  it("rejects sources longer than the limit", () => {
    const source = Array.from({ length: 1000 }, (_, i) => `a${i}`).join(" and ");
    expect(source.length).toBeGreaterThan(MAX_SOURCE_LENGTH);
    const error = errorOf(source);
    expect(error.message).toBe(`expression is too long (${source.length} characters; the limit is 4096)`);
    expect(error.start).toBe(MAX_SOURCE_LENGTH);
    expect(error.end).toBe(source.length);
    expect(parseExpression("a".repeat(MAX_SOURCE_LENGTH)).ok).toBe(true);
  });

  it("accepts nesting up to the limit and rejects one level more", () => {
    const nested = (n: number) => `${"(".repeat(n)}a${")".repeat(n)}`;
    expect(parseExpression(nested(MAX_NESTING)).ok).toBe(true);
    const error = errorOf(nested(MAX_NESTING + 1));
    expect(error.message).toBe("expression is nested too deeply (more than 64 levels)");
    expect(error.start).toBe(MAX_NESTING);
  });

  it.each([
    ["parentheses", (n: number) => `${"(".repeat(n)}a${")".repeat(n)}`],
    ["calls", (n: number) => `${"f(".repeat(n)}a${")".repeat(n)}`],
    ["in-lists", (n: number) => `${"a in (".repeat(n)}a${")".repeat(n)}`],
    ["not", (n: number) => `${"not ".repeat(n)}a`],
    ["!", (n: number) => `${"!".repeat(n)}a`],
    ["minus", (n: number) => `${"-".repeat(n)}a`],
    ["mixed", (n: number) => `${"not -(".repeat(n)}a${")".repeat(n)}`],
  ])("counts nesting through %s", (_, make) => {
    expect(errorOf(make(MAX_NESTING + 1)).message).toBe("expression is nested too deeply (more than 64 levels)");
    expect(errorOf(make(500)).message).toBe("expression is nested too deeply (more than 64 levels)");
  });

  it("answers pathological inputs quickly", () => {
    const inputs = [
      "(".repeat(10_000),
      "(".repeat(4000),
      "f(".repeat(2000),
      "-".repeat(4096),
      "'".repeat(4096),
      "a+".repeat(2047),
      `${"a -> ".repeat(800)}b`,
      "\\".repeat(4096),
      "a.".repeat(2048),
    ];
    for (const input of inputs) {
      const started = performance.now();
      const result = parseExpression(input);
      expect(performance.now() - started).toBeLessThan(200);
      if (!result.ok) {
        expect(result.error.start).toBeGreaterThanOrEqual(0);
        expect(result.error.end).toBeLessThanOrEqual(input.length);
      }
    }
    expect(parseExpression("(".repeat(10_000)).ok).toBe(false);
  });
});
