import { useEffect, useRef } from "react";
import { useApp, useConfigurator, useConfiguratorStore, useLocalize, useStrings } from "../app/context.tsx";
import { formatMoney } from "../app/format.ts";
import type { PackInfo } from "../engine/info.ts";

/** Why the value the customer just tried is not possible, in their words, and the nearest design that has it. */
export function BlockedPanel() {
  const store = useConfiguratorStore();
  const blocked = useConfigurator((s) => s.blocked);
  const info = useConfigurator((s) => s.info);
  const language = useApp((s) => s.language);
  const localize = useLocalize();
  const t = useStrings();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (blocked) heading.current?.focus();
  }, [blocked]);
  if (!blocked) return null;
  const name = (variable: string, value: string | null) => describe(info, variable, value, localize);
  return (
    <aside
      className="blocked"
      role="dialog"
      aria-modal="false"
      aria-labelledby="blocked-title"
      onKeyDown={(e) => e.key === "Escape" && store.getState().dismissBlocked()}
    >
      <h2 id="blocked-title" ref={heading} tabIndex={-1}>
        {name(blocked.variable, blocked.value)}: {t.notPossible}
      </h2>
      {blocked.blockedBy.length > 0 && (
        <p>
          {t.youChose}: <strong>{blocked.blockedBy.map((c) => name(c.variable, c.value)).join(", ")}</strong>
        </p>
      )}
      {blocked.constraints.length > 0 && (
        <ul className="blocked__reasons" aria-label={t.because}>
          {blocked.constraints.map((c) => (
            <li key={c.id}>{localize(info.messages[c.id] ?? c.message)}</li>
          ))}
        </ul>
      )}
      {blocked.repair ? (
        <div className="blocked__repair">
          <p>{t.changes}:</p>
          <ul>
            {blocked.repair.changes.map((change) => (
              <li key={`${change.variable}-${change.from}`}>
                {name(change.variable, null)}: {change.from ? name(change.variable, change.from).split(": ").pop() : ""}{" "}
                → {change.to ? name(change.variable, change.to).split(": ").pop() : t.removed}
              </li>
            ))}
          </ul>
          {blocked.repair.price !== null && (
            <p className="blocked__price">{formatMoney(blocked.repair.price, info.currency, language)}</p>
          )}
          <button type="button" className="primary" onClick={() => store.getState().applyRepair()}>
            {t.makePossible}
          </button>
        </div>
      ) : (
        <p>{t.nothingMakesPossible}</p>
      )}
      <button type="button" onClick={() => store.getState().dismissBlocked()}>
        {t.keepMyDesign}
      </button>
    </aside>
  );
}

/** "Frame: Oak", or just "Frame" when no value is given. */
function describe(
  info: PackInfo,
  variableId: string,
  value: string | null,
  localize: (text: PackInfo["name"]) => string,
): string {
  const variable = info.variables.find((v) => v.id === variableId);
  if (!variable) return variableId;
  const label = `${localize(variable.label)}${variable.slot ? ` ${variable.slot.index}` : ""}`;
  if (value === null) return label;
  if (variable.kind === "boolean" || variable.kind === "text")
    return value === "true" || (variable.kind === "text" && value !== "") ? label : `${label}: –`;
  const option = variable.options.find((o) => o.id === value);
  return `${label}: ${option ? localize(option.label) : value}`;
}
