import { useShallow } from "zustand/react/shallow";
import { useConfigurator, useConfiguratorStore, useLocalize, useStrings } from "../app/context.tsx";
import type { ModuleInfo } from "../engine/info.ts";
import { VariableControl } from "./VariableControl.tsx";

const EMPTY = "empty";

/** A module's filled slots as cards (type and slot options), with add, remove and reorder. */
export function ModuleSlots({ module, only }: { module: ModuleInfo; only?: readonly string[] }) {
  const store = useConfiguratorStore();
  const info = useConfigurator((s) => s.info);
  // useShallow: the selector builds a new array, which must not count as a change when its items are equal.
  const types = useConfigurator(
    useShallow((s) => module.slots.map((slot) => s.snapshot?.variables[slot.type]?.value ?? 0)),
  );
  const selected = useConfigurator((s) => s.selected);
  const localize = useLocalize();
  const t = useStrings();
  const filled = module.slots.filter((slot, i) => info.variables[slot.type]!.options[types[i]!]?.id !== EMPTY);
  const label = localize(module.label);
  return (
    <section className="module" aria-label={label}>
      <header className="module__header">
        <h3>{label}</h3>
        <span className="module__count">
          {filled.length}/{module.max}
        </span>
      </header>
      {module.description && <p className="control__help">{localize(module.description)}</p>}
      <ol className="module__slots">
        {filled.map((slot) => {
          const typeVariable = info.variables[slot.type]!;
          const typeLabel = localize(typeVariable.options[types[slot.index - 1]!]!.label);
          const isSelected = selected?.startsWith(`${module.id}.${slot.index}.`);
          const locals = Object.entries(slot.variables).filter(
            ([local]) => local !== "type" && (only === undefined || only.includes(local)),
          );
          return (
            <li
              key={slot.index}
              className={`slot${isSelected ? " slot--selected" : ""}`}
              data-slot={`${module.id}.${slot.index}`}
            >
              <div className="slot__header">
                <h4>
                  {label} {slot.index}: {typeLabel}
                </h4>
                <div className="slot__actions">
                  <button
                    type="button"
                    aria-label={`${t.moveLeft}: ${label} ${slot.index}`}
                    disabled={slot.index === 1}
                    onClick={() => store.getState().moveModule(module.id, slot.index, slot.index - 1)}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    aria-label={`${t.moveRight}: ${label} ${slot.index}`}
                    disabled={slot.index === filled.length}
                    onClick={() => store.getState().moveModule(module.id, slot.index, slot.index + 1)}
                  >
                    →
                  </button>
                  <button
                    type="button"
                    aria-label={`${t.remove}: ${label} ${slot.index}`}
                    disabled={filled.length <= module.min}
                    onClick={() => store.getState().removeModule(module.id, slot.index)}
                  >
                    ✕
                  </button>
                </div>
              </div>
              <VariableControl variable={typeVariable} />
              {locals.map(([local, index]) => (
                <VariableControl key={local} variable={info.variables[index]!} />
              ))}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="module__add"
        disabled={filled.length >= module.max}
        onClick={() => store.getState().addModule(module.id)}
      >
        + {t.add}: {label}
      </button>
    </section>
  );
}
