import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePack, compilePackText } from "./compile.ts";
import { parsePackText } from "./load.ts";
import { packSchema } from "./schema.ts";
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
