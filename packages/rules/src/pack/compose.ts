import semver from "semver";
import type { Diagnostic } from "../diagnostics.ts";
import type { ElementOrigin, OriginOf } from "./encode.ts";
import type { ConstraintDef, OptionDef, Pack, VariableDef } from "./schema.ts";
import type { JsonPath } from "./structure.ts";

/** Every known version of a pack id (any order), for resolving `extends`. */
export type PackResolver = (id: string) => readonly Pack[];

export type Composition =
  | { readonly ok: true; readonly pack: Pack; readonly originOf: OriginOf }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const MAX_CHAIN = 8;

/**
 * Flattens a pack that `extends` a base into one pack. The extension's new variables, modules,
 * options and constraints get its namespace (`woodcraft:lights`), so two partners never collide;
 * a new name that a base already uses is a clash, reported where the extension wrote it.
 */
export function composePack(pack: Pack, resolve: PackResolver, depth = 0): Composition {
  const origins = new WeakMap<object, ElementOrigin>();
  const originOf: OriginOf = (element, path) => origins.get(element) ?? { path };
  if (pack.extends === undefined) return { ok: true, pack, originOf };
  const error = (message: string, path: JsonPath, code: Diagnostic["code"] = "clash"): Composition => ({
    ok: false,
    diagnostics: [{ code, severity: "error", message, path }],
  });
  if (depth >= MAX_CHAIN)
    return error(`packs extend each other more than ${MAX_CHAIN} levels deep`, ["extends"], "version");

  const { pack: baseId, version: range } = pack.extends;
  if (semver.validRange(range) === null)
    return error(`"${range}" is not a version range (try ^1.0.0)`, ["extends", "version"], "version");
  const candidates = resolve(baseId);
  if (candidates.length === 0)
    return error(`there is no pack "${baseId}" to extend`, ["extends", "pack"], "unknown-reference");
  const best = semver.maxSatisfying(
    candidates.map((c) => c.version),
    range,
  );
  const baseRaw = candidates.find((c) => c.version === best);
  if (baseRaw === undefined) {
    const known = candidates.map((c) => c.version).join(", ");
    return error(`no version of ${baseId} matches ${range} (known: ${known})`, ["extends", "version"], "version");
  }
  const composedBase = composePack(baseRaw, resolve, depth + 1);
  if (!composedBase.ok) {
    return {
      ok: false,
      diagnostics: composedBase.diagnostics.map((d) => ({ ...d, pack: `${baseRaw.id}@${baseRaw.version}` })),
    };
  }
  const base = composedBase.pack;
  const namespace = pack.id.split("/")[0] as string;
  const qualify = (id: string) => `${namespace}:${id}`;
  const mark = <T extends object>(element: T, path: JsonPath): T => {
    origins.set(element, { namespace, path });
    return element;
  };
  const diagnostics: Diagnostic[] = [];
  const clash = (message: string, path: JsonPath) =>
    diagnostics.push({ code: "clash", severity: "error", message, path });
  if (pack.currency !== base.currency) {
    diagnostics.push({
      code: "clash",
      severity: "error",
      message: `the currency ${pack.currency} differs from ${base.id}'s ${base.currency}`,
      path: ["currency"],
    });
  }

  const taken = new Set([...base.variables.map((v) => local(v.id)), ...base.modules.map((m) => local(m.id))]);
  const variables = pack.variables.map((v, i) => {
    if (taken.has(v.id))
      clash(`"${v.id}" is already a variable or module of ${base.id}; choose another id`, ["variables", i, "id"]);
    return mark({ ...v, id: qualify(v.id) }, ["variables", i]);
  });
  const modules = pack.modules.map((m, i) => {
    if (taken.has(m.id))
      clash(`"${m.id}" is already a variable or module of ${base.id}; choose another id`, ["modules", i, "id"]);
    const constraints = m.constraints.map((c, j) => mark({ ...c }, ["modules", i, "constraints", j]));
    const slotVariables = m.variables.map((v, j) => mark({ ...v }, ["modules", i, "variables", j]));
    return mark({ ...m, id: qualify(m.id), constraints, variables: slotVariables }, ["modules", i]);
  });

  const baseVariables = base.variables.map((v) => ({ ...v }));
  const baseModules = base.modules.map((m) => ({ ...m, variables: m.variables.map((v) => ({ ...v })) }));
  /** Per base module, the slot variables this pack adds (local ids), for presets and groups. */
  const addedToSlots = new Map<string, Set<string>>();
  pack.slots.forEach((addition, i) => {
    const module = baseModules.find((m) => local(m.id) === addition.module);
    if (module === undefined) {
      diagnostics.push({
        code: "unknown-reference",
        severity: "error",
        message: `${base.id} has no module "${addition.module}"`,
        path: ["slots", i, "module"],
      });
      return;
    }
    const names = new Set(["type", "index", ...module.variables.map((v) => local(v.id))]);
    const added = addedToSlots.get(module.id) ?? new Set<string>();
    addedToSlots.set(module.id, added);
    const variables = addition.variables.map((v, j) => {
      if (names.has(v.id))
        clash(`${module.id} slots already have "${v.id}"; choose another id`, ["slots", i, "variables", j, "id"]);
      names.add(v.id);
      added.add(v.id);
      return mark({ ...v, id: qualify(v.id) }, ["slots", i, "variables", j]);
    });
    const ruleIds = new Set(module.constraints.map((c) => local(c.id)));
    const constraints = addition.constraints.map((c, j) => {
      if (ruleIds.has(c.id))
        clash(`${module.id} already has a constraint "${c.id}"`, ["slots", i, "constraints", j, "id"]);
      ruleIds.add(c.id);
      return mark({ ...c, id: qualify(c.id) }, ["slots", i, "constraints", j]);
    });
    module.variables = [...module.variables, ...variables];
    module.constraints = [...module.constraints, ...constraints];
  });
  /** `bays.2.light` (or `bays.light`) in this pack's words, with the namespace of a slot variable it added. */
  const slotPath = (path: string): string => {
    const parts = path.split(".");
    const name = parts[parts.length - 1]!;
    if (parts.length < 2 || !addedToSlots.get(parts[0]!)?.has(name)) return path;
    return [...parts.slice(0, -1), qualify(name)].join(".");
  };
  pack.options.forEach((addition, i) => {
    const path: JsonPath = ["options", i, "variable"];
    const [first, second] = addition.variable.split(".");
    const module = second === undefined ? undefined : baseModules.find((m) => m.id === first);
    const addTo = (existing: readonly OptionDef[]): OptionDef[] => {
      const ids = new Set(existing.map((o) => local(o.id)));
      return [
        ...existing,
        ...addition.add.map((option, j) => {
          if (ids.has(option.id))
            clash(`${addition.variable} already has an option "${option.id}"`, ["options", i, "add", j, "id"]);
          return { ...option, id: qualify(option.id) };
        }),
      ];
    };
    if (module !== undefined && second === "type") {
      module.types = addTo(module.types);
      return;
    }
    const target = module ? module.variables.find((v) => v.id === second) : baseVariables.find((v) => v.id === first);
    if (target === undefined) {
      diagnostics.push({
        code: "unknown-reference",
        severity: "error",
        message: `${base.id} has no variable "${addition.variable}"`,
        path,
      });
    } else if (target.type !== "choice") {
      diagnostics.push({
        code: "type",
        severity: "error",
        message: `${addition.variable} is not a choice, so it takes no options`,
        path,
      });
    } else target.options = addTo(target.options);
  });

  const baseConstraints = [...base.constraints];
  pack.tables.forEach((addition, i) => {
    const index = baseConstraints.findIndex((c) => local(c.id) === addition.constraint);
    const target = baseConstraints[index];
    const problem = (code: Diagnostic["code"], message: string, path: JsonPath) =>
      diagnostics.push({ code, severity: "error", message, path: ["tables", i, ...path] });
    if (target === undefined) {
      problem("unknown-reference", `${base.id} has no constraint "${addition.constraint}"`, ["constraint"]);
      return;
    }
    if (target.table?.allow === undefined) {
      const message = `${addition.constraint} is not a table of allowed combinations; forbid combinations with a table of your own`;
      problem("type", message, ["constraint"]);
      return;
    }
    const names = target.table.variables;
    const rows = addition.allow.map((row, r) => {
      if (row.length !== names.length)
        problem("type", `row ${r + 1} has ${row.length} cells for ${names.length} variables`, ["allow", r]);
      return row.map((cell, c) => {
        const column = baseVariables.find((v) => v.id === names[c]);
        const resolved = column && partnerCell(column, cell, qualify);
        if (typeof resolved === "object" && "problem" in resolved) {
          problem("type", resolved.problem, ["allow", r, c]);
          return cell;
        }
        return resolved ?? cell;
      });
    });
    const extended = { ...target, table: { ...target.table, allow: [...target.table.allow, ...rows] } };
    // Still the base's rule, read in the base's words.
    origins.set(extended, composedBase.originOf(target, ["constraints", index]));
    baseConstraints[index] = extended;
  });

  const constraintIds = new Set(base.constraints.map((c) => local(c.id)));
  const constraints = pack.constraints.map((c, i) => {
    if (constraintIds.has(c.id)) clash(`${base.id} already has a constraint "${c.id}"`, ["constraints", i, "id"]);
    return mark({ ...c, id: qualify(c.id) }, ["constraints", i]);
  });
  const rules = pack.pricing.rules.map((r, i) => mark({ ...r, id: qualify(r.id) }, ["pricing", "rules", i]));
  const bom = pack.bom.map((line, i) => mark({ ...line }, ["bom", i]));
  const groups = base.presentation.groups.map((g) => ({ ...g, items: [...g.items] }));
  for (const group of pack.presentation.groups) {
    const existing = groups.find((g) => g.id === group.id);
    // "bays.front" names a base module's slot variable: only names new to this pack get the namespace.
    const items = group.items.map((item) => (taken.has(item.split(".")[0]!) ? slotPath(item) : qualify(item)));
    if (existing) existing.items.push(...items);
    else groups.push({ ...group, items });
  }
  const parts = (pack.presentation.scene?.parts ?? []).map((part, i) =>
    mark({ ...part, id: qualify(part.id) }, ["presentation", "scene", "parts", i]),
  );
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  /** A partner preset's choices with full ids: its own variables and options take its namespace. */
  const optionIds = new Map<string, string[]>();
  for (const v of [...baseVariables, ...variables])
    if (v.type === "choice")
      optionIds.set(
        v.id,
        v.options.map((o) => o.id),
      );
  for (const m of [...baseModules, ...modules]) {
    optionIds.set(`${m.id}.type`, [...m.types.map((t) => t.id), "empty"]);
    for (const v of m.variables)
      if (v.type === "choice")
        optionIds.set(
          `${m.id}.${v.id}`,
          v.options.map((o) => o.id),
        );
  }
  const own = (id: string) => (id.startsWith(`${namespace}:`) ? id : qualify(id));
  const canonical = (choices: Record<string, string | number | boolean>) =>
    Object.fromEntries(
      Object.entries(choices).map(([key, value]) => {
        const id = taken.has(key.split(".")[0]!) ? slotPath(key) : own(key);
        // `bays.2.type` takes the options of `bays.type`.
        const [variable, , slotVariable] = id.split(".");
        const options = optionIds.get(slotVariable === undefined ? variable! : `${variable}.${slotVariable}`) ?? [];
        const partner = typeof value === "string" && !options.includes(value) && options.includes(qualify(value));
        return [id, partner ? qualify(value as string) : value];
      }),
    );
  const baseScene = base.presentation.scene;
  const composed: Pack = {
    ...pack,
    languages: [...new Set([...base.languages, ...pack.languages])],
    variables: [...baseVariables, ...variables],
    modules: [...baseModules, ...modules],
    options: [],
    slots: [],
    tables: [],
    constraints: [...baseConstraints, ...constraints],
    pricing: { base: base.pricing.base + pack.pricing.base, rules: [...base.pricing.rules, ...rules] },
    leadTime: { base: Math.max(base.leadTime.base, pack.leadTime.base) },
    bom: [...base.bom, ...bom],
    presentation: {
      groups,
      presets: [
        ...base.presentation.presets,
        ...pack.presentation.presets.map((preset, i) =>
          mark({ ...preset, choices: canonical(preset.choices) }, ["presentation", "presets", i]),
        ),
      ],
      ...(baseScene || parts.length > 0
        ? {
            scene: {
              unit: baseScene?.unit ?? "cm",
              ...(baseScene?.camera ? { camera: baseScene.camera } : {}),
              parts: [...(baseScene?.parts ?? []), ...parts],
            },
          }
        : {}),
    },
  };
  const baseOrigin = composedBase.originOf;
  return {
    ok: true,
    pack: composed,
    originOf: (element, path) => origins.get(element) ?? baseOrigin(element, path),
  };
}

