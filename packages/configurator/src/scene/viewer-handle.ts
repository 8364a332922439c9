import type { ViewerApi } from "./Viewer.tsx";

/**
 * The 3D view's API, for the DOM around it. The view's code loads lazily, so a fast customer (or a test) can
 * submit before it has mounted: `whenReady` lets them wait a bounded time for it instead of silently
 * going without a thumbnail.
 */
export class ViewerHandle {
  current: ViewerApi | null = null;
  private waiting: ((api: ViewerApi) => void)[] = [];

  attach(api: ViewerApi): void {
    this.current = api;
    for (const resolve of this.waiting.splice(0)) resolve(api);
  }

  /** The view's API as soon as it is there, or null after `timeoutMs` (no WebGL, a failed chunk). */
  whenReady(timeoutMs: number): Promise<ViewerApi | null> {
    if (this.current) return Promise.resolve(this.current);
    return new Promise((resolve) => {
      const done = (api: ViewerApi | null) => {
        clearTimeout(timer);
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve(api);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      this.waiting.push(done);
    });
  }
}
