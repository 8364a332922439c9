import "../community/community.css";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "wouter";
import { type Challenge, community, type DesignSort } from "../community/api.ts";
import { DesignGrid } from "../community/DesignGrid.tsx";
import { GalleryFilters, type GalleryFilterValues, SORTS } from "../community/GalleryFilters.tsx";
import { useCommunityStrings } from "../community/strings.ts";
import { usePackNames } from "../community/usePackNames.ts";
import { useTitle } from "../community/useTitle.ts";

/** The community's designs as cards: filter by product, status and challenge; sort; load more. */
export default function GalleryPage() {
  const t = useCommunityStrings();
  const [params, setParams] = useSearchParams();
  const packs = usePackNames();
  const [challenges, setChallenges] = useState<readonly Challenge[]>([]);
  useTitle(t.gallery);
  useEffect(() => {
    let live = true;
    community.challenges().then(
      (r) => live && setChallenges(r.challenges),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  const sort = params.get("sort");
  const values: GalleryFilterValues = {
    pack: params.get("pack") ?? "",
    status: params.get("status") ?? "",
    challenge: params.get("challenge") ?? "",
    sort: SORTS.includes(sort as DesignSort) ? (sort as DesignSort) : "new",
  };
  const filtered = values.pack !== "" || values.status !== "" || values.challenge !== "";
  const change = (next: GalleryFilterValues) => {
    const search = new URLSearchParams();
    for (const key of ["pack", "status", "challenge"] as const) if (next[key]) search.set(key, next[key]);
    if (next.sort !== "new") search.set("sort", next.sort);
    setParams(search, { replace: true });
  };

  return (
    <div className="community">
      <header className="community__header">
        <h1>{t.gallery}</h1>
        <p className="community__intro">{t.galleryIntro}</p>
      </header>
      <GalleryFilters values={values} packs={packs.packs} challenges={challenges} onChange={change} />
      <DesignGrid
        query={{
          pack: values.pack || undefined,
          status: values.status || undefined,
          challenge: values.challenge || undefined,
          sort: values.sort,
        }}
        label={t.gallery}
        packName={packs.name}
        empty={
          <div className="empty">
            <p className="empty__title">{filtered ? t.emptyFiltered : t.empty}</p>
            <p>{t.emptyHint}</p>
            <p className="empty__actions">
              {filtered && (
                <button
                  type="button"
                  onClick={() => change({ pack: "", status: "", challenge: "", sort: values.sort })}
                >
                  {t.clearFilters}
                </button>
              )}
              <Link href="/" className="button button--primary">
                {t.startDesigning}
              </Link>
            </p>
          </div>
        }
      />
    </div>
  );
}
