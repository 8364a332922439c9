import { type Activity, studioApi } from "./api.ts";
import { ActivityChart } from "./ActivityChart.tsx";
import { scopeKey, useStudio } from "./context.ts";
import { useStudioFormat } from "./format.ts";
import { Loadable } from "./Loadable.tsx";
import { useStudioStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/** The window at a glance: totals and activity per day. */
export function OverviewPanel() {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const studio = useStudio();
  const activity = useLoad(scopeKey(studio, "activity"), () => studioApi.activity(studio.scope, studio.teamKey), {
    cached: true,
  });
  const figures = (data: Activity) => [
    { label: t.designs, value: f.count(data.totals.designs) },
    { label: t.blockedAttempts, value: f.count(data.totals.blocked) },
    { label: t.wishes, value: f.count(data.totals.wishes) },
    { label: t.perDay, value: f.ratio(data.days.length ? data.totals.designs / data.days.length : 0) },
  ];
  return (
    <section className="studio-section" aria-labelledby="studio-overview-title">
      <header className="studio-section__header">
        <h2 id="studio-overview-title">{t.overview}</h2>
        <p>{studio.packName}</p>
      </header>
      <Loadable state={activity}>
        {(data) => (
          <>
            <dl className="studio-kpis">
              {figures(data).map((figure) => (
                <div key={figure.label} className="studio-kpi">
                  <dt>{figure.label}</dt>
                  <dd>{figure.value}</dd>
                </div>
              ))}
            </dl>
            {data.totals.designs + data.totals.blocked + data.totals.wishes === 0 ? (
              <p className="studio-empty">{t.noActivity}</p>
            ) : (
              <ActivityChart activity={data} />
            )}
          </>
        )}
      </Loadable>
    </section>
  );
}
