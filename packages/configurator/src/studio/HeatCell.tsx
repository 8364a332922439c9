import { usePlotArea } from "recharts";
import type { HeatCell as Cell } from "./chart-data.ts";
import { liftColour } from "./chart-data.ts";

/** One square of the lift heatmap, sized to fill its row and column of the plot area. */
export function HeatCell({
  cx,
  cy,
  payload,
  size,
  format,
}: {
  cx?: number;
  cy?: number;
  payload?: { cell: Cell };
  size: number;
  format: (lift: number) => string;
}) {
  const plot = usePlotArea();
  if (cx === undefined || cy === undefined || payload === undefined || plot === undefined) return null;
  const width = plot.width / size;
  const height = plot.height / size;
  const { cell } = payload;
  const lift = cell.kind === "pair" ? cell.lift : null;
  const colour = liftColour(lift);
  return (
    <g>
      <rect
        x={cx - width / 2 + 1.5}
        y={cy - height / 2 + 1.5}
        width={Math.max(0, width - 3)}
        height={Math.max(0, height - 3)}
        rx={4}
        fill={cell.kind === "same" ? "#f6f4ef" : colour.fill}
        stroke={cell.kind === "same" ? "#e4dfd6" : "none"}
        strokeDasharray={cell.kind === "same" ? "3 3" : undefined}
      />
      {lift !== null && width > 28 && (
        <text x={cx} y={cy} dy="0.35em" textAnchor="middle" fontSize={12} fontWeight={600} fill={colour.ink}>
          {format(lift)}
        </text>
      )}
    </g>
  );
}
