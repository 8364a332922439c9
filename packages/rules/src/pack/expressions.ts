import type { Diagnostic } from "../diagnostics.ts";
import { parseTemplate } from "../expr/index.ts";
import { optionOf } from "./design.ts";
import type { OriginOf } from "./encode.ts";
import { Interpreter, RuleError, type Scope } from "./interpret.ts";
import type { Pack } from "./schema.ts";
import type { JsonPath, PackStructure } from "./structure.ts";
import { typeAlgebra } from "./typecheck.ts";

const HEX_COLOUR = /^#[0-9a-fA-F]{3,8}$/;

/**
 * Checks the expressions that only run on complete designs (bill-of-materials lines, 3D parts) and
 * the presets' choices, so their mistakes are reported when the pack is published, with positions.
 */
export function checkExpressions(pack: Pack, structure: PackStructure, originOf: OriginOf): Diagnostic[] {
  const interpreter = new Interpreter(structure, typeAlgebra);
  const diagnostics: Diagnostic[] = [];
  const check = (
    element: object,
    path: JsonPath,
    run: (scope: Scope, field: (name: JsonPath) => (f: () => void) => void) => void,
    forEach?: string,
  ) => {
    const origin = originOf(element, path);
    const base: Scope = origin.namespace === undefined ? {} : { namespace: origin.namespace };
    const module = forEach === undefined ? undefined : structure.modules.get(forEach);
    const scopes = module ? module.slots.map((slot) => ({ ...base, slot: { module, slot } })) : [base];
    const reported = new Set<string>();
    for (const scope of scopes) {
      run(scope, (field) => (f) => {
        try {
          f();
        } catch (error) {
          if (!(error instanceof RuleError)) throw error;
          const key = `${field.join(".")}:${error.message}`;
          if (reported.has(key)) return;
          reported.add(key);
          diagnostics.push({
            code: "type",
            severity: "error",
            message: error.message,
            path: [...origin.path, ...field],
            offset: error.span.start,
            ...(origin.pack ? { pack: origin.pack } : {}),
          });
        }
      });
    }
  };
  const template = (source: string, scope: Scope) => {
    const parsed = parseTemplate(source);
    if (!parsed.ok) throw new RuleError(parsed.error.message, { start: parsed.error.start, end: parsed.error.end });
    for (const part of parsed.parts) if (typeof part !== "string") interpreter.text(part, scope, () => "");
  };

  for (const [i, line] of pack.bom.entries()) {
    check(
      line,
      ["bom", i],
      (scope, field) => {
        if (line.when !== undefined) field(["when"])(() => interpreter.bool(line.when!, scope));
        field(["quantity"])(() => interpreter.number(line.quantity, scope));
        field(["sku"])(() => template(line.sku, scope));
      },
      line.forEach,
    );
  }
  for (const [i, part] of (pack.presentation.scene?.parts ?? []).entries()) {
    check(
      part,
      ["presentation", "scene", "parts", i],
      (scope, field) => {
        if (part.when !== undefined) field(["when"])(() => interpreter.bool(part.when!, scope));
        for (const key of ["position", "size", "rotation"] as const) {
          for (const [axis, value] of (part[key] ?? []).entries())
            field([key, axis])(() => interpreter.number(value, scope));
        }
        if (!HEX_COLOUR.test(part.color))
          field(["color"])(() => interpreter.text(interpreter.parse(part.color), scope, () => ""));
        if (part.selects !== undefined) {
          field(["selects"])(() => {
            if (!interpreter.variable(part.selects!, scope))
              throw new RuleError(`there is no variable "${part.selects}" to select`, { start: 0, end: 0 });
          });
        }
      },
      part.forEach,
    );
  }
  const byId = new Map(structure.variables.map((v) => [v.id, v]));
  pack.presentation.presets.forEach((preset, p) => {
    const origin = originOf(preset, ["presentation", "presets", p]);
    for (const [id, value] of Object.entries(preset.choices)) {
      const variable = byId.get(id);
      const path: JsonPath = [...origin.path, "choices", id];
      if (variable === undefined)
        diagnostics.push({
          code: "unknown-reference",
          severity: "error",
          message: `preset "${preset.id}" sets "${id}", which is not a variable`,
          path,
        });
      else if (optionOf(variable, value) < 0)
        diagnostics.push({
          code: "unknown-reference",
          severity: "error",
          message: `preset "${preset.id}" sets ${id} to ${JSON.stringify(value)}, which it cannot be`,
          path,
        });
    }
  });
  return diagnostics;
}
