import type { Bundle } from "./api.ts";
import { useStudio } from "./context.ts";
import { DataTable } from "./DataTable.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

/** Sets of three values customers choose together, strongest first. */
export function BundlesTable({ bundles }: { bundles: readonly Bundle[] }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const { labels } = useStudio();
  return (
    <div className="studio-block">
      <h3 className="studio-block__title">{t.bundlesTitle}</h3>
      {bundles.length === 0 ? (
        <p className="studio-empty">{t.noBundles}</p>
      ) : (
        <DataTable
          caption={t.bundlesCaption}
          columns={[
            { label: t.rank, numeric: true },
            { label: t.pair },
            { label: t.count, numeric: true },
            { label: t.support, numeric: true, help: t.supportHelp },
            { label: t.lift, numeric: true },
            { label: t.ruleAwareLift, numeric: true, help: t.ruleAwareExplained },
          ]}
          rows={bundles.map((bundle, i) => ({
            key: bundle.values.map((v) => `${v.variable}=${v.value}`).join("&"),
            cells: [
              i + 1,
              <ul key="values" className="studio-bundle">
                {bundle.values.map((v) => (
                  <li key={`${v.variable}=${v.value}`}>{labels.item(v)}</li>
                ))}
              </ul>,
              f.count(bundle.count),
              f.percent(bundle.support),
              <strong key="lift">{f.ratio(bundle.lift)}</strong>,
              f.ratio(bundle.ruleAwareLift),
            ],
          }))}
        />
      )}
    </div>
  );
}
