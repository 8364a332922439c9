/** To be built: see issue 4. */
export default function ChallengesPage(_props: Record<string, unknown>) {
  return <p className="page-status">ChallengesPage</p>;
}
