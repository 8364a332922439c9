import { Link } from "wouter";
import { useCommunityStrings } from "./strings.ts";
import type { LoadError } from "./useLoad.ts";

/** A failed load: what went wrong in the API's words, and a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: LoadError; onRetry?: () => void }) {
  const t = useCommunityStrings();
  return (
    <div role="alert" className="notice notice--error">
      <p>
        <strong>{error.status === 404 ? t.notFound : t.somethingWrong}</strong>
        {error.status !== 404 && <span className="notice__detail">{error.message}</span>}
      </p>
      {onRetry && error.status !== 404 && (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

/** A design or creator page that could not load: the notice, and the way back to the gallery. */
export function PageLoadFailed({ error, onRetry }: { error: LoadError; onRetry: () => void }) {
  const t = useCommunityStrings();
  return (
    <div className="community">
      <ErrorNotice error={error} onRetry={onRetry} />
      <p>
        <Link href="/gallery">{t.gallery404}</Link>
      </p>
    </div>
  );
}
