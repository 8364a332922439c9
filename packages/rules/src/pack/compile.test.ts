import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSpace } from "../engine/create.ts";
import { compilePackText } from "./compile.ts";
import { type Design, designToChoices, designValueOf } from "./design.ts";
import { validateDesign } from "./validate.ts";

const deskText = readFileSync(new URL("./fixtures/desk.json", import.meta.url), "utf8");

function compileDesk() {
  const result = compilePackText(deskText);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.compiled;
}

/** Every complete assignment of the desk's variables, as designs. */
function allDesigns(compiled: ReturnType<typeof compileDesk>): Design[] {
  const { variables } = compiled.structure;
  let designs: Record<string, string | number | boolean>[] = [{}];
  for (const variable of variables) {
    designs = designs.flatMap((design) =>
      variable.options.map((_, i) => ({
        ...design,
        [variable.id]: variable.kind === "text" ? (i === 0 ? "Ada" : "") : designValueOf(variable, i),
      })),
    );
  }
  return designs;
}

describe("a compiled pack agrees with design-by-design validation", () => {
  const compiled = compileDesk();
  const { space } = createSpace(compiled.model);
  const designs = allDesigns(compiled);
  const reports = designs.map((design) => validateDesign(compiled, design));
  const valid = reports.filter((report) => report.valid);

  it("counts exactly the valid designs", () => {
    expect(designs.length).toBe(1296);
    expect(valid.length).toBeGreaterThan(10);
    expect(space.evaluate([]).count).toBe(BigInt(valid.length));
  });

  it("accepts exactly the designs the validator accepts", () => {
    designs.forEach((design, i) => {
      const { choices } = designToChoices(compiled, design);
      expect(space.evaluate(choices).consistent, JSON.stringify(design)).toBe(reports[i]!.valid);
    });
  });

  it("bounds prices and lead times by the cheapest and dearest valid designs", () => {
    const totals = valid.map((report) => Math.round(report.price.total * 100));
    const leads = valid.map((report) => report.leadTime);
    const evaluation = space.evaluate([]);
    expect(evaluation.price).toEqual({ min: Math.min(...totals), max: Math.max(...totals) });
    expect(evaluation.leadTime).toEqual({ min: Math.min(...leads), max: Math.max(...leads) });
  });

  it("prices a design line by line and produces its bill of materials", () => {
    const report = validateDesign(compiled, {
      top: "oak",
      lamp: true,
      height: 90,
      engraving: "Ada",
      "drawers.1.type": "large",
      "drawers.1.handle": "bar",
      "drawers.2.type": "small",
      "drawers.2.handle": "knob",
    });
    expect(report.problems).toEqual([]);
    expect(report.price.total).toBe(200 + 100 + 30 + 15 + 35 + 5 + 20 + 25);
    expect(report.leadTime).toBe(10);
    expect(report.bom).toEqual([
      { sku: "TOP-oak-90", label: "TOP-oak-90", quantity: 1 },
      { sku: "DRW-large", label: "DRW-large", quantity: 1 },
      { sku: "DRW-small", label: "DRW-small", quantity: 1 },
      { sku: "HANDLE-bar", label: "HANDLE-bar", quantity: 2 },
    ]);
  });

  it("names the broken rules of an invalid design", () => {
    const glass = {
      top: "glass",
      lamp: true,
      height: 70,
      engraving: "",
      "drawers.1.type": "large",
      "drawers.1.handle": "bar",
      "drawers.2.type": "large",
      "drawers.2.handle": "knob",
    };
    const report = validateDesign(compiled, glass);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.constraint ?? p.code).sort()).toEqual(["drawers.glass-no-bar", "glass-lamp"]);
    const tooWide = validateDesign(compiled, { ...glass, top: "steel", lamp: false, "drawers.1.handle": "knob" });
    expect(tooWide.problems.map((p) => p.constraint)).toEqual(["fit"]);
    expect(tooWide.problems[0]?.message).toBe("The drawers must fit under the top");
  });
});
