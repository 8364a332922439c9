import { useId, useState } from "react";
import { ApiRequestError, type DesignRecord } from "../api/client.ts";
import { errorMessage, NEXT_STATUSES, studioApi } from "./api.ts";
import { useStudioStrings } from "./strings.ts";

/**
 * Moves a design to one of its allowed next statuses, with the reason its creator will read. The API's
 * 409 (an illegal move, or another reviewer moved it meanwhile) is shown in its own words.
 */
export function TransitionForm({
  design,
  teamKey,
  onMoved,
  onStale,
}: {
  design: DesignRecord;
  teamKey: string;
  onMoved: (design: DesignRecord) => void;
  /** Reloads the design after the API said its status changed meanwhile. */
  onStale: () => void;
}) {
  const t = useStudioStrings();
  const id = useId();
  const allowed = NEXT_STATUSES[design.status] ?? [];
  const [status, setStatus] = useState<string>(allowed[0] ?? "");
  const [reason, setReason] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  if (allowed.length === 0) return <p className="studio-note">{t.finalStatus}</p>;
  const next = allowed.includes(status) ? status : allowed[0]!;
  const stale = error instanceof ApiRequestError && error.code === "status_changed";

  const submit = async () => {
    setSending(true);
    setError(null);
    setDone(null);
    try {
      const moved = await studioApi.review(design.id, next, reason.trim(), teamKey);
      setReason("");
      setDone(t.moved(t.statuses[moved.status] ?? moved.status));
      onMoved(moved);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="studio-move"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(reason.trim() === "");
        if (reason.trim()) void submit();
        else e.currentTarget.querySelector("textarea")?.focus();
      }}
    >
      <h4 id={`${id}-title`}>{t.moveTitle}</h4>
      <fieldset className="studio-move__statuses">
        <legend>{t.moveTo}</legend>
        {allowed.map((s) => (
          <label key={s} className={`studio-choice studio-choice--${s}`}>
            <input type="radio" name={`${id}-status`} value={s} checked={next === s} onChange={() => setStatus(s)} />
            {t.statuses[s] ?? s}
          </label>
        ))}
      </fieldset>
      <label className="studio-field">
        <span className="studio-field__label">{t.reason}</span>
        <textarea
          name="reason"
          required
          maxLength={2000}
          rows={3}
          value={reason}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-missing` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
      </label>
      {missing && (
        <p id={`${id}-missing`} className="studio-form-error">
          {t.reasonRequired}
        </p>
      )}
      {error !== null && (
        <div role="alert" className="studio-form-error">
          <p>{errorMessage(error)}</p>
          {stale && (
            <button type="button" onClick={onStale}>
              {t.reloadDesign}
            </button>
          )}
        </div>
      )}
      {done && (
        <p role="status" className="studio-success">
          {done}
        </p>
      )}
      <button type="submit" className="primary" disabled={sending}>
        {sending ? t.moving : t.move}
      </button>
    </form>
  );
}
