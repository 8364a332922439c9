import { useId } from "react";
import { studioApi } from "./api.ts";
import { BundlesTable } from "./BundlesTable.tsx";
import { heatmapGrid } from "./chart-data.ts";
import { scopeKey, useStudio } from "./context.ts";
import { LiftHeatmap } from "./LiftHeatmap.tsx";
import { Loadable } from "./Loadable.tsx";
import { PairsTable } from "./PairsTable.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

const HEATMAP_SIZE = 8;

/** Values that go together: what lift means, the heatmap of the top values, the ranked pairs and bundles. */
export function PairsPanel() {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const studio = useStudio();
  const id = useId();
  const pairs = useLoad(scopeKey(studio, "pairs"), () => studioApi.pairs(studio.scope, studio.teamKey), {
    cached: true,
  });
  const bundles = useLoad(scopeKey(studio, "bundles"), () => studioApi.bundles(studio.scope, studio.teamKey), {
    cached: true,
  });
  return (
    <section className="studio-section" aria-labelledby={`${id}-title`}>
      <header className="studio-section__header">
        <h2 id={`${id}-title`}>{t.pairsTitle}</h2>
        <p className="studio-explain">{t.liftExplained}</p>
        <p className="studio-explain">{t.ruleAwareExplained}</p>
      </header>
      <Loadable
        state={pairs}
        isEmpty={(data) => data.designs === 0 || data.pairs.length === 0}
        empty={pairs.data?.designs === 0 ? t.noDesigns : t.noPairs}
      >
        {(data) => (
          <>
            <LiftHeatmap grid={heatmapGrid(data.pairs, HEATMAP_SIZE, studio.labels.item)} />
            <PairsTable pairs={data.pairs} />
            <p className="studio-note">
              {t.excluded(f.counted(data.excluded.commonValues), f.counted(data.excluded.forced))}
            </p>
          </>
        )}
      </Loadable>
      <Loadable state={bundles} skeleton="line" isEmpty={(data) => data.designs === 0}>
        {(data) => <BundlesTable bundles={data.bundles} />}
      </Loadable>
    </section>
  );
}
