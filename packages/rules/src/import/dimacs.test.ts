import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIMACS_MAX_VARIABLES, dimacsVariable, parseDimacs } from "./dimacs.ts";
import { MAX_DIAGNOSTICS } from "./result.ts";
import { bruteForce, expectErrors, expectOk, located } from "./test-helpers.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const AUTO1 = "/work/shared/benchmarks/automotive01/auto1.cnf";

describe("parseDimacs on real and example files", () => {
  it("reads automotive01 with names, one group per clause, quickly", () => {
    const text = readFileSync(AUTO1, "utf8");
    const model = expectOk(parseDimacs(text));
    expect(model.numVars).toBe(2513);
    expect(model.variables).toHaveLength(2513);
    expect(model.clauses).toHaveLength(10275);
    expect(model.constraints).toHaveLength(10275);
    expect(model.variables[0]!.id).toBe("N_100300__F_100332");
    expect(dimacsVariable(model, 2)?.id).toBe("N_100300__F_100331");
    expect(model.constraints[0]!.clauses).toEqual([0]);
    expect(model.constraints[0]!.source).toEqual({ line: 2515, column: 1 });
    expect(model.constraints[10274]!.id).toBe("clause 10275");
    expect(new Set(model.variables.map((v) => v.id)).size).toBe(2513);
    // Best of several runs: the machine is shared, and the first run includes JIT warm-up.
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      parseDimacs(text);
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(100);
  });

  it("reads the tiny fixture into exact boolean variables, messages and sources", () => {
    const model = expectOk(parseDimacs(fixture("tiny.cnf")));
    expect(model.variables.map((v) => v.id)).toEqual(["Petrol", "Diesel", "Turbo", "TowBar"]);
    expect(model.variables[2]).toEqual({
      id: "Turbo",
      kind: "boolean",
      values: [
        { id: "true", lit: 3 },
        { id: "false", lit: -3 },
      ],
    });
    expect(model.clauses).toEqual([
      [1, 2],
      [-1, -2],
      [-3, 1],
    ]);
    expect(model.constraints[2]).toEqual({
      id: "clause 3",
      message: "clause 3 on line 10: ¬Turbo ∨ Petrol",
      clauses: [2],
      source: { line: 10, column: 1 },
    });
    expect(model.pricing).toEqual({ base: 0, weights: [] });
    expect(model.leadTimes).toEqual([]);
    expect(bruteForce(model).count).toBe(6);
  });

  it("uses numbers for unnamed variables and in messages", () => {
    const model = expectOk(parseDimacs("c 2 b\np cnf 3 1\n-3 2 1 0\n"));
    expect(model.variables.map((v) => v.id)).toEqual(["1", "b", "3"]);
    expect(model.constraints[0]!.message).toBe("clause 1 on line 3: -3 ∨ b ∨ 1");
  });
});

describe("parseDimacs clause syntax", () => {
  it("accepts clauses spanning lines, comments inside clauses and an unterminated last clause", () => {
    const model = expectOk(parseDimacs("p cnf 3 3\n1\n  -2\nc between\n 3 0 -1 0\n\t2 3\n"));
    expect(model.clauses).toEqual([[1, -2, 3], [-1], [2, 3]]);
    expect(model.constraints.map((c) => c.source)).toEqual([
      { line: 2, column: 1 },
      { line: 5, column: 6 },
      { line: 6, column: 2 },
    ]);
  });

  it("stops at a SATLIB % line", () => {
    const model = expectOk(parseDimacs("p cnf 2 1\n1 -2 0\n%\n0\n\n"));
    expect(model.clauses).toEqual([[1, -2]]);
  });

  it("keeps an empty clause and handles CRLF line ends", () => {
    const model = expectOk(parseDimacs("p cnf 1 2\r\n1 0\r\n0\r\n"));
    expect(model.clauses).toEqual([[1], []]);
    expect(model.constraints[1]!.source).toEqual({ line: 3, column: 1 });
    expect(bruteForce(model).count).toBe(0);
  });

  it("ignores prose comments that happen to start with a number", () => {
    const model = expectOk(parseDimacs("c 1 is the engine here\np cnf 1 0\n"));
    expect(model.variables[0]!.id).toBe("1");
  });
});

