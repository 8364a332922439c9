import { useEffect, useState } from "react";
import { Link } from "wouter";
import { api, type PackSummary } from "../api/client.ts";
import { useLocalize, useStrings } from "../app/context.tsx";

/** The products customers can design: one card per pack. */
export function HomePage() {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const localize = useLocalize();
  const t = useStrings();
  useEffect(() => {
    api.packs().then(
      (r) => setPacks(r.packs),
      (e: Error) => setError(e.message),
    );
  }, []);
  if (error)
    return (
      <p role="alert" className="page-status">
        {error}
      </p>
    );
  if (!packs) return <p className="page-status">{t.loading}</p>;
  return (
    <section className="home">
      <h1>{t.navConfigure}</h1>
      <ul className="cards">
        {packs.map((pack) => (
          <li key={pack.id} className="card">
            <h2>
              <Link href={`/configure/${pack.id}`}>{localize(pack.name)}</Link>
            </h2>
            {pack.description && <p>{localize(pack.description)}</p>}
            <p className="card__meta">
              {pack.id} · {pack.version}
              {pack.extends ? ` · + ${pack.extends.pack}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
