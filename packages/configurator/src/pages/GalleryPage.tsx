/** To be built: see issue 4. */
export default function GalleryPage(_props: Record<string, unknown>) {
  return <p className="page-status">GalleryPage</p>;
}
