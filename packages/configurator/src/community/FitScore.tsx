import { useCommunityStrings } from "./strings.ts";

/** The creator's own fit score (1–10) as a meter, with what would make it a 10. */
export function FitScore({ fit, toTen }: { fit: number; toTen: string }) {
  const t = useCommunityStrings();
  return (
    <div className="fit-score">
      <p className="fit-score__label">
        <span>{t.fitQuestion}</span> <strong>{t.fitOf(fit)}</strong>
      </p>
      <meter
        className="fit-score__meter"
        aria-label={t.fitQuestion}
        min={1}
        max={10}
        low={4}
        high={7}
        optimum={10}
        value={fit}
      />
      {toTen.trim() !== "" && (
        <blockquote className="fit-score__ten">
          <p className="fit-score__ten-label">{t.toTen}</p>
          <p>{toTen}</p>
        </blockquote>
      )}
    </div>
  );
}
