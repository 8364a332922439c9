import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSpace } from "../engine/create.ts";
import { compilePack, compilePackText } from "./compile.ts";
import { parsePackText } from "./load.ts";
import { packSchema } from "./schema.ts";
import { evaluateScene } from "./scene.ts";
import { validateDesign } from "./validate.ts";

const desk = readFileSync(new URL("./fixtures/desk.json", import.meta.url), "utf8");
const deskPack = JSON.parse(desk);

function problems(extra: Record<string, unknown>) {
  const result = compilePackText(JSON.stringify({ ...deskPack, ...extra }, null, 2));
  if (result.ok) throw new Error("expected the pack to be rejected");
  return result.diagnostics;
}

describe("expressions that only run on complete designs are checked when the pack compiles", () => {
  it("reports a bad SKU template, quantity or condition at its position", () => {
    const [sku] = problems({ bom: [{ sku: "TOP-{topp}", quantity: 1 }] });
    expect(sku).toMatchObject({ code: "type", message: 'unknown name "topp"', path: ["bom", 0, "sku"] });
    expect(sku!.line).toBeGreaterThan(1);
    const [quantity] = problems({ bom: [{ sku: "X", quantity: "top" }] });
    expect(quantity).toMatchObject({
      path: ["bom", 0, "quantity"],
      message: "top is a choice, not a number; use one of its attributes, like top.width",
    });
    const [unclosed] = problems({ bom: [{ sku: "X-{top", quantity: 1 }] });
    expect(unclosed!.path).toEqual(["bom", 0, "sku"]);
  });

  it("reports 3D parts that read unknown names or select unknown variables, for every slot", () => {
    const part = { id: "p", shape: "box", position: [0, 0, 0], size: [1, 1, 1], color: "#fff" };
    const [position] = problems({ presentation: { scene: { parts: [{ ...part, position: [0, "hieght", 0] }] } } });
    expect(position).toMatchObject({
      path: ["presentation", "scene", "parts", 0, "position", 1],
      message: 'unknown name "hieght"',
    });
    const [selects] = problems({
      presentation: { scene: { parts: [{ ...part, forEach: "drawers", selects: "knob" }] } },
    });
    expect(selects).toMatchObject({ message: 'there is no variable "knob" to select' });
  });

  it("reports presets that set unknown variables or impossible values", () => {
    const found = problems({
      presentation: { presets: [{ id: "p", label: "P", choices: { top: "marble", lampp: true } }] },
    });
    expect(found.map((d) => d.message)).toEqual([
      'preset "p" sets top to "marble", which it cannot be',
      'preset "p" sets "lampp", which is not a variable',
    ]);
  });

  it("lets if() choose between texts and between yes/no values", () => {
    const pack = packSchema.parse({
      ...deskPack,
      bom: [{ sku: "TOP-{if(lamp, 'lit', top)}", quantity: "if(lamp, 2, 1)", when: "if(height > 70, lamp, true)" }],
    });
    const compiled = compilePack(pack);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    const design = {
      top: "oak",
      lamp: true,
      height: 80,
      engraving: "",
      "drawers.1.type": "empty",
      "drawers.2.type": "empty",
    };
    expect(validateDesign(compiled.compiled, design).bom).toEqual([{ sku: "TOP-lit", label: "TOP-lit", quantity: 2 }]);
    expect(validateDesign(compiled.compiled, { ...design, lamp: false, height: 70 }).bom).toEqual([
      { sku: "TOP-oak", label: "TOP-oak", quantity: 1 },
    ]);
  });
});

