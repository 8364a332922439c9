import type { Challenge } from "./api.ts";
import { useCommunityStrings, useFormat } from "./strings.ts";

/** When a challenge opens, until when it is open, or when it closed. */
export function ChallengeDates({ challenge }: { challenge: Pick<Challenge, "state" | "startsAt" | "endsAt"> }) {
  const t = useCommunityStrings();
  const format = useFormat();
  const [label, at] =
    challenge.state === "upcoming"
      ? [t.opens, challenge.startsAt]
      : challenge.state === "open"
        ? [t.openUntil, challenge.endsAt]
        : [t.closedOn, challenge.endsAt];
  return (
    <span className="challenge-dates">
      {label} <time dateTime={at}>{format.date(at)}</time>
    </span>
  );
}
