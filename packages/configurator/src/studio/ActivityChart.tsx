import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Activity } from "./api.ts";
import { busiestDay } from "./chart-data.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { COLOURS, TICK, TOOLTIP } from "./chart-style.ts";
import { DataTable } from "./DataTable.tsx";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

/** Designs, blocked attempts and wishes per UTC day, as areas over the window. */
export function ActivityChart({ activity }: { activity: Activity }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const { totals, days } = activity;
  const busiest = busiestDay(activity);
  const summary = [
    t.activitySummary(
      f.counted(totals.designs),
      f.counted(totals.blocked),
      f.counted(totals.wishes),
      f.counted(days.length),
    ),
    busiest ? t.busiestDay(f.day(busiest.day), f.counted(busiest.designs)) : "",
  ]
    .join(" ")
    .trim();
  const series = [
    { key: "designs", name: t.designs, colour: COLOURS.accent },
    { key: "blocked", name: t.blockedAttempts, colour: COLOURS.amber },
    { key: "wishes", name: t.wishes, colour: COLOURS.teal },
  ] as const;
  const table = (
    <DataTable
      caption={t.activityTitle}
      captionHidden
      columns={[{ label: t.day }, ...series.map((s) => ({ label: s.name, numeric: true }))]}
      rows={days.map((d) => ({
        key: d.day,
        cells: [f.day(d.day), f.count(d.designs), f.count(d.blocked), f.count(d.wishes)],
      }))}
    />
  );
  return (
    <ChartFigure title={t.activityTitle} summary={summary} table={table} className="studio-figure--wide">
      <ResponsiveContainer width="100%" height={300}>
        <AreaChart data={[...days]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <defs>
            {series.map((s) => (
              <linearGradient key={s.key} id={`studio-activity-${s.key}`} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={s.colour} stopOpacity={0.28} />
                <stop offset="100%" stopColor={s.colour} stopOpacity={0.02} />
              </linearGradient>
            ))}
          </defs>
          <CartesianGrid stroke={COLOURS.line} vertical={false} />
          <XAxis
            dataKey="day"
            tick={TICK}
            tickLine={false}
            axisLine={{ stroke: COLOURS.line }}
            tickFormatter={(day: string) => f.shortDay(day)}
            minTickGap={28}
          />
          <YAxis tick={TICK} tickLine={false} axisLine={false} allowDecimals={false} width={44} />
          <Tooltip
            {...TOOLTIP}
            labelFormatter={(day) => f.day(String(day))}
            itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
            formatter={(value, name) => [f.count(Number(value)), name]}
          />
          <Legend iconType="circle" itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
          {series.map((s) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.colour}
              strokeWidth={2}
              fill={`url(#studio-activity-${s.key})`}
              isAnimationActive={false}
              dot={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
