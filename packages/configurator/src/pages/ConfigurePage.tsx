import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useSearch } from "wouter";
import { api } from "../api/client.ts";
import { ConfiguratorProvider, useApp, useLocalize, useStrings } from "../app/context.tsx";
import { type Engine, openEngine } from "../engine/engine.ts";
import { ViewerHandle } from "../scene/viewer-handle.ts";
import { decodeDesign } from "../share/link.ts";
import { type ConfiguratorStore, createConfiguratorStore } from "../store/configurator.ts";
import { BlockedPanel } from "../ui/BlockedPanel.tsx";
import { Presets } from "../ui/Presets.tsx";
import { ShareMenu } from "../ui/ShareMenu.tsx";
import { StepPanel } from "../ui/StepPanel.tsx";
import { SubmitDialog } from "../ui/SubmitDialog.tsx";
import { SummaryBar } from "../ui/SummaryBar.tsx";
import { Variants } from "../ui/Variants.tsx";

// three.js and the 3D view load after the first render.
const Viewer = lazy(() => import("../scene/Viewer.tsx"));

type Loaded = { engine: Engine; store: ConfiguratorStore };

/** The toolkit: configure a pack's product with instant, explained feedback. */
export default function ConfigurePage({ namespace, name }: { namespace: string; name: string }) {
  const params = new URLSearchParams(useSearch());
  const version = params.get("version") ?? undefined;
  const remix = params.get("remix");
  const challenge = params.get("challenge");
  const worker = params.get("engine") === "worker" ? true : undefined;
  const [loaded, setLoaded] = useState<Loaded | { error: string } | null>(null);
  const t = useStrings();

  useEffect(() => {
    let live = true;
    let opened: Engine | undefined;
    (async () => {
      const bundle = await api.bundle(`${namespace}/${name}`, version);
      const packVersion = (bundle.pack as { version: string }).version;
      const space = await api.space(`${namespace}/${name}`, packVersion);
      opened = await openEngine({ ...bundle, space }, worker ? { worker } : {});
      const engine = opened;
      const store = createConfiguratorStore({
        engine,
        storageKey: `kitbash:design:${engine.info.id}`,
        onSignal: (signal) => void api.signal(signal).catch(() => {}),
      });
      const shared = location.hash.startsWith("#d=") ? decodeDesign(engine.info, location.hash.slice(3)) : undefined;
      if (shared) store.getState().loadDesign(shared, store.getState().parent);
      if (remix) {
        const parent = await api.design(remix);
        store.getState().loadDesign(parent.choices, parent.id);
      }
      store.temporal.getState().clear();
      if (live) setLoaded({ engine, store });
    })().catch(
      (error: unknown) => live && setLoaded({ error: String(error instanceof Error ? error.message : error) }),
    );
    return () => {
      live = false;
      opened?.dispose();
    };
  }, [namespace, name, version, remix, worker]);

  if (loaded === null) return <p className="page-status">{t.loading}</p>;
  if ("error" in loaded) {
    return (
      <p role="alert" className="page-status">
        {t.errorLoading}: {loaded.error}
      </p>
    );
  }
  return (
    <ConfiguratorProvider store={loaded.store}>
      <Workspace
        engine={loaded.engine}
        store={loaded.store}
        challenge={challenge}
        preserve={params.get("preserve") === "1"}
      />
    </ConfiguratorProvider>
  );
}

function Workspace({ engine, store, challenge, preserve }: Loaded & { challenge: string | null; preserve: boolean }) {
  const viewer = useMemo(() => new ViewerHandle(), []);
  const [submitting, setSubmitting] = useState(false);
  const localize = useLocalize();
  const t = useStrings();
  const info = engine.info;
  const language = useApp((s) => s.language);

  useEffect(() => store.getState().setLanguage(language), [store, language]);
  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z" || (e.target as HTMLElement).tagName === "INPUT")
        return;
      e.preventDefault();
      if (e.shiftKey) store.temporal.getState().redo();
      else store.temporal.getState().undo();
    };
    window.addEventListener("keydown", keys);
    return () => window.removeEventListener("keydown", keys);
  }, [store]);

  return (
    <div className="workspace">
      <header className="workspace__header">
        <h1>{localize(info.name)}</h1>
        {info.description && <p>{localize(info.description)}</p>}
        <Presets />
      </header>
      <div className="workspace__stage">
        <Suspense fallback={<div className="viewer viewer--loading">{t.loading}</div>}>
          <Viewer preserveDrawingBuffer={preserve} onReady={(api) => viewer.attach(api)} />
        </Suspense>
        <BlockedPanel />
      </div>
      <div className="workspace__panel">
        <StepPanel />
        <Variants engine={engine} />
      </div>
      <SummaryBar>
        <ShareMenu viewer={viewer} />
        <button type="button" className="primary" onClick={() => setSubmitting(true)}>
          {t.submit}
        </button>
      </SummaryBar>
      {submitting && <SubmitDialog viewer={viewer} challenge={challenge} onClose={() => setSubmitting(false)} />}
    </div>
  );
}
