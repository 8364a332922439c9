import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Choice } from "../engine/choice.ts";
import { createSpace } from "../engine/create.ts";
import type { SolutionSpace } from "../engine/space.ts";
import type { ConfigModel } from "../model/model.ts";
import { type CompiledPack, compilePack } from "./compile.ts";
import { choicesToDesign, type Design, type DesignValue, designValueOf } from "./design.ts";
import { randomPack } from "./random-pack.ts";
import { type PackInput, packSchema } from "./schema.ts";
import { validateDesign } from "./validate.ts";

/** One complete design: an option index per variable, and what the validator says about it. */
interface Row {
  readonly values: readonly number[];
  readonly design: Design;
  readonly valid: boolean;
  /** Cents, base included. */
  readonly price: number;
  readonly leadTime: number;
}

interface World {
  readonly compiled: CompiledPack;
  readonly rows: readonly Row[];
  readonly valid: readonly Row[];
}

const TEXT = "x";

function compile(input: PackInput): CompiledPack {
  const result = compilePack(packSchema.parse(input));
  if (!result.ok) {
    throw new Error(
      `a generated pack does not compile:\n${result.diagnostics.map((d) => `${(d.path ?? []).join(".")}: ${d.message}`).join("\n")}\n${JSON.stringify(input, null, 2)}`,
    );
  }
  return result.compiled;
}

/** Every complete design (every variable × option; texts "x" or ""), validated one by one. */
function enumerate(compiled: CompiledPack): World {
  const { variables } = compiled.structure;
  const rows: Row[] = [];
  const values = variables.map(() => 0);
  for (;;) {
    const design: Record<string, DesignValue> = {};
    variables.forEach((variable, v) => {
      design[variable.id] =
        variable.kind === "text" ? (values[v] === 0 ? TEXT : "") : designValueOf(variable, values[v]!);
    });
    const report = validateDesign(compiled, design);
    rows.push({
      values: [...values],
      design,
      valid: report.valid,
      price: Math.round(report.price.total * 100),
      leadTime: report.leadTime,
    });
    let v = variables.length - 1;
    while (v >= 0 && values[v] === variables[v]!.options.length - 1) values[v--] = 0;
    if (v < 0) break;
    values[v]!++;
  }
  return { compiled, rows, valid: rows.filter((row) => row.valid) };
}

const satisfies = (values: readonly number[], choice: Choice) =>
  (values[choice.variable] === choice.value) !== choice.negated;
const satisfiesAll = (values: readonly number[], choices: readonly Choice[]) =>
  choices.every((choice) => satisfies(values, choice));
const consistentIn = (world: World, choices: readonly Choice[]) =>
  world.valid.some((row) => satisfiesAll(row.values, choices));
const range = (numbers: readonly number[]) => ({ min: Math.min(...numbers), max: Math.max(...numbers) });

// ---------------------------------------------------------------------------------------------
// Random queries: raw numbers resolved against the compiled pack's variables (so they shrink well).

interface ChoiceSeed {
  readonly variable: number;
  readonly value: number;
  readonly negated: boolean;
  /** Take the value from a valid design (so that choices are often consistent together). */
  readonly fromDesign: boolean;
}

interface QuerySeed {
  readonly design: number;
  readonly choices: readonly ChoiceSeed[];
  readonly want: ChoiceSeed;
}

const choiceSeed = (negatedOneIn: number) =>
  fc.record({
    variable: fc.nat({ max: 1000 }),
    value: fc.nat({ max: 1000 }),
    negated: fc.nat({ max: negatedOneIn - 1 }).map((n) => n === negatedOneIn - 1),
    fromDesign: fc.boolean(),
  });

const querySeed: fc.Arbitrary<QuerySeed> = fc.record({
  design: fc.nat({ max: 10_000 }),
  choices: fc.array(choiceSeed(4), { maxLength: 3 }),
  want: choiceSeed(8),
});

function resolve(world: World, query: QuerySeed): { choices: Choice[]; want: Choice } {
  const { variables } = world.compiled.structure;
  const example = world.valid.length > 0 ? world.valid[query.design % world.valid.length] : undefined;
  const choice = (seed: ChoiceSeed): Choice => {
    const variable = seed.variable % variables.length;
    const value =
      seed.fromDesign && example !== undefined
        ? example.values[variable]!
        : seed.value % variables[variable]!.options.length;
    return { variable, value, negated: seed.negated };
  };
  return { choices: query.choices.map(choice), want: choice(query.want) };
}

