import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UnmetDemand } from "./api.ts";
import { wantedBars } from "./chart-data.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { AxisTick } from "./AxisTick.tsx";
import { COLOURS, TICK, TOOLTIP } from "./chart-style.ts";
import { useStudio } from "./context.ts";
import { useStudioFormat } from "./format.ts";
import { useStudioStrings } from "./strings.ts";

const TOP = 10;

/**
 * The most-wanted blocked choices: a bar chart of attempts and sessions, then each choice with the rules
 * (and their messages) that blocked it and the choices that were in the way. The list is the chart's text.
 */
export function WantedChoices({ blocked }: { blocked: UnmetDemand["blocked"] }) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const { labels } = useStudio();
  if (blocked.wanted.length === 0) return <p className="studio-empty">{t.noBlocked}</p>;
  const bars = wantedBars(blocked.wanted, labels, TOP);
  const top = bars[0]!;
  return (
    <>
      <ChartFigure
        title={t.wantedChart}
        summary={t.wantedSummary(top.label, f.counted(top.count), f.counted(top.sessions))}
        className="studio-figure--wide"
        level={4}
      >
        <ResponsiveContainer width="100%" height={bars.length * 34 + 48}>
          <BarChart
            data={bars}
            layout="vertical"
            margin={{ top: 4, right: 24, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={COLOURS.line} horizontal={false} />
            <XAxis type="number" tick={TICK} tickLine={false} axisLine={false} allowDecimals={false} />
            <YAxis
              type="category"
              dataKey="label"
              width={260}
              interval={0}
              tick={<AxisTick max={40} />}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip
              {...TOOLTIP}
              cursor={{ fill: "rgba(194, 124, 14, 0.06)" }}
              formatter={(v, name) => [f.count(Number(v)), name]}
            />
            <Legend iconType="circle" itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
            <Bar
              dataKey="count"
              name={t.attempts}
              fill={COLOURS.amber}
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            />
            <Bar dataKey="sessions" name={t.sessions} fill="#e7c48a" radius={[0, 4, 4, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ol className="studio-wanted">
        {blocked.wanted.map((w) => (
          <li key={w.wanted} className="studio-wanted__item">
            <div className="studio-wanted__head">
              <h4>{labels.choice(w.wanted, w.label)}</h4>
              <p className="studio-wanted__count">{t.attemptsIn(f.counted(w.count), f.counted(w.sessions))}</p>
            </div>
            {w.constraints.length > 0 && (
              <div>
                <p className="studio-wanted__label">{t.blockedByRules}</p>
                <ul className="studio-rules">
                  {w.constraints.map((c) => (
                    <li key={c.id}>
                      <span className="studio-rules__message">{labels.message(c.id, c.message)}</span>{" "}
                      <code className="studio-rules__id">{c.id}</code>{" "}
                      <span className="studio-count">×{f.count(c.count)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {w.blockedBy.length > 0 && (
              <div>
                <p className="studio-wanted__label">{t.chosenBefore}</p>
                <ul className="studio-chips">
                  {w.blockedBy.map((b) => (
                    <li key={b.id}>
                      {labels.choice(b.id)} <span className="studio-count">×{f.count(b.count)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
