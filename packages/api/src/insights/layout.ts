import { EMPTY_MODULE, type Design, type PackVariable, localize, readDesign } from "@kitbash/rules";
import type { LoadedPack } from "../packs/registry.ts";

/** One variable of a pack version as insights see it: value ids, labels, slot. */
export interface LayoutVariable {
  readonly id: string;
  readonly label: string;
  readonly values: readonly string[];
  readonly valueLabels: readonly string[];
  /** For a module slot's own variables: the index of the slot's type variable and of its "empty" option. */
  readonly slotType: number;
  readonly emptyOption: number;
}

/**
 * How a pack version's designs are packed into `design_features.codes`: the option index of every
 * variable in model order, one byte each (two when a variable has 255 options or more), the largest
 * value meaning "not given".
 */
export interface Layout {
  readonly width: 1 | 2;
  readonly missing: number;
  readonly variables: readonly LayoutVariable[];
  readonly byId: ReadonlyMap<string, number>;
}

const layouts = new WeakMap<LoadedPack, Layout>();

export function layoutOf(loaded: LoadedPack): Layout {
  let layout = layouts.get(loaded);
  if (layout === undefined) {
    layout = buildLayout(loaded);
    layouts.set(loaded, layout);
  }
  return layout;
}

function buildLayout(loaded: LoadedPack): Layout {
  const { structure, pack } = loaded.compiled;
  const text = (t: Parameters<typeof localize>[0]) => localize(t, pack.languages);
  const width = structure.variables.every((v) => v.options.length < 255) ? 1 : 2;
  const variables = structure.variables.map((variable): LayoutVariable => {
    const module = variable.slot && structure.modules.get(variable.slot.module);
    const slot = variable.slot && module?.slots[variable.slot.index - 1];
    const own = slot !== undefined && variable.localId !== "type";
    const label = variable.slot ? `${text(module?.def.label)} ${variable.slot.index}` : "";
    return {
      id: variable.id,
      label: variable.localId === "type" ? label : own ? `${label}: ${text(variable.label)}` : text(variable.label),
      values: variable.options.map((_, i) => valueId(variable, i)),
      valueLabels: variable.options.map((option, i) =>
        variable.kind === "text" ? (i === 0 ? "Filled in" : "Blank") : text(option.label),
      ),
      slotType: own ? slot.type.index : -1,
      emptyOption: own ? slot.type.options.findIndex((o) => o.id === EMPTY_MODULE) : -1,
    };
  });
  return {
    width,
    missing: width === 1 ? 0xff : 0xffff,
    variables,
    byId: new Map(variables.map((v, i) => [v.id, i])),
  };
}

/** A design's value as insights record it: option ids, numbers, true/false, and filled/blank for texts. */
function valueId(variable: PackVariable, option: number): string {
  if (variable.kind === "text") return option === 0 ? "filled" : "blank";
  return variable.options[option]!.id;
}

/** The codes of one design (see Layout). */
export function encodeDesign(loaded: LoadedPack, design: Design): Uint8Array {
  const layout = layoutOf(loaded);
  const { options } = readDesign(loaded.compiled, design);
  const codes = new Uint8Array(options.length * layout.width);
  options.forEach((option, v) => {
    const code = option < 0 ? layout.missing : option;
    if (layout.width === 1) codes[v] = code;
    else {
      codes[2 * v] = code >> 8;
      codes[2 * v + 1] = code & 0xff;
    }
  });
  return codes;
}
