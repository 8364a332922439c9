import { useEffect, useId, useState } from "react";
import type { PackSummary } from "../api/client.ts";
import { useLocalize } from "../app/context.tsx";
import { useStudioStrings } from "./strings.ts";
import { PRESETS, presetOf, presetWindow, validWindow } from "./window.ts";

/** Which pack and which days: a pack menu, presets (last 7, 30, 90 days) and a custom from–to. */
export function ScopeBar({
  packs,
  pack,
  window,
  onPack,
  onWindow,
  onRefresh,
}: {
  packs: readonly PackSummary[];
  pack: string;
  window: { from: string; to: string };
  onPack: (id: string) => void;
  onWindow: (window: { from: string; to: string }) => void;
  onRefresh: () => void;
}) {
  const t = useStudioStrings();
  const localize = useLocalize();
  const id = useId();
  // The inputs keep what is typed; only a valid window reaches the Studio.
  const [draft, setDraft] = useState(window);
  const { from, to } = window;
  useEffect(() => setDraft({ from, to }), [from, to]);
  const preset = presetOf(window);
  const invalid = !validWindow(draft);
  const edit = (change: Partial<typeof draft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    if (validWindow(next)) onWindow(next);
  };
  return (
    <section className="studio-scope" aria-label={t.scope}>
      <div className="studio-scope__field">
        <label htmlFor={`${id}-pack`} className="studio-label">
          {t.pack}
        </label>
        <select id={`${id}-pack`} value={pack} onChange={(e) => onPack(e.target.value)}>
          {packs.map((p) => (
            <option key={p.id} value={p.id}>
              {localize(p.name)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="studio-scope__window" aria-describedby={`${id}-note`}>
        <legend className="visually-hidden">{t.window}</legend>
        <div className="studio-scope__field">
          <span className="studio-label" aria-hidden="true">
            {t.window}
          </span>
          <div className="studio-segmented">
            {PRESETS.map((days) => (
              <button
                key={days}
                type="button"
                aria-pressed={preset === days}
                aria-label={t.lastDaysLong(days)}
                onClick={() => onWindow(presetWindow(days))}
              >
                {t.lastDays(days)}
              </button>
            ))}
          </div>
        </div>
        <label className="studio-scope__field">
          <span className="studio-label">{t.from}</span>
          <input
            type="date"
            value={draft.from}
            max={draft.to}
            aria-invalid={invalid || undefined}
            onChange={(e) => edit({ from: e.target.value })}
          />
        </label>
        <span aria-hidden="true" className="studio-scope__dash">
          –
        </span>
        <label className="studio-scope__field">
          <span className="studio-label">{t.to}</span>
          <input
            type="date"
            value={draft.to}
            min={draft.from}
            aria-invalid={invalid || undefined}
            onChange={(e) => edit({ to: e.target.value })}
          />
        </label>
        <p
          id={`${id}-note`}
          className={invalid ? "studio-form-error studio-scope__error" : "visually-hidden"}
          role={invalid ? "alert" : undefined}
        >
          {invalid ? t.windowInvalid : t.windowNote}
        </p>
      </fieldset>
      <button type="button" className="studio-scope__refresh" onClick={onRefresh}>
        {t.refresh}
      </button>
    </section>
  );
}
