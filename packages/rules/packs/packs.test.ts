import { readFileSync } from "node:fs";
import { seededRandom } from "../src/random.ts";
import { describe, expect, it } from "vitest";
import type { Choice } from "../src/engine/choice.ts";
import { createSpace } from "../src/engine/create.ts";
import type { SolutionSpace } from "../src/engine/space.ts";
import { type CompiledPack, compilePackText } from "../src/pack/compile.ts";
import type { PackResolver } from "../src/pack/compose.ts";
import { choicesToDesign, designToChoices } from "../src/pack/design.ts";
import { parsePackText } from "../src/pack/load.ts";
import { evaluateScene } from "../src/pack/scene.ts";
import type { ConstraintDef, Pack, Text } from "../src/pack/schema.ts";
import { validateDesign } from "../src/pack/validate.ts";

/**
 * The example packs are the demo data of the whole product: these tests keep them compiling,
 * believable (every option reachable, no forced choice, presets that are valid designs with a price,
 * a bill of materials and a scene) and consistent between the compiled space and design validation.
 */

const packText = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), "utf8");

const LANGUAGES = ["en", "de"] as const;
/** Clicks of a simulated customer before the rest of the design is completed with defaults. */
const MAX_CLICKS = 8;
/** Random designs are drawn in 3D one in this many (a scene takes as long as a click). */
const SCENE_EVERY = 10;
const SAMPLES = 200;
const SLOW = 300_000;

function parsed(file: string): Pack {
  const result = parsePackText(packText(file));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.pack;
}

const acme = parsed("acme-shelving.json");
const resolveAcme: PackResolver = (id) => (id === acme.id ? [acme] : []);

interface Example {
  readonly file: string;
  readonly raw: Pack;
  readonly compiled: CompiledPack;
  readonly space: SolutionSpace;
  readonly mode: "compiled" | "search";
}

