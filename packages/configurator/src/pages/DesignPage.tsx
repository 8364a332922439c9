import "../community/community.css";
import { useEffect } from "react";
import { Link } from "wouter";
import { api } from "../api/client.ts";
import { useApp, useStrings } from "../app/context.tsx";
import { remixHref } from "../community/api.ts";
import { BillOfMaterials } from "../community/BillOfMaterials.tsx";
import { Comments } from "../community/Comments.tsx";
import { DesignOverview } from "../community/DesignOverview.tsx";
import { DesignSpec } from "../community/DesignSpec.tsx";
import { DesignViewer } from "../community/DesignViewer.tsx";
import { PageLoadFailed } from "../community/ErrorNotice.tsx";
import { Lineage } from "../community/Lineage.tsx";
import { ReviewHistory } from "../community/ReviewHistory.tsx";
import { useCommunityStrings } from "../community/strings.ts";
import { useDesignScene } from "../community/useDesignScene.ts";
import { useLoad } from "../community/useLoad.ts";
import { usePackNames } from "../community/usePackNames.ts";
import { useTitle } from "../community/useTitle.ts";

/**
 * One design: rendered in 3D from its stored choices, its story and fit, price and parts, votes,
 * comments, its family tree, and (for its creator) the review history.
 */
export default function DesignPage({ id }: { id: string }) {
  const t = useCommunityStrings();
  const common = useStrings();
  const token = useApp((s) => s.creatorToken);
  const creatorId = useApp((s) => s.creatorId);
  const packs = usePackNames();
  const { state, reload, set } = useLoad(() => api.design(id, token), [id, token]);
  const design = state.status === "ok" ? state.data : null;
  const scene = useDesignScene(design);
  useTitle(design?.title ?? null);
  // Following a link in the family tree opens another design at its top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each design id on purpose.
  useEffect(() => {
    // Newer browsers return a promise from scrollTo; an effect must return nothing or a cleanup.
    void window.scrollTo?.(0, 0);
  }, [id]);

  if (state.status === "loading") return <p className="page-status">{common.loading}</p>;
  if (state.status === "error") return <PageLoadFailed error={state.error} onRetry={reload} />;
  const record = state.data;
  const own = creatorId !== null && creatorId === record.creator.id;
  const packName = packs.name(record.pack);

  return (
    <article className="community design-page">
      <nav className="crumbs" aria-label={t.gallery}>
        <Link href="/gallery">{t.gallery}</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={`/gallery?pack=${encodeURIComponent(record.pack)}`}>{packName}</Link>
      </nav>
      <div className="design-page__top">
        <div className="design-page__stage">
          <DesignViewer scene={scene} />
        </div>
        <DesignOverview
          design={record}
          packName={packName}
          own={own}
          onVotes={(votes) => set((d) => ({ ...d, votes }))}
        />
      </div>
      <div className="design-page__sections">
        <div className="design-page__column">
          {scene.status === "ok" && <DesignSpec store={scene.store} title={t.spec} />}
          <BillOfMaterials designId={record.id} />
        </div>
        <div className="design-page__column">
          <Lineage design={record} remixHref={remixHref(record)} />
          {own && token !== null && <ReviewHistory designId={record.id} token={token} />}
          <Comments designId={record.id} closed={record.status === "withdrawn"} />
        </div>
      </div>
    </article>
  );
}
