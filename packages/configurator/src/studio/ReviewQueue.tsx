import type { DesignRecord } from "../api/client.ts";
import { useStudioFormat } from "./format.ts";
import { StatusPill } from "./StatusPill.tsx";
import { useStudioStrings } from "./strings.ts";

/** The designs awaiting a decision, oldest first; each opens beside the list. */
export function ReviewQueue({
  designs,
  selected,
  onOpen,
}: {
  designs: readonly DesignRecord[];
  selected: string | null;
  onOpen: (id: string) => void;
}) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  return (
    <ul className="studio-queue" aria-label={t.queue}>
      {designs.map((design) => (
        <li key={design.id}>
          <button
            type="button"
            className="studio-queue__item"
            aria-current={design.id === selected ? "true" : undefined}
            onClick={() => onOpen(design.id)}
          >
            {design.thumbnail ? (
              <img className="studio-queue__thumb" src={design.thumbnail} alt="" loading="lazy" />
            ) : (
              <span className="studio-queue__thumb studio-queue__thumb--none" aria-hidden="true" />
            )}
            <span className="studio-queue__text">
              <span className="studio-queue__title">{design.title}</span>
              <span className="studio-queue__meta">
                {t.by} {design.creator.name} · {f.money(design.price, design.currency)}
              </span>
              <span className="studio-queue__meta">
                <StatusPill status={design.status} />{" "}
                <time dateTime={design.createdAt}>{f.dateTime(design.createdAt)}</time>
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
