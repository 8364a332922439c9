/** To be built: see issue 4. */
export default function StudioPage(_props: Record<string, unknown>) {
  return <p className="page-status">StudioPage</p>;
}
