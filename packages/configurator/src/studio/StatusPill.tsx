import { useStudioStrings } from "./strings.ts";

/** A design's review status as a coloured pill. */
export function StatusPill({ status }: { status: string }) {
  const t = useStudioStrings();
  return <span className={`studio-status studio-status--${status}`}>{t.statuses[status] ?? status}</span>;
}
