import { z } from "@hono/zod-openapi";
import { and, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { ApiError } from "../errors.ts";

export const MAX_PAGE = 100;

/** limit and cursor of a paginated list; pages above 100 are refused (400), not silently cut. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
  cursor: z.string().max(500).optional(),
});

/**
 * Keyset cursors over (timestamp, id): opaque base64url of the last row's sort key. Every timestamp
 * these lists sort on is written from a JS Date (millisecond precision), so the key round-trips exactly.
 */
export interface Cursor {
  readonly at: Date;
  readonly id: string;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString("base64url");
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (typeof value?.at === "string" && typeof value?.id === "string" && !Number.isNaN(Date.parse(value.at)))
      return { at: new Date(value.at), id: value.id };
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, "malformed", "the cursor is not one this API gave out", [{ path: ["cursor"] }]);
}

/** Rows after the cursor in (at, id) order, ascending or descending. */
export function afterCursor(at: PgColumn, id: PgColumn, cursor: Cursor, order: "asc" | "desc"): SQL {
  const beyond = order === "asc" ? gt : lt;
  return or(beyond(at, cursor.at), and(eq(at, cursor.at), beyond(id, cursor.id)))!;
}

/** The page and the cursor of the next one (null on the last page); `rows` holds up to limit + 1 rows. */
export function page<T>(
  rows: T[],
  limit: number,
  key: (row: T) => [Date, string],
): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? encodeCursor(...key(last)) : null };
}
