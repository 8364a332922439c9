import { useState } from "react";
import { useConfigurator, useLocalize } from "../app/context.tsx";
import type { PackInfo } from "../engine/info.ts";
import { ModuleSlots } from "./ModuleSlots.tsx";
import { VariableControl } from "./VariableControl.tsx";

interface Step {
  readonly id: string;
  readonly label: PackInfo["name"];
  readonly items: readonly string[];
}

/** The pack's steps as tabs; each lists its variables and modules in the pack's order. */
export function StepPanel() {
  const info = useConfigurator((s) => s.info);
  const localize = useLocalize();
  const steps = stepsOf(info);
  const [active, setActive] = useState(steps[0]?.id ?? "");
  const step = steps.find((s) => s.id === active) ?? steps[0];
  return (
    <div className="steps">
      <div role="tablist" aria-label={localize(info.name)} className="steps__tabs">
        {steps.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`tab-${s.id}`}
            aria-selected={s.id === step?.id}
            aria-controls={`step-${s.id}`}
            onClick={() => setActive(s.id)}
          >
            {localize(s.label)}
          </button>
        ))}
      </div>
      {step && (
        <div role="tabpanel" id={`step-${step.id}`} aria-labelledby={`tab-${step.id}`} className="steps__panel">
          {entriesOf(info, step.items).map((entry) =>
            entry.kind === "variable" ? (
              <VariableControl key={entry.variable.id} variable={entry.variable} />
            ) : (
              <ModuleSlots key={entry.module.id} module={entry.module} {...(entry.only ? { only: entry.only } : {})} />
            ),
          )}
        </div>
      )}
    </div>
  );
}

type Entry =
  | { readonly kind: "variable"; readonly variable: PackInfo["variables"][number] }
  | { readonly kind: "module"; readonly module: PackInfo["modules"][number]; only: string[] | undefined };

/**
 * What a step shows, in its order: global variables, and each module once, with the slot variables
 * the step names (`bays.doors`), or all of them when it names the module itself (`bays`).
 */
function entriesOf(info: PackInfo, items: readonly string[]): Entry[] {
  const entries: Entry[] = [];
  const modules = new Map<string, Extract<Entry, { kind: "module" }>>();
  for (const item of items) {
    const variable = info.variables.find((v) => v.id === item && v.slot === null);
    if (variable) {
      entries.push({ kind: "variable", variable });
      continue;
    }
    const [moduleId, local] = item.split(".");
    const module = info.modules.find((m) => m.id === moduleId);
    if (!module) continue;
    let entry = modules.get(module.id);
    if (!entry) {
      entry = { kind: "module", module, only: [] };
      modules.set(module.id, entry);
      entries.push(entry);
    }
    if (local === undefined) entry.only = undefined;
    else entry.only?.push(local);
  }
  return entries;
}

/** The pack's groups, plus a final step for anything no group lists. */
function stepsOf(info: PackInfo): Step[] {
  const steps: Step[] = info.groups.map((g) => ({ id: g.id, label: g.label, items: g.items }));
  const listed = new Set(steps.flatMap((s) => s.items.map((item) => item.split(".")[0]!)));
  const rest = [
    ...info.variables.filter((v) => v.slot === null && !listed.has(v.id)).map((v) => v.id),
    ...info.modules.filter((m) => !listed.has(m.id)).map((m) => m.id),
  ];
  if (rest.length > 0) steps.push({ id: "more", label: { en: "More", de: "Weiteres" }, items: rest });
  return steps;
}
