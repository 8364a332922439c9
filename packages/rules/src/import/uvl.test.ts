import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bruteForce, expectErrors, expectOk, located } from "./test-helpers.ts";
import { parseUvl, type UvlImportOptions } from "./uvl.ts";

const car = readFileSync(new URL("./fixtures/car.uvl", import.meta.url), "utf8");

/** Counts configurations and checks that every auxiliary variable is determined. */
function count(text: string, options: UvlImportOptions = {}): number {
  const result = bruteForce(expectOk(parseUvl(text, options)));
  expect(result.ambiguous).toBe(0);
  return result.count;
}

/** Root `R` with the given group lines (indented by four) and constraints. */
function model(groups: string, constraints: string[] = []): string {
  const body = groups
    .trim()
    .split("\n")
    .map((l) => `        ${l}`)
    .join("\n");
  const block = constraints.length > 0 ? `constraints\n${constraints.map((c) => `    ${c}`).join("\n")}\n` : "";
  return `features\n    R\n${body}\n${block}`;
}

const optionals = (names: string[]) => model(`optional\n${names.map((n) => `    ${n}`).join("\n")}`);
const withConstraint = (names: string[], constraint: string) => `${optionals(names)}constraints\n    ${constraint}\n`;

// Both the default encodings and, with tiny limits, sequential counters and Tseitin everywhere.
const ENCODINGS: [string, UvlImportOptions][] = [
  ["default encodings", {}],
  ["counters and auxiliaries", { subsetLimit: 0, distributeLimit: 1 }],
];

describe.each(ENCODINGS)("parseUvl counts with %s", (_, options) => {
  it("counts the car fixture: 5 engines × 2 roofs × 3 infotainments", () => {
    expect(count(car, options)).toBe(30);
  });

  it.each([
    ["alternative of 3", "alternative\n    A\n    B\n    C", 3],
    ["or of 3", "or\n    A\n    B\n    C", 7],
    ["mandatory and optional", "mandatory\n    A\noptional\n    B", 2],
    ["[2..3] of 4", "[2..3]\n    A\n    B\n    C\n    D", 10],
    ["[2] of 4", "[2]\n    A\n    B\n    C\n    D", 6],
    ["[3..*] of 4", "[3..*]\n    A\n    B\n    C\n    D", 5],
    ["[0..1] of 3", "[0..1]\n    A\n    B\n    C", 4],
    ["[1..*] of 3", "[1..*]\n    A\n    B\n    C", 7],
    ["[0] of 2", "[0]\n    A\n    B", 1],
    ["[5..6] of 4, impossible", "[5..6]\n    A\n    B\n    C\n    D", 0],
    ["optional parent of an alternative", "optional\n    A\n        alternative\n            X\n            Y", 3],
    ["two groups under one parent", "alternative\n    A\n    B\nor\n    C\n    D", 6],
  ])("counts %s", (_, groups, expected) => {
    expect(count(model(groups), options)).toBe(expected);
  });

  it.each([
    ["A <=> B", 4],
    ["!(A & B)", 6],
    ["A <=> (B <=> C)", 4],
    // & binds tighter than |: 5, not the 3 of (A | B) & C.
    ["A | B & C", 5],
    // => is left associative as in the reference grammar: 5, not the 7 of A => (B => C).
    ["A => B => C", 5],
    // => binds tighter than <=>: 4, not the 6 of (A <=> B) => C.
    ["A <=> B => C", 4],
    ["!A & B", 2],
    ["!!A", 4],
    ["!(A => B) | (B <=> !C)", 5],
    ["A & !A", 0],
    ["A | !A", 8],
    ["!R", 0],
  ])("counts optionals A, B, C with %s", (constraint, expected) => {
    expect(count(withConstraint(["A", "B", "C"], constraint), options)).toBe(expected);
  });

  it("counts a disjunction of five conjunctions (needs auxiliaries by default)", () => {
    const names = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
    const text = withConstraint(names, "(A & B) | (C & D) | (E & F) | (G & H) | (I & J)");
    // All assignments minus those with no pair fully selected: 2^10 - 3^5.
    expect(count(text, options)).toBe(1024 - 243);
  });

  it("counts a chain of equivalences (parity)", () => {
    expect(count(withConstraint(["A", "B", "C", "D"], "A <=> B <=> C <=> D"), options)).toBe(8);
  });
});

