/** Time windows as whole UTC days (YYYY-MM-DD), both ends included, as the insights API reads them. */

const DAY = 86_400_000;

export const PRESETS = [7, 30, 90] as const;
export const DEFAULT_PRESET = 30;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(text: string | null | undefined): text is string {
  return typeof text === "string" && DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** Today in UTC. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The last `days` days, today included. */
export function presetWindow(days: number, now = new Date()): { from: string; to: string } {
  const to = today(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** The preset a window is, if any. */
export function presetOf(window: { from: string; to: string }, now = new Date()): number | null {
  return (
    PRESETS.find((days) => {
      const preset = presetWindow(days, now);
      return preset.from === window.from && preset.to === window.to;
    }) ?? null
  );
}

/** How many days a window spans, both ends included. */
export function windowDays(window: { from: string; to: string }): number {
  return Math.round((Date.parse(`${window.to}T00:00:00Z`) - Date.parse(`${window.from}T00:00:00Z`)) / DAY) + 1;
}

export function validWindow(window: { from: string; to: string }): boolean {
  return isDay(window.from) && isDay(window.to) && window.from <= window.to;
}
