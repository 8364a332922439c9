import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { type HeatGrid, heatPoints } from "./chart-data.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { AxisTick } from "./AxisTick.tsx";
import { TICK, TOOLTIP } from "./chart-style.ts";
import { DataTable } from "./DataTable.tsx";
import { HeatCell } from "./HeatCell.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

/** Lift between the top values as a grid of coloured squares; rows are numbered, columns use the numbers. */
export function LiftHeatmap({ grid }: { grid: HeatGrid }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const n = grid.items.length;
  const ticks = grid.items.map((_, i) => i);
  const points = heatPoints(grid);
  const strongest = grid.strongest;
  const summary = strongest
    ? t.heatmapSummary(
        n,
        `${grid.items[strongest.row]!.label} × ${grid.items[strongest.column]!.label}`,
        f.ratio(strongest.lift),
      )
    : t.noPairs;
  const table = (
    <DataTable
      caption={t.heatmapTitle}
      captionHidden
      columns={[
        { label: t.pair },
        ...grid.items.map((item, i) => ({ label: String(i + 1), numeric: true, help: item.label })),
      ]}
      rows={grid.items.map((item, r) => ({
        key: item.key,
        cells: [
          `${r + 1}. ${item.label}`,
          ...grid.cells[r]!.map((cell) =>
            cell.kind === "pair"
              ? f.ratio(cell.lift)
              : cell.kind === "same"
                ? t.sameChoice
                : cell.kind === "none"
                  ? "–"
                  : "",
          ),
        ],
      }))}
    />
  );
  return (
    <ChartFigure
      title={t.heatmapTitle}
      summary={summary}
      meta={t.heatmapLegend}
      table={table}
      className="studio-figure--wide"
    >
      <ResponsiveContainer width="100%" height={n * 44 + 36}>
        <ScatterChart margin={{ top: 4, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <XAxis
            type="number"
            dataKey="x"
            domain={[-0.5, n - 0.5]}
            ticks={ticks}
            interval={0}
            orientation="top"
            tick={TICK}
            tickLine={false}
            axisLine={false}
            tickFormatter={(i: number) => String(i + 1)}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[-0.5, n - 0.5]}
            ticks={ticks}
            interval={0}
            width={270}
            tick={
              <AxisTick max={40} format={(y) => `${n - Number(y)}. ${grid.items[n - 1 - Number(y)]?.label ?? ""}`} />
            }
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            {...TOOLTIP}
            cursor={false}
            content={({ active, payload }) => {
              const point = active
                ? (payload?.[0]?.payload as ReturnType<typeof heatPoints>[number] | undefined)
                : undefined;
              if (!point) return null;
              const { cell } = point;
              return (
                <div className="studio-tooltip">
                  <p className="studio-tooltip__title">
                    {grid.items[point.row]!.label} × {grid.items[point.column]!.label}
                  </p>
                  <p>
                    {cell.kind === "pair"
                      ? `${t.lift} ${f.ratio(cell.lift)} · ${f.count(cell.count)} ${t.designs} · ${t.support} ${f.percent(cell.support)}`
                      : cell.kind === "same"
                        ? t.sameChoice
                        : t.noData}
                  </p>
                </div>
              );
            }}
          />
          <Scatter
            data={points}
            isAnimationActive={false}
            shape={(props: object) => <HeatCell {...props} size={n} format={f.ratio} />}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
