import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Popularity } from "./api.ts";
import { popularityBars } from "./chart-data.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { AxisTick } from "./AxisTick.tsx";
import { COLOURS, TOOLTIP } from "./chart-style.ts";
import { useStudio } from "./context.ts";
import { DataTable } from "./DataTable.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

const ROW = 26;
/** Values nobody chose named in the summary; the table lists them all. */
const NEVER_LISTED = 4;

/** One choice's values as bars of their share of the window's designs, with a summary and the table. */
export function PopularityCard({ variable }: { variable: Popularity["variables"][number] }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const { labels } = useStudio();
  const bars = popularityBars(variable, labels);
  const title = labels.variable(variable.variable, variable.label);
  const top = bars[0];
  const never = bars.filter((b) => b.count === 0);
  const summary =
    variable.designs === 0 || top === undefined
      ? t.nobodySet
      : [
          t.mostChosen(top.label, f.percent(top.share)),
          never.length > 0 && never.length < bars.length
            ? t.neverChosen(
                never.slice(0, NEVER_LISTED).map((b) => b.label),
                Math.max(0, never.length - NEVER_LISTED),
              )
            : "",
        ]
          .join(" ")
          .trim();
  const table = (
    <DataTable
      caption={title}
      captionHidden
      columns={[{ label: t.value }, { label: t.count, numeric: true }, { label: t.share, numeric: true }]}
      rows={bars.map((b) => ({ key: b.value, cells: [b.label, f.count(b.count), f.percent(b.share)] }))}
    />
  );
  return (
    <ChartFigure
      title={title}
      meta={t.withValue(f.counted(variable.designs))}
      summary={summary}
      table={table}
      className="studio-figure--card"
    >
      {variable.designs > 0 && (
        <ResponsiveContainer width="100%" height={bars.length * ROW + 8}>
          <BarChart
            data={bars}
            layout="vertical"
            margin={{ top: 4, right: 52, bottom: 4, left: 0 }}
            barCategoryGap={5}
            accessibilityLayer={false}
          >
            <XAxis type="number" dataKey="share" hide domain={[0, "dataMax"]} />
            <YAxis
              type="category"
              dataKey="label"
              width={160}
              tick={<AxisTick max={24} colour={COLOURS.muted} />}
              tickLine={false}
              axisLine={false}
              interval={0}
            />
            <Tooltip
              {...TOOLTIP}
              cursor={{ fill: "rgba(47, 91, 211, 0.06)" }}
              formatter={(value, _name, item) => [
                `${f.percent(Number(value))} · ${f.count((item.payload as { count: number }).count)} ${t.designs}`,
                t.share,
              ]}
            />
            <Bar dataKey="share" fill={COLOURS.accent} radius={[0, 4, 4, 0]} isAnimationActive={false} minPointSize={2}>
              <LabelList
                dataKey="share"
                position="right"
                style={{ fontSize: 12, fill: COLOURS.ink }}
                formatter={(value) => f.percent(Number(value))}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
