import { useId } from "react";
import { studioApi } from "./api.ts";
import { scopeKey, useStudio } from "./context.ts";
import { LeadsChart } from "./LeadsChart.tsx";
import { LeadsTable } from "./LeadsTable.tsx";
import { Loadable } from "./Loadable.tsx";
import { useStudioStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/** Creators worth talking to, with the transparent score's formula and parts. */
export function LeadsPanel() {
  const t = useStudioStrings();
  const studio = useStudio();
  const id = useId();
  const leads = useLoad(scopeKey(studio, "leads"), () => studioApi.leads(studio.scope, studio.teamKey), {
    cached: true,
  });
  return (
    <section className="studio-section" aria-labelledby={`${id}-title`}>
      <header className="studio-section__header">
        <h2 id={`${id}-title`}>{t.leadsTitle}</h2>
        <p className="studio-explain">{t.leadsIntro}</p>
      </header>
      <Loadable state={leads} isEmpty={(data) => data.creators.length === 0} empty={t.noLeads}>
        {(data) => (
          <>
            <p className="studio-formula">
              <span className="studio-formula__label">{t.formula}</span> <code>{data.formula}</code>
            </p>
            <LeadsChart leads={data} />
            <LeadsTable creators={data.creators} />
          </>
        )}
      </Loadable>
    </section>
  );
}
