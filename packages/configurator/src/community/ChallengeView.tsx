import { Link } from "wouter";
import { useStrings } from "../app/context.tsx";
import { community, enterHref } from "./api.ts";
import { ChallengeDates } from "./ChallengeDates.tsx";
import { DesignCard } from "./DesignCard.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { useCommunityStrings, useFormat } from "./strings.ts";
import { useLoad } from "./useLoad.ts";
import { useTitle } from "./useTitle.ts";

/** One challenge: its brief, the way in while it is open, its winners, and its entries (most voted first). */
export function ChallengeView({ id, packName }: { id: string; packName: (id: string) => string }) {
  const t = useCommunityStrings();
  const common = useStrings();
  const format = useFormat();
  const { state, reload } = useLoad(() => community.challenge(id), [id]);
  useTitle(state.status === "ok" ? state.data.title : null);
  if (state.status === "loading") return <p className="muted">{common.loading}</p>;
  if (state.status === "error") return <ErrorNotice error={state.error} onRetry={reload} />;
  const challenge = state.data;
  const more = challenge.entryCount > challenge.entries.length;

  return (
    <article className="challenge">
      <header className={`challenge__hero challenge__hero--${challenge.state}`}>
        <p className="challenge__meta">
          <span className={`badge badge--${challenge.state}`}>{t.states[challenge.state]}</span>{" "}
          <ChallengeDates challenge={challenge} />
        </p>
        <h1>{challenge.title}</h1>
        <p className="challenge__pack">
          {packName(challenge.pack)} · {t.entryCount(challenge.entryCount)} ·{" "}
          <time dateTime={challenge.startsAt}>{format.date(challenge.startsAt)}</time> –{" "}
          <time dateTime={challenge.endsAt}>{format.date(challenge.endsAt)}</time>
        </p>
        {challenge.state === "open" && (
          <Link href={enterHref(challenge)} className="button button--primary button--large">
            {t.enter}
          </Link>
        )}
      </header>
      <section className="panel challenge__brief" aria-labelledby="challenge-brief">
        <h2 id="challenge-brief">{t.brief}</h2>
        <p className="prose">{challenge.brief}</p>
      </section>
      {challenge.winners.length > 0 && (
        <section className="challenge__winners" aria-labelledby="challenge-winners">
          <h2 id="challenge-winners">{t.winners}</h2>
          <ol className="design-grid">
            {challenge.winners.map((winner) => (
              <li key={winner.design.id} className="winner">
                <DesignCard
                  design={winner.design}
                  packName={packName(winner.design.pack)}
                  heading="h3"
                  badge={t.rank(winner.rank)}
                />
                {winner.note && <p className="winner__note">{winner.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="challenge__entries" aria-labelledby="challenge-entries">
        <div className="panel__header">
          <h2 id="challenge-entries">
            {t.entries} <span className="panel__count">({challenge.entryCount})</span>
          </h2>
          {challenge.entryCount > 0 && (
            <Link href={`/gallery?challenge=${encodeURIComponent(challenge.id)}&sort=top`}>{t.allEntries}</Link>
          )}
        </div>
        {challenge.entries.length === 0 ? (
          <div className="empty">
            <p className="empty__title">{t.noEntries}</p>
          </div>
        ) : (
          <ol className="design-grid" aria-label={t.entries}>
            {challenge.entries.map((design) => (
              <li key={design.id}>
                <DesignCard design={design} packName={packName(design.pack)} heading="h3" />
              </li>
            ))}
          </ol>
        )}
        {more && (
          <p>
            <Link href={`/gallery?challenge=${encodeURIComponent(challenge.id)}&sort=top`}>{t.allEntries}</Link>
          </p>
        )}
      </section>
      <p>
        <Link href="/challenges">← {t.allChallenges}</Link>
      </p>
    </article>
  );
}