const packCase = fc.record({
  pack: randomPack(),
  queries: fc.array(querySeed, { minLength: 4, maxLength: 4 }),
  samples: fc.array(fc.nat({ max: 100_000 }), { minLength: 12, maxLength: 12 }),
});

// ---------------------------------------------------------------------------------------------
// Properties.

/** Complete designs sampled from the enumeration: their choices are consistent exactly when they are valid. */
function checkDesigns(space: SolutionSpace, world: World, samples: readonly number[]): void {
  const picks = samples.map((n, i) =>
    i % 2 === 0 && world.valid.length > 0 ? world.valid[n % world.valid.length]! : world.rows[n % world.rows.length]!,
  );
  for (const row of picks) {
    const choices = row.values.map((value, variable) => ({ variable, value, negated: false }));
    const evaluation = space.evaluate(choices);
    expect(evaluation.consistent, `design ${JSON.stringify(row.design)}`).toBe(row.valid);
    if (space.mode === "compiled") expect(evaluation.count).toBe(row.valid ? 1n : 0n);
  }
}

/** Named constraints (with the structural clauses) that rule the choices out. */
function ruledOutBy(model: ConfigModel, ids: readonly string[], choices: readonly Choice[]): boolean {
  const grouped = new Set(model.constraints.flatMap((c) => c.clauses));
  const kept = new Set(model.constraints.filter((c) => ids.includes(c.id)).flatMap((c) => c.clauses));
  const clauses = model.clauses.filter((_, i) => !grouped.has(i) || kept.has(i));
  const sub: ConfigModel = { ...model, clauses, constraints: [] };
  return !createSpace(sub, { mode: "search" }).space.evaluate(choices).consistent;
}

