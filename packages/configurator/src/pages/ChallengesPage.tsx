import "../community/community.css";
import { ChallengeList } from "../community/ChallengeList.tsx";
import { ChallengeView } from "../community/ChallengeView.tsx";
import { useCommunityStrings } from "../community/strings.ts";
import { usePackNames } from "../community/usePackNames.ts";
import { useTitle } from "../community/useTitle.ts";

/** `/challenges`: every challenge by state; `/challenges/:id`: one challenge with its brief, entries and winners. */
export default function ChallengesPage({ id }: { id: string | null }) {
  const t = useCommunityStrings();
  const packs = usePackNames();
  useTitle(id === null ? t.challenges : null);
  if (id !== null) {
    return (
      <div className="community">
        <ChallengeView key={id} id={id} packName={packs.name} />
      </div>
    );
  }
  return (
    <div className="community">
      <header className="community__header">
        <h1>{t.challenges}</h1>
        <p className="community__intro">{t.challengesIntro}</p>
      </header>
      <ChallengeList packName={packs.name} />
    </div>
  );
}
