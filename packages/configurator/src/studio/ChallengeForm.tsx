import { useId, useState } from "react";
import { Link } from "wouter";
import { type Challenge, errorMessage, studioApi } from "./api.ts";
import { useStudioStrings } from "./strings.ts";

const DAY = 86_400_000;

/** "2026-03-01T09:00" in local time, for a datetime-local input. */
function localInput(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Announces a design challenge for the pack: title, brief, start and end (local time). */
export function ChallengeForm({
  pack,
  teamKey,
  onCreated,
}: {
  pack: string;
  teamKey: string;
  onCreated: (challenge: Challenge) => void;
}) {
  const t = useStudioStrings();
  const id = useId();
  const [defaults] = useState(() => {
    const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    return { start: localInput(start), end: localInput(new Date(start.getTime() + 28 * DAY)) };
  });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Challenge | null>(null);

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const startsAt = new Date(text("startsAt"));
    const endsAt = new Date(text("endsAt"));
    if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) {
      setError(t.endsAfterStart);
      return;
    }
    setSending(true);
    setError(null);
    setCreated(null);
    try {
      const challenge = await studioApi.createChallenge(
        {
          pack,
          title: text("title"),
          brief: text("brief"),
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
        teamKey,
      );
      setCreated(challenge);
      form.reset();
      onCreated(challenge);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="studio-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <h3 id={`${id}-title`}>{t.newChallenge}</h3>
      <label className="studio-field">
        <span className="studio-field__label">{t.challengeTitle}</span>
        <input name="title" required maxLength={120} />
      </label>
      <label className="studio-field">
        <span className="studio-field__label">{t.brief}</span>
        <textarea name="brief" required maxLength={4000} rows={4} aria-describedby={`${id}-brief`} />
      </label>
      <p id={`${id}-brief`} className="studio-hint">
        {t.briefHint}
      </p>
      <div className="studio-form__row">
        <label className="studio-field">
          <span className="studio-field__label">{t.starts}</span>
          <input name="startsAt" type="datetime-local" required defaultValue={defaults.start} />
        </label>
        <label className="studio-field">
          <span className="studio-field__label">{t.ends}</span>
          <input name="endsAt" type="datetime-local" required defaultValue={defaults.end} />
        </label>
      </div>
      {error && (
        <p role="alert" className="studio-form-error">
          {error}
        </p>
      )}
      {created && (
        <p role="status" className="studio-success">
          {t.created} <Link href={`/challenges/${created.id}`}>{t.openChallenge}</Link>
        </p>
      )}
      <button type="submit" className="primary" disabled={sending}>
        {sending ? t.creating : t.create}
      </button>
    </form>
  );
}
