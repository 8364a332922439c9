import type { UnmetDemand, WishTheme } from "./api.ts";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

/** Wishes grouped by the keyword they share, with where they came from and a few in the customers' words. */
export function WishThemes({ wishes }: { wishes: UnmetDemand["wishes"] }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  if (wishes.themes.length === 0) return <p className="studio-empty">{t.noWishes}</p>;
  const source = (s: WishTheme["examples"][number]["source"]) =>
    s === "signal" ? t.fromConfigurator : s === "wish" ? t.fromDesignWish : t.fromToTen;
  const max = Math.max(...wishes.themes.map((theme) => theme.count));
  return (
    <>
      <p className="studio-note">{t.wishesIntro(f.counted(wishes.total))}</p>
      <ul className="studio-themes">
        {wishes.themes.map((theme) => (
          <li key={theme.theme} className="studio-theme">
            <div className="studio-theme__head">
              <h4>{theme.theme}</h4>
              <span className="studio-count">{f.count(theme.count)}</span>
            </div>
            <div className="studio-meter" aria-hidden="true">
              <span className="studio-meter__bar" style={{ width: `${(theme.count / max) * 100}%` }} />
            </div>
            <p className="studio-theme__sources">
              {t.sources(
                f.counted(theme.sources.signals),
                f.counted(theme.sources.designWishes),
                f.counted(theme.sources.designToTen),
              )}
            </p>
            {theme.related.length > 0 && (
              <p className="studio-theme__related">
                {t.related}: {theme.related.map((r) => r.term).join(", ")}
              </p>
            )}
            <ul className="studio-quotes">
              {theme.examples.map((example, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: examples may repeat word for word
                <li key={i}>
                  <q>{example.text}</q> <span className="studio-quotes__source">— {source(example.source)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
