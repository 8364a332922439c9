import { useId, useState } from "react";
import { useApp } from "../app/context.tsx";
import { type Comment, community } from "./api.ts";
import { useCommunityStrings } from "./strings.ts";

const MAX = 2000;

/** Write a comment (creator token); without a token the form explains how to get one. */
export function CommentForm({ designId, onPosted }: { designId: string; onPosted: (comment: Comment) => void }) {
  const t = useCommunityStrings();
  const token = useApp((s) => s.creatorToken);
  const id = useId();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const post = async () => {
    if (token === null || body.trim() === "" || busy) return;
    setBusy(true);
    setError(null);
    try {
      onPosted(await community.comment(designId, body.trim(), token));
      setBody("");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        void post();
      }}
    >
      <label htmlFor={`${id}-body`}>{t.addComment}</label>
      <textarea
        id={`${id}-body`}
        value={body}
        rows={3}
        maxLength={MAX}
        required
        disabled={token === null}
        aria-describedby={token === null ? `${id}-why` : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void post();
          }
        }}
      />
      {token === null && (
        <p id={`${id}-why`} className="muted">
          {t.voteNoToken}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="comment-form__actions">
        {body.length > MAX * 0.8 && (
          <span className="muted">
            {body.length}/{MAX}
          </span>
        )}
        <button type="submit" className="primary" disabled={token === null || busy || body.trim() === ""}>
          {busy ? t.posting : t.post}
        </button>
      </div>
    </form>
  );
}
