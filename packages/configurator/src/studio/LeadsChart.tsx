import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { LeadCustomers } from "./api.ts";
import { LEAD_PARTS, type LeadPart, largestPart, leadBars, niceTicks } from "./chart-data.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { AxisTick } from "./AxisTick.tsx";
import { COLOURS, TICK, TOOLTIP } from "./chart-style.ts";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

const TOP = 10;
const PART_COLOURS: Record<LeadPart, string> = {
  novelty: COLOURS.violet,
  votes: COLOURS.accent,
  remixes: COLOURS.teal,
  shortlisted: COLOURS.amber,
  commercialized: COLOURS.green,
};

/** The top creators' scores as stacked bars of their components' points, so the team sees why. */
export function LeadsChart({ leads }: { leads: LeadCustomers }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const partName: Record<LeadPart, string> = {
    novelty: t.novelty,
    votes: t.votes,
    remixes: t.remixes,
    shortlisted: t.shortlisted,
    commercialized: t.commercialized,
  };
  const bars = leadBars(leads.creators, TOP);
  const top = leads.creators[0]!;
  const positive = bars.map((b) => LEAD_PARTS.reduce((sum, part) => sum + Math.max(0, b[part]), 0));
  const ticks = niceTicks(Math.max(1, ...positive));
  const summary = t.leadsSummary(top.creator.name, f.ratio(top.score), partName[largestPart(top.points)]);
  return (
    <ChartFigure title={t.leadsChart} summary={summary} className="studio-figure--wide">
      <ResponsiveContainer width="100%" height={bars.length * 34 + 56}>
        <BarChart
          data={bars}
          layout="vertical"
          stackOffset="sign"
          margin={{ top: 4, right: 24, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={COLOURS.line} horizontal={false} />
          <XAxis
            type="number"
            tick={TICK}
            tickLine={false}
            axisLine={false}
            ticks={ticks}
            domain={[(min: number) => Math.min(0, Math.floor(min)), ticks.at(-1)!]}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={140}
            interval={0}
            tick={<AxisTick max={20} />}
            tickLine={false}
            axisLine={false}
          />
          <ReferenceLine x={0} stroke={COLOURS.muted} />
          <Tooltip
            {...TOOLTIP}
            cursor={{ fill: "rgba(47, 91, 211, 0.06)" }}
            formatter={(value, name) => [t.points(f.ratio(Number(value))), name]}
            itemSorter={(item) => LEAD_PARTS.indexOf(item.dataKey as LeadPart)}
          />
          <Legend iconType="circle" itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
          {LEAD_PARTS.map((part) => (
            <Bar
              key={part}
              dataKey={part}
              name={partName[part]}
              stackId="score"
              fill={PART_COLOURS[part]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
