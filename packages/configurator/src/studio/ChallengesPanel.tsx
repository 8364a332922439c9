import { useId } from "react";
import { Link } from "wouter";
import { studioApi } from "./api.ts";
import { ChallengeForm } from "./ChallengeForm.tsx";
import { useStudio } from "./context.ts";
import { useStudioFormat } from "./format.ts";
import { Loadable } from "./Loadable.tsx";
import { useStudioStrings } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/** Challenges of the pack: announce a new one, and see those already announced. */
export function ChallengesPanel() {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const { scope, teamKey, packName, generation } = useStudio();
  const id = useId();
  const challenges = useLoad(`challenges ${scope.pack} ${generation}`, () => studioApi.challenges(scope.pack));
  return (
    <section className="studio-section" aria-labelledby={`${id}-title`}>
      <header className="studio-section__header">
        <h2 id={`${id}-title`}>{t.challengesTitle}</h2>
        <p>{packName}</p>
      </header>
      <div className="studio-columns">
        <ChallengeForm pack={scope.pack} teamKey={teamKey} onCreated={challenges.reload} />
        <div className="studio-block">
          <h3 className="studio-block__title">{t.packChallenges}</h3>
          <Loadable
            state={challenges}
            skeleton="line"
            isEmpty={(data) => data.challenges.length === 0}
            empty={t.noChallenges}
          >
            {(data) => (
              <ul className="studio-challenges">
                {data.challenges.map((c) => (
                  <li key={c.id}>
                    <Link href={`/challenges/${c.id}`}>{c.title}</Link>
                    <span className={`studio-state-pill studio-state-pill--${c.state}`}>
                      {t.challengeStates[c.state] ?? c.state}
                    </span>
                    <p className="studio-challenges__dates">
                      {f.dateTime(c.startsAt)} – {f.dateTime(c.endsAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Loadable>
        </div>
      </div>
    </section>
  );
}
