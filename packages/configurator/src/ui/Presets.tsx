import { useConfigurator, useConfiguratorStore, useLocalize, useStrings } from "../app/context.tsx";

/** Starting points from the pack. */
export function Presets() {
  const store = useConfiguratorStore();
  const presets = useConfigurator((s) => s.info.presets);
  const localize = useLocalize();
  const t = useStrings();
  if (presets.length === 0) return null;
  return (
    <nav className="presets" aria-label={t.presets}>
      <span>{t.presets}:</span>
      {presets.map((preset) => (
        <button
          key={preset.id}
          type="button"
          title={localize(preset.description)}
          onClick={() => store.getState().applyPreset(preset.id)}
        >
          {localize(preset.label)}
        </button>
      ))}
    </nav>
  );
}
