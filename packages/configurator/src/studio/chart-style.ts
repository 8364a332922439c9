/** Shared looks of the Studio's charts, matching the app's design language (styles.css). */

export const COLOURS = {
  accent: "#2f5bd3",
  accentSoft: "#9db3ec",
  teal: "#1f8a8a",
  amber: "#c27c0e",
  rose: "#c2416b",
  violet: "#6b4fbb",
  green: "#1f7a4d",
  ink: "#1d1c1a",
  muted: "#6b665e",
  line: "#e4dfd6",
} as const;

export const TICK = { fontSize: 12, fill: COLOURS.muted } as const;

export const TOOLTIP = {
  contentStyle: {
    borderRadius: 8,
    border: `1px solid ${COLOURS.line}`,
    boxShadow: "0 8px 24px rgba(0, 0, 0, 0.08)",
    fontSize: 13,
  },
  labelStyle: { fontWeight: 600, color: COLOURS.ink },
} as const;

/** A label cut to `max` characters with an ellipsis (the full text stays in tables and tooltips). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