describe("parseUvl model structure", () => {
  it("turns the car fixture into variables and named groups with sources", () => {
    const result = parseUvl(car);
    const m = expectOk(result);
    expect(result.ok && result.warnings).toEqual([]);
    expect(m.variables.map((v) => v.id)).toEqual([
      "Car",
      "Engine",
      "Petrol",
      "Diesel",
      "Electric",
      "Turbo",
      "Wheels",
      "Sun Roof",
      "Radio",
      "Navigation",
    ]);
    expect(m.variables[4]!.values).toEqual([
      { id: "true", lit: 5 },
      { id: "false", lit: -5 },
    ]);
    const byId = new Map(m.constraints.map((c) => [c.id, c]));
    expect(byId.get("alternative:Engine")).toMatchObject({
      message: "Engine needs exactly one of Petrol, Diesel, Electric",
      source: { line: 11, column: 17 },
    });
    expect(byId.get("mandatory:Wheels")).toMatchObject({
      message: "Car always has Wheels",
      source: { line: 17, column: 13 },
    });
    expect(byId.get("parent:Turbo")).toMatchObject({ message: "Turbo needs Engine", source: { line: 16, column: 21 } });
    expect(byId.get("or:Car")?.message).toBe("Car needs at least one of Radio, Navigation");
    expect(byId.get("root:Car")?.message).toBe("Car is always selected");
    expect(byId.get("constraint:1")).toMatchObject({ message: "Turbo => !Electric", source: { line: 26, column: 5 } });
    expect(byId.has("parent:Sun Roof")).toBe(true);
    expect(m.constraints.map((c) => c.id)).toHaveLength(new Set(m.constraints.map((c) => c.id)).size);
    // Each group points at the clauses that state it.
    expect(byId.get("constraint:1")!.clauses.map((i) => m.clauses[i])).toEqual([[-6, -5]]);
    expect(m.pricing).toEqual({ base: 0, weights: [] });
  });

  it("keeps auxiliaries out of the variables and their definitions out of the groups", () => {
    const m = expectOk(parseUvl(withConstraint(["A", "B", "C", "D"], "(A & B) <=> (C | D)")));
    expect(m.variables).toHaveLength(5);
    expect(m.numVars).toBeGreaterThan(5);
    const grouped = new Set(m.constraints.flatMap((c) => c.clauses));
    const structural = m.clauses.filter((_, i) => !grouped.has(i));
    expect(structural.length).toBeGreaterThan(0);
    expect(structural.every((c) => c.some((l) => Math.abs(l) > 5))).toBe(true);
  });

  it("encodes a large alternative group linearly with a sequential counter", () => {
    const kids = Array.from({ length: 200 }, (_, i) => `    K${i}`).join("\n");
    const m = expectOk(parseUvl(model(`alternative\n${kids}`)));
    expect(m.variables).toHaveLength(201);
    expect(m.numVars).toBeGreaterThan(201);
    expect(m.clauses.length).toBeLessThan(3000); // pairwise would need 19,900
    expect(m.constraints.find((c) => c.id === "alternative:R")?.message).toMatch(
      /^R needs exactly one of K0, K1,.*\(180 more\)$/,
    );
  });

  it("numbers groups of one kind under one parent", () => {
    const m = expectOk(parseUvl(model("or\n    A\n    B\nor\n    C\n    D")));
    expect(m.constraints.filter((c) => c.id.startsWith("or:")).map((c) => c.id)).toEqual(["or:R", "or:R#2"]);
  });

  it("describes cardinality groups", () => {
    const messages = (groups: string) => expectOk(parseUvl(model(groups))).constraints.map((c) => c.message);
    expect(messages("[2..3]\n    A\n    B\n    C")).toContain("R needs between 2 and 3 of A, B, C");
    expect(messages("[2]\n    A\n    B\n    C")).toContain("R needs exactly 2 of A, B, C");
    expect(messages("[2..*]\n    A\n    B\n    C")).toContain("R needs at least 2 of A, B, C");
    expect(messages("[0..1]\n    A\n    B\n    C")).toContain("R needs at most one of A, B, C");
  });
});

