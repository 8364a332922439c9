import type { ModuleDef, OptionDef, Pack, Text, VariableDef } from "./schema.ts";

/** Where a definition sits in the pack file, for diagnostics. */
export type JsonPath = readonly (string | number)[];

export type PackVariableKind = "choice" | "boolean" | "integer" | "text";

/** One variable of the configuration: a global one, or one slot's copy of a module variable. */
export interface PackVariable {
  /** Model id: `frame`, `bays.2.width`, `bays.2.type`. */
  readonly id: string;
  /** The id as written in its definition (`width`, `type`). */
  readonly localId: string;
  readonly index: number;
  readonly kind: PackVariableKind;
  readonly label: Text;
  /** Choice options (module types, including `empty`); integers get one option per value. */
  readonly options: readonly OptionDef[];
  /** Integer values, aligned with `options`. */
  readonly numbers?: readonly number[];
  readonly defaultIndex: number;
  readonly def: VariableDef | undefined;
  readonly slot?: SlotRef;
  readonly path: JsonPath;
}

export interface SlotRef {
  readonly module: string;
  /** 1-based. */
  readonly index: number;
}

export interface ModuleSlot {
  readonly index: number;
  readonly type: PackVariable;
  /** The slot's own variables by local id, `type` included. */
  readonly variables: ReadonlyMap<string, PackVariable>;
  /** Slots up to the module's `min` are always filled. */
  readonly required: boolean;
}

export interface PackModule {
  readonly def: ModuleDef;
  readonly slots: readonly ModuleSlot[];
  readonly path: JsonPath;
}

export const EMPTY_MODULE = "empty";

/** The variables, slots and modules of a (composed) pack, in model order. */
export interface PackStructure {
  readonly variables: readonly PackVariable[];
  readonly globals: ReadonlyMap<string, PackVariable>;
  readonly modules: ReadonlyMap<string, PackModule>;
}

export function buildStructure(pack: Pack): PackStructure {
  const variables: PackVariable[] = [];
  const globals = new Map<string, PackVariable>();
  const add = (variable: Omit<PackVariable, "index">): PackVariable => {
    const full = { ...variable, index: variables.length };
    variables.push(full);
    return full;
  };

  pack.variables.forEach((def, i) => {
    globals.set(def.id, add(fromDefinition(def, def.id, ["variables", i])));
  });

  const modules = new Map<string, PackModule>();
  pack.modules.forEach((def, m) => {
    const slots: ModuleSlot[] = [];
    for (let index = 1; index <= def.max; index++) {
      const required = index <= def.min;
      const emptyOption: OptionDef = { id: EMPTY_MODULE, label: def.emptyLabel ?? { en: "Empty" } };
      const typeOptions = required ? def.types : [...def.types, emptyOption];
      const slot: SlotRef = { module: def.id, index };
      const type = add({
        id: `${def.id}.${index}.type`,
        localId: "type",
        kind: "choice",
        label: def.label,
        options: typeOptions,
        // Optional slots start empty; required ones start with the first type.
        defaultIndex: required ? 0 : typeOptions.length - 1,
        def: undefined,
        slot,
        path: ["modules", m, "types"],
      });
      const slotVariables = new Map<string, PackVariable>([["type", type]]);
      def.variables.forEach((variableDef, v) => {
        const variable = add({
          ...fromDefinition(variableDef, `${def.id}.${index}.${variableDef.id}`, ["modules", m, "variables", v]),
          slot,
        });
        slotVariables.set(variableDef.id, variable);
      });
      slots.push({ index, type, variables: slotVariables, required });
    }
    modules.set(def.id, { def, slots, path: ["modules", m] });
  });
  return { variables, globals, modules };
}

function fromDefinition(def: VariableDef, id: string, path: JsonPath): Omit<PackVariable, "index"> {
  const base = { id, localId: def.id, label: def.label, def, path };
  switch (def.type) {
    case "choice": {
      const found = def.default === undefined ? 0 : def.options.findIndex((o) => o.id === def.default);
      return { ...base, kind: "choice", options: def.options, defaultIndex: Math.max(found, 0) };
    }
    case "boolean":
      return { ...base, kind: "boolean", options: booleanOptions, defaultIndex: def.default ? 0 : 1 };
    case "text":
      return { ...base, kind: "text", options: booleanOptions, defaultIndex: 1 };
    case "integer": {
      const numbers: number[] = [];
      for (let n = def.min; n <= def.max && numbers.length <= 10_000; n += def.step) numbers.push(n);
      const options = numbers.map((n) => ({ id: String(n), label: `${n}${def.unit ? ` ${def.unit}` : ""}` }));
      const found = def.default === undefined ? 0 : numbers.indexOf(def.default);
      return { ...base, kind: "integer", options, numbers, defaultIndex: Math.max(found, 0) };
    }
  }
}

const booleanOptions: readonly OptionDef[] = [
  { id: "true", label: { en: "Yes" } },
  { id: "false", label: { en: "No" } },
];
