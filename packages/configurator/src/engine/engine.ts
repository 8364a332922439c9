import type { Design } from "@kitbash/rules";
import * as Comlink from "comlink";
import { type PackInfo, packInfo } from "./info.ts";
import { EngineSession, type PackBundle } from "./session.ts";
import type { BlockedView, Snapshot } from "./snapshot.ts";

/** The configurator's view of the engine: the same answers whether it runs in the page or in a worker. */
export interface Engine {
  readonly info: PackInfo;
  readonly mode: "compiled" | "search";
  readonly inWorker: boolean;
  evaluate(design: Design): Promise<Snapshot>;
  blocked(design: Design, variable: string, value: number): Promise<BlockedView>;
  dispose(): void;
}

/**
 * A compiled space above this size (bytes as the server sends it) is queried in a Web Worker, so
 * frames never stall. A click costs time linear in the space: at this size about 2-5 ms in the
 * page, while a round trip to a worker costs 10-15 ms on a busy 2-core machine.
 */
export const WORKER_SPACE_BYTES = 2_000_000;
/** Without the server's space the pack is compiled where it runs: packs above this size (JSON characters) in a worker. */
export const WORKER_PACK_CHARS = 200_000;

export async function openEngine(bundle: PackBundle, options: { worker?: boolean } = {}): Promise<Engine> {
  const { space } = bundle;
  const useWorker =
    options.worker ??
    (space == null
      ? JSON.stringify([bundle.pack, bundle.bases]).length > WORKER_PACK_CHARS
      : space.byteLength > WORKER_SPACE_BYTES);
  if (!useWorker) {
    const session = new EngineSession(bundle);
    return {
      info: packInfo(session.compiled),
      mode: session.mode,
      inWorker: false,
      evaluate: async (design) => session.evaluate(design),
      blocked: async (design, variable, value) => session.blocked(design, variable, value),
      dispose: () => {},
    };
  }
  const worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" });
  const remote = Comlink.wrap<import("./engine.worker.ts").WorkerApi>(worker);
  const { info, mode } = await remote.open(bundle);
  return {
    info,
    mode,
    inWorker: true,
    evaluate: (design) => remote.evaluate(design),
    blocked: (design, variable, value) => remote.blocked(design, variable, value),
    dispose: () => worker.terminate(),
  };
}
