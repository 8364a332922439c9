import { useId } from "react";
import { useStudio } from "./context.ts";
import { ExportButton } from "./ExportButton.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

/** Designs and signals of the pack and window as CSV or NDJSON files. */
export function ExportsPanel() {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const { scope, packName } = useStudio();
  const id = useId();
  return (
    <section className="studio-section" aria-labelledby={`${id}-title`}>
      <header className="studio-section__header">
        <h2 id={`${id}-title`}>{t.exportsTitle}</h2>
        <p>{t.exportsIntro(packName, `${f.day(scope.from)} – ${f.day(scope.to)}`)}</p>
      </header>
      <div className="studio-exports">
        <div className="studio-block">
          <h3 className="studio-block__title">{t.designs}</h3>
          <ExportButton kind="designs" format="csv" label={t.designsCsv} />
          <ExportButton kind="designs" format="ndjson" label={t.designsNdjson} />
        </div>
        <div className="studio-block">
          <h3 className="studio-block__title">{t.signals}</h3>
          <ExportButton kind="signals" format="csv" label={t.signalsCsv} />
          <ExportButton kind="signals" format="ndjson" label={t.signalsNdjson} />
        </div>
      </div>
    </section>
  );
}
