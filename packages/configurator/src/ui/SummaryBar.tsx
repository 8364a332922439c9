import { useStore } from "zustand";
import { useApp, useConfigurator, useConfiguratorStore, useLocalize, useStrings } from "../app/context.tsx";
import { formatCount, formatMoney, formatRange } from "../app/format.ts";

/** What every click updates at once: designs still possible, price, delivery, validity; undo and redo. */
export function SummaryBar({ children }: { children?: React.ReactNode }) {
  const store = useConfiguratorStore();
  const snapshot = useConfigurator((s) => s.snapshot);
  const info = useConfigurator((s) => s.info);
  const language = useApp((s) => s.language);
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  const localize = useLocalize();
  const t = useStrings();
  if (!snapshot) return null;
  const money = (n: number) => formatMoney(n, info.currency, language);
  const status = !snapshot.consistent ? t.conflict : snapshot.submittable ? t.valid : t.incomplete;
  return (
    <footer className="summary">
      <div className="summary__figures" aria-live="polite">
        <p className="summary__count" title={snapshot.count}>
          <strong>{formatCount(snapshot.count, language)}</strong>{" "}
          {snapshot.count === "1" ? t.designPossible : t.designsPossible}
        </p>
        <p className="summary__price">
          <span>{t.price}</span>{" "}
          <strong data-testid="price">
            {snapshot.complete ? money(snapshot.total) : snapshot.price ? formatRange(snapshot.price, money) : "–"}
          </strong>
        </p>
        {snapshot.leadTime && (
          <p className="summary__lead">
            <span>{t.leadTime}</span> {formatRange(snapshot.leadTime, String)} {t.days}
          </p>
        )}
        <p
          className={`summary__status summary__status--${snapshot.consistent ? (snapshot.submittable ? "ok" : "open") : "conflict"}`}
        >
          {status}
        </p>
      </div>
      {snapshot.conflict && snapshot.conflict.constraints.length > 0 && (
        <ul className="summary__conflict">
          {snapshot.conflict.constraints.map((c) => (
            <li key={c.id}>{localize(info.messages[c.id] ?? c.message)}</li>
          ))}
        </ul>
      )}
      <div className="summary__actions">
        <button
          type="button"
          onClick={() => store.temporal.getState().undo()}
          disabled={!canUndo}
          aria-label={t.undo}
          aria-keyshortcuts="Control+Z"
        >
          ↶ <span className="summary__label">{t.undo}</span>
        </button>
        <button
          type="button"
          onClick={() => store.temporal.getState().redo()}
          disabled={!canRedo}
          aria-label={t.redo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          ↷ <span className="summary__label">{t.redo}</span>
        </button>
        {children}
      </div>
    </footer>
  );
}
