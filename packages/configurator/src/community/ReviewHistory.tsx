import { useId } from "react";
import { useStrings } from "../app/context.tsx";
import { community } from "./api.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { useCommunityStrings, useFormat } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/** Every status change of the viewer's own design, with the reason the product team gave. */
export function ReviewHistory({ designId, token }: { designId: string; token: string }) {
  const t = useCommunityStrings();
  const common = useStrings();
  const format = useFormat();
  const id = useId();
  const { state, reload } = useLoad(() => community.history(designId, token), [designId, token]);
  return (
    <section className="panel history" aria-labelledby={`${id}-title`}>
      <div className="panel__header">
        <h2 id={`${id}-title`}>{t.history}</h2>
        <span className="muted">{t.historyPrivate}</span>
      </div>
      {state.status === "loading" && <p className="muted">{common.loading}</p>}
      {state.status === "error" && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === "ok" && (
        <ol className="history__list">
          {state.data.history.map((entry) => (
            <li key={entry.id} className="history__entry">
              <p className="history__change">
                {entry.from && (
                  <>
                    <StatusBadge status={entry.from} /> <span aria-hidden="true">→</span>{" "}
                  </>
                )}
                <StatusBadge status={entry.to} />
              </p>
              {/* The first entry's reason is the API's own "Submitted": the badge says it in the reader's language. */}
              {entry.from !== null && <p className="history__reason">{entry.reason}</p>}
              <p className="muted history__when">
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time> · {t.historyBy[entry.by] ?? entry.by}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