function load(file: string, resolve?: PackResolver): Example {
  const result = compilePackText(packText(file), resolve);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.diagnostics, null, 2)}`);
  if (result.warnings.length > 0) throw new Error(`${file}: ${JSON.stringify(result.warnings, null, 2)}`);
  const { space } = createSpace(result.compiled.model);
  return { file, raw: parsed(file), compiled: result.compiled, space, mode: space.mode };
}

const bases = ["acme-shelving.json", "velo-bicycle.json", "nordhem-sofa.json"].map((file) => load(file));
const extension = load("woodcraft-shelving-lights.json", resolveAcme);

// ---------------------------------------------------------------------------------------------
// Helpers

/** Every text of a pack with where it is, for the language check. */
function texts(value: unknown, path: string, out: [string, string, unknown][] = []): [string, string, unknown][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      texts(item, `${path}[${i}]`, out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (["name", "description", "label", "message", "emptyLabel", "placeholder"].includes(key))
        out.push([`${path}.${key}`, key, child]);
      else texts(child, `${path}.${key}`, out);
    }
  }
  return out;
}

/** Language-neutral labels are measures like "60 cm"; everything else is written in both languages. */
const MEASURE = /^\d[\d .,]*\s?(cm|mm|kg|Wh|W|K|l)$/;

function hasBothLanguages(text: Text): boolean {
  return typeof text === "object" && LANGUAGES.every((language) => (text[language] ?? "").trim().length > 0);
}

function allConstraints(pack: Pack): { id: string; constraint: ConstraintDef }[] {
  return [
    ...pack.constraints.map((constraint) => ({ id: constraint.id, constraint })),
    ...pack.modules.flatMap((module) =>
      module.constraints.map((constraint) => ({ id: `${module.id}.${constraint.id}`, constraint })),
    ),
  ];
}

/** Some content for each text variable: its placeholder, which must itself be valid. */
function sampleTexts(compiled: CompiledPack, given: Readonly<Record<string, unknown>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const variable of compiled.structure.variables) {
    if (variable.def?.type !== "text") continue;
    const value = given[variable.id];
    const placeholder = variable.def.placeholder;
    out[variable.id] =
      typeof value === "string" && value !== ""
        ? value
        : typeof placeholder === "string"
          ? placeholder
          : (placeholder?.en ?? "Kitbash");
  }
  return out;
}

/** Completes choices with defaults and checks the design end to end; returns its price in cents. */
function checkCompleted(
  example: Example,
  choices: readonly Choice[],
  given: Readonly<Record<string, unknown>> = {},
  drawn = true,
): { price: number; parts: number; key: string } {
  const { compiled, space } = example;
  const full = space.complete(choices, "default");
  expect(full, "the choices can be completed").toBeDefined();
  const design = choicesToDesign(compiled, full!, sampleTexts(compiled, given));
  const report = validateDesign(compiled, design);
  expect(report.problems, JSON.stringify(design)).toEqual([]);
  expect(report.valid).toBe(true);
  expect(report.bom.length).toBeGreaterThan(0);
  for (const line of report.bom) {
    expect(line.quantity).toBeGreaterThan(0);
    expect(line.sku).not.toMatch(/[{}]/);
  }
  const cents = Math.round(report.price.total * 100);
  expect(cents).toBeGreaterThan(0);
  const evaluation = space.evaluate(full!);
  expect(evaluation.consistent).toBe(true);
  expect(evaluation.count).toBe(1n);
  expect(evaluation.price).toEqual({ min: cents, max: cents });
  expect(evaluation.leadTime).toEqual({ min: report.leadTime, max: report.leadTime });

  const key = full!.map((choice) => choice.value).join(",");
  if (!drawn) return { price: cents, parts: 0, key };
  const options = new Int32Array(compiled.structure.variables.length);
  for (const choice of full!) options[choice.variable] = choice.value;
  const scene = evaluateScene(compiled, options);
  expect(scene.errors).toEqual([]);
  // The product stands in a room (a wall, a floor or the ground) that the camera frames it without.
  expect(scene.parts.some((part) => part.backdrop)).toBe(true);
  expect(scene.parts.filter((part) => !part.backdrop).length).toBeGreaterThanOrEqual(8);
  for (const part of scene.parts) {
    expect(
      part.size.every((s) => Number.isFinite(s) && s > 0),
      `${part.key} size ${part.size}`,
    ).toBe(true);
    expect(
      [...part.position, ...part.rotation].every((x) => Number.isFinite(x)),
      `${part.key} at ${part.position}`,
    ).toBe(true);
    expect(part.color, part.key).toMatch(/^#[0-9a-fA-F]{6}$/);
  }
  return { price: cents, parts: scene.parts.length, key };
}

/** Clicks like a customer: a variable still open, one of its possible values; the count never drops to 0. */
function walk(example: Example, rng: () => number): Choice[] {
  const { compiled, space } = example;
  const choices: Choice[] = [];
  for (let click = 0; click < MAX_CLICKS; click++) {
    const evaluation = space.evaluate(choices);
    expect(evaluation.consistent).toBe(true);
    expect(evaluation.count! >= 1n).toBe(true);
    expect(evaluation.price!.min).toBeLessThanOrEqual(evaluation.price!.max);
    if (evaluation.count === 1n) break;
    const chosen = new Set(choices.map((choice) => choice.variable));
    const open = compiled.structure.variables.filter(
      (variable) => !chosen.has(variable.index) && evaluation.possible[variable.index]!.filter(Boolean).length > 1,
    );
    if (open.length === 0) break;
    const variable = open[Math.floor(rng() * open.length)]!;
    const values = evaluation.possible[variable.index]!.flatMap((possible, value) => (possible ? [value] : []));
    choices.push({ variable: variable.index, value: values[Math.floor(rng() * values.length)]!, negated: false });
  }
  return choices;
}

// ---------------------------------------------------------------------------------------------
// Every pack, the composed extension included

const everyPack = [...bases, extension];

describe.each(everyPack.map((example) => [example.file, example] as const))("%s", (_, example) => {
  const { compiled, space } = example;
  const count = space.evaluate([]).count;

  it(`compiles its solution space and has ${count} designs`, () => {
    expect(example.mode).toBe("compiled");
    expect(count).toBeGreaterThan(1000n);
  });

  it("offers every option in some design and forces no variable", () => {
    const { possible } = space.evaluate([]);
    const dead: string[] = [];
    const forced: string[] = [];
    for (const variable of compiled.structure.variables) {
      const values = possible[variable.index]!;
      values.forEach((ok, i) => {
        if (!ok) dead.push(`${variable.id}=${variable.options[i]!.id}`);
      });
      if (values.filter(Boolean).length < 2) forced.push(variable.id);
    }
    expect(dead).toEqual([]);
    expect(forced).toEqual([]);
  });

  it("has presets that are valid, priced, built and drawn", () => {
    const { presets } = compiled.pack.presentation;
    expect(presets.length).toBeGreaterThan(0);
    for (const preset of presets) {
      const { choices, problems } = designToChoices(compiled, preset.choices);
      expect(problems, preset.id).toEqual([]);
      const evaluation = space.evaluate(choices);
      expect(evaluation.consistent, preset.id).toBe(true);
      const { price, parts } = checkCompleted(example, choices, preset.choices);
      expect(price).toBeGreaterThanOrEqual(evaluation.price!.min);
      expect(price).toBeLessThanOrEqual(evaluation.price!.max);
      expect(parts).toBeGreaterThanOrEqual(10);
    }
  });

  it(
    `accepts ${SAMPLES} designs clicked together at random`,
    () => {
      const rng = seededRandom(0x6b69 + example.file.length);
      const seen = new Set<string>();
      for (let sample = 0; sample < SAMPLES; sample++) {
        const choices = walk(example, rng);
        seen.add(checkCompleted(example, choices, {}, sample % SCENE_EVERY === 0).key);
      }
      expect(seen.size).toBeGreaterThan(SAMPLES * 0.9);
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------------
// The three base packs as written

describe.each(bases.map((example) => [example.file, example] as const))("%s as written", (_, example) => {
  const pack = example.raw;
  const variables = pack.variables.length + pack.modules.reduce((sum, module) => sum + module.variables.length, 0);
  const constraints = allConstraints(pack);

  it(`declares ${variables} variables and ${constraints.length} constraints`, () => {
    expect(variables).toBeGreaterThanOrEqual(18);
    expect(constraints.length).toBeGreaterThanOrEqual(18);
  });

  it("has a module, a compatibility table, an arithmetic limit and conditional questions", () => {
    expect(pack.modules.length).toBeGreaterThan(0);
    expect(pack.modules.every((module) => module.max > 1 && module.types.length >= 4)).toBe(true);
    expect(constraints.some(({ constraint }) => constraint.table !== undefined)).toBe(true);
    const arithmetic = constraints.filter(
      ({ constraint }) =>
        constraint.rule !== undefined &&
        /[+*]|\b(sum|count)\(/.test(constraint.rule) &&
        /<=|>=|<|>/.test(constraint.rule),
    );
    expect(arithmetic.length).toBeGreaterThan(0);
    const all = [...pack.variables, ...pack.modules.flatMap((module) => module.variables)];
    expect(all.filter((variable) => variable.relevantWhen !== undefined).length).toBeGreaterThanOrEqual(2);
  });

  it("prices with surcharges and per-slot rules and lists per-slot materials", () => {
    const { rules } = pack.pricing;
    expect(rules.some((rule) => rule.when !== undefined && rule.forEach === undefined)).toBe(true);
    expect(rules.some((rule) => rule.forEach !== undefined)).toBe(true);
    expect(pack.bom.some((line) => line.forEach !== undefined)).toBe(true);
    expect(pack.bom.some((line) => line.forEach === undefined)).toBe(true);
  });

  it("has unique constraint ids", () => {
    const ids = constraints.map(({ id }) => id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const module of pack.modules) {
      const local = module.constraints.map((constraint) => constraint.id);
      expect(new Set(local).size).toBe(local.length);
    }
  });

  it("presents every variable and module in a step, each once", () => {
    const items = pack.presentation.groups.flatMap((group) => group.items);
    const expected = [
      ...pack.variables.map((variable) => variable.id),
      ...pack.modules.flatMap((module) => [
        module.id,
        ...module.variables.map((variable) => `${module.id}.${variable.id}`),
      ]),
    ];
    expect([...items].sort()).toEqual([...expected].sort());
    expect(pack.presentation.presets.length).toBeGreaterThanOrEqual(3);
    expect(pack.presentation.scene?.camera).toBeDefined();
  });
});

describe.each(everyPack.map((example) => [example.file, example] as const))("%s texts", (_, example) => {
  it("speaks English and German", () => {
    const missing = texts(example.raw, "pack").filter(([, key, text]) => {
      if (key === "label" && typeof text === "string") return !MEASURE.test(text);
      return !hasBothLanguages(text as Text);
    });
    expect(missing.map(([path]) => path)).toEqual([]);
    expect(example.raw.languages).toEqual([...LANGUAGES]);
    expect(example.raw.currency).toBe("EUR");
  });
});

// ---------------------------------------------------------------------------------------------
// The partner extension

describe("woodcraft-shelving-lights.json extends acme/shelving", () => {
  const { compiled, space, raw } = extension;
  const variable = (id: string) => compiled.structure.variables.find((v) => v.id === id)!;

  it("needs its base pack", () => {
    const alone = compilePackText(packText("woodcraft-shelving-lights.json"));
    expect(alone.ok).toBe(false);
    expect(raw.extends).toEqual({ pack: "acme/shelving", version: "^1.0.0" });
  });

  it("adds only names in its own namespace", () => {
    const baseVariables = new Set(acme.variables.map((v) => v.id));
    const added = compiled.pack.variables.filter((v) => !baseVariables.has(v.id)).map((v) => v.id);
    expect(added.length).toBe(raw.variables.length);
    expect(added.every((id) => id.startsWith("woodcraft:"))).toBe(true);
    const baseConstraints = new Set(acme.constraints.map((c) => c.id));
    const newConstraints = compiled.pack.constraints.filter((c) => !baseConstraints.has(c.id)).map((c) => c.id);
    expect(newConstraints.length).toBe(raw.constraints.length);
    expect(newConstraints.every((id) => id.startsWith("woodcraft:"))).toBe(true);
    expect(compiled.pack.pricing.rules.filter((r) => r.id.startsWith("woodcraft:")).length).toBe(
      raw.pricing.rules.length,
    );
    const partIds = (compiled.pack.presentation.scene?.parts ?? []).map((part) => part.id);
    expect(partIds.filter((id) => id.startsWith("woodcraft:")).length).toBe(raw.presentation.scene?.parts.length);
    for (const addition of raw.options) {
      const [module, local] = addition.variable.split(".");
      const target = local === undefined ? variable(addition.variable) : variable(`${module}.1.${local}`);
      for (const option of addition.add) expect(target.options.map((o) => o.id)).toContain(`woodcraft:${option.id}`);
    }
  });

  it("makes its new options selectable", () => {
    const { possible } = space.evaluate([]);
    const selectable = (id: string, option: string) => {
      const v = variable(id);
      return possible[v.index]![v.options.findIndex((o) => o.id === option)] === true;
    };
    expect(selectable("frame", "woodcraft:walnut")).toBe(true);
    // Acme's finish-colours table lists the allowed finishes: the partner's row lets its own in.
    expect(selectable("finish", "woodcraft:hardwax")).toBe(true);
    expect(selectable("shelfMaterial", "woodcraft:walnut_veneer")).toBe(true);
    expect(selectable("bays.1.handle", "woodcraft:walnut_knob")).toBe(true);
    for (let slot = 1; slot <= 6; slot++) expect(selectable(`bays.${slot}.type`, "woodcraft:vinyl")).toBe(true);
    for (const id of ["woodcraft:ledStrip", "woodcraft:colourTemp", "woodcraft:dimmer", "woodcraft:recordDividers"]) {
      expect(possible[variable(id).index]!.every(Boolean)).toBe(true);
    }
  });

  it("keeps its rules: a record bay needs deep shelves", () => {
    const choose = (id: string, option: string): Choice => {
      const v = variable(id);
      return { variable: v.index, value: v.options.findIndex((o) => o.id === option), negated: false };
    };
    expect(space.evaluate([choose("bays.2.type", "woodcraft:vinyl"), choose("depth", "d25")]).consistent).toBe(false);
    expect(space.evaluate([choose("bays.2.type", "woodcraft:vinyl"), choose("depth", "d38")]).consistent).toBe(true);
    expect(space.evaluate([choose("woodcraft:ledStrip", "true"), choose("frame", "steel")]).consistent).toBe(false);
  });

  it("adds a puck light to every bay, which runs on its LED strips", () => {
    const choose = (id: string, option: string): Choice => {
      const v = variable(id);
      return { variable: v.index, value: v.options.findIndex((o) => o.id === option), negated: false };
    };
    for (let slot = 1; slot <= 6; slot++) expect(variable(`bays.${slot}.woodcraft:puckLight`).kind).toBe("boolean");
    const lit = [choose("bays.3.type", "open"), choose("bays.3.woodcraft:puckLight", "true")];
    expect(space.evaluate([...lit, choose("woodcraft:ledStrip", "false")]).consistent).toBe(false);
    expect(space.evaluate([...lit, choose("woodcraft:ledStrip", "true")]).consistent).toBe(true);
    expect(raw.slots.map((s) => s.module)).toEqual(["bays"]);
  });
});
