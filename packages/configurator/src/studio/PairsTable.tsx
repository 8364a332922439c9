import { useState } from "react";
import type { Pair } from "./api.ts";
import { useStudio } from "./context.ts";
import { DataTable } from "./DataTable.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

const FIRST = 15;

/** The ranked pairs with support, confidence both ways and lift (plain and beyond the rules). */
export function PairsTable({ pairs }: { pairs: readonly Pair[] }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const { labels } = useStudio();
  const [all, setAll] = useState(false);
  const shown = all ? pairs : pairs.slice(0, FIRST);
  return (
    <div className="studio-block">
      <h3 className="studio-block__title">{t.pairsTable}</h3>
      <DataTable
        caption={t.pairsTableCaption}
        columns={[
          { label: t.rank, numeric: true },
          { label: t.pair },
          { label: t.count, numeric: true },
          { label: t.support, numeric: true, help: t.supportHelp },
          { label: t.confidence, numeric: true, help: t.confidenceHelp },
          { label: t.lift, numeric: true },
          { label: t.ruleAwareLift, numeric: true, help: t.ruleAwareExplained },
        ]}
        rows={shown.map((pair, i) => ({
          key: `${pair.a.variable}=${pair.a.value}&${pair.b.variable}=${pair.b.value}`,
          cells: [
            i + 1,
            <span key="pair" className="studio-pair">
              <span>{labels.item(pair.a)}</span>
              <span aria-hidden="true" className="studio-pair__and">
                +
              </span>
              <span className="visually-hidden"> & </span>
              <span>{labels.item(pair.b)}</span>
            </span>,
            f.count(pair.count),
            f.percent(pair.support),
            `${f.percent(pair.confidence.aToB)} / ${f.percent(pair.confidence.bToA)}`,
            <strong key="lift">{f.ratio(pair.lift)}</strong>,
            f.ratio(pair.ruleAwareLift),
          ],
        }))}
      />
      {pairs.length > FIRST && (
        <button type="button" className="studio-link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t.showFewer : t.showAll(pairs.length)}
        </button>
      )}
    </div>
  );
}
