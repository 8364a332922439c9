import type { Design } from "@kitbash/rules";
import * as Comlink from "comlink";
import { type PackInfo, packInfo } from "./info.ts";
import { EngineSession, type PackBundle } from "./session.ts";

let session: EngineSession | undefined;

const api = {
  open(bundle: PackBundle): { info: PackInfo; mode: "compiled" | "search" } {
    session = new EngineSession(bundle);
    return { info: packInfo(session.compiled), mode: session.mode };
  },
  evaluate(design: Design) {
    if (!session) throw new Error("no pack is open");
    return session.evaluate(design);
  },
  blocked(design: Design, variable: string, value: number) {
    if (!session) throw new Error("no pack is open");
    return session.blocked(design, variable, value);
  },
};

export type WorkerApi = typeof api;

Comlink.expose(api);
