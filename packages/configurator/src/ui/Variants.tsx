import { useEffect, useId, useMemo, useState } from "react";
import { useApp, useConfigurator, useConfiguratorStore, useLocalize, useStrings } from "../app/context.tsx";
import { formatMoney } from "../app/format.ts";
import type { Engine } from "../engine/engine.ts";
import type { Snapshot } from "../engine/snapshot.ts";

/** Several named variants of a design, and a side-by-side comparison with differences highlighted. */
export function Variants({ engine }: { engine: Engine }) {
  const store = useConfiguratorStore();
  const variants = useConfigurator((s) => s.variants);
  const active = useConfigurator((s) => s.activeVariant);
  const t = useStrings();
  const id = useId();
  const [comparing, setComparing] = useState(false);
  return (
    <div className="variants">
      <label htmlFor={id}>{t.variants}</label>
      <select id={id} value={active} onChange={(e) => store.getState().switchVariant(e.target.value)}>
        {variants.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => store.getState().saveVariant(`${t.variants} ${variants.length + 1}`)}>
        {t.saveVariant}
      </button>
      <button
        type="button"
        aria-expanded={comparing}
        disabled={variants.length < 2}
        onClick={() => setComparing(!comparing)}
      >
        {t.compare}
      </button>
      {comparing && <Compare engine={engine} />}
    </div>
  );
}

function Compare({ engine }: { engine: Engine }) {
  const info = useConfigurator((s) => s.info);
  const variants = useConfigurator((s) => s.variants);
  const active = useConfigurator((s) => s.activeVariant);
  const current = useConfigurator((s) => s.design);
  const language = useApp((s) => s.language);
  const localize = useLocalize();
  const t = useStrings();
  const [snapshots, setSnapshots] = useState<Snapshot[]>([]);
  const designs = useMemo(
    () => variants.map((v) => (v.id === active ? current : v.design)),
    [variants, active, current],
  );
  useEffect(() => {
    let live = true;
    void Promise.all(designs.map((d) => engine.evaluate(d))).then((all) => live && setSnapshots(all));
    return () => {
      live = false;
    };
  }, [engine, designs]);
  if (snapshots.length !== variants.length) return <p>{t.loading}</p>;
  const valueLabel = (snapshot: Snapshot, v: number) => {
    const variable = info.variables[v]!;
    const state = snapshot.variables[v]!;
    if (!state.applies) return "–";
    return localize(variable.options[state.value]?.label);
  };
  const rows = info.variables.filter((variable) => snapshots.some((s) => s.variables[variable.index]!.applies));
  return (
    <table className="compare">
      <caption>{t.compare}</caption>
      <thead>
        <tr>
          <th scope="col" />
          {variants.map((v) => (
            <th key={v.id} scope="col">
              {v.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t.price}</th>
          {snapshots.map((s, i) => (
            <td key={variants[i]!.id}>
              {s.price ? formatMoney(s.complete ? s.total : s.price.min, info.currency, language) : "–"}
            </td>
          ))}
        </tr>
        {rows.map((variable) => {
          const labels = snapshots.map((s) => valueLabel(s, variable.index));
          const differs = new Set(labels).size > 1;
          return (
            <tr key={variable.id} className={differs ? "compare__differs" : undefined}>
              <th scope="row">
                {localize(variable.label)}
                {variable.slot ? ` ${variable.slot.index}` : ""}
              </th>
              {labels.map((label, i) => (
                <td key={variants[i]!.id}>{label}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