describe("parseUvl syntax", () => {
  it("accepts tabs, spaces and mixed but consistent nesting", () => {
    expect(count("features\n\tR\n\t\toptional\n\t\t\tA\n\t\t\tB\n")).toBe(4);
    expect(count("features\n  R\n    alternative\n      A\n      B\n")).toBe(2);
    expect(count("features\n\tR\n\t  or\n\t  \tA\n\t  \tB\n\t  \tC\n")).toBe(7);
  });

  it("accepts quoted names, attributes, comments, language levels and multi-line constraints", () => {
    const text = [
      "namespace Shop.Demo",
      "include",
      "    Boolean.*",
      "    Arithmetic.feature-cardinality",
      "features",
      "    \"The Shop\" {abstract, key 'value', cost 12, nested {a -1.5, b [1, 2, {c true}]}}",
      "        optional // trailing comment",
      '            "Gift wrap v2.0" {abstract true}',
      "            /* a comment",
      "               over lines */",
      "            Boolean Express",
      "            Insurance {}",
      "constraints",
      '    ("Gift wrap v2.0" |',
      "        Express) => !Insurance",
      "",
    ].join("\n");
    const m = expectOk(parseUvl(text));
    expect(m.variables.map((v) => v.id)).toEqual(["The Shop", "Gift wrap v2.0", "Express", "Insurance"]);
    expect(m.constraints.at(-1)).toMatchObject({
      id: "constraint:1",
      message: '("Gift wrap v2.0" | Express) => !Insurance',
      source: { line: 14, column: 5 },
    });
    expect(bruteForce(m).count).toBe(5);
  });

  it("accepts CRLF line ends and a file without a final newline", () => {
    expect(count("features\r\n  R\r\n    optional\r\n      A\r\nconstraints\r\n  A")).toBe(1);
  });
});

