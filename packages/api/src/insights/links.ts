import type { LoadedPack } from "../packs/registry.ts";
import { layoutOf } from "./layout.ts";

/**
 * What the rules still allow once one value is chosen: `allowed(item)[w][o]` is whether option o of
 * variable w can go with it (the engine's `possible` after that single choice). Pairs use it to tell
 * affinities the rules force or favour from those customers bring. One evaluation per value, kept for
 * the life of the compiled pack (the first insight of a pack pays for them).
 */
export type Allowed = readonly (readonly boolean[])[];

const cache = new WeakMap<LoadedPack, Map<string, Allowed | null>>();
const baselines = new WeakMap<LoadedPack, Allowed>();

/** What the rules allow with no choice made (values no design can take are not "narrowed" by a choice). */
export function baselineOf(loaded: LoadedPack): Allowed {
  let baseline = baselines.get(loaded);
  if (baseline === undefined) {
    baseline = loaded.space.evaluate([]).possible;
    baselines.set(loaded, baseline);
  }
  return baseline;
}

export function allowedWith(loaded: LoadedPack, variable: string, value: string): Allowed | null {
  let known = cache.get(loaded);
  if (known === undefined) {
    known = new Map();
    cache.set(loaded, known);
  }
  const key = `${variable}=${value}`;
  let allowed = known.get(key);
  if (allowed === undefined) {
    allowed = evaluateOne(loaded, variable, value);
    known.set(key, allowed);
  }
  return allowed;
}

function evaluateOne(loaded: LoadedPack, variable: string, value: string): Allowed | null {
  const layout = layoutOf(loaded);
  const v = layout.byId.get(variable);
  if (v === undefined) return null;
  const option = layout.variables[v]!.values.indexOf(value);
  if (option < 0) return null;
  const evaluation = loaded.space.evaluate([{ variable: v, value: option, negated: false }]);
  return evaluation.consistent ? evaluation.possible : null;
}
