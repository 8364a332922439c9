/** To be built: see issue 4. */
export default function DesignPage(_props: Record<string, unknown>) {
  return <p className="page-status">DesignPage</p>;
}
