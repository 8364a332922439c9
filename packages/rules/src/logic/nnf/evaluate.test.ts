import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enumerateModels } from "../../testing/brute.ts";
import { smallCnf } from "../../testing/cnfs.ts";
import type { Cnf } from "../cnf.ts";
import { litFromDimacs } from "../literals.ts";
import { compileCnf } from "./compile.ts";
import { NnfEvaluator } from "./evaluate.ts";
import { factorSharedChildren } from "./factor.ts";

/** Evidence zeroing some literals, plus weights, drawn for a CNF; half the d-DNNFs factored. */
const scenario = smallCnf().chain((cnf) =>
  fc.record({
    cnf: fc.constant(cnf),
    factored: fc.boolean(),
    zeroed: fc.array(fc.integer({ min: 0, max: 2 * cnf.numVars - 1 }), { maxLength: 4 }),
    weights: fc.array(fc.integer({ min: -5, max: 20 }), { minLength: 2 * cnf.numVars, maxLength: 2 * cnf.numVars }),
    tie: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2 * cnf.numVars, maxLength: 2 * cnf.numVars }),
  }),
);

/** Factoring every group shared twice, even one that spares nothing, so that small diagrams get factored nodes too. */
const EAGER_FACTORING = { minEdgesSpared: 0, minShared: 2 };

function setup(cnf: Cnf, zeroed: number[], factored = false) {
  const result = compileCnf(cnf);
  if (!result.ok) throw new Error("compile failed");
  const nnf = factored ? factorSharedChildren(result.nnf, EAGER_FACTORING) : result.nnf;
  const allowed = new Uint8Array(2 * cnf.numVars).fill(1);
  for (const lit of zeroed) allowed[lit] = 0;
  // A model's internal literals and whether the evidence admits it.
  const models = enumerateModels(cnf).map((m) => m.map((value, v) => litFromDimacs(value ? v + 1 : -(v + 1))));
  const admitted = (model: number[], except = -1) => model.every((lit) => lit === except || allowed[lit] === 1);
  return { evaluator: new NnfEvaluator(nnf), allowed, models, admitted };
}

