import { useId } from "react";
import type { PackSummary } from "../api/client.ts";
import { useLocalize } from "../app/context.tsx";
import { type Challenge, DESIGN_STATUSES, type DesignSort } from "./api.ts";
import { useCommunityStrings } from "./strings.ts";

export interface GalleryFilterValues {
  readonly pack: string;
  readonly status: string;
  readonly challenge: string;
  readonly sort: DesignSort;
}

export const SORTS: readonly DesignSort[] = ["new", "top", "trending"];

/** Product, status and challenge filters and the sort order; each change applies at once. */
export function GalleryFilters({
  values,
  packs,
  challenges,
  onChange,
}: {
  values: GalleryFilterValues;
  packs: readonly PackSummary[];
  challenges: readonly Challenge[];
  onChange: (values: GalleryFilterValues) => void;
}) {
  const t = useCommunityStrings();
  const localize = useLocalize();
  const id = useId();
  const set = (key: keyof GalleryFilterValues) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    onChange({ ...values, [key]: e.target.value });
  const sortLabels: Record<DesignSort, string> = { new: t.sortNew, top: t.sortTop, trending: t.sortTrending };
  const filtered = values.pack !== "" || values.status !== "" || values.challenge !== "";
  const knownChallenge = values.challenge === "" || challenges.some((c) => c.id === values.challenge);
  return (
    <form className="filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      <div className="filters__field">
        <label htmlFor={`${id}-pack`}>{t.product}</label>
        <select id={`${id}-pack`} value={values.pack} onChange={set("pack")}>
          <option value="">{t.allProducts}</option>
          {packs.map((p) => (
            <option key={p.id} value={p.id}>
              {localize(p.name)}
            </option>
          ))}
          {values.pack !== "" && !packs.some((p) => p.id === values.pack) && (
            <option value={values.pack}>{values.pack}</option>
          )}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-status`}>{t.status}</label>
        <select id={`${id}-status`} value={values.status} onChange={set("status")}>
          <option value="">{t.anyStatus}</option>
          {DESIGN_STATUSES.filter((s) => s !== "withdrawn").map((s) => (
            <option key={s} value={s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-challenge`}>{t.challenge}</label>
        <select id={`${id}-challenge`} value={values.challenge} onChange={set("challenge")}>
          <option value="">{t.anyChallenge}</option>
          {challenges.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
          {!knownChallenge && <option value={values.challenge}>{values.challenge}</option>}
        </select>
      </div>
      <fieldset className="filters__sort">
        <legend>{t.sort}</legend>
        <div className="segmented">
          {SORTS.map((sort) => (
            <label key={sort}>
              <input
                type="radio"
                name={`${id}-sort`}
                value={sort}
                checked={values.sort === sort}
                onChange={set("sort")}
              />
              <span>{sortLabels[sort]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {filtered && (
        <button
          type="button"
          className="filters__clear"
          onClick={() => onChange({ pack: "", status: "", challenge: "", sort: values.sort })}
        >
          {t.clearFilters}
        </button>
      )}
    </form>
  );
}
