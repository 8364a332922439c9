import { Link } from "wouter";
import type { CreatorProfile } from "./api.ts";
import { useCommunityStrings } from "./strings.ts";

/** Commercialized designs a creator contributed to: their design, what it led to, how many generations back. */
export function CreditList({ credits }: { credits: CreatorProfile["credits"] }) {
  const t = useCommunityStrings();
  if (credits.length === 0) return <p className="muted">{t.noCredits}</p>;
  return (
    <ul className="credits">
      {credits.map((credit) => (
        <li key={`${credit.commercialized.id}-${credit.design.id}`} className="credit">
          <span className="credit__generations" aria-hidden="true">
            {credit.generations === 0 ? "★" : `↑${credit.generations}`}
          </span>
          <div>
            <p className="credit__line">
              <Link href={`/designs/${credit.design.id}`}>{credit.design.title}</Link>
              {credit.generations > 0 && (
                <>
                  {" "}
                  <span className="muted">{t.led}</span>{" "}
                  <Link href={`/designs/${credit.commercialized.id}`}>{credit.commercialized.title}</Link>{" "}
                  <span className="muted">
                    {t.by}{" "}
                    <Link href={`/creators/${credit.commercialized.creator.id}`}>
                      {credit.commercialized.creator.name}
                    </Link>
                  </span>
                </>
              )}
            </p>
            <p className="muted credit__note">{t.creditGenerations(credit.generations)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