function checkQuery(
  space: SolutionSpace,
  world: World,
  choices: readonly Choice[],
  want: Choice,
  /** A space that has answered nothing yet (search mode keeps solver state, such as saved phases, between queries). */
  fresh: () => SolutionSpace,
): void {
  const { compiled, valid } = world;
  const { model } = compiled;
  const matching = valid.filter((row) => satisfiesAll(row.values, choices));

  // 1–3: consistency, counts, possible values, price and lead-time ranges.
  const evaluation = space.evaluate(choices);
  expect(evaluation.consistent, "consistent").toBe(matching.length > 0);
  if (space.mode === "compiled") {
    expect(evaluation.count, "count").toBe(BigInt(matching.length));
    if (matching.length > 0) {
      expect(evaluation.price, "price range").toEqual(range(matching.map((row) => row.price)));
      expect(evaluation.leadTime, "lead-time range").toEqual(range(matching.map((row) => row.leadTime)));
    } else {
      expect(evaluation.price).toBeUndefined();
      expect(evaluation.leadTime).toBeUndefined();
    }
    const counts = space.valueCounts(choices)!;
    const approximate = space.approximateValueCounts(choices)!;
    compiled.structure.variables.forEach((variable, v) => {
      const others = choices.filter((c) => c.variable !== v);
      variable.options.forEach((_, i) => {
        const expected = valid.filter((row) => row.values[v] === i && satisfiesAll(row.values, others)).length;
        expect(counts[v]![i], `valueCounts ${variable.id}=${i}`).toBe(BigInt(expected));
        // Below 2^53, as here, the counts in doubles are exact too.
        expect(approximate[v]![i], `approximateValueCounts ${variable.id}=${i}`).toBe(expected);
      });
    });
  }
  compiled.structure.variables.forEach((variable, v) => {
    const others = choices.filter((c) => c.variable !== v);
    variable.options.forEach((_, i) => {
      const expected = valid.some((row) => row.values[v] === i && satisfiesAll(row.values, others));
      expect(evaluation.possible[v]![i], `possible ${variable.id}=${i}`).toBe(expected);
    });
  });

  // 4: explanations are subset-minimal, and name a minimal set of existing constraints.
  const explanation = space.explain(choices, want);
  const blocked = !consistentIn(world, [...choices, want]);
  expect(explanation.blocked, "blocked").toBe(blocked);
  if (explanation.blocked) {
    const because = explanation.choices;
    expect(
      because.every((c) => choices.includes(c)),
      "explanation choices are given choices",
    ).toBe(true);
    expect(new Set(because).size).toBe(because.length);
    expect(consistentIn(world, [...because, want]), "explanation rules want out").toBe(false);
    for (const dropped of because) {
      expect(consistentIn(world, [...because.filter((c) => c !== dropped), want]), "explanation is minimal").toBe(true);
    }
    const ids = explanation.constraints.map((c) => c.id);
    const known = new Set(model.constraints.map((c) => c.id));
    for (const id of ids) expect(known.has(id), `constraint ${id} exists`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ruledOutBy(model, ids, [...because, want]), `constraints ${ids.join(", ")} rule want out`).toBe(true);
    for (const id of ids) {
      expect(
        ruledOutBy(
          model,
          ids.filter((other) => other !== id),
          [...because, want],
        ),
        `constraints without ${id} no longer rule want out`,
      ).toBe(false);
    }
  }

  // 5: repairs: undefined iff want is impossible; fewest changes, then cheapest (compiled).
  const repair = (space.mode === "search" ? fresh() : space).repair(choices, want);
  const reachable = valid.filter((row) => satisfies(row.values, want));
  expect(repair === undefined, "repair exists").toBe(reachable.length === 0);
  if (repair !== undefined) {
    expect(repair.choices).toContainEqual(want);
    expect(consistentIn(world, repair.choices), "repaired choices are consistent").toBe(true);
    const changed = new Set(repair.changes.map((change) => change.from));
    for (const change of repair.changes) expect(choices.includes(change.from), "changes come from choices").toBe(true);
    expect(changed.size).toBe(repair.changes.length);
    for (const choice of choices) {
      if (!changed.has(choice)) expect(repair.choices.includes(choice), "unchanged choices are kept").toBe(true);
    }
    const kept = choices.filter((c) => !changed.has(c));
    if (space.mode === "compiled") {
      const broken = (row: Row) => choices.filter((c) => !satisfies(row.values, c)).length;
      const fewest = Math.min(...reachable.map(broken));
      expect(repair.changes.length, "fewest changes").toBe(fewest);
      const cheapest = Math.min(...reachable.filter((row) => broken(row) === fewest).map((row) => row.price));
      expect(repair.price, "cheapest repair").toBe(cheapest);
      expect(space.evaluate(repair.choices).price?.min, "repaired choices cost the repair's price").toBe(cheapest);
    } else {
      // Search keeps a maximal set of choices: putting back any changed one rules want out.
      for (const change of repair.changes) {
        expect(consistentIn(world, [...kept, want, change.from]), "search repair is maximal").toBe(false);
      }
    }
  }

  // 6: completions are valid designs extending the choices; the cheapest one costs the least.
  const texts = Object.fromEntries(compiled.structure.variables.map((v) => [v.id, TEXT]));
  for (const prefer of ["cheapest", "default"] as const) {
    const completed = space.complete(choices, prefer);
    expect(completed === undefined, `complete ${prefer} exists`).toBe(matching.length === 0);
    if (completed === undefined) continue;
    expect(completed.map((c) => c.variable)).toEqual(compiled.structure.variables.map((v) => v.index));
    const values = completed.map((c) => c.value);
    expect(satisfiesAll(values, choices), `complete ${prefer} keeps the choices`).toBe(true);
    const report = validateDesign(compiled, choicesToDesign(compiled, completed, texts));
    expect(report.problems, `complete ${prefer} is valid`).toEqual([]);
    if (space.mode !== "compiled") continue;
    const price = Math.round(report.price.total * 100);
    if (prefer === "cheapest") expect(price, "cheapest completion").toBe(Math.min(...matching.map((r) => r.price)));
    else {
      const deviations = (values: readonly number[]) =>
        model.variables.filter((variable, v) => values[v] !== variable.defaultValue).length;
      const fewest = Math.min(...matching.map((row) => deviations(row.values)));
      expect(deviations(values), "default completion deviates least").toBe(fewest);
      const cheapest = Math.min(...matching.filter((row) => deviations(row.values) === fewest).map((r) => r.price));
      expect(price, "default completion is the cheapest of those").toBe(cheapest);
    }
  }
}

function runCase(mode: "compiled" | "search", pack: PackInput, queries: readonly QuerySeed[], samples: number[]) {
  const world = enumerate(compile(pack));
  const created = createSpace(world.compiled.model, { mode });
  expect(created.space.mode).toBe(mode);
  const { space } = created;
  if (mode === "compiled") expect(space.evaluate([]).count, "all valid designs").toBe(BigInt(world.valid.length));
  checkDesigns(space, world, samples);
  for (const query of queries) {
    const { choices, want } = resolve(world, query);
    checkQuery(space, world, choices, want, () => createSpace(world.compiled.model, { mode }).space);
  }
}

/**
 * Passing runs take a few seconds; this only cuts shrinking short (each shrink step compiles and
 * enumerates a pack again), and a failure found before the limit is still reported.
 */
