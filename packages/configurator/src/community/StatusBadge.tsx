import { useCommunityStrings } from "./strings.ts";

/** A design's review status as a coloured pill. */
export function StatusBadge({ status }: { status: string }) {
  const t = useCommunityStrings();
  return <span className={`badge badge--${status}`}>{t.statuses[status] ?? status}</span>;
}
