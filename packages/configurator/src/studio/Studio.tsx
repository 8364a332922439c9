import { useId, useMemo, useState } from "react";
import { useApp } from "../app/context.tsx";
import { studioApi } from "./api.ts";
import { ChallengesPanel } from "./ChallengesPanel.tsx";
import { StudioContext, type StudioContextValue, usePackLabels } from "./context.ts";
import { DemandPanel } from "./DemandPanel.tsx";
import { ExportsPanel } from "./ExportsPanel.tsx";
import { LeadsPanel } from "./LeadsPanel.tsx";
import { Loadable } from "./Loadable.tsx";
import { OverviewPanel } from "./OverviewPanel.tsx";
import { PairsPanel } from "./PairsPanel.tsx";
import { PopularityPanel } from "./PopularityPanel.tsx";
import { ReviewPanel } from "./ReviewPanel.tsx";
import { ScopeBar } from "./ScopeBar.tsx";
import { useStudioStrings } from "./strings.ts";
import { StudioTabs } from "./StudioTabs.tsx";
import { clearStudioCache, useLoad } from "./useLoad.ts";
import { SECTIONS, type Section, useScope } from "./useScope.ts";

/** The signed-in Studio: the pack and window on top, the sections beside the open one. */
export function Studio({ teamKey }: { teamKey: string }) {
  const t = useStudioStrings();
  const setTeamKey = useApp((s) => s.setTeamKey);
  const id = useId();
  const packs = useLoad("packs", () => studioApi.packs(), { cached: true });
  const scope = useScope(packs.data?.packs);
  const [generation, setGeneration] = useState(0);
  const { labels, name } = usePackLabels(scope.pack);
  const { from, to } = scope.window;
  const context = useMemo<StudioContextValue | null>(
    () =>
      scope.pack
        ? { teamKey, scope: { pack: scope.pack.id, from, to }, pack: scope.pack, packName: name, labels, generation }
        : null,
    [teamKey, scope.pack, from, to, name, labels, generation],
  );
  const tabId = (section: Section) => `${id}-tab-${section}`;
  const panelId = `${id}-panel`;

  return (
    <div className="studio">
      <header className="studio__header">
        <div className="studio__heading">
          <h1>{t.title}</h1>
          <p>{t.subtitle}</p>
        </div>
        <button
          type="button"
          className="studio__signout"
          onClick={() => {
            clearStudioCache();
            setTeamKey(null);
          }}
        >
          {t.signOut}
        </button>
      </header>
      <Loadable state={packs} isEmpty={(data) => data.packs.length === 0} empty={t.noPacks}>
        {(data) =>
          context && (
            <StudioContext.Provider value={context}>
              <ScopeBar
                packs={data.packs}
                pack={context.scope.pack}
                window={scope.window}
                onPack={scope.setPack}
                onWindow={scope.setWindow}
                onRefresh={() => {
                  clearStudioCache();
                  setGeneration((g) => g + 1);
                }}
              />
              <div className="studio__body">
                <StudioTabs
                  label={t.sections}
                  tabs={SECTIONS.map((section) => ({ id: section, label: t[section] }))}
                  selected={scope.section}
                  onSelect={scope.setSection}
                  idOf={tabId}
                  panelId={panelId}
                />
                <div
                  role="tabpanel"
                  id={panelId}
                  aria-labelledby={tabId(scope.section)}
                  className="studio__panel"
                  key={scope.section}
                >
                  {panel(scope.section)}
                </div>
              </div>
            </StudioContext.Provider>
          )
        }
      </Loadable>
    </div>
  );
}

function panel(section: Section) {
  switch (section) {
    case "overview":
      return <OverviewPanel />;
    case "popularity":
      return <PopularityPanel />;
    case "pairs":
      return <PairsPanel />;
    case "demand":
      return <DemandPanel />;
    case "leads":
      return <LeadsPanel />;
    case "review":
      return <ReviewPanel />;
    case "challenges":
      return <ChallengesPanel />;
    case "exports":
      return <ExportsPanel />;
  }
}
