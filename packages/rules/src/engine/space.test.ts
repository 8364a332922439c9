import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfigModel, ModelVariable } from "../model/model.ts";
import type { Choice } from "./choice.ts";
import { createSpace } from "./create.ts";
import type { SolutionSpace } from "./space.ts";

/** A random model: boolean and choice variables, named constraint groups of random clauses, prices. */
const randomModel = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 4 })), { minLength: 1, maxLength: 4 })
  .chain((shapes) => {
    const variables: ModelVariable[] = [];
    const structural: number[][] = [];
    let next = 0;
    shapes.forEach((size, v) => {
      if (size === 0) {
        next++;
        variables.push({
          id: `b${v}`,
          kind: "boolean",
          values: [
            { id: "true", lit: next },
            { id: "false", lit: -next },
          ],
        });
        return;
      }
      const lits = Array.from({ length: size }, () => ++next);
      variables.push({ id: `c${v}`, kind: "choice", values: lits.map((lit, i) => ({ id: `o${i}`, lit })) });
      structural.push(lits);
      for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) structural.push([-lits[i]!, -lits[j]!]);
    });
    const valueLit = fc
      .integer({ min: 0, max: variables.length - 1 })
      .chain((v) =>
        fc.record({ lit: fc.constantFrom(...variables[v]!.values.map((value) => value.lit)), flip: fc.boolean() }),
      );
    const clause = fc
      .array(valueLit, { minLength: 1, maxLength: 3 })
      .map((lits) => lits.map(({ lit, flip }) => (flip ? -lit : lit)));
    const allValues = variables.flatMap((variable, v) => variable.values.map((_, i) => [v, i] as const));
    const choice = fc
      .record({
        at: fc.integer({ min: 0, max: allValues.length - 1 }),
        negated: fc.boolean(),
      })
      .map(({ at, negated }): Choice => ({ variable: allValues[at]![0], value: allValues[at]![1], negated }));
    return fc
      .record({
        groups: fc.array(fc.array(clause, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
        prices: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: next, maxLength: next }),
        choices: fc.array(choice, { maxLength: 3 }),
        want: choice.map((c) => ({ ...c, negated: false })),
      })
      .map(({ groups, prices, choices, want }) => {
        const clauses = [...structural];
        const constraints = groups.map((group, g) => {
          const first = clauses.length;
          clauses.push(...group);
          return { id: `g${g}`, message: `group ${g}`, clauses: group.map((_, i) => first + i) };
        });
        const model: ConfigModel = {
          numVars: next,
          clauses,
          variables,
          constraints,
          pricing: { base: 100, weights: prices.map((amount, i) => ({ lit: i + 1, amount })) },
          leadTimes: [],
        };
        return { model, choices, want, structuralCount: structural.length };
      });
  });

/** Every assignment of a value to each variable, with whether it satisfies the clauses in `active`. */
function assignments(
  model: ConfigModel,
  active: (clause: number) => boolean,
): { values: number[]; valid: boolean; price: number }[] {
  let all: number[][] = [[]];
  for (const variable of model.variables)
    all = all.flatMap((partial) => variable.values.map((_, i) => [...partial, i]));
  return all.map((values) => {
    const truth = new Set<number>();
    values.forEach((value, v) => {
      for (const [i, candidate] of model.variables[v]!.values.entries())
        truth.add(i === value ? candidate.lit : -candidate.lit);
    });
    const valid = model.clauses.every((clause, c) => !active(c) || clause.some((lit) => truth.has(lit)));
    const price =
      model.pricing.base + model.pricing.weights.reduce((sum, w) => sum + (truth.has(w.lit) ? w.amount : 0), 0);
    return { values, valid, price };
  });
}

const satisfies = (values: readonly number[], choice: Choice) =>
  (values[choice.variable] === choice.value) !== choice.negated;
const all = (values: readonly number[], choices: readonly Choice[]) => choices.every((c) => satisfies(values, c));

