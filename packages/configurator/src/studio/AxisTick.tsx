import { COLOURS, truncate } from "./chart-style.ts";

/**
 * A y-axis label on one line: cut to `max` characters with the full text as its tooltip (recharts'
 * own ticks wrap long labels onto lines that collide with their neighbours).
 */
export function AxisTick({
  x,
  y,
  payload,
  format,
  max,
  colour = COLOURS.ink,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value: unknown };
  format?: (value: unknown) => string;
  max: number;
  colour?: string;
}) {
  if (payload === undefined) return null;
  const text = format ? format(payload.value) : String(payload.value);
  return (
    <text x={Number(x)} y={Number(y)} dx={-6} dy="0.35em" textAnchor="end" fontSize={12} fill={colour}>
      <title>{text}</title>
      {truncate(text, max)}
    </text>
  );
}
