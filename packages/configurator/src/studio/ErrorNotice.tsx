import { useApp } from "../app/context.tsx";
import { errorMessage, isRefused } from "./api.ts";
import { useStudioStrings } from "./strings.ts";

/** A failed request: the API's message, a retry, and for a refused key the way out (sign out). */
export function ErrorNotice({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useStudioStrings();
  const setTeamKey = useApp((s) => s.setTeamKey);
  const refused = isRefused(error);
  return (
    <div className="studio-error" role="alert">
      <p className="studio-error__title">{title ?? t.errorTitle}</p>
      <p className="studio-error__message">{errorMessage(error)}</p>
      {refused && <p>{t.keyRefusedNow}</p>}
      <div className="studio-error__actions">
        {onRetry && (
          <button type="button" onClick={onRetry}>
            {t.retry}
          </button>
        )}
        {refused && (
          <button type="button" onClick={() => setTeamKey(null)}>
            {t.signOut}
          </button>
        )}
      </div>
    </div>
  );
}
