import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDimacs } from "../import/dimacs.ts";
import { SatSolver } from "../logic/sat/solver.ts";
import { benchmarkFile, readBenchmark } from "../testing/benchmarks.ts";
import { run } from "./main.ts";

const fixture = (path: string) => new URL(path, import.meta.url).pathname;
const desk = fixture("../pack/fixtures/desk.json");
const car = fixture("../import/fixtures/car.uvl");
const tiny = fixture("../import/fixtures/tiny.cnf");
const auto1 = benchmarkFile("automotive01/auto1.cnf");

function kitbash(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, { out: (line) => out.push(...line.split("\n")), err: (line) => err.push(line) });
  return { code, out, err };
}

function temp(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "kitbash-")), name);
  writeFileSync(path, content);
  return path;
}

describe("kitbash count", () => {
  it("prints the exact count of a pack, a UVL model and a CNF on its last line", () => {
    expect(kitbash("count", desk).out.at(-1)).toBe("165");
    expect(kitbash("count", car).out.at(-1)).toBe("30");
    expect(kitbash("count", tiny).out.at(-1)).toBe("6");
    expect(kitbash("count", desk, "--assume", "top=glass !lamp").out.at(-1)).toBe(
      kitbash("count", desk, "--assume", "top=glass").out.at(-1),
    );
  });

  it("answers a file of queries, one exact count per line, in order", () => {
    const lines = readBenchmark("automotive01/auto1_sb_pc.csv").trim().split("\n").slice(0, 40);
    const queries = temp("queries.txt", `${lines.map((l) => l.split(",")[0]).join("\n")}\n`);
    const { code, out } = kitbash("count", auto1, "--queries", queries);
    expect(code).toBe(0);
    expect(out).toEqual(lines.map((l) => l.split(",")[1]));
  });

  it("names a bad choice and where it is", () => {
    const { code, err } = kitbash("count", desk, "--assume", "top=marble");
    expect(code).toBe(1);
    expect(err[0]).toBe('--assume: "top=marble": top has no value "marble" (its values: oak, glass, steel)');
    const typo = kitbash("count", desk, "--assume", "lmap");
    expect(typo.err[0]).toBe('--assume: "lmap": there is no variable "lmap"; did you mean "lamp"?');
    const queries = temp("q.txt", "1 2\n3 99999\n");
    expect(kitbash("count", tiny, "--queries", queries).err[0]).toMatch(
      /^.*q\.txt:2: "99999": variables are numbered 1 to \d+$/,
    );
  });
});

describe("kitbash domains and explain", () => {
  it("lists the values still selectable per variable", () => {
    const { out } = kitbash("domains", desk, "--assume", "top=glass");
    const domains = JSON.parse(out.join("\n"));
    expect(domains.top).toEqual(["glass"]);
    expect(domains.lamp).toEqual([false]);
    expect(domains.height).toEqual([70, 80, 90]);
    expect(domains["drawers.1.handle"]).toEqual(["knob"]);
    const numbered = JSON.parse(kitbash("domains", tiny, "--assume", "1").out.join("\n"));
    expect(numbered["1"]).toEqual([true]);
  });

  it("explains a blocked choice with the customer's choices, the constraints and a repair", () => {
    const { out } = kitbash("explain", desk, "--assume", "height=80 top=glass", "--want", "lamp");
    expect(JSON.parse(out.join("\n"))).toEqual({
      want: "lamp",
      blocked: true,
      choices: ["top=glass"],
      constraints: [{ id: "glass-lamp", message: "There is no lamp for glass tops" }],
      repair: { changes: [{ from: "top=glass", to: "top=steel" }], price: 200 + 80 + 30 },
    });
    expect(JSON.parse(kitbash("explain", desk, "--assume", "top=oak", "--want", "lamp").out.join("\n"))).toEqual({
      want: "lamp",
      blocked: false,
    });
  });

  it("explains with CNF clause constraints and their lines", () => {
    const config = readBenchmark("automotive01/auto1.config").trim().split("\n");
    const counts = readBenchmark("automotive01/auto1_sb_pc.csv").trim().split("\n");
    const conflicting = config.find((_, i) => counts[i]!.endsWith(",0"))!.split(" ");
    const want = conflicting.pop()!;
    const { out } = kitbash("explain", auto1, "--assume", conflicting.join(" "), "--want", want);
    const result = JSON.parse(out.join("\n"));
    expect(conflicting[0]!.startsWith("-")).toBe(true);
    expect(result.blocked).toBe(true);
    expect(result.choices.length).toBeGreaterThan(0);
    expect(result.constraints[0].id).toMatch(/^clause \d+$/);
    expect(result.constraints[0].line).toBeGreaterThan(2513);
  });
});

