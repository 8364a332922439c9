import { z } from "@hono/zod-openapi";
import { and, desc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { creators, DESIGN_STATUSES, designs } from "../db/schema.ts";
import type { Database } from "../db/store.ts";
import { ApiError } from "../errors.ts";
import { type DesignView, designView } from "./view.ts";

export const MAX_PAGE = 100;

export const ListQuerySchema = z.object({
  pack: z.string().max(100).optional(),
  status: z.enum(DESIGN_STATUSES).optional(),
  creator: z.string().max(60).optional(),
  challenge: z.string().max(60).optional(),
  sort: z.enum(["new", "top", "trending"]).default("new"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
  cursor: z.string().max(500).optional(),
});

export type ListQuery = z.infer<typeof ListQuerySchema>;

/**
 * Designs by newest, most voted, or trending (votes, remixes and comments, decaying with age, scored
 * as of the first page so pages stay stable). Cursors are opaque: the sort key of the last design.
 */
export async function listDesigns(
  db: Database,
  query: ListQuery,
): Promise<{ designs: DesignView[]; next: string | null }> {
  const filters: SQL[] = [];
  if (query.pack) filters.push(eq(designs.packId, query.pack));
  if (query.creator) filters.push(eq(designs.creatorId, query.creator));
  if (query.challenge) filters.push(eq(designs.challengeId, query.challenge));
  filters.push(query.status ? eq(designs.status, query.status) : ne(designs.status, "withdrawn"));

  const cursor = decodeCursor(query.cursor);
  if (cursor && !fitsSort(cursor, query.sort)) {
    throw new ApiError(400, "malformed", `this cursor does not belong to sort "${query.sort}"`, [{ path: ["cursor"] }]);
  }
  const asOf = cursor?.asOf ? new Date(cursor.asOf) : new Date();
  const score = sql<number>`((${designs.votes} + 2 * ${designs.remixes} + 0.5 * ${designs.comments} + 1) / power(greatest(extract(epoch from (${asOf.toISOString()}::timestamptz - ${designs.createdAt})), 0) / 3600 + 2, 1.5))::float8`;
  let order: SQL[];
  if (query.sort === "new") {
    order = [desc(designs.createdAt), desc(designs.id)];
    if (cursor)
      filters.push(
        or(
          sql`${designs.createdAt} < ${cursor.key}::timestamptz`,
          and(sql`${designs.createdAt} = ${cursor.key}::timestamptz`, sql`${designs.id} < ${cursor.id}`),
        )!,
      );
  } else if (query.sort === "top") {
    order = [desc(designs.votes), desc(designs.id)];
    if (cursor)
      filters.push(
        or(
          sql`${designs.votes} < ${Number(cursor.key)}`,
          and(eq(designs.votes, Number(cursor.key)), sql`${designs.id} < ${cursor.id}`),
        )!,
      );
  } else {
    order = [desc(score), desc(designs.id)];
    if (cursor) filters.push(sql`(${score}, ${designs.id}) < (${Number(cursor.key)}::float8, ${cursor.id})`);
  }

  const rows = await db
    .select({ design: designs, creatorName: creators.name, score })
    .from(designs)
    .innerJoin(creators, eq(creators.id, designs.creatorId))
    .where(and(...filters))
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next =
    rows.length > query.limit && last
      ? encodeCursor({
          sort: query.sort,
          key:
            query.sort === "new"
              ? last.design.createdAt.toISOString()
              : query.sort === "top"
                ? String(last.design.votes)
                : String(last.score),
          id: last.design.id,
          ...(query.sort === "trending" ? { asOf: asOf.toISOString() } : {}),
        })
      : null;
  return { designs: page.map((row) => designView(row.design, row.creatorName)), next };
}

interface Cursor {
  readonly sort: ListQuery["sort"];
  readonly key: string;
  readonly id: string;
  readonly asOf?: string;
}

function fitsSort(cursor: Cursor, sort: ListQuery["sort"]): boolean {
  if (cursor.sort !== sort) return false;
  if (sort === "new") return !Number.isNaN(Date.parse(cursor.key));
  if (sort === "top") return /^\d{1,9}$/.test(cursor.key);
  return Number.isFinite(Number(cursor.key)) && cursor.asOf !== undefined;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    const valid =
      typeof value?.key === "string" &&
      typeof value?.id === "string" &&
      (value.asOf === undefined || !Number.isNaN(Date.parse(value.asOf)));
    if (valid && (value.asOf === undefined || typeof value.asOf === "string")) return value as Cursor;
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, "malformed", "the cursor is not one this API gave out", [{ path: ["cursor"] }]);
}
