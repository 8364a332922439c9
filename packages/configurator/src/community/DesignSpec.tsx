import { useId } from "react";
import { useStore } from "zustand";
import { useLocalize, useStrings } from "../app/context.tsx";
import type { VariableInfo } from "../engine/info.ts";
import type { ConfiguratorStore } from "../store/configurator.ts";

const EMPTY = "empty";

/** The design's choices in the pack's words: each option that applies, and the filled module slots. */
export function DesignSpec({ store, title }: { store: ConfiguratorStore; title: string }) {
  const info = useStore(store, (s) => s.info);
  const snapshot = useStore(store, (s) => s.snapshot);
  const localize = useLocalize();
  const common = useStrings();
  const id = useId();
  if (!snapshot) return null;

  const shown = (variable: VariableInfo): string => {
    const state = snapshot.variables[variable.index];
    if (!state) return "";
    if (variable.kind === "text") return String(snapshot.design[variable.id] ?? "");
    if (variable.kind === "boolean") return state.value === 0 ? common.yes : common.no;
    if (variable.kind === "integer")
      return `${variable.numbers?.[state.value] ?? ""}${variable.unit ? ` ${variable.unit}` : ""}`;
    return localize(variable.options[state.value]?.label);
  };
  const rows: [string, string][] = info.variables
    .filter((v) => v.slot === null && snapshot.variables[v.index]?.applies)
    .map((v) => [localize(v.label), shown(v)]);
  for (const module of info.modules) {
    for (const slot of module.slots) {
      const type = info.variables[slot.type]!;
      const option = type.options[snapshot.variables[slot.type]?.value ?? -1];
      if (!option || option.id === EMPTY) continue;
      const details = Object.entries(slot.variables)
        .filter(([local, index]) => local !== "type" && snapshot.variables[index]?.applies)
        .map(([, index]) => [localize(info.variables[index]!.label), shown(info.variables[index]!)])
        .filter(([, text]) => text !== "")
        .map(([label, text]) => `${label}: ${text}`);
      rows.push([`${localize(module.label)} ${slot.index}`, [localize(option.label), ...details].join(" · ")]);
    }
  }
  return (
    <section className="panel spec" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <dl className="spec__list">
        {rows.map(([label, value]) => (
          <div key={label} className="spec__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
