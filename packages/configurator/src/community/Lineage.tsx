import { useId } from "react";
import { Link } from "wouter";
import type { DesignRecord } from "../api/client.ts";
import { useStrings } from "../app/context.tsx";
import { community } from "./api.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { lineageTree } from "./lineage.ts";
import { LineageBranch } from "./LineageBranch.tsx";
import { useCommunityStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/** Ancestors and remixes as a small tree of links. */
export function Lineage({
  design,
  remixHref,
}: {
  design: Pick<DesignRecord, "id" | "title" | "creator">;
  remixHref: string;
}) {
  const t = useCommunityStrings();
  const common = useStrings();
  const id = useId();
  const { state, reload } = useLoad(() => community.lineage(design.id), [design.id]);
  const alone = state.status === "ok" && state.data.ancestors.length === 0 && state.data.remixes.length === 0;
  return (
    <section className="panel lineage" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.lineage}</h2>
      {state.status === "loading" && <p className="muted">{common.loading}</p>}
      {state.status === "error" && <ErrorNotice error={state.error} onRetry={reload} />}
      {alone && (
        <p className="muted">
          {t.lineageEmpty} <Link href={remixHref}>{t.remix}</Link>
        </p>
      )}
      {state.status === "ok" && !alone && (
        <ul className="tree">
          <LineageBranch node={lineageTree(design, state.data)} label={t.thisDesign} by={t.by} />
        </ul>
      )}
    </section>
  );
}
