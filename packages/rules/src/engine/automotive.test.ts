import { beforeAll, describe, expect, it } from "vitest";
import { parseDimacs } from "../import/dimacs.ts";
import type { ConfigModel } from "../model/model.ts";
import { readBenchmark } from "../testing/benchmarks.ts";
import { type Choice, parseChoices } from "./choice.ts";
import { createSpace } from "./create.ts";
import { lintModel } from "./lint.ts";
import type { SolutionSpace } from "./space.ts";

const TOTAL =
  54337953889526644797436357304783500234473556203012469981705794070419609376066883019863858681556047971579366711252721976681982553481954710208375451836305175948768348959659511355551303323044387225600000000000000000000000n;

describe("Automotive01, a real 2,513-option car model, against its published answers", () => {
  let model: ConfigModel;
  let space: SolutionSpace;

  beforeAll(() => {
    const parsed = parseDimacs(readBenchmark("automotive01/auto1.cnf"));
    if (!parsed.ok) throw new Error("auto1.cnf did not parse");
    model = parsed.model;
    const created = createSpace(model);
    expect(created.space.mode).toBe("compiled");
    space = created.space;
  });

  const choices = (text: string): Choice[] => {
    const parsed = parseChoices(model, text);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    return [...parsed.choices];
  };

  it("counts every configuration", () => {
    expect(space.evaluate([]).count).toBe(TOTAL);
  });

  it("finds the 94 core and 185 dead options", () => {
    const lint = lintModel(model, { budgetMs: 0 });
    expect(lint.forced).toBe(94);
    expect(lint.dead).toBe(185);
  });

  it("reproduces every per-option count of auto1_sb_fs.csv", () => {
    const rows = readBenchmark("automotive01/auto1_sb_fs.csv").trim().split("\n");
    expect(rows.length).toBe(2513);
    const counts = space.valueCounts([])!;
    const approximate = space.approximateValueCounts([])!;
    let beyondDoubles = 0;
    for (const row of rows) {
      const [option, count] = row.split(",");
      const exact = BigInt(count!);
      expect(counts[Number(option) - 1]![0], `option ${option}`).toBe(exact);
      // For display: the same figure to far more significant digits than any display shows.
      const inDouble = approximate[Number(option) - 1]![0]!;
      expect(Math.abs(inDouble - Number(exact)), `option ${option} in doubles`).toBeLessThanOrEqual(
        Number(exact) * 1e-12,
      );
      if (exact >= 2n ** 53n) beyondDoubles++;
    }
    expect(beyondDoubles).toBeGreaterThan(1_000);
  });

  it("reproduces all 5,000 partial-configuration counts of auto1_sb_pc.csv", () => {
    const rows = readBenchmark("automotive01/auto1_sb_pc.csv").trim().split("\n");
    expect(rows.length).toBe(5000);
    let zero = 0;
    for (const row of rows) {
      const [literals, count] = row.split(",");
      const expected = BigInt(count!);
      if (expected === 0n) zero++;
      expect(space.evaluate(choices(literals!)).count, literals).toBe(expected);
    }
    expect(zero).toBe(2000);
  }, 120_000);

  it("falls back to search within a tiny compile budget, still exact for validity and domains", () => {
    const fallback = createSpace(model, { compileBudgetMs: 1 });
    expect(fallback.space.mode).toBe("search");
    expect(fallback.fallback).toBe("time");
    const lines = readBenchmark("automotive01/auto1.config").trim().split("\n");
    for (const line of [...lines.slice(0, 3), ...lines.slice(1000, 1003), ...lines.slice(4000, 4003)]) {
      const set = choices(line);
      const compiled = space.evaluate(set);
      const searched = fallback.space.evaluate(set);
      expect(searched.consistent, line).toBe(compiled.consistent);
      expect(searched.count).toBeUndefined();
      expect(searched.possible, line).toEqual(compiled.possible);
    }
  }, 120_000);
});
