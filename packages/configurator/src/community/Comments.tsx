import { useId, useRef, useState } from "react";
import { Link } from "wouter";
import { useApp, useStrings } from "../app/context.tsx";
import { type Comment, community } from "./api.ts";
import { CommentForm } from "./CommentForm.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { useCommunityStrings, useFormat } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/** The conversation under a design: oldest first, more on request; post with the creator token, delete your own. */
export function Comments({ designId, closed }: { designId: string; closed?: boolean }) {
  const t = useCommunityStrings();
  const common = useStrings();
  const format = useFormat();
  const token = useApp((s) => s.creatorToken);
  const creatorId = useApp((s) => s.creatorId);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { state, reload, set } = useLoad(() => community.comments(designId, null, token), [designId]);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [status, setStatus] = useState("");
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const loadMore = async (cursor: string) => {
    setMore({ busy: true, error: null });
    try {
      const page = await community.comments(designId, cursor, token);
      set((data) => ({ comments: [...data.comments, ...page.comments], next: page.next }));
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };

  const added = (comment: Comment) => {
    set((data) => ({ ...data, comments: [...data.comments, comment] }));
    setStatus(t.posted);
  };

  const remove = async (comment: Comment) => {
    if (token === null) return;
    setDeleteError(null);
    try {
      await community.deleteComment(designId, comment.id, token);
      set((data) => ({ ...data, comments: data.comments.filter((c) => c.id !== comment.id) }));
      setStatus(t.deleted);
      heading.current?.focus();
    } catch (e) {
      setDeleteError(e instanceof Error ? e.message : String(e));
    }
  };

  const count = state.status === "ok" ? state.data.comments.length : null;
  return (
    <section className="panel comments" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t.commentsTitle}
        {count !== null && count > 0 && <span className="panel__count"> ({count})</span>}
      </h2>
      {state.status === "loading" && <p className="muted">{common.loading}</p>}
      {state.status === "error" && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === "ok" && state.data.comments.length === 0 && <p className="muted">{t.noComments}</p>}
      {state.status === "ok" && state.data.comments.length > 0 && (
        <ol className="comments__list">
          {state.data.comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__meta">
                <Link href={`/creators/${comment.author.id}`} className="comment__author">
                  {comment.author.name}
                </Link>{" "}
                <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
              </p>
              <p className="comment__body">{comment.body}</p>
              {token !== null && comment.author.id === creatorId && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t.deleteComment}
                  onClick={() => void remove(comment)}
                >
                  {t.delete}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {state.status === "ok" && state.data.next !== null && (
        <button type="button" disabled={more.busy} onClick={() => void loadMore(state.data.next!)}>
          {more.busy ? common.loading : t.moreComments}
        </button>
      )}
      {(more.error ?? deleteError) && (
        <p role="alert" className="error">
          {more.error ?? deleteError}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
      {!closed && <CommentForm designId={designId} onPosted={added} />}
    </section>
  );
}
