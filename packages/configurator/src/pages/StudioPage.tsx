import "../studio/studio.css";
import { useApp } from "../app/context.tsx";
import { SignIn } from "../studio/SignIn.tsx";
import { Studio } from "../studio/Studio.tsx";

/** The Studio: the product team's side of Kitbash, behind a product-team key kept in the app store. */
export default function StudioPage(_props: Record<string, unknown>) {
  const teamKey = useApp((s) => s.teamKey);
  return <div className="studio-page">{teamKey ? <Studio key={teamKey} teamKey={teamKey} /> : <SignIn />}</div>;
}