describe("parseDimacs errors", () => {
  const cases: [string, string, string[]][] = [
    ["missing header", "1 2 0\n", ["1:1 syntax"]],
    ["empty input", "", ["1:1 syntax"]],
    ["malformed header word", "p cnf x 3\n", ["1:7 syntax"]],
    ["header with wrong format", "p sat 3 1\n", ["1:3 syntax"]],
    ["truncated header", "p cnf 3\n", ["1:8 syntax"]],
    ["header after clauses", "c x\n1 0\np cnf 1 1\n", ["2:1 syntax", "3:1 syntax"]],
    ["second header", "p cnf 1 0\n p cnf 1 0\n", ["2:2 syntax"]],
    ["non-integer token", "p cnf 3 1\n1  a2 0\n", ["2:4 syntax"]],
    ["lone minus", "p cnf 3 1\n1 - 0\n", ["2:3 syntax"]],
    ["literal out of range", "p cnf 3 1\n1\n -4 0\n", ["3:2 unknown-reference"]],
    ["huge literal", "p cnf 3 1\n99999999999999999999 0\n", ["2:1 unknown-reference"]],
    ["too few clauses", "p cnf 3 2\n1 0\n", ["1:9 syntax"]],
    ["too many clauses", "p cnf 3 1\n1 0 2 0\n", ["1:9 syntax"]],
    ["too many variables", `p cnf ${DIMACS_MAX_VARIABLES + 1} 1\n1 0\n`, ["1:7 too-large"]],
  ];
  for (const [name, text, expected] of cases)
    it(`reports ${name} with line and column`, () => {
      expect(located(expectErrors(parseDimacs(text)))).toEqual(expected);
    });

  it("collects several errors in one pass", () => {
    const errors = expectErrors(parseDimacs("p cnf 2 3\n1 x 0\n3 0\ny 2\n"));
    expect(located(errors)).toEqual(["2:3 syntax", "3:1 unknown-reference", "4:1 syntax"]);
    expect(errors[1]!.message).toContain("3");
  });

  it("caps the number of diagnostics", () => {
    const errors = expectErrors(parseDimacs(`p cnf 1 1\n${"x ".repeat(10_000)}0\n`));
    expect(errors).toHaveLength(MAX_DIAGNOSTICS);
    expect(errors.at(-1)!.message).toMatch(/too many/);
  });

  it("rejects input over maxBytes, counting UTF-8 bytes", () => {
    expect(located(expectErrors(parseDimacs("p cnf 1 1\n1 0\n", { maxBytes: 10 })))).toEqual(["1:1 too-large"]);
    // 7 characters but 11 bytes.
    expect(expectErrors(parseDimacs("c éééé\n", { maxBytes: 10 }))[0]!.code).toBe("too-large");
    expect(expectOk(parseDimacs("p cnf 0 0\n", { maxBytes: 10 })).numVars).toBe(0);
  });
});

describe("parseDimacs names", () => {
  it("warns about one name for two variables and keeps ids unique", () => {
    const result = parseDimacs("c 1 a\nc 2 a\np cnf 2 0\n");
    const model = expectOk(result);
    expect(model.variables.map((v) => v.id)).toEqual(["a", "2"]);
    expect(result.ok && located(result.warnings)).toEqual(["2:5 duplicate"]);
    expect(result.ok && result.warnings[0]!.severity).toBe("warning");
  });

  it("warns about two names for one variable and keeps the first", () => {
    const result = parseDimacs("c 1 a\nc 1 b\np cnf 1 0\n");
    expect(expectOk(result).variables[0]!.id).toBe("a");
    expect(result.ok && located(result.warnings)).toEqual(["2:5 duplicate"]);
  });

  it("renames a variable whose number is another variable's name", () => {
    const result = parseDimacs("c 1 2\np cnf 2 0\n");
    expect(expectOk(result).variables.map((v) => v.id)).toEqual(["2", "#2"]);
    expect(result.ok && result.warnings).toHaveLength(1);
  });

  it("warns about names of undeclared variables", () => {
    const result = parseDimacs("c 5 x\np cnf 1 0\n");
    expect(result.ok && located(result.warnings)).toEqual(["1:5 unknown-reference"]);
  });
});
