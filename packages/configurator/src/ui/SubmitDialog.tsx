import { useId, useRef, useState } from "react";
import { useLocation } from "wouter";
import { ApiRequestError, api } from "../api/client.ts";
import { useApp, useConfigurator, useLocalize } from "../app/context.tsx";
import type { ViewerHandle } from "../scene/viewer-handle.ts";

const LICENCES = [
  ["CC-BY-4.0", "CC BY 4.0"],
  ["CC-BY-SA-4.0", "CC BY-SA 4.0"],
  ["CC-BY-NC-4.0", "CC BY-NC 4.0"],
  ["CC0-1.0", "CC0 1.0"],
] as const;

/** How long a submit waits for the 3D view to load before it goes without a thumbnail. */
const VIEWER_WAIT_MS = 5_000;

const FIT_SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const words = {
  en: {
    title: "Submit your design",
    name: "Your design's name",
    story: "What will you use it for?",
    fit: "How well does it meet your need? (1–10)",
    toTen: "What would make it a 10?",
    wish: "Anything you wanted that was not possible?",
    licence: "Licence you grant",
    creator: "Your name (shown with your design)",
    send: "Submit",
    cancel: "Cancel",
    sending: "Submitting…",
  },
  de: {
    title: "Entwurf einreichen",
    name: "Name Ihres Entwurfs",
    story: "Wofür werden Sie ihn nutzen?",
    fit: "Wie gut erfüllt er Ihren Bedarf? (1–10)",
    toTen: "Was würde ihn zu einer 10 machen?",
    wish: "Wollten Sie etwas, das nicht möglich war?",
    licence: "Lizenz, die Sie gewähren",
    creator: "Ihr Name (wird beim Entwurf gezeigt)",
    send: "Einreichen",
    cancel: "Abbrechen",
    sending: "Wird eingereicht…",
  },
};

/** The submission form: the customer's story, the solution-focused questions, a wish, a thumbnail, a licence. */
export function SubmitDialog({
  viewer,
  onClose,
  challenge,
}: {
  viewer: ViewerHandle;
  onClose: () => void;
  challenge?: string | null;
}) {
  const info = useConfigurator((s) => s.info);
  const snapshot = useConfigurator((s) => s.snapshot);
  const parent = useConfigurator((s) => s.parent);
  const attempts = useConfigurator((s) => s.attempts);
  const language = useApp((s) => s.language);
  const token = useApp((s) => s.creatorToken);
  const setCreator = useApp((s) => s.setCreator);
  const localize = useLocalize();
  const w = words[language as "en" | "de"] ?? words.en;
  const [, navigate] = useLocation();
  const id = useId();
  const idempotencyKey = useRef(crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const wanted = [...new Set(attempts.map((a) => a.wanted))];
  if (!snapshot) return null;

  const submit = async (form: FormData) => {
    setSending(true);
    setError(null);
    try {
      const text = (key: string) => String(form.get(key) ?? "").trim();
      // The 3D view loads lazily: a quick submit waits for it rather than going without a thumbnail.
      const thumbnail = (await viewer.whenReady(VIEWER_WAIT_MS))?.snapshot(320);
      const { design, creatorToken } = await api.submit(
        {
          pack: info.id,
          version: info.version,
          choices: snapshot.design,
          title: text("title"),
          story: text("story"),
          fit: Number(form.get("fit")),
          toTen: text("toTen"),
          licence: text("licence"),
          ...(text("wish") ? { wish: text("wish") } : {}),
          ...(thumbnail ? { thumbnail } : {}),
          ...(parent ? { parent } : {}),
          ...(challenge ? { challenge } : {}),
          ...(text("creatorName") ? { creatorName: text("creatorName") } : {}),
        },
        token,
        idempotencyKey.current,
      );
      if (creatorToken) setCreator(creatorToken, design.creator.id);
      navigate(`/designs/${design.id}`);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : String(e));
      setSending(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit(new FormData(e.currentTarget));
        }}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
      >
        <h2 id={`${id}-title`}>{w.title}</h2>
        <p className="dialog__summary">{localize(info.name)}</p>
        <label>
          {w.name}
          <input name="title" required maxLength={120} />
        </label>
        <label>
          {w.story}
          <textarea name="story" required maxLength={4000} rows={3} />
        </label>
        <fieldset className="fit">
          <legend>{w.fit}</legend>
          {FIT_SCORES.map((score) => (
            <label key={score}>
              <input type="radio" name="fit" value={score} required defaultChecked={score === 7} />
              {score}
            </label>
          ))}
        </fieldset>
        <label>
          {w.toTen}
          <textarea name="toTen" maxLength={2000} rows={2} />
        </label>
        <label>
          {w.wish}
          <textarea
            name="wish"
            maxLength={2000}
            rows={2}
            defaultValue={wanted.length > 0 ? `${wanted.join(", ")}` : ""}
          />
        </label>
        <fieldset>
          <legend>{w.licence}</legend>
          {LICENCES.map(([value, label], i) => (
            <label key={value}>
              <input type="radio" name="licence" value={value} defaultChecked={i === 0} /> {label}
            </label>
          ))}
        </fieldset>
        {!token && (
          <label>
            {w.creator}
            <input name="creatorName" maxLength={60} />
          </label>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            {w.cancel}
          </button>
          <button type="submit" className="primary" disabled={sending || !snapshot.submittable}>
            {sending ? w.sending : w.send}
          </button>
        </div>
      </form>
    </div>
  );
}
