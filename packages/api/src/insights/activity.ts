import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { rows } from "../db/store.ts";
import type { Database } from "../db/store.ts";
import { daysOf, type Scope, scoped } from "./window.ts";

export const ActivitySchema = z
  .object({
    totals: z.object({ designs: z.number().int(), blocked: z.number().int(), wishes: z.number().int() }),
    days: z.array(
      z.object({
        day: z.string().openapi({ description: "UTC day, YYYY-MM-DD" }),
        designs: z.number().int(),
        blocked: z.number().int(),
        wishes: z.number().int(),
      }),
    ),
  })
  .openapi("Activity");

/** Designs and signals per UTC day of the window, days without any included. */
export async function activity(db: Database, scope: Scope): Promise<z.infer<typeof ActivitySchema>> {
  // Grouped by date first; only the ≤ 3660 groups are formatted.
  const day = sql`(created_at at time zone 'UTC')::date`;
  const counted = await rows<{ day: string; kind: "designs" | "blocked" | "wish"; count: number }>(
    db,
    sql`select to_char(day, 'YYYY-MM-DD') as day, kind, count from (
          select ${day} as day, 'designs' as kind, count(*)::int as count
          from design_features where ${scoped(scope)} and status <> 'withdrawn' group by 1
          union all
          select ${day}, kind, count(*)::int from signals where ${scoped(scope)} group by 1, 2) counted`,
  );
  const days = new Map(daysOf(scope.window).map((d) => [d, { day: d, designs: 0, blocked: 0, wishes: 0 }]));
  const totals = { designs: 0, blocked: 0, wishes: 0 };
  for (const row of counted) {
    const entry = days.get(row.day);
    const key = row.kind === "wish" ? "wishes" : row.kind;
    if (entry) entry[key] += row.count;
    totals[key] += row.count;
  }
  return { totals, days: [...days.values()] };
}
