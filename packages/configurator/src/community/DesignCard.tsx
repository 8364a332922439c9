import { useState } from "react";
import { Link } from "wouter";
import type { DesignRecord } from "../api/client.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { useCommunityStrings, useFormat } from "./strings.ts";

export interface DesignCardProps {
  readonly design: DesignRecord;
  /** The pack's name in the current language; the pack id when not known. */
  readonly packName?: string | undefined;
  readonly heading?: "h2" | "h3";
  /** Leave out the creator (on their own profile). */
  readonly hideCreator?: boolean;
  /** Shown above the title, e.g. a winner's rank. */
  readonly badge?: React.ReactNode;
}

/** A design in a grid: picture, title (the link to it), creator, product, price, votes and status. */
export function DesignCard({ design, packName, heading: Heading = "h2", hideCreator, badge }: DesignCardProps) {
  const t = useCommunityStrings();
  const format = useFormat();
  const [broken, setBroken] = useState(false);
  return (
    <article className="design-card" data-design={design.id}>
      <div className="design-card__media">
        {design.thumbnail && !broken ? (
          <img src={design.thumbnail} alt="" loading="lazy" width={320} height={240} onError={() => setBroken(true)} />
        ) : (
          <span className="design-card__placeholder" aria-hidden="true">
            {design.title.slice(0, 1).toUpperCase()}
          </span>
        )}
        {badge && <span className="design-card__ribbon">{badge}</span>}
      </div>
      <div className="design-card__body">
        <Heading className="design-card__title">
          <Link href={`/designs/${design.id}`} className="design-card__link">
            {design.title}
          </Link>
        </Heading>
        {!hideCreator && (
          <p className="design-card__creator">
            {t.by} <Link href={`/creators/${design.creator.id}`}>{design.creator.name}</Link>
          </p>
        )}
        <p className="design-card__pack">{packName ?? design.pack}</p>
        <div className="design-card__footer">
          <span className="design-card__price">{format.money(design.price, design.currency)}</span>
          <span className="design-card__stat" title={t.votes(design.votes)}>
            <span aria-hidden="true">♥ {design.votes}</span>
            <span className="visually-hidden">{t.votes(design.votes)}</span>
          </span>
          {design.comments > 0 && (
            <span className="design-card__stat" title={t.comments(design.comments)}>
              <span aria-hidden="true">
                <svg className="icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
                  <path
                    d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.5"
                    strokeLinejoin="round"
                  />
                </svg>{" "}
                {design.comments}
              </span>
              <span className="visually-hidden">{t.comments(design.comments)}</span>
            </span>
          )}
          <StatusBadge status={design.status} />
        </div>
      </div>
    </article>
  );
}
