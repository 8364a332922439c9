import { useSearchParams } from "wouter";
import type { PackSummary } from "../api/client.ts";
import { DEFAULT_PRESET, isDay, presetWindow, validWindow } from "./window.ts";

export const SECTIONS = [
  "overview",
  "popularity",
  "pairs",
  "demand",
  "leads",
  "review",
  "challenges",
  "exports",
] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The Studio's place, kept in the address so a view can be bookmarked and shared: section, pack, window
 * and the design open in the review queue. Missing or broken parts fall back to the first pack and the
 * last 30 days.
 */
export function useScope(packs: readonly PackSummary[] | undefined) {
  const [params, setParams] = useSearchParams();
  const fallback = presetWindow(DEFAULT_PRESET);
  const from = params.get("from");
  const to = params.get("to");
  const window = isDay(from) && isDay(to) && validWindow({ from, to }) ? { from, to } : fallback;
  const wanted = params.get("pack");
  const pack = packs?.find((p) => p.id === wanted) ?? packs?.[0];
  const tab = params.get("tab");
  const section: Section = (SECTIONS as readonly string[]).includes(tab ?? "") ? (tab as Section) : "overview";

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  return {
    pack,
    window,
    section,
    design: params.get("design"),
    setSection: (next: Section) => update({ tab: next === "overview" ? null : next }),
    setPack: (id: string) => update({ pack: id, design: null }),
    setWindow: (next: { from: string; to: string }) => update({ from: next.from, to: next.to }),
    setDesign: (id: string | null) => update({ design: id }),
  };
}
