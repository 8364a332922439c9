import type { ReactNode } from "react";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { useStudioStrings } from "./strings.ts";
import type { Loaded } from "./useLoad.ts";

/**
 * The loading, error and empty states of a section, and its content once loaded. While a new answer
 * loads, the previous one stays on screen, dimmed and marked busy.
 */
export function Loadable<T>({
  state,
  isEmpty,
  empty,
  skeleton = "block",
  children,
}: {
  state: Loaded<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  skeleton?: "block" | "line";
  children: (data: T) => ReactNode;
}) {
  const t = useStudioStrings();
  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) {
    if (!state.loading) return null;
    return (
      <div className={`studio-skeleton studio-skeleton--${skeleton}`} role="status">
        <span className="visually-hidden">{t.loading}</span>
      </div>
    );
  }
  return (
    <div className="studio-loadable" aria-busy={state.loading} data-stale={state.loading ? "" : undefined}>
      {state.loading && (
        <span className="studio-loadable__updating" role="status">
          {t.updating}
        </span>
      )}
      {isEmpty?.(state.data) ? <p className="studio-empty">{empty}</p> : children(state.data)}
    </div>
  );
}
