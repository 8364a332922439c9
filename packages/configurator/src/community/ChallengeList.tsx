import { useStrings } from "../app/context.tsx";
import { type ChallengeState, community } from "./api.ts";
import { ChallengeCard } from "./ChallengeCard.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { useCommunityStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

const ORDER: readonly ChallengeState[] = ["open", "upcoming", "closed"];

/** Every challenge, grouped: open now first, then coming up, then past ones. */
export function ChallengeList({ packName }: { packName: (id: string) => string }) {
  const t = useCommunityStrings();
  const common = useStrings();
  const { state, reload } = useLoad(() => community.challenges(), []);
  if (state.status === "loading") return <p className="muted">{common.loading}</p>;
  if (state.status === "error") return <ErrorNotice error={state.error} onRetry={reload} />;
  if (state.data.challenges.length === 0) {
    return (
      <div className="empty">
        <p className="empty__title">{t.noChallenges}</p>
      </div>
    );
  }
  const groups = ORDER.map((s) => [s, state.data.challenges.filter((c) => c.state === s)] as const).filter(
    ([, list]) => list.length > 0,
  );
  return (
    <>
      {groups.map(([group, list]) => (
        <section key={group} className="challenge-group" aria-labelledby={`challenges-${group}`}>
          <h2 id={`challenges-${group}`}>{t.stateGroups[group]}</h2>
          <ul className="challenge-cards">
            {list.map((challenge) => (
              <li key={challenge.id}>
                <ChallengeCard challenge={challenge} packName={packName(challenge.pack)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
