import { useId, useState } from "react";
import { studioApi } from "./api.ts";
import { moduleOf } from "./chart-data.ts";
import { scopeKey, useStudio } from "./context.ts";
import { useStudioFormat } from "./format.ts";
import { Loadable } from "./Loadable.tsx";
import { PopularityCard } from "./PopularityCard.tsx";
import { useStudioStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

const PRODUCT = "";
const ALL = "*";

/** Option popularity per choice: the product's own choices first, each module's slots on request. */
export function PopularityPanel() {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const studio = useStudio();
  const { labels } = studio;
  const id = useId();
  const [group, setGroup] = useState(PRODUCT);
  const [search, setSearch] = useState("");
  const popularity = useLoad(scopeKey(studio, "popularity"), () => studioApi.popularity(studio.scope, studio.teamKey), {
    cached: true,
  });
  return (
    <section className="studio-section" aria-labelledby={`${id}-title`}>
      <header className="studio-section__header">
        <h2 id={`${id}-title`}>{t.popularityTitle}</h2>
        <p>{t.popularityIntro}</p>
      </header>
      <Loadable state={popularity} isEmpty={(data) => data.designs === 0} empty={t.noDesigns}>
        {(data) => {
          const modules = [...new Set(data.variables.map((v) => moduleOf(v.variable)).filter((m) => m !== null))];
          const needle = search.trim().toLocaleLowerCase(f.language);
          const shown = data.variables.filter((v) => {
            const module = moduleOf(v.variable);
            if (group !== ALL && (module ?? PRODUCT) !== group) return false;
            if (!needle) return true;
            const words = [
              labels.variable(v.variable, v.label),
              ...v.values.map((x) => labels.value(v.variable, x.value, x.label)),
            ];
            return words.some((w) => w.toLocaleLowerCase(f.language).includes(needle));
          });
          return (
            <>
              <div className="studio-toolbar">
                <label>
                  <span className="studio-label">{t.group}</span>
                  <select value={group} onChange={(e) => setGroup(e.target.value)}>
                    <option value={PRODUCT}>{t.productVariables}</option>
                    {modules.map((m) => (
                      <option key={m} value={m}>
                        {labels.module(m)}
                      </option>
                    ))}
                    <option value={ALL}>{t.allVariables}</option>
                  </select>
                </label>
                <label>
                  <span className="studio-label">{t.filter}</span>
                  <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
                </label>
                <p className="studio-toolbar__note" role="status">
                  {t.designsInWindow(f.counted(data.designs))}
                </p>
              </div>
              {shown.length === 0 ? (
                <p className="studio-empty">{t.noMatch}</p>
              ) : (
                <div className="studio-cards">
                  {shown.map((variable) => (
                    <PopularityCard key={variable.variable} variable={variable} />
                  ))}
                </div>
              )}
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
