import "../community/community.css";
import { useApp, useStrings } from "../app/context.tsx";
import { community } from "../community/api.ts";
import { CreditList } from "../community/CreditList.tsx";
import { DesignGrid } from "../community/DesignGrid.tsx";
import { PageLoadFailed } from "../community/ErrorNotice.tsx";
import { RenameForm } from "../community/RenameForm.tsx";
import { useCommunityStrings, useFormat } from "../community/strings.ts";
import { useLoad } from "../community/useLoad.ts";
import { usePackNames } from "../community/usePackNames.ts";
import { useTitle } from "../community/useTitle.ts";

/** A creator's profile: name, totals, their designs, and credits for commercialized designs they contributed to. */
export default function CreatorPage({ id }: { id: string }) {
  const t = useCommunityStrings();
  const common = useStrings();
  const format = useFormat();
  const token = useApp((s) => s.creatorToken);
  const me = useApp((s) => s.creatorId);
  const packs = usePackNames();
  const { state, reload, set } = useLoad(() => community.creator(id), [id]);
  useTitle(state.status === "ok" ? state.data.name : null);

  if (state.status === "loading") return <p className="page-status">{common.loading}</p>;
  if (state.status === "error") return <PageLoadFailed error={state.error} onRetry={reload} />;
  const profile = state.data;
  const own = me === profile.id && token !== null;
  const totals: [string, number][] = [
    [t.designs, profile.totals.designs],
    [t.votesReceived, profile.totals.votes],
    [t.remixedByOthers, profile.totals.remixes],
    [t.credits, profile.credits.length],
  ];

  return (
    <div className="community creator">
      <header className="creator__header">
        <span className="avatar" aria-hidden="true">
          {profile.name.slice(0, 1).toUpperCase()}
        </span>
        <div>
          <h1>{profile.name}</h1>
          <p className="muted">
            {t.joined} <time dateTime={profile.joined}>{format.date(profile.joined)}</time>
            {own && ` · ${t.thisIsYou}`}
          </p>
        </div>
      </header>
      <dl className="totals">
        {totals.map(([label, value]) => (
          <div key={label} className="totals__item">
            <dt>{label}</dt>
            <dd>{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      {own && <RenameForm name={profile.name} token={token} onRenamed={(renamed) => set(() => renamed)} />}
      <section className="creator__section" aria-labelledby="creator-designs">
        <h2 id="creator-designs">{t.designs}</h2>
        <DesignGrid
          query={{ creator: profile.id, sort: "new" }}
          label={t.designs}
          packName={packs.name}
          heading="h3"
          hideCreator
          empty={<p className="muted">{t.empty}</p>}
        />
      </section>
      <section className="creator__section panel" aria-labelledby="creator-credits">
        <h2 id="creator-credits">{t.credits}</h2>
        <p className="muted">{t.creditsIntro}</p>
        <CreditList credits={profile.credits} />
      </section>
    </div>
  );
}
