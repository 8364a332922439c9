import type { CompiledPack, OptionDef, PackVariableKind, Text } from "@kitbash/rules";

/** A pack as the UI needs it: labels, options, slots, steps and presets. Plain data (crosses to a worker). */
export interface PackInfo {
  readonly id: string;
  readonly version: string;
  readonly name: Text;
  readonly description: Text | null;
  readonly languages: readonly string[];
  readonly currency: string;
  readonly variables: readonly VariableInfo[];
  readonly modules: readonly ModuleInfo[];
  readonly groups: readonly {
    readonly id: string;
    readonly label: Text;
    readonly description: Text | null;
    readonly items: readonly string[];
  }[];
  readonly presets: readonly {
    readonly id: string;
    readonly label: Text;
    readonly description: Text | null;
    readonly choices: Readonly<Record<string, string | number | boolean>>;
  }[];
  /** Customer-language messages of every constraint, by model constraint id. */
  readonly messages: Readonly<Record<string, Text>>;
}

export interface VariableInfo {
  readonly index: number;
  readonly id: string;
  readonly localId: string;
  readonly kind: PackVariableKind;
  readonly label: Text;
  readonly description: Text | null;
  readonly options: readonly OptionDef[];
  readonly numbers: readonly number[] | null;
  readonly unit: string | null;
  readonly text: {
    readonly maxLength: number;
    readonly pattern: string | null;
    readonly placeholder: Text | null;
    readonly required: boolean;
  } | null;
  readonly price: number | null;
  readonly slot: { readonly module: string; readonly index: number } | null;
  readonly defaultIndex: number;
}

export interface ModuleInfo {
  readonly id: string;
  readonly label: Text;
  readonly description: Text | null;
  readonly min: number;
  readonly max: number;
  /** Per slot: the variable index of its type and of each of its variables (by local id). */
  readonly slots: readonly {
    readonly index: number;
    readonly type: number;
    readonly variables: Readonly<Record<string, number>>;
  }[];
}

export function packInfo(compiled: CompiledPack): PackInfo {
  const { pack, structure } = compiled;
  const messages: Record<string, Text> = {};
  for (const c of pack.constraints) messages[c.id] = c.message;
  for (const m of pack.modules) for (const c of m.constraints) messages[`${m.id}.${c.id}`] = c.message;
  return {
    id: pack.id,
    version: pack.version,
    name: pack.name,
    description: pack.description ?? null,
    languages: pack.languages,
    currency: pack.currency,
    variables: structure.variables.map((variable) => {
      const def = variable.def;
      return {
        index: variable.index,
        id: variable.id,
        localId: variable.localId,
        kind: variable.kind,
        label: variable.label,
        description: def?.description ?? null,
        options: variable.options,
        numbers: variable.numbers ?? null,
        unit: def?.type === "integer" ? (def.unit ?? null) : null,
        text:
          def?.type === "text"
            ? {
                maxLength: def.maxLength,
                pattern: def.pattern ?? null,
                placeholder: def.placeholder ?? null,
                required: def.required ?? false,
              }
            : null,
        price: def?.type === "boolean" || def?.type === "text" ? (def.price ?? null) : null,
        slot: variable.slot ?? null,
        defaultIndex: variable.defaultIndex,
      };
    }),
    modules: [...structure.modules.values()].map((module) => ({
      id: module.def.id,
      label: module.def.label,
      description: module.def.description ?? null,
      min: module.def.min,
      max: module.def.max,
      slots: module.slots.map((slot) => ({
        index: slot.index,
        type: slot.type.index,
        variables: Object.fromEntries([...slot.variables].map(([local, variable]) => [local, variable.index])),
      })),
    })),
    groups: pack.presentation.groups.map((g) => ({
      id: g.id,
      label: g.label,
      description: g.description ?? null,
      items: g.items,
    })),
    presets: pack.presentation.presets.map((p) => ({
      id: p.id,
      label: p.label,
      description: p.description ?? null,
      choices: p.choices,
    })),
    messages,
  };
}
