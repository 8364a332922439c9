import { createContext, useContext, useEffect, useMemo, useState } from "react";
import type { PackSummary } from "../api/client.ts";
import { useApp, useLocalize } from "../app/context.tsx";
import type { PackInfo } from "../engine/info.ts";
import { type Scope, studioApi } from "./api.ts";
import { apiLabels, loadPackInfo, type PackLabels, packLabels } from "./labels.ts";
import { useStudioStrings } from "./strings.ts";

/** What every Studio section shares: the key, the pack and window, and the pack's labels. */
export interface StudioContextValue {
  readonly teamKey: string;
  readonly scope: Scope;
  readonly pack: PackSummary;
  /** The pack's name in the current language. */
  readonly packName: string;
  readonly labels: PackLabels;
  /** Part of every cached request's key: Refresh bumps it. */
  readonly generation: number;
}

export const StudioContext = createContext<StudioContextValue | null>(null);

export function useStudio(): StudioContextValue {
  const value = useContext(StudioContext);
  if (value === null) throw new Error("useStudio needs a StudioContext");
  return value;
}

/** A cache key for a request in the current scope. */
export function scopeKey(studio: StudioContextValue, what: string): string {
  const { scope, generation, teamKey } = studio;
  return `${what} ${scope.pack} ${scope.from} ${scope.to} ${generation} ${teamKey}`;
}

/** The pack's labels in the current language: the API's words until the pack has been compiled here. */
export function usePackLabels(pack: PackSummary | undefined): { labels: PackLabels; name: string } {
  const language = useApp((s) => s.language);
  const localize = useLocalize();
  const t = useStudioStrings();
  const [info, setInfo] = useState<PackInfo | null>(null);
  const id = pack?.id;
  const version = pack?.version;
  useEffect(() => {
    setInfo(null);
    if (id === undefined || version === undefined) return;
    let live = true;
    loadPackInfo(`${id}@${version}`, () => studioApi.bundle(id, version)).then(
      (loaded) => live && setInfo(loaded),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  const labels = useMemo(() => (info ? packLabels(info, language, t) : apiLabels), [info, language, t]);
  return { labels, name: pack ? localize(pack.name) : "" };
}
