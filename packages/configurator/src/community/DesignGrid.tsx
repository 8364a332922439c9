import { type ReactNode, useEffect, useRef } from "react";
import { useStrings } from "../app/context.tsx";
import type { DesignQuery } from "./api.ts";
import { DesignCard } from "./DesignCard.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { useCommunityStrings } from "./strings.ts";
import { useDesignPages } from "./useDesignPages.ts";

export interface DesignGridProps {
  readonly query: DesignQuery;
  readonly label: string;
  readonly packName?: (id: string) => string;
  readonly heading?: "h2" | "h3";
  readonly hideCreator?: boolean;
  /** What to show when there are no designs. */
  readonly empty: ReactNode;
  readonly pageSize?: number;
}

/** Designs as cards, a page at a time ("Load more" follows the cursor), with loading, empty and error states. */
export function DesignGrid({ query, label, packName, heading, hideCreator, empty, pageSize }: DesignGridProps) {
  const t = useCommunityStrings();
  const common = useStrings();
  const pages = useDesignPages(query, pageSize);
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);

  // After "Load more", keyboard users continue at the first new design instead of the top of the page.
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || pages.loadingMore) return;
    focusFrom.current = null;
    list.current?.children[from]?.querySelector<HTMLElement>(".design-card__link")?.focus();
  }, [pages.loadingMore]);

  if (pages.loading) {
    return (
      <div className="design-grid design-grid--loading" aria-busy="true">
        <p className="visually-hidden">{common.loading}</p>
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="design-card design-card--skeleton" aria-hidden="true" />
        ))}
      </div>
    );
  }
  if (pages.designs.length === 0) {
    return pages.error ? <ErrorNotice error={pages.error} onRetry={pages.retry} /> : empty;
  }
  return (
    <div className="design-results">
      <ul className="design-grid" aria-label={label} ref={list}>
        {pages.designs.map((design) => (
          <li key={design.id}>
            <DesignCard
              design={design}
              packName={packName?.(design.pack)}
              heading={heading ?? "h2"}
              hideCreator={hideCreator ?? false}
            />
          </li>
        ))}
      </ul>
      <div className="design-results__more">
        <p className="design-results__count" aria-live="polite">
          {t.showing(pages.designs.length)}
          {!pages.hasMore && pages.designs.length > 6 ? ` · ${t.allShown}` : ""}
        </p>
        {pages.error && <ErrorNotice error={pages.error} onRetry={pages.retry} />}
        {pages.hasMore && !pages.error && (
          <button
            type="button"
            className="primary"
            disabled={pages.loadingMore}
            onClick={() => {
              focusFrom.current = pages.designs.length;
              pages.loadMore();
            }}
          >
            {pages.loadingMore ? t.loadingMore : t.loadMore}
          </button>
        )}
      </div>
    </div>
  );
}