function check(space: SolutionSpace, model: ConfigModel, choices: Choice[], want: Choice, structuralCount: number) {
  const world = assignments(model, () => true);
  const valid = world.filter((a) => a.valid);
  const matching = valid.filter((a) => all(a.values, choices));

  const evaluation = space.evaluate(choices);
  expect(evaluation.consistent).toBe(matching.length > 0);
  if (space.mode === "compiled") {
    expect(evaluation.count).toBe(BigInt(matching.length));
    if (matching.length > 0) {
      const prices = matching.map((a) => a.price);
      expect(evaluation.price).toEqual({ min: Math.min(...prices), max: Math.max(...prices) });
    }
  }
  model.variables.forEach((variable, v) => {
    const others = choices.filter((c) => c.variable !== v);
    variable.values.forEach((_, i) => {
      const expected = valid.some((a) => a.values[v] === i && all(a.values, others));
      expect(evaluation.possible[v]![i], `possible ${v}=${i}`).toBe(expected);
    });
  });

  const withWant = [...choices, want];
  const explanation = space.explain(choices, want);
  const blocked = !valid.some((a) => all(a.values, withWant));
  expect(explanation.blocked).toBe(blocked);
  if (explanation.blocked) {
    const consistent = (set: readonly Choice[]) => valid.some((a) => all(a.values, set));
    expect(explanation.choices.every((c) => choices.includes(c))).toBe(true);
    expect(consistent([...explanation.choices, want])).toBe(false);
    for (const dropped of explanation.choices) {
      expect(consistent([...explanation.choices.filter((c) => c !== dropped), want])).toBe(true);
    }
    const groupIds = explanation.constraints.map((c) => c.id);
    const inGroups = (ids: readonly string[]) => {
      const clauses = new Set(model.constraints.filter((c) => ids.includes(c.id)).flatMap((c) => c.clauses));
      return assignments(model, (clause) => clause < structuralCount || clauses.has(clause)).some(
        (a) => a.valid && all(a.values, [...explanation.choices, want]),
      );
    };
    expect(inGroups(groupIds)).toBe(false);
    for (const id of groupIds) expect(inGroups(groupIds.filter((other) => other !== id))).toBe(true);
  }

  const conflict = space.conflict(withWant);
  expect(conflict.blocked).toBe(blocked);
  if (conflict.blocked) {
    const consistent = (set: readonly Choice[]) => valid.some((a) => all(a.values, set));
    expect(conflict.choices.every((c) => withWant.includes(c))).toBe(true);
    expect(consistent(conflict.choices)).toBe(false);
    for (const dropped of conflict.choices)
      expect(consistent(conflict.choices.filter((c) => c !== dropped))).toBe(true);
  }

  const repair = space.repair(choices, want);
  const reachable = valid.filter((a) => satisfies(a.values, want));
  expect(repair === undefined).toBe(reachable.length === 0);
  if (repair !== undefined) {
    expect(repair.choices).toContainEqual(want);
    expect(valid.some((a) => all(a.values, repair.choices))).toBe(true);
    const broken = (a: { values: number[] }) => choices.filter((c) => !satisfies(a.values, c)).length;
    const fewest = Math.min(...reachable.map(broken));
    if (space.mode === "compiled") {
      expect(repair.changes.length).toBe(fewest);
      const cheapest = Math.min(...reachable.filter((a) => broken(a) === fewest).map((a) => a.price));
      expect(repair.price).toBe(cheapest);
    } else {
      const kept = choices.filter((c) => repair.changes.every((change) => change.from !== c));
      for (const change of repair.changes) {
        expect(valid.some((a) => all(a.values, [...kept, want, change.from]))).toBe(false);
      }
    }
  }

  const completed = space.complete(choices, "cheapest");
  expect(completed === undefined).toBe(matching.length === 0);
  if (completed !== undefined) {
    const values = completed.map((c) => c.value);
    const found = valid.find((a) => a.values.every((value, v) => value === values[v]));
    expect(found).toBeDefined();
    expect(all(values, choices)).toBe(true);
    if (space.mode === "compiled") expect(found!.price).toBe(Math.min(...matching.map((a) => a.price)));
  }
}

describe("solution spaces agree with brute-force enumeration", () => {
  it("in compiled mode: counts, possible values, price ranges, explanations, repairs, completions", () => {
    fc.assert(
      fc.property(randomModel, ({ model, choices, want, structuralCount }) => {
        check(createSpace(model, { mode: "compiled" }).space, model, choices, want, structuralCount);
      }),
      { numRuns: 300 },
    );
  });

  it("in search mode: validity, possible values, explanations, repairs, completions", () => {
    fc.assert(
      fc.property(randomModel, ({ model, choices, want, structuralCount }) => {
        check(createSpace(model, { mode: "search" }).space, model, choices, want, structuralCount);
      }),
      { numRuns: 300 },
    );
  });

  it("falls back to search when compiling runs out of budget", () => {
    const model: ConfigModel = {
      numVars: 2,
      clauses: [[1, 2]],
      variables: [],
      constraints: [],
      pricing: { base: 0, weights: [] },
      leadTimes: [],
    };
    const created = createSpace(model, { maxNodes: 0 });
    expect(created.space.mode).toBe("search");
    expect(created.fallback).toBe("size");
  });
});
