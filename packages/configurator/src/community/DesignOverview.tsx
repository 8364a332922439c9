import { Link } from "wouter";
import type { DesignRecord } from "../api/client.ts";
import { remixHref } from "./api.ts";
import { ChallengeLink } from "./ChallengeLink.tsx";
import { FitScore } from "./FitScore.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { useCommunityStrings, useFormat } from "./strings.ts";
import { VoteButton } from "./VoteButton.tsx";

const LICENCES: Record<string, [string, string]> = {
  "CC-BY-4.0": ["CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"],
  "CC-BY-SA-4.0": ["CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"],
  "CC-BY-NC-4.0": ["CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"],
  "CC0-1.0": ["CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"],
};

/** Everything about a design beside its 3D view: who, what for, how well it fits, price, votes and remix. */
export function DesignOverview({
  design,
  packName,
  own,
  onVotes,
}: {
  design: DesignRecord;
  packName: string;
  own: boolean;
  onVotes: (votes: number) => void;
}) {
  const t = useCommunityStrings();
  const format = useFormat();
  const active = design.status !== "withdrawn";
  return (
    <div className="overview">
      <p className="overview__badges">
        <StatusBadge status={design.status} />
        {own && <span className="badge badge--own">{t.yourDesign}</span>}
      </p>
      <h1 className="overview__title">{design.title}</h1>
      <p className="overview__byline">
        {t.by} <Link href={`/creators/${design.creator.id}`}>{design.creator.name}</Link> ·{" "}
        <time dateTime={design.createdAt}>{format.date(design.createdAt)}</time>
        {design.challenge && (
          <>
            {" "}
            · {t.inChallenge} <ChallengeLink id={design.challenge} />
          </>
        )}
      </p>
      <dl className="figures">
        <div>
          <dt>{t.price}</dt>
          <dd className="figures__price">{format.money(design.price, design.currency)}</dd>
        </div>
        <div>
          <dt>{t.delivery}</dt>
          <dd>{t.days(design.leadTime)}</dd>
        </div>
        <div>
          <dt>{t.product}</dt>
          <dd>
            {packName} <span className="muted">{design.packVersion}</span>
          </dd>
        </div>
        <div>
          <dt>{t.licence}</dt>
          <dd>
            {LICENCES[design.licence] ? (
              <a href={LICENCES[design.licence]![1]} rel="license noreferrer" target="_blank">
                {LICENCES[design.licence]![0]}
              </a>
            ) : (
              design.licence
            )}
          </dd>
        </div>
      </dl>
      {active && (
        <div className="overview__actions">
          <VoteButton design={design} onVotes={onVotes} />
          <div className="remix">
            <Link href={remixHref(design)} className="button button--primary" aria-describedby={`remix-${design.id}`}>
              <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path
                  d="M5 3.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm9 0a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0ZM5 12.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0ZM3.5 5v6M12.5 5c0 3-3 3.5-6 4.5L3.5 11"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.5"
                  strokeLinecap="round"
                />
              </svg>{" "}
              {t.remix}
            </Link>
            <p id={`remix-${design.id}`} className="remix__hint">
              {t.remixHint}
            </p>
          </div>
        </div>
      )}
      <section className="overview__story" aria-label={t.story}>
        <h2 className="overview__label">{t.story}</h2>
        <p className="prose">{design.story}</p>
      </section>
      <FitScore fit={design.fit} toTen={design.toTen} />
      {design.wish && (
        <aside className="wish" aria-label={t.wish}>
          <p className="wish__label">
            {t.wish} <span className="muted">· {t.wishHint}</span>
          </p>
          <p className="prose">{design.wish}</p>
        </aside>
      )}
    </div>
  );
}