const shrinkingBudget = fc.interruptAfterTimeLimit(15_000);

describe("random packs: compiled solution spaces agree with design-by-design validation", () => {
  it("generates packs that compile, with a varied mix of sizes and features", () => {
    const packs = fc.sample(randomPack(), { numRuns: 200, seed: 42 });
    const stats = { module: 0, table: 0, some: 0, none: 0, relevance: 0, forEach: 0, text: 0, large: 0 };
    for (const pack of packs) {
      const compiled = compile(pack);
      const designs = compiled.structure.variables.reduce((n, v) => n * v.options.length, 1);
      expect(designs).toBeLessThanOrEqual(1500);
      const count = Number(createSpace(compiled.model, { mode: "compiled" }).space.evaluate([]).count);
      if (count === 0) stats.none++;
      else if (count < designs) stats.some++;
      if (designs >= 100) stats.large++;
      if ((pack.modules ?? []).length > 0) stats.module++;
      if ([...(pack.constraints ?? []), ...(pack.modules?.[0]?.constraints ?? [])].some((c) => c.table)) stats.table++;
      if (JSON.stringify(pack).includes("relevantWhen")) stats.relevance++;
      if (pack.pricing?.rules?.some((r) => r.forEach)) stats.forEach++;
      if (pack.variables?.some((v) => v.type === "text")) stats.text++;
    }
    // Most packs are constrained without being empty, and every feature is well represented.
    expect(stats.some, JSON.stringify(stats)).toBeGreaterThan(110);
    expect(stats.none, JSON.stringify(stats)).toBeLessThan(70);
    expect(stats.large, JSON.stringify(stats)).toBeGreaterThan(20);
    expect(stats.module, JSON.stringify(stats)).toBeGreaterThan(70);
    expect(stats.table, JSON.stringify(stats)).toBeGreaterThan(30);
    expect(stats.relevance, JSON.stringify(stats)).toBeGreaterThan(60);
    expect(stats.forEach, JSON.stringify(stats)).toBeGreaterThan(30);
    expect(stats.text, JSON.stringify(stats)).toBeGreaterThan(15);
  });

  it("in compiled mode: counts, possible values, value counts, price and lead-time ranges, explanations, repairs, completions", () => {
    fc.assert(
      fc.property(packCase, ({ pack, queries, samples }) => runCase("compiled", pack, queries, samples)),
      { numRuns: 300, plugins: [shrinkingBudget] },
    );
  }, 120_000);

  it("in search mode: validity, possible values, explanations, maximal repairs, completions", () => {
    fc.assert(
      fc.property(packCase, ({ pack, queries, samples }) => runCase("search", pack, queries, samples)),
      { numRuns: 200, plugins: [shrinkingBudget] },
    );
  }, 120_000);
});

/**
 * Minimal reproductions of discrepancies the properties above found, kept as regression tests:
 * price amounts that apply to every design (a constant literal) used to fall outside the weight table.
 */
describe("found by the random packs", () => {
  const single = (pricing: PackInput["pricing"], modules: PackInput["modules"] = []): PackInput => ({
    kitbash: 1,
    id: "test/fee",
    version: "1.0.0",
    name: "Fee",
    variables: [{ id: "lamp", type: "boolean", label: "Lamp" }],
    modules,
    pricing,
  });

  it("a price rule that always applies counts in compiled prices", () => {
    const compiled = compile(single({ base: 0, rules: [{ id: "fee", label: "Fee", amount: 5 }] }));
    expect(validateDesign(compiled, { lamp: false }).price.total).toBe(5);
    const { space } = createSpace(compiled.model, { mode: "compiled" });
    expect(space.evaluate([]).price).toEqual({ min: 500, max: 500 });
  });

  it("a per-module price rule over a required slot counts in compiled prices", () => {
    const compiled = compile(
      single({ base: 0, rules: [{ id: "assembly", label: "Assembly", forEach: "bays", amount: 15 }] }, [
        { id: "bays", label: "Bays", min: 1, max: 1, types: [{ id: "open", label: "Open" }] },
      ]),
    );
    expect(validateDesign(compiled, { lamp: false, "bays.1.type": "open" }).price.total).toBe(15);
    const { space } = createSpace(compiled.model, { mode: "compiled" });
    expect(space.evaluate([]).price).toEqual({ min: 1500, max: 1500 });
    expect(space.repair([], { variable: 0, value: 0, negated: false })?.price).toBe(1500);
  });
});
