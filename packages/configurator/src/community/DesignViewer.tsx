import { lazy, Suspense } from "react";
import { useSearch } from "wouter";
import { ConfiguratorProvider } from "../app/context.tsx";
import { useCommunityStrings } from "./strings.ts";
import type { DesignScene } from "./useDesignScene.ts";
import { ViewerBoundary } from "./ViewerBoundary.tsx";

// three.js and the 3D view load only when a design is shown.
const Viewer = lazy(() => import("../scene/Viewer.tsx"));

/** The design in 3D, read-only: orbit and camera presets, nothing to change. */
export function DesignViewer({ scene }: { scene: DesignScene }) {
  const t = useCommunityStrings();
  // Tests read the canvas pixels back; that needs the drawing buffer kept.
  const preserve = new URLSearchParams(useSearch()).get("preserve") === "1";
  return (
    <section className="design-stage" aria-label={t.view3d}>
      {scene.status === "loading" && <div className="viewer viewer--loading">{t.preparing3d}</div>}
      {scene.status === "error" && (
        <div className="viewer viewer--loading" role="alert">
          {t.view3dFailed}: {scene.message}
        </div>
      )}
      {scene.status === "ok" && (
        <ConfiguratorProvider store={scene.store}>
          <ViewerBoundary
            fallback={(message, retry) => (
              <div className="viewer viewer--loading viewer--failed" role="alert">
                <p>
                  {t.view3dFailed}: {message}
                </p>
                <button type="button" onClick={retry}>
                  {t.retry}
                </button>
              </div>
            )}
          >
            <Suspense fallback={<div className="viewer viewer--loading">{t.preparing3d}</div>}>
              <Viewer preserveDrawingBuffer={preserve} />
            </Suspense>
          </ViewerBoundary>
        </ConfiguratorProvider>
      )}
    </section>
  );
}