describe("d-DNNF queries agree with brute force", () => {
  it("counts models and decides satisfiability", () => {
    fc.assert(
      fc.property(scenario, ({ cnf, zeroed, factored }) => {
        const { evaluator, allowed, models, admitted } = setup(cnf, zeroed, factored);
        const expected = models.filter((m) => admitted(m)).length;
        expect(evaluator.count(allowed)).toBe(BigInt(expected));
        expect(evaluator.satisfiable(allowed)).toBe(expected > 0);
      }),
      { numRuns: 400 },
    );
  });

  it("derives, per literal, the models that drop only that literal's own evidence", () => {
    fc.assert(
      fc.property(scenario, ({ cnf, zeroed, factored }) => {
        const { evaluator, allowed, models, admitted } = setup(cnf, zeroed, factored);
        const counts = evaluator.literalCounts(allowed);
        const possible = new Uint8Array(2 * cnf.numVars);
        evaluator.possibleLiterals(allowed, possible);
        for (let lit = 0; lit < 2 * cnf.numVars; lit++) {
          const expected = models.filter((m) => m.includes(lit) && admitted(m, lit)).length;
          expect(counts[lit]).toBe(BigInt(expected));
          expect(possible[lit]).toBe(expected > 0 ? 1 : 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("finds weight ranges, peak ranges and lexicographically best models", () => {
    fc.assert(
      fc.property(scenario, ({ cnf, zeroed, factored, weights, tie }) => {
        const { evaluator, allowed, models, admitted } = setup(cnf, zeroed, factored);
        const w = Float64Array.from(weights);
        const t = Float64Array.from(tie);
        const kept = models.filter((m) => admitted(m));
        const total = (m: number[], ws: Float64Array) => m.reduce((s, lit) => s + ws[lit]!, 0);
        const peak = (m: number[]) => Math.max(...m.map((lit) => w[lit]!));
        const none = new Float64Array(2 * cnf.numVars);
        const possible = new Uint8Array(2 * cnf.numVars);
        const range = evaluator.click(allowed, w, none, possible).price;
        const peaks = evaluator.click(allowed, none, w, possible).leadTime;
        const best = evaluator.bestModel(allowed, w, t);
        if (kept.length === 0) {
          expect(range).toBeUndefined();
          expect(peaks).toBeUndefined();
          expect(best).toBeUndefined();
          return;
        }
        expect(range).toEqual({
          min: Math.min(...kept.map((m) => total(m, w))),
          max: Math.max(...kept.map((m) => total(m, w))),
        });
        expect(peaks).toEqual({ min: Math.min(...kept.map(peak)), max: Math.max(...kept.map(peak)) });
        const model = [...(best as Int32Array)];
        expect(admitted(model) && kept.some((m) => m.every((lit, i) => lit === model[i]))).toBe(true);
        const bestPrimary = Math.min(...kept.map((m) => total(m, w)));
        expect(total(model, w)).toBe(bestPrimary);
        const bestSecondary = Math.min(...kept.filter((m) => total(m, w) === bestPrimary).map((m) => total(m, t)));
        expect(total(model, t)).toBe(bestSecondary);
      }),
      { numRuns: 400 },
    );
  });

  it("answers a sequence of clicks on one evaluator as if each were the first", () => {
    const clicks = smallCnf().chain((cnf) =>
      fc.record({
        cnf: fc.constant(cnf),
        factored: fc.boolean(),
        steps: fc.array(fc.array(fc.integer({ min: 0, max: 2 * cnf.numVars - 1 }), { maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        prices: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2 * cnf.numVars, maxLength: 2 * cnf.numVars }),
      }),
    );
    fc.assert(
      fc.property(clicks, ({ cnf, factored, steps, prices }) => {
        const { evaluator, models } = setup(cnf, [], factored);
        const w = Float64Array.from(prices);
        for (const zeroed of steps) {
          const allowed = new Uint8Array(2 * cnf.numVars).fill(1);
          for (const lit of zeroed) allowed[lit] = 0;
          const kept = models.filter((m) => m.every((lit) => allowed[lit] === 1));
          const possible = new Uint8Array(2 * cnf.numVars);
          const click = evaluator.click(allowed, w, w, possible);
          expect(click.count).toBe(BigInt(kept.length));
          const totals = kept.map((m) => m.reduce((sum, lit) => sum + w[lit]!, 0));
          const peaks = kept.map((m) => Math.max(...m.map((lit) => w[lit]!)));
          expect(click.price).toEqual(
            kept.length > 0 ? { min: Math.min(...totals), max: Math.max(...totals) } : undefined,
          );
          expect(click.leadTime).toEqual(
            kept.length > 0 ? { min: Math.min(...peaks), max: Math.max(...peaks) } : undefined,
          );
          for (let lit = 0; lit < 2 * cnf.numVars; lit++) {
            const with_ = models.some((m) => m.includes(lit) && m.every((l) => l === lit || allowed[l] === 1));
            expect(possible[lit]).toBe(with_ ? 1 : 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("counts beyond what a double holds exactly", () => {
  // One clause over all 54 variables: every assignment but the all-false one, 2^54 - 1 (odd, so no double holds it).
  const numVars = 54;
  const cnf: Cnf = { numVars, clauses: [Array.from({ length: numVars }, (_, v) => v + 1)] };

  it("counts exactly with BigInt above 2^53, by click and by count", () => {
    const result = compileCnf(cnf);
    if (!result.ok) throw new Error("compile failed");
    const evaluator = new NnfEvaluator(result.nnf);
    const allowed = new Uint8Array(2 * numVars).fill(1);
    const possible = new Uint8Array(2 * numVars);
    const none = new Float64Array(2 * numVars);
    expect(evaluator.click(allowed, none, none, possible).count).toBe(2n ** 54n - 1n);
    expect(evaluator.count(allowed)).toBe(2n ** 54n - 1n);
    // Fixing the first variable false leaves 2^53 - 1, which doubles hold exactly again.
    allowed[litFromDimacs(1)] = 0;
    expect(evaluator.click(allowed, none, none, possible).count).toBe(2n ** 53n - 1n);
    allowed[litFromDimacs(1)] = 1;
    expect(evaluator.click(allowed, none, none, possible).count).toBe(2n ** 54n - 1n);
  });

  it("counts per literal exactly above 2^53 too", () => {
    // 55 variables, one clause: with x1 false the other 54 must not all be false, 2^54 - 1 designs.
    const wide: Cnf = { numVars: 55, clauses: [Array.from({ length: 55 }, (_, v) => v + 1)] };
    const result = compileCnf(wide);
    if (!result.ok) throw new Error("compile failed");
    const evaluator = new NnfEvaluator(result.nnf);
    const allowed = new Uint8Array(2 * 55).fill(1);
    const counts = evaluator.literalCounts(allowed);
    expect(counts[litFromDimacs(1)]).toBe(2n ** 54n);
    expect(counts[litFromDimacs(-1)]).toBe(2n ** 54n - 1n);
  });
});
