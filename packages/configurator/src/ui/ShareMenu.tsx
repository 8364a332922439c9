import { stringify } from "csv-stringify/browser/esm/sync";
import { useState } from "react";
import { useConfigurator, useLocalize, useStrings } from "../app/context.tsx";
import type { ViewerApi } from "../scene/Viewer.tsx";
import { encodeDesign } from "../share/link.ts";

/** A link that reopens the exact design, and exports: snapshot, 3D model, parts list. */
export function ShareMenu({ viewer }: { viewer: React.RefObject<ViewerApi | null> }) {
  const info = useConfigurator((s) => s.info);
  const design = useConfigurator((s) => s.design);
  const snapshot = useConfigurator((s) => s.snapshot);
  const localize = useLocalize();
  const t = useStrings();
  const [copied, setCopied] = useState(false);
  const name = localize(info.name).replace(/\W+/g, "-").toLowerCase();
  const link = () => `${location.origin}/configure/${info.id}?version=${info.version}#d=${encodeDesign(info, design)}`;
  return (
    <details className="menu">
      <summary>{t.share}</summary>
      <div className="menu__items">
        <button
          type="button"
          onClick={async () => {
            const url = link();
            history.replaceState(null, "", url);
            await navigator.clipboard?.writeText(url).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? t.linkCopied : t.copyLink}
        </button>
        <button
          type="button"
          disabled={!viewer.current}
          onClick={() => viewer.current && download(dataUrlToBlob(viewer.current.snapshot(1280)), `${name}.png`)}
        >
          {t.exportPng}
        </button>
        <button
          type="button"
          disabled={!viewer.current}
          onClick={async () => viewer.current && download(await viewer.current.exportGltf(), `${name}.glb`)}
        >
          {t.exportGltf}
        </button>
        <button
          type="button"
          disabled={!snapshot}
          onClick={() =>
            snapshot &&
            download(
              new Blob(
                [stringify([["sku", "label", "quantity"], ...snapshot.bom.map((l) => [l.sku, l.label, l.quantity])])],
                { type: "text/csv" },
              ),
              `${name}-parts.csv`,
            )
          }
        >
          {t.exportBom}
        </button>
      </div>
    </details>
  );
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function dataUrlToBlob(dataUrl: string): Blob {
  const [header, data] = dataUrl.split(",");
  const type = /data:([^;]+)/.exec(header ?? "")?.[1] ?? "image/png";
  return new Blob([Uint8Array.from(atob(data ?? ""), (c) => c.charCodeAt(0))], { type });
}
