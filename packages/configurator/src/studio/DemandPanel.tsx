import { useId } from "react";
import { studioApi } from "./api.ts";
import { scopeKey, useStudio } from "./context.ts";
import { useStudioFormat } from "./format.ts";
import { Loadable } from "./Loadable.tsx";
import { useStudioStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";
import { WantedChoices } from "./WantedChoices.tsx";
import { WishThemes } from "./WishThemes.tsx";

/** What customers wanted and could not have: blocked choices with their rules, and grouped wishes. */
export function DemandPanel() {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const studio = useStudio();
  const id = useId();
  const demand = useLoad(scopeKey(studio, "demand"), () => studioApi.demand(studio.scope, studio.teamKey), {
    cached: true,
  });
  return (
    <section className="studio-section" aria-labelledby={`${id}-title`}>
      <header className="studio-section__header">
        <h2 id={`${id}-title`}>{t.demandTitle}</h2>
      </header>
      <Loadable state={demand}>
        {(data) => (
          <>
            <dl className="studio-kpis">
              <div className="studio-kpi">
                <dt>{t.blockedAttempts}</dt>
                <dd>{f.count(data.blocked.total)}</dd>
              </div>
              <div className="studio-kpi">
                <dt>{t.sessions}</dt>
                <dd>{f.count(data.blocked.sessions)}</dd>
              </div>
              <div className="studio-kpi">
                <dt>{t.wishes}</dt>
                <dd>{f.count(data.wishes.total)}</dd>
              </div>
            </dl>
            <div className="studio-block">
              <h3 className="studio-block__title">{t.wantedTitle}</h3>
              <WantedChoices blocked={data.blocked} />
            </div>
            <div className="studio-block">
              <h3 className="studio-block__title">{t.wishesTitle}</h3>
              <WishThemes wishes={data.wishes} />
            </div>
          </>
        )}
      </Loadable>
    </section>
  );
}
