import { useEffect, useId, useState } from "react";
import { ApiRequestError } from "../api/client.ts";
import { useApp } from "../app/context.tsx";
import { community } from "./api.ts";
import { useCommunityStrings } from "./strings.ts";
import { rememberedVote, rememberVote } from "./votes.ts";

/**
 * Vote and take the vote back with the creator token. Disabled, with the reason beside it, for a visitor
 * without a token and for the design's own creator.
 */
export function VoteButton({
  design,
  onVotes,
}: {
  design: {
    readonly id: string;
    readonly votes: number;
    readonly creator: { readonly id: string };
    readonly voted?: boolean;
  };
  onVotes: (votes: number) => void;
}) {
  const t = useCommunityStrings();
  const token = useApp((s) => s.creatorToken);
  const creatorId = useApp((s) => s.creatorId);
  const id = useId();
  const [voted, setVoted] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The API says whether we voted when asked with the creator token; the browser's memory is the fallback.
    setVoted(design.voted ?? (creatorId ? rememberedVote(creatorId, design.id) : null));
    setNote(null);
    setError(null);
  }, [creatorId, design.id, design.voted]);

  const own = creatorId !== null && creatorId === design.creator.id;
  const reason = token === null ? t.voteNoToken : own ? t.voteOwn : null;
  const settle = (now: boolean) => {
    setVoted(now);
    if (creatorId) rememberVote(creatorId, design.id, now);
  };

  const toggle = async () => {
    if (token === null || busy) return;
    setBusy(true);
    setNote(null);
    setError(null);
    try {
      const result = voted ? await community.unvote(design.id, token) : await community.vote(design.id, token);
      settle(result.voted);
      onVotes(result.votes);
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 409 && e.code === "already_voted") {
        settle(true);
        setNote(t.alreadyVoted);
      } else if (e instanceof ApiRequestError && e.status === 404 && e.code === "not_voted") {
        settle(false);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="vote">
      <button
        type="button"
        className={`vote__button${voted ? " vote__button--on" : ""}`}
        aria-pressed={reason === null ? voted === true : undefined}
        aria-describedby={reason !== null || voted ? `${id}-why` : undefined}
        disabled={reason !== null || busy}
        onClick={() => void toggle()}
      >
        <span className="vote__heart" aria-hidden="true">
          {voted ? "♥" : "♡"}
        </span>{" "}
        {voted ? t.voted : t.vote}
      </button>
      <output className="vote__count" aria-live="polite">
        {t.votes(design.votes)}
      </output>
      {(reason !== null || voted === true) && (
        <p id={`${id}-why`} className="vote__why">
          {reason ?? note ?? t.unvoteHint}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