describe("kitbash replay", () => {
  it("prints the count and the blocked literals after every click, skipping blocked clicks", () => {
    const sessions = temp("sessions.txt", "top=glass lamp height=90\nlamp !lamp\n");
    const { code, out } = kitbash("replay", desk, sessions);
    expect(code).toBe(0);
    const lines = out.map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0].blocked).toContain("lamp");
    expect(lines[0].blocked).toContain("top=oak");
    expect(lines[1]).toEqual({ error: "lamp is blocked by the choices before it" });
    expect(lines[2].count).toBe(kitbash("count", desk, "--assume", "top=glass height=90").out.at(-1));
    expect(lines[3].blocked).toContain("!lamp");
    expect(lines[4]).toEqual({ error: "!lamp is blocked by the choices before it" });
  });

  it("agrees with a SAT solver on which literals are blocked after each click of an Automotive01 session", () => {
    const parsed = parseDimacs(readBenchmark("automotive01/auto1.cnf"));
    if (!parsed.ok) throw new Error("auto1");
    const solver = new SatSolver(parsed.model.numVars);
    for (const clause of parsed.model.clauses) solver.addClause(clause);
    const session = readBenchmark("automotive01/auto1.config").split("\n")[1000]!.split(" ").slice(0, 3);
    const { out } = kitbash("replay", auto1, temp("s.txt", `${session.join(" ")}\n`));
    const assumed: number[] = [];
    out.forEach((line, k) => {
      const result = JSON.parse(line);
      if (result.error) return;
      assumed.push(Number(session[k]));
      const expected: number[] = [];
      for (let v = 1; v <= parsed.model.numVars; v++) {
        for (const lit of [v, -v]) if (solver.solve([...assumed, lit]) === "unsat") expected.push(lit);
      }
      expect(result.blocked).toEqual(expected);
    });
  }, 60_000);
});

describe("kitbash check", () => {
  it("accepts a valid pack and lints a CNF's dead and forced options", () => {
    const { code, out } = kitbash("check", desk);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(
      /ok \(pack, 8 variables, \d+ constraints, compiled mode, 165 configurations; 0 dead options, 0 forced/,
    );
    const cnf = kitbash("check", auto1, "--budget", "200");
    expect(cnf.out.at(-1)).toMatch(/185 dead options, 94 forced/);
    expect(cnf.out.filter((line) => line.includes("[dead-option]"))).toHaveLength(185);
  }, 60_000);

  it("rejects a broken pack with every error at its line and column", () => {
    const broken = temp(
      "broken.json",
      readFileSync(desk, "utf8").replace('"rule": "top = glass excludes lamp"', '"rule": "top = glas excludes lamp"'),
    );
    const { code, err, out } = kitbash("check", broken);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/broken\.json:\d+:\d+: error \[type\] top has no option "glas"/);
    expect(out.at(-1)).toBe(`${broken}: 1 error`);
  });
});

describe("the command line", () => {
  it("explains its usage and refuses unknown commands and flags", () => {
    expect(kitbash().code).toBe(2);
    expect(kitbash("frobnicate", desk).code).toBe(2);
    expect(kitbash("count", desk, "--asume", "x").code).toBe(2);
    expect(kitbash("bench", desk, "--sessions", "many").err[0]).toBe('--sessions must be a whole number, not "many"');
    expect(kitbash("count", "missing.json").err[0]).toMatch(/cannot read missing\.json: ENOENT/);
  });

  it("runs as `pnpm kitbash` from the repository root", () => {
    const root = fixture("../../../../");
    const output = execFileSync("pnpm", ["-s", "kitbash", "count", desk], { cwd: root, encoding: "utf8" });
    expect(output.trim().split("\n").at(-1)).toBe("165");
  }, 30_000);
});
