import { Link } from "wouter";
import { type Challenge, enterHref } from "./api.ts";
import { ChallengeDates } from "./ChallengeDates.tsx";
import { useCommunityStrings } from "./strings.ts";

/** A challenge in the list: state, dates, product, the start of its brief, and the way in while open. */
export function ChallengeCard({ challenge, packName }: { challenge: Challenge; packName: string }) {
  const t = useCommunityStrings();
  return (
    <article className={`challenge-card challenge-card--${challenge.state}`}>
      <p className="challenge-card__meta">
        <span className={`badge badge--${challenge.state}`}>{t.states[challenge.state]}</span>{" "}
        <ChallengeDates challenge={challenge} />
      </p>
      <h3 className="challenge-card__title">
        <Link href={`/challenges/${challenge.id}`} className="challenge-card__link">
          {challenge.title}
        </Link>
      </h3>
      <p className="challenge-card__pack">{packName}</p>
      <p className="challenge-card__brief">{challenge.brief}</p>
      {challenge.state === "open" && (
        <Link href={enterHref(challenge)} className="button button--primary challenge-card__enter">
          {t.enter}
          <span className="visually-hidden">: {challenge.title}</span>
        </Link>
      )}
    </article>
  );
}
