import { useCallback, useEffect, useRef, useState } from "react";
import type { DesignRecord } from "../api/client.ts";
import { community, type DesignQuery } from "./api.ts";
import { type LoadError, loadError } from "./useLoad.ts";

export interface DesignPages {
  readonly designs: readonly DesignRecord[];
  /** The first page is loading (the list is empty meanwhile). */
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: LoadError | null;
  readonly hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

/** Designs a page at a time with the API's cursor; a new query starts again from the first page. */
export function useDesignPages(query: DesignQuery, pageSize = 24): DesignPages {
  const key = JSON.stringify({ ...query, limit: pageSize });
  const [designs, setDesigns] = useState<readonly DesignRecord[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<LoadError | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The query the newest request belongs to: answers for an older one are dropped.
  const current = useRef(key);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query; `attempt` retries.
  useEffect(() => {
    current.current = key;
    setDesigns([]);
    setNext(null);
    setError(null);
    setLoading(true);
    community.designs(JSON.parse(key) as DesignQuery).then(
      (page) => {
        if (current.current !== key) return;
        setDesigns(page.designs);
        setNext(page.next);
        setLoading(false);
      },
      (e: unknown) => {
        if (current.current !== key) return;
        setError(loadError(e));
        setLoading(false);
      },
    );
  }, [key, attempt]);

  const loadMore = useCallback(() => {
    if (next === null || loadingMore) return;
    const asked = key;
    setLoadingMore(true);
    setError(null);
    community.designs({ ...(JSON.parse(key) as DesignQuery), cursor: next }).then(
      (page) => {
        if (current.current !== asked) return;
        // A design can move between pages while paging by votes: keep the first copy.
        setDesigns((shown) => {
          const seen = new Set(shown.map((d) => d.id));
          return [...shown, ...page.designs.filter((d) => !seen.has(d.id))];
        });
        setNext(page.next);
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (current.current !== asked) return;
        setError(loadError(e));
        setLoadingMore(false);
      },
    );
  }, [key, next, loadingMore]);

  const retry = useCallback(() => {
    if (designs.length > 0 && next !== null) loadMore();
    else setAttempt((n) => n + 1);
  }, [designs.length, next, loadMore]);

  return { designs, loading, loadingMore, error, hasMore: next !== null, loadMore, retry };
}
