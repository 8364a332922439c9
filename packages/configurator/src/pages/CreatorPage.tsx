/** To be built: see issue 4. */
export default function CreatorPage(_props: Record<string, unknown>) {
  return <p className="page-status">CreatorPage</p>;
}
