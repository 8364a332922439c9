import type { Design } from "@kitbash/rules";
import { useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { useApp } from "../app/context.tsx";
import { type Engine, openEngine } from "../engine/engine.ts";
import { type ConfiguratorStore, createConfiguratorStore } from "../store/configurator.ts";

export type DesignScene =
  | { readonly status: "loading" }
  | { readonly status: "ok"; readonly engine: Engine; readonly store: ConfiguratorStore }
  | { readonly status: "error"; readonly message: string };

/**
 * A stored design, evaluated again: the engine opens on the pack version it was designed with, and a
 * configurator store (no autosave) holds its choices, so the 3D view shows exactly what was submitted.
 */
export function useDesignScene(
  design: {
    readonly pack: string;
    readonly packVersion: string;
    readonly choices: Design;
    readonly parent: string | null;
  } | null,
): DesignScene {
  const [scene, setScene] = useState<DesignScene>({ status: "loading" });
  const language = useApp((s) => s.language);
  const pack = design?.pack;
  const version = design?.packVersion;
  const choices = design?.choices;
  const parent = design?.parent ?? null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is applied below, not a reason to reopen.
  useEffect(() => {
    if (pack === undefined || version === undefined || choices === undefined) return;
    let live = true;
    let opened: Engine | undefined;
    setScene({ status: "loading" });
    (async () => {
      // The server's compiled space spares compiling the pack here.
      const [bundle, space] = await Promise.all([api.bundle(pack, version), api.space(pack, version)]);
      const engine = await openEngine({ ...bundle, space });
      opened = engine;
      if (!live) return engine.dispose();
      const store = createConfiguratorStore({ engine, language });
      store.getState().loadDesign(choices, parent);
      store.temporal.getState().clear();
      setScene({ status: "ok", engine, store });
    })().catch((error: unknown) => {
      if (live) setScene({ status: "error", message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      if (live) opened?.dispose();
      live = false;
    };
  }, [pack, version, choices, parent]);

  useEffect(() => {
    if (scene.status === "ok") scene.store.getState().setLanguage(language);
  }, [scene, language]);
  return scene;
}
