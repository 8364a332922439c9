import { z } from "@hono/zod-openapi";
import { type SQL, sql } from "drizzle-orm";
import { ApiError } from "../errors.ts";

const DAY = 86_400_000;
export const DEFAULT_DAYS = 90;
const MAX_DAYS = 3660;

const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .openapi({ description: "An ISO date (2025-03-01) or date-time with offset", example: "2025-03-01" });

export const WindowQuery = z.object({
  from: instant.optional().openapi({ description: "Start, inclusive (default: 90 days before `to`)" }),
  to: instant.optional().openapi({ description: "End: a date includes that whole day (UTC); default now" }),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
    .optional()
    .openapi({ description: "Only designs and signals of this pack version (labels come from it too)" }),
});

export interface Window {
  /** Inclusive. */
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
}

/** The time window of a query: dates are whole UTC days, the end of a date-only `to` is the next midnight. */
export function resolveWindow(query: { from?: string | undefined; to?: string | undefined }, now = new Date()): Window {
  const dateOnly = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
  const to = query.to === undefined ? now : new Date(Date.parse(query.to) + (dateOnly(query.to) ? DAY : 0));
  const from = query.from === undefined ? new Date(to.getTime() - DEFAULT_DAYS * DAY) : new Date(query.from);
  if (from.getTime() >= to.getTime())
    throw new ApiError(400, "malformed", "`from` must be before `to`", [{ path: ["from"], message: "after `to`" }]);
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY)
    throw new ApiError(400, "malformed", `the window can span at most ${MAX_DAYS} days`, [{ path: ["from"] }]);
  return { from, to };
}

/** The UTC days of a window, as YYYY-MM-DD. */
export function daysOf(window: Window): string[] {
  const days: string[] = [];
  const start = Math.floor(window.from.getTime() / DAY) * DAY;
  for (let t = start; t < window.to.getTime(); t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Which pack, version and window an insight covers. */
export interface Scope {
  readonly packId: string;
  readonly version?: string | undefined;
  readonly window: Window;
}

/** The condition on pack_id, created_at and pack_version shared by signals and design_features. */
export function scoped(scope: Scope): SQL {
  return sql`pack_id = ${scope.packId} and created_at >= ${scope.window.from.toISOString()}::timestamptz
    and created_at < ${scope.window.to.toISOString()}::timestamptz
    ${scope.version === undefined ? sql`` : sql`and pack_version = ${scope.version}`}`;
}