describe("parseUvl errors", () => {
  const cases: [string, string, string[]][] = [
    ["mixed tabs and spaces", "features\n\tR\n\t\toptional\n\t\t\tA\n\t\t    B\n", ["5:7 syntax"]],
    ["a dedent to no enclosing level", "features\n    R\n        optional\n            A\n      B\n", ["5:7 syntax"]],
    ["an unknown reference", "features\n    R\nconstraints\n    R => (Q | R)\n", ["4:11 unknown-reference"]],
    ["a duplicate feature", "features\n    R\n        optional\n            A\n            A\n", ["5:13 duplicate"]],
    ["a missing operand", "features\n    R\nconstraints\n    R & & R\n", ["4:9 syntax"]],
    ["a missing operator", "features\n    R\nconstraints\n    R R\n", ["4:7 syntax"]],
    ["an unterminated name", 'features\n    "R\n', ["2:5 syntax"]],
    ["an unterminated comment", "features\n    R /* never\n closed", ["2:7 syntax"]],
    ["an unclosed parenthesis", "features\n    R\nconstraints\n    (R\n", ["4:5 syntax", "5:1 syntax"]],
    ["imports", "imports\n    Other as O\nfeatures\n    R\n", ["1:1 unsupported"]],
    [
      "a feature cardinality",
      "features\n    R\n        optional\n            A cardinality [1..3]\n",
      ["4:15 unsupported"],
    ],
    ["an Integer feature", "features\n    R\n        optional\n            Integer size\n", ["4:13 unsupported"]],
    ["a sum constraint", "features\n    R\nconstraints\n    sum(R) > 2\n", ["4:5 unsupported"]],
    ["a comparison", "features\n    R\nconstraints\n    R > 2\n", ["4:7 unsupported"]],
    ["arithmetic", "features\n    R\nconstraints\n    R + R == R\n", ["4:7 unsupported"]],
    ["a string comparison", "features\n    R\nconstraints\n    R == 'x'\n", ["4:7 unsupported"]],
    ["a constraint attribute", "features\n    R {constraint R => R}\n", ["2:8 unsupported"]],
    ["a missing features section", "constraints\n", ["1:1 syntax"]],
    ["a second root", "features\n    R\n    S\n", ["3:5 syntax"]],
    ["a group without features", "features\n    R\n        optional\n", ["3:9 syntax"]],
    ["a feature where a group belongs", "features\n    R\n        A\n", ["3:9 syntax"]],
    ["a group keyword as a feature", "features\n    R\n        optional\n            or\n", ["4:13 syntax"]],
    ["an empty cardinality", "features\n    R\n        [3..1]\n            A\n", ["3:14 syntax"]],
    ["a bad cardinality", "features\n    R\n        [1..x]\n            A\n", ["3:13 syntax"]],
    ["an unexpected character", "features\n    R @\n", ["2:7 syntax"]],
    ["a bad attribute", "features\n    R {cost}}\n", ["2:13 syntax"]],
    ["an indented top level", "  features\n    R\n", ["1:3 syntax"]],
  ];
  for (const [name, text, expected] of cases)
    it(`reports ${name} with line and column`, () => {
      expect(located(expectErrors(parseUvl(text)))).toEqual(expected);
    });

  it("collects several errors", () => {
    const text =
      "features\n    R\n        optional\n            A\n            A\nconstraints\n    X\n    A & Y\n    sum(A) > 1\n";
    expect(located(expectErrors(parseUvl(text)))).toEqual([
      "5:13 duplicate",
      "7:5 unknown-reference",
      "8:9 unknown-reference",
      "9:5 unsupported",
    ]);
  });

  it("warns when a cardinality group can never be satisfied", () => {
    const result = parseUvl(model("[3]\n    A\n    B"));
    expect(result.ok && located(result.warnings)).toEqual(["3:9 contradiction"]);
  });

  it("rejects oversized input", () => {
    expect(located(expectErrors(parseUvl(car, { maxBytes: 100 })))).toEqual(["1:1 too-large"]);
  });

  it("bounds nesting instead of overflowing the stack", () => {
    const header = "features\n    R\nconstraints\n    ";
    const deep = [
      `${header}${"(".repeat(5000)}R${")".repeat(5000)}\n`,
      `${header}${"!".repeat(50_000)}R\n`,
      `${header}${Array(3000).fill("R").join(" => ")}\n`,
      `${header}${Array(3000).fill("R").join(" <=> ")}\n`,
      `features\n    R {${"a {".repeat(3000)}${"}".repeat(3001)}\n`,
      `features\n${Array.from({ length: 400 }, (_, i) => `${" ".repeat(i + 1)}${i % 2 ? "optional" : `F${i}`}`).join("\n")}\n`,
    ];
    for (const text of deep) {
      const errors = expectErrors(parseUvl(text));
      expect(errors.map((e) => e.code)).toContain("too-large");
    }
  });

  it("handles wide flat constraints", () => {
    const header = "features\n    R\nconstraints\n    ";
    expect(count(`${header}${Array(50_000).fill("R").join(" & ")}\n`)).toBe(1);
    expect(count(`${header}${Array(50_000).fill("!R").join(" | ")} | R\n`)).toBe(1);
  });
});
