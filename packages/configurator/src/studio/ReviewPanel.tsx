import { useId, useState } from "react";
import { useSearchParams } from "wouter";
import type { DesignRecord } from "../api/client.ts";
import { AWAITING, studioApi } from "./api.ts";
import { useStudio } from "./context.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { Loadable } from "./Loadable.tsx";
import { ReviewDetail } from "./ReviewDetail.tsx";
import { ReviewQueue } from "./ReviewQueue.tsx";
import { useStudioStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/**
 * The review queue of the pack: designs awaiting a decision, oldest first, with a status filter and
 * paging; the open design (kept in the address) beside the list.
 */
export function ReviewPanel() {
  const t = useStudioStrings();
  const { scope, teamKey, generation } = useStudio();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const selected = params.get("design");
  const [status, setStatus] = useState<string>("");
  const [focusDetail, setFocusDetail] = useState(false);
  const key = `queue ${scope.pack} ${status} ${generation} ${teamKey}`;
  const first = useLoad(key, () => studioApi.queue({ pack: scope.pack, status: status || undefined }, teamKey));
  // Later pages of the same queue, and designs moved here (they keep their place with their new status).
  const [more, setMore] = useState<{ key: string; designs: DesignRecord[]; next: string | null } | null>(null);
  const [paging, setPaging] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const [moved, setMoved] = useState<Record<string, DesignRecord>>({});
  const extra = more?.key === key ? more : null;
  const designs = first.data
    ? [...first.data.designs, ...(extra?.designs ?? [])].map((d) => moved[d.id] ?? d)
    : undefined;
  const next = extra ? extra.next : (first.data?.next ?? null);

  const loadMore = async () => {
    if (!next) return;
    setPaging({ busy: true, error: null });
    try {
      const page = await studioApi.queue({ pack: scope.pack, status: status || undefined, cursor: next }, teamKey);
      setMore({ key, designs: [...(extra?.designs ?? []), ...page.designs], next: page.next });
      setPaging({ busy: false, error: null });
    } catch (error) {
      setPaging({ busy: false, error });
    }
  };

  const open = (designId: string) =>
    setParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.set("design", designId);
        return params;
      },
      { replace: true },
    );

  const listed = selected ? (moved[selected] ?? designs?.find((d) => d.id === selected)) : undefined;
  // A design named in the address but not in the loaded queue is fetched by itself.
  const single = useLoad(selected && !listed && designs !== undefined ? `design ${selected} ${teamKey}` : null, () =>
    studioApi.design(selected ?? "", teamKey),
  );
  const current = listed ?? (single.data?.id === selected ? single.data : undefined);

  return (
    <section className="studio-section" aria-labelledby={`${id}-title`}>
      <header className="studio-section__header">
        <h2 id={`${id}-title`}>{t.reviewTitle}</h2>
        <p>{t.reviewIntro}</p>
      </header>
      <fieldset className="studio-segmented studio-segmented--filter">
        <legend className="visually-hidden">{t.statusFilter}</legend>
        {["", ...AWAITING].map((s) => (
          <button key={s || "all"} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {s ? t.statuses[s] : t.allAwaiting}
          </button>
        ))}
      </fieldset>
      <div className="studio-review">
        <div className="studio-review__list">
          <Loadable state={first} isEmpty={(data) => data.designs.length === 0} empty={t.emptyQueue}>
            {() => (
              <>
                <ReviewQueue
                  designs={designs ?? []}
                  selected={selected}
                  onOpen={(designId) => {
                    setFocusDetail(true);
                    open(designId);
                  }}
                />
                {paging.error !== null && <ErrorNotice error={paging.error} onRetry={() => void loadMore()} />}
                {next && (
                  <button
                    type="button"
                    className="studio-link-button"
                    disabled={paging.busy}
                    onClick={() => void loadMore()}
                  >
                    {paging.busy ? t.loading : t.loadMore}
                  </button>
                )}
              </>
            )}
          </Loadable>
        </div>
        <div className="studio-review__detail">
          {current ? (
            <ReviewDetail
              key={current.id}
              design={current}
              teamKey={teamKey}
              focus={focusDetail}
              onChanged={(design) => setMoved((m) => ({ ...m, [design.id]: design }))}
            />
          ) : selected && single.error ? (
            <ErrorNotice error={single.error} onRetry={single.reload} />
          ) : selected && single.loading ? (
            <div className="studio-skeleton studio-skeleton--block" role="status">
              <span className="visually-hidden">{t.loading}</span>
            </div>
          ) : (
            <p className="studio-empty">{t.pickDesign}</p>
          )}
        </div>
      </div>
    </section>
  );
}