describe("extension packs may use their own short names everywhere", () => {
  const base = parsePackText(desk);
  if (!base.ok) throw new Error("desk");
  const resolve = (id: string) => (id === "test/desk" ? [base.pack] : []);
  const extension = (body: Record<string, unknown>) =>
    JSON.stringify({
      kitbash: 1,
      id: "partner/extras",
      version: "1.0.0",
      name: "Extras",
      extends: { pack: "test/desk", version: "^1.0.0" },
      ...body,
    });

  it("in tables, presets, scene selections and presentation groups", () => {
    const result = compilePackText(
      extension({
        variables: [{ id: "mat", type: "boolean", label: "Mat" }],
        options: [
          { variable: "top", add: [{ id: "walnut", label: "Walnut", attributes: { width: 120, material: "wood" } }] },
        ],
        constraints: [
          { id: "no-walnut-mat", message: "m", table: { variables: ["top", "mat"], forbid: [["walnut", true]] } },
        ],
        presentation: {
          groups: [{ id: "extras", label: "Extras", items: ["mat", "drawers.handle"] }],
          presets: [{ id: "walnut", label: "Walnut", choices: { top: "walnut", mat: false } }],
          scene: {
            parts: [{ id: "mat", shape: "box", position: [0, 0, 0], size: [1, 1, 1], color: "#000", selects: "mat" }],
          },
        },
      }),
      resolve,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { pack } = result.compiled;
    expect(pack.presentation.presets.at(-1)!.choices).toEqual({ top: "partner:walnut", "partner:mat": false });
    expect(pack.presentation.groups.find((g) => g.id === "extras")!.items).toEqual(["partner:mat", "drawers.handle"]);
  });

  it("in variables and rules added to every slot of a base module", () => {
    const result = compilePackText(
      extension({
        variables: [{ id: "power", type: "boolean", label: "Power strip" }],
        slots: [
          {
            module: "drawers",
            variables: [{ id: "light", type: "boolean", label: "Drawer light" }],
            constraints: [
              { id: "light-power", message: "A drawer light needs the power strip", rule: "light -> power" },
            ],
          },
        ],
        constraints: [{ id: "one-light", message: "m", rule: "count(drawers[*].light) <= 1" }],
        pricing: { rules: [{ id: "lights", label: "Light", forEach: "drawers", when: "light", amount: 15 }] },
        presentation: {
          groups: [{ id: "extras", label: "Extras", items: ["drawers.light"] }],
          presets: [
            { id: "lit", label: "Lit", choices: { "drawers.1.type": "small", "drawers.1.light": true, power: true } },
          ],
          scene: {
            parts: [
              {
                id: "bulb",
                shape: "sphere",
                forEach: "drawers",
                when: "light",
                position: [0, 0, 0],
                size: [1, 1, 1],
                color: "#fff",
                selects: "light",
              },
            ],
          },
        },
      }),
      resolve,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { pack, model, structure } = result.compiled;
    const drawers = pack.modules.find((m) => m.id === "drawers")!;
    expect(drawers.variables.map((v) => v.id)).toEqual(["handle", "partner:light"]);
    expect(drawers.constraints.map((c) => c.id)).toEqual(["glass-no-bar", "partner:light-power"]);
    expect(structure.variables.map((v) => v.id)).toContain("drawers.2.partner:light");
    expect(pack.presentation.groups.find((g) => g.id === "extras")!.items).toEqual(["drawers.partner:light"]);
    expect(pack.presentation.presets.at(-1)!.choices).toEqual({
      "drawers.1.type": "small",
      "drawers.1.partner:light": true,
      "partner:power": true,
    });
    // The slot rule holds in each filled slot; the partner's global rule counts its slot variable.
    const space = createSpace(model).space;
    const index = (id: string) => structure.variables.findIndex((v) => v.id === id);
    const yes = (id: string) => ({ variable: index(id), value: 0, negated: false });
    const no = (id: string) => ({ variable: index(id), value: 1, negated: false });
    const small = (slot: number) => ({ variable: index(`drawers.${slot}.type`), value: 0, negated: false });
    expect(space.evaluate([small(1), yes("drawers.1.partner:light"), no("partner:power")]).consistent).toBe(false);
    expect(space.evaluate([small(1), yes("drawers.1.partner:light"), yes("partner:power")]).consistent).toBe(true);
    expect(
      space.evaluate([small(1), small(2), yes("drawers.1.partner:light"), yes("drawers.2.partner:light")]).consistent,
    ).toBe(false);
    const design = {
      top: "oak",
      lamp: false,
      height: 70,
      engraving: "",
      "partner:power": true,
      "drawers.1.type": "small",
      "drawers.1.handle": "knob",
      "drawers.1.partner:light": true,
      "drawers.2.type": "empty",
    };
    const report = validateDesign(result.compiled, design);
    expect(report.price.lines.map((line) => line.id)).toContain("partner:lights");
    // A partner's part in each slot opens the slot variable the partner added.
    const options = structure.variables.map((v) => {
      const value = design[v.id as keyof typeof design];
      return v.kind === "boolean"
        ? value === true
          ? 0
          : 1
        : Math.max(
            0,
            v.options.findIndex((o) => o.id === String(value)),
          );
    });
    const bulbs = evaluateScene(result.compiled, options).parts.filter((part) => part.part === "partner:bulb");
    expect(bulbs.map((part) => part.selects)).toEqual(["drawers.1.partner:light"]);
  });

  it("and additions to a module that is not there, or under a name a slot already has, are located errors", () => {
    const unknown = compilePackText(extension({ slots: [{ module: "shelves", variables: [] }] }), resolve);
    if (unknown.ok) throw new Error("expected an error");
    expect(unknown.diagnostics[0]).toMatchObject({
      code: "unknown-reference",
      path: ["slots", 0, "module"],
      message: 'test/desk has no module "shelves"',
    });
    const clash = compilePackText(
      extension({ slots: [{ module: "drawers", variables: [{ id: "handle", type: "boolean", label: "Handle" }] }] }),
      resolve,
    );
    if (clash.ok) throw new Error("expected an error");
    expect(clash.diagnostics[0]).toMatchObject({ code: "clash", path: ["slots", 0, "variables", 0, "id"] });
  });

  it("in rows added to a base table of allowed combinations", () => {
    const allowTable = {
      id: "top-height",
      message: "Glass tops come at 70 cm",
      table: {
        variables: ["top", "height"],
        allow: [
          [["oak", "steel"], "*"],
          ["glass", 70],
        ],
      },
    };
    const baseWithTable = packSchema.parse({ ...deskPack, constraints: [...deskPack.constraints, allowTable] });
    const withTable = (id: string) => (id === "test/desk" ? [baseWithTable] : []);
    const walnut = {
      variable: "top",
      add: [{ id: "walnut", label: "Walnut", attributes: { width: 120, material: "wood" } }],
    };
    const compile = (tables: unknown) => compilePackText(extension({ options: [walnut], tables }), withTable);
    const selectable = (result: ReturnType<typeof compile>) => {
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
      const { model, structure } = result.compiled;
      const top = structure.variables.find((v) => v.id === "top")!;
      return createSpace(model).space.evaluate([]).possible[top.index]![
        top.options.findIndex((o) => o.id === "partner:walnut")
      ];
    };
    expect(selectable(compile([]))).toBe(false);
    const extended = compile([{ constraint: "top-height", allow: [["walnut", [70, 80]]] }]);
    expect(selectable(extended)).toBe(true);
    if (!extended.ok) throw new Error("unreachable");
    const rule = extended.compiled.pack.constraints.find((c) => c.id === "top-height")!;
    expect(rule.table!.allow!.at(-1)).toEqual(["partner:walnut", [70, 80]]);

    const problemsOf = (tables: unknown) => {
      const result = compile(tables);
      if (result.ok) throw new Error("expected an error");
      return result.diagnostics[0];
    };
    expect(problemsOf([{ constraint: "top-width", allow: [["walnut", 70]] }])).toMatchObject({
      code: "unknown-reference",
      path: ["tables", 0, "constraint"],
    });
    expect(problemsOf([{ constraint: "steel-height", allow: [["walnut", 70]] }])).toMatchObject({
      code: "type",
      message: "steel-height is not a table of allowed combinations; forbid combinations with a table of your own",
    });
    expect(problemsOf([{ constraint: "top-height", allow: [["teak", 70]] }])).toMatchObject({
      path: ["tables", 0, "allow", 0, 0],
      message: expect.stringContaining('top has no option "teak"'),
    });
    expect(problemsOf([{ constraint: "top-height", allow: [["walnut"]] }])).toMatchObject({
      path: ["tables", 0, "allow", 0],
      message: "row 1 has 1 cells for 2 variables",
    });
  });

  it("and a bad table cell is reported at its row and column in the extension's file", () => {
    const result = compilePackText(
      extension({
        variables: [{ id: "mat", type: "boolean", label: "Mat" }],
        constraints: [{ id: "c", message: "m", table: { variables: ["top", "mat"], forbid: [["marble", true]] } }],
      }),
      resolve,
    );
    if (result.ok) throw new Error("expected an error");
    expect(result.diagnostics[0]).toMatchObject({
      path: ["constraints", 0, "table", "forbid", 0, 0],
      message: expect.stringContaining('top has no value "marble"'),
    });
  });
});
