import { compilePack, localize, type Pack, parsePackValue } from "@kitbash/rules";
import { type PackInfo, packInfo } from "../engine/info.ts";

/**
 * Pack labels in the current language. The insights API labels values in the pack's first language;
 * these put them into the language the team reads, falling back to the API's label for anything the
 * pack does not know (values of other versions, generated rule names).
 */
export interface PackLabels {
  /** "Frame", "Bays 2", "Bays 2: Doors" (the API's shapes). */
  variable(id: string, fallback: string): string;
  value(variable: string, value: string, fallback: string): string;
  /** "Frame: Solid oak" for a variable and value. */
  item(item: { variable: string; value: string; label: string }): string;
  /** "Frame: Solid oak" for a signal's "frame=oak" ("not …" for "!frame=oak"). */
  choice(choice: string, fallback?: string): string;
  /** A rule's customer message. */
  message(id: string, fallback: string): string;
  /** A module's name ("Bays"), or the id. */
  module(id: string): string;
}

export interface LabelWords {
  readonly yes: string;
  readonly no: string;
  readonly filledIn: string;
  readonly blank: string;
  readonly not: string;
}

/** The API's own labels, unchanged (until the pack has loaded, or if it cannot). */
export const apiLabels: PackLabels = {
  variable: (_id, fallback) => fallback,
  value: (_variable, _value, fallback) => fallback,
  item: (item) => item.label,
  choice: (choice, fallback) => fallback ?? choice,
  message: (_id, fallback) => fallback,
  module: (id) => id,
};

export function packLabels(info: PackInfo, language: string, words: LabelWords): PackLabels {
  const text = (t: Parameters<typeof localize>[0] | null | undefined) => (t ? localize(t, [], language) : "");
  const variables = new Map(info.variables.map((v) => [v.id, v]));
  const modules = new Map(info.modules.map((m) => [m.id, m]));
  const variable = (id: string, fallback: string) => {
    const found = variables.get(id);
    if (found === undefined) return fallback;
    if (found.slot === null) return text(found.label);
    const slot = `${text(modules.get(found.slot.module)?.label) || found.slot.module} ${found.slot.index}`;
    return found.localId === "type" ? slot : `${slot}: ${text(found.label)}`;
  };
  const value = (id: string, valueId: string, fallback: string) => {
    const found = variables.get(id);
    if (found === undefined) return fallback;
    if (found.kind === "boolean") return valueId === "true" ? words.yes : valueId === "false" ? words.no : fallback;
    if (found.kind === "text")
      return valueId === "filled" ? words.filledIn : valueId === "blank" ? words.blank : fallback;
    const option = found.options.find((o) => o.id === valueId);
    return option ? text(option.label) || fallback : fallback;
  };
  const item = (i: { variable: string; value: string; label: string }) => {
    if (!variables.has(i.variable)) return i.label;
    return `${variable(i.variable, i.variable)}: ${value(i.variable, i.value, i.value)}`;
  };
  return {
    variable,
    value,
    item,
    choice: (choice, fallback) => {
      const negated = choice.startsWith("!");
      const [id = "", valueId = "true"] = choice.slice(negated ? 1 : 0).split("=");
      if (!variables.has(id)) return fallback ?? choice;
      const label = item({ variable: id, value: valueId, label: fallback ?? choice });
      return negated ? `${words.not} ${label}` : label;
    },
    message: (id, fallback) => {
      const message = info.messages[id];
      return message ? text(message) || fallback : fallback;
    },
    module: (id) => text(modules.get(id)?.label) || id,
  };
}

const compiled = new Map<string, Promise<PackInfo>>();

/** A pack version's labels, options and messages, compiled once per page from the API's bundle. */
export function loadPackInfo(
  key: string,
  fetchBundle: () => Promise<{ pack: unknown; bases: readonly unknown[] }>,
): Promise<PackInfo> {
  let info = compiled.get(key);
  if (info === undefined) {
    info = fetchBundle().then((bundle) => {
      const parse = (body: unknown) => {
        const parsed = parsePackValue(body);
        if (!parsed.ok) throw new Error(`the pack does not parse: ${parsed.diagnostics[0]?.message}`);
        return parsed.pack;
      };
      const bases = bundle.bases.map(parse);
      const result = compilePack(parse(bundle.pack), (id) => bases.filter((p: Pack) => p.id === id));
      if (!result.ok) throw new Error(`the pack does not compile: ${result.diagnostics[0]?.message}`);
      return packInfo(result.compiled);
    });
    info.catch(() => compiled.delete(key));
    compiled.set(key, info);
  }
  return info;
}