type TableCell = NonNullable<NonNullable<ConstraintDef["table"]>["allow"]>[number][number];

/**
 * A partner's table cell in the base's words: its own options by their namespaced ids. Checked here,
 * where the partner's file is known, since the row joins a rule of the base.
 */
function partnerCell(
  variable: VariableDef,
  cell: TableCell,
  qualify: (id: string) => string,
): TableCell | { readonly problem: string } {
  if (cell === "*") return cell;
  const values = Array.isArray(cell) ? cell : [cell];
  const resolved: (string | number | boolean)[] = [];
  for (const value of values) {
    if (variable.type === "choice") {
      const ids = variable.options.map((o) => o.id);
      const id = ids.includes(String(value)) ? String(value) : qualify(String(value));
      if (!ids.includes(id))
        return { problem: `${variable.id} has no option ${JSON.stringify(value)} (its options: ${ids.join(", ")})` };
      resolved.push(id);
    } else if (variable.type === "boolean" && typeof value !== "boolean") {
      return { problem: `${variable.id} is yes/no: write true or false` };
    } else if (variable.type === "integer" && typeof value !== "number") {
      return { problem: `${variable.id} is a number: write one of its values` };
    } else if (variable.type === "text") {
      return { problem: `${variable.id} is a text field; tables take choices, yes/no and numbers` };
    } else resolved.push(value);
  }
  return Array.isArray(cell) ? resolved : resolved[0]!;
}

/** An id without its partner namespace. */
function local(id: string): string {
  const colon = id.indexOf(":");
  return colon < 0 ? id : id.slice(colon + 1);
}
