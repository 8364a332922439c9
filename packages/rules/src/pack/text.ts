import type { Text } from "./schema.ts";

/** The text in `language`, else in the pack's first language, else any. */
export function localize(text: Text | undefined, languages: readonly string[], language?: string): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  for (const candidate of [language, ...languages]) {
    if (candidate !== undefined && text[candidate] !== undefined) return text[candidate] as string;
  }
  return Object.values(text)[0] ?? "";
}
