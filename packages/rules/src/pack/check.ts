import type { Diagnostic } from "../diagnostics.ts";
import type { OriginOf } from "./encode.ts";
import type { OptionDef, Pack, VariableDef } from "./schema.ts";
import type { JsonPath } from "./structure.ts";

const MAX_INTEGER_VALUES = 1000;

/** Checks what the schema cannot: unique ids, defaults that exist, ranges that make sense, references. */
export function checkPack(pack: Pack, originOf: OriginOf): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (
    element: object,
    path: JsonPath,
    field: JsonPath,
    message: string,
    code: Diagnostic["code"] = "schema",
  ) => {
    const origin = originOf(element, path);
    diagnostics.push({
      code,
      severity: "error",
      message,
      path: [...origin.path, ...field],
      ...(origin.pack ? { pack: origin.pack } : {}),
    });
  };

  const names = new Map<string, string>();
  const claim = (id: string, what: string, element: object, path: JsonPath) => {
    const previous = names.get(id);
    if (previous !== undefined) report(element, path, ["id"], `"${id}" is already used by ${previous}`, "duplicate");
    else names.set(id, what);
  };
  pack.variables.forEach((v, i) => {
    claim(v.id, `variable ${i + 1}`, v, ["variables", i]);
    checkVariable(v, ["variables", i], report);
  });
  pack.modules.forEach((m, i) => {
    claim(m.id, `module ${i + 1}`, m, ["modules", i]);
    if (m.min > m.max) report(m, ["modules", i], ["min"], `min (${m.min}) is larger than max (${m.max})`);
    checkOptions(m, ["modules", i], "types", m.types, report);
    if (m.types.some((t) => t.id === "empty"))
      report(m, ["modules", i], ["types"], `"empty" is added automatically; do not declare it`, "duplicate");
    const local = new Set<string>(["type", "index"]);
    m.variables.forEach((v, j) => {
      if (local.has(v.id))
        report(v, ["modules", i, "variables", j], ["id"], `"${v.id}" is already used in module ${m.id}`, "duplicate");
      local.add(v.id);
      checkVariable(v, ["modules", i, "variables", j], report);
    });
    uniqueIds(m.constraints, (c, j) =>
      report(c, ["modules", i, "constraints", j], ["id"], `constraint "${c.id}" is declared twice`, "duplicate"),
    );
  });
  uniqueIds(pack.constraints, (c, i) =>
    report(c, ["constraints", i], ["id"], `constraint "${c.id}" is declared twice`, "duplicate"),
  );
  uniqueIds(pack.pricing.rules, (r, i) =>
    report(r, ["pricing", "rules", i], ["id"], `price rule "${r.id}" is declared twice`, "duplicate"),
  );

  const modules = new Set(pack.modules.map((m) => m.id));
  const known = (item: string) => names.has(item) || slotPath(item, pack);
  for (const [g, group] of pack.presentation.groups.entries()) {
    for (const [i, item] of group.items.entries()) {
      if (!known(item))
        report(
          group,
          ["presentation", "groups", g],
          ["items", i],
          `"${item}" is not a variable or module`,
          "unknown-reference",
        );
    }
  }
  const forEachChecks: [object, JsonPath, string | undefined][] = [
    ...pack.bom.map((line, i): [object, JsonPath, string | undefined] => [line, ["bom", i], line.forEach]),
    ...pack.pricing.rules.map((rule, i): [object, JsonPath, string | undefined] => [
      rule,
      ["pricing", "rules", i],
      rule.forEach,
    ]),
    ...(pack.presentation.scene?.parts ?? []).map((part, i): [object, JsonPath, string | undefined] => [
      part,
      ["presentation", "scene", "parts", i],
      part.forEach,
    ]),
  ];
  for (const [element, path, forEach] of forEachChecks) {
    if (forEach !== undefined && !modules.has(forEach))
      report(element, path, ["forEach"], `there is no module "${forEach}"`, "unknown-reference");
  }
  return diagnostics;
}

type Report = (element: object, path: JsonPath, field: JsonPath, message: string, code?: Diagnostic["code"]) => void;

function checkVariable(v: VariableDef, path: JsonPath, report: Report): void {
  switch (v.type) {
    case "choice":
      checkOptions(v, path, "options", v.options, report);
      if (v.default !== undefined && !v.options.some((o) => o.id === v.default)) {
        report(v, path, ["default"], `"${v.default}" is not one of the options of ${v.id}`, "unknown-reference");
      }
      return;
    case "integer": {
      if (v.min > v.max) report(v, path, ["min"], `min (${v.min}) is larger than max (${v.max})`);
      else if ((v.max - v.min) / v.step + 1 > MAX_INTEGER_VALUES) {
        report(
          v,
          path,
          ["step"],
          `${v.id} would have more than ${MAX_INTEGER_VALUES} values; use a larger step`,
          "too-large",
        );
      }
      if (v.default !== undefined && (v.default < v.min || v.default > v.max || (v.default - v.min) % v.step !== 0)) {
        report(v, path, ["default"], `${v.default} is not one of the values ${v.min}, ${v.min + v.step}, ... ${v.max}`);
      }
      return;
    }
    case "text":
      if (v.pattern !== undefined) {
        try {
          new RegExp(v.pattern, "u");
        } catch (error) {
          report(v, path, ["pattern"], `not a valid pattern: ${(error as Error).message}`);
        }
      }
      if (v.minLength !== undefined && v.minLength > v.maxLength)
        report(v, path, ["minLength"], "minLength is larger than maxLength");
      return;
    case "boolean":
      return;
  }
}

function checkOptions(
  owner: object,
  path: JsonPath,
  field: string,
  options: readonly OptionDef[],
  report: Report,
): void {
  const seen = new Set<string>();
  options.forEach((option, i) => {
    if (seen.has(option.id))
      report(owner, path, [field, i, "id"], `option "${option.id}" is declared twice`, "duplicate");
    seen.add(option.id);
  });
}

function uniqueIds<T extends { id: string }>(items: readonly T[], onDuplicate: (item: T, index: number) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) onDuplicate(item, i);
    seen.add(item.id);
  });
}

/** `bays.width` names a module's slot variable in presentation groups. */
function slotPath(item: string, pack: Pack): boolean {
  const [module, variable] = item.split(".");
  const def = pack.modules.find((m) => m.id === module);
  return def !== undefined && (variable === "type" || def.variables.some((v) => v.id === variable));
}
