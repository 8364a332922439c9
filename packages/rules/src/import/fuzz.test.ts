import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDimacs } from "./dimacs.ts";
import type { ImportResult } from "./result.ts";
import { parseUvl } from "./uvl.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const VALID_UVL = [
  fixture("car.uvl"),
  [
    "namespace N",
    "features",
    '\t"A b.c" {abstract, cost -1.5, tags [1, {x true}]}',
    "\t\t[1..2]",
    "\t\t\tB",
    "\t\t\tC",
    "\t\toptional",
    "\t\t\tD",
    "constraints",
    '\t(B | !C) <=> D & "A b.c"',
    "",
  ].join("\n"),
];
const VALID_CNF = [fixture("tiny.cnf"), "c 1 x\nc 2 y\np cnf 3 3\n1 -2 0\n2\n3 0 -1 -3 0\n%\n0\n"];

const UVL_PIECES = [
  "features",
  "constraints",
  "namespace",
  "include",
  "imports",
  "optional",
  "mandatory",
  "alternative",
  "or",
  "cardinality",
  "Boolean",
  "Integer",
  "sum",
  "A",
  "B",
  '"q r.s"',
  "'str'",
  "[1..2]",
  "[",
  "]",
  "..",
  "*",
  "{",
  "}",
  "(",
  ")",
  "!",
  "&",
  "|",
  "=>",
  "<=>",
  "==",
  ">",
  "+",
  ",",
  ".",
  "1",
  "-2",
  "//",
  "/*",
  "*/",
  '"',
  "'",
  "\n",
  "\r\n",
  "\t",
  " ",
  "    ",
];
const CNF_PIECES = ["p", "cnf", "c", "%", "0", "1", "-1", "2", "-3", "99999999999", "x", "-", "\n", "\r\n", " ", "\t"];

/** The importers' contract: no exceptions, and every diagnostic points into the text. */
function wellFormed(result: ImportResult): void {
  if (result.ok) {
    const { model } = result;
    expect(model.numVars).toBeGreaterThanOrEqual(model.variables.length);
    for (const clause of model.clauses)
      for (const lit of clause) expect(Math.abs(lit)).toBeLessThanOrEqual(model.numVars);
    for (const c of model.constraints) for (const i of c.clauses) expect(i).toBeLessThan(model.clauses.length);
  } else expect(result.errors.some((e) => e.severity === "error")).toBe(true);
  const diagnostics = result.ok ? result.warnings : result.errors;
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toMatch(/internal error/);
  }
  expect(diagnostics.length).toBeLessThanOrEqual(50);
}

/** Valid inputs with random deletions, insertions and replacements. */
function mutated(valid: string[], pieces: string[]): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat(6),
    insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }),
  });
  return fc.tuple(fc.constantFrom(...valid), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) =>
    edits.reduce((t, e) => {
      const at = e.at % (t.length + 1);
      return t.slice(0, at) + e.insert.join("") + t.slice(at + e.remove);
    }, text),
  );
}

const anyText = fc.string({ unit: "binary", maxLength: 300 });
const tokenSoup = (pieces: string[]) => fc.string({ unit: fc.constantFrom(...pieces), maxLength: 80 });

describe.each([
  ["parseUvl", parseUvl, VALID_UVL, UVL_PIECES],
  ["parseDimacs", parseDimacs, VALID_CNF, CNF_PIECES],
] as const)("%s never throws", (_, parse, valid, pieces) => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(anyText, (text) => wellFormed(parse(text))),
      { numRuns: 400 },
    );
  });

  it("on soups of its own tokens", () => {
    fc.assert(
      fc.property(tokenSoup(pieces), (text) => wellFormed(parse(text))),
      { numRuns: 400 },
    );
  });

  it("on mutated valid inputs", () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutated([...valid], [...pieces]), (text) => {
        const result = parse(text);
        wellFormed(result);
        if (!result.ok) rejected++;
      }),
      { numRuns: 400 },
    );
    // Mutations must reach the error paths, or this test checks little.
    expect(rejected).toBeGreaterThan(40);
  });

  it("accepts the unmutated inputs", () => {
    for (const text of valid) expect(parse(text).ok).toBe(true);
  });
});
