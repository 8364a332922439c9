import { useEffect, useState } from "react";
import { api, type PackSummary } from "../api/client.ts";
import { useLocalize } from "../app/context.tsx";

/** The published packs (for filters) and their names in the current language; ids until they load. */
export function usePackNames() {
  const [packs, setPacks] = useState<readonly PackSummary[]>([]);
  const localize = useLocalize();
  useEffect(() => {
    let live = true;
    api.packs().then(
      (r) => live && setPacks(r.packs),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const names = new Map(packs.map((p) => [p.id, localize(p.name)]));
  return { packs, name: (id: string) => names.get(id) ?? id };
}
