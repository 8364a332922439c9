import { Link } from "wouter";
import type { Lead } from "./api.ts";
import { DataTable } from "./DataTable.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

/** Every ranked creator with each component and the points it gave, linking to their profile. */
export function LeadsTable({ creators }: { creators: readonly Lead[] }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const part = (value: string, points: number) => (
    <span className="studio-part">
      <span>{value}</span>
      <span className="studio-part__points">
        {t.points(points === 0 ? "0" : `${points > 0 ? "+" : ""}${f.ratio(points)}`)}
      </span>
    </span>
  );
  return (
    <DataTable
      caption={t.leadsTable}
      className="studio-table-wrap--scroll"
      columns={[
        { label: t.rank, numeric: true },
        { label: t.creator },
        { label: t.score, numeric: true },
        { label: t.designs, numeric: true },
        { label: t.novelty, numeric: true, help: t.noveltyHelp },
        { label: t.votes, numeric: true },
        { label: t.remixes, numeric: true },
        { label: t.shortlisted, numeric: true },
        { label: t.commercialized, numeric: true },
      ]}
      rows={creators.map((lead, i) => ({
        key: lead.creator.id,
        cells: [
          i + 1,
          <Link key="creator" href={`/creators/${lead.creator.id}`}>
            {lead.creator.name}
          </Link>,
          <strong key="score">{f.ratio(lead.score)}</strong>,
          f.count(lead.components.designs),
          part(f.ratio(lead.components.noveltyIndex), lead.points.novelty),
          part(f.count(lead.components.votes), lead.points.votes),
          part(f.count(lead.components.remixesByOthers), lead.points.remixes),
          part(f.count(lead.components.shortlisted), lead.points.shortlisted),
          part(f.count(lead.components.commercialized), lead.points.commercialized),
        ],
      }))}
    />
  );
}
