import type { HistoryEntry } from "./api.ts";
import { useStudioFormat } from "./format.ts";
import { StatusPill } from "./StatusPill.tsx";
import { useStudioStrings } from "./strings.ts";

/** Every status change of a design with its reason, oldest first. */
export function DecisionHistory({ history }: { history: readonly HistoryEntry[] }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  if (history.length === 0) return <p className="studio-empty studio-empty--small">{t.noHistory}</p>;
  return (
    <ol className="studio-history">
      {history.map((entry) => (
        <li key={entry.id}>
          <p className="studio-history__move">
            {entry.from && (
              <>
                <StatusPill status={entry.from} /> →{" "}
              </>
            )}
            <StatusPill status={entry.to} />
          </p>
          <p className="studio-history__reason">{entry.reason}</p>
          <p className="studio-history__meta">
            <time dateTime={entry.at}>{f.dateTime(entry.at)}</time> · {entry.by === "team" ? t.byTeam : t.byCreator}
            {entry.actor ? ` (${entry.actor})` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
