import { z } from "@hono/zod-openapi";
import { and, asc, eq, inArray } from "drizzle-orm";
import { creators, type DesignStatus, designHistory, designs } from "../db/schema.ts";
import type { Database } from "../db/store.ts";
import { designView } from "../designs/view.ts";
import { ApiError } from "../errors.ts";
import { afterCursor, decodeCursor, PageQuery, page } from "./cursor.ts";

/** The review workflow: where a design may go next. `withdrawn` is only ever set by its creator. */
export const NEXT: Record<DesignStatus, readonly DesignStatus[]> = {
  submitted: ["under_review", "declined"],
  under_review: ["shortlisted", "declined"],
  shortlisted: ["commercialized", "declined"],
  commercialized: [],
  declined: [],
  withdrawn: [],
};

export const REVIEW_STATUSES = ["under_review", "shortlisted", "commercialized", "declined"] as const;
export const AWAITING = ["submitted", "under_review", "shortlisted"] as const;

export const ReviewSchema = z
  .strictObject({
    status: z.enum(REVIEW_STATUSES),
    reason: z.string().trim().min(1).max(2000).openapi({ description: "Shown to the creator" }),
  })
  .openapi("ReviewDecision");

export const HistoryEntrySchema = z
  .object({
    id: z.number().int(),
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string(),
    by: z.enum(["creator", "team"]),
    actor: z.string().optional().openapi({ description: "The key id or creator id; shown to product teams only" }),
    at: z.string(),
  })
  .openapi("DesignHistoryEntry");

export const QueueQuery = PageQuery.extend({
  pack: z.string().max(100).optional(),
  status: z.enum(AWAITING).optional(),
});

type Design = typeof designs.$inferSelect;

/**
 * Moves a design from the status it was read with to `to`. The update only matches while the status is
 * still `design.status`, so of two reviewers racing, one wins and the other gets 409; the history row is
 * written in the same transaction, so history and status never disagree.
 */
export async function transition(db: Database, design: Design, to: DesignStatus, reason: string, actor: string) {
  const allowed = NEXT[design.status];
  if (!allowed.includes(to)) {
    const next = allowed.length === 0 ? "none: it is final" : allowed.join(", ");
    throw new ApiError(
      409,
      "illegal_transition",
      `a ${design.status} design cannot become ${to}; allowed next: ${next}`,
      { from: design.status, to, allowed },
    );
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(designs)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(designs.id, design.id), eq(designs.status, design.status)))
      .returning();
    if (updated === undefined)
      throw new ApiError(409, "status_changed", "the design's status changed meanwhile; reload it and decide again");
    await tx
      .insert(designHistory)
      .values({ designId: design.id, fromStatus: design.status, toStatus: to, reason, actor });
    return updated;
  });
}

/** Every transition, oldest first; only product teams see who made it. */
export async function historyOf(db: Database, designId: string, team: boolean) {
  const rows = await db
    .select()
    .from(designHistory)
    .where(eq(designHistory.designId, designId))
    .orderBy(asc(designHistory.id));
  return rows.map((row) => ({
    id: row.id,
    from: row.fromStatus,
    to: row.toStatus,
    reason: row.reason,
    // Creators act with their creator id (cr_...); everything else is a key id or "admin".
    by: row.actor.startsWith("cr_") ? ("creator" as const) : ("team" as const),
    ...(team ? { actor: row.actor } : {}),
    at: row.createdAt.toISOString(),
  }));
}

/** Designs awaiting a decision, the longest waiting first. */
export async function reviewQueue(db: Database, query: z.infer<typeof QueueQuery>) {
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select({ design: designs, name: creators.name })
    .from(designs)
    .innerJoin(creators, eq(creators.id, designs.creatorId))
    .where(
      and(
        query.status ? eq(designs.status, query.status) : inArray(designs.status, [...AWAITING]),
        query.pack === undefined ? undefined : eq(designs.packId, query.pack),
        cursor && afterCursor(designs.createdAt, designs.id, cursor, "asc"),
      ),
    )
    .orderBy(asc(designs.createdAt), asc(designs.id))
    .limit(query.limit + 1);
  const { items, next } = page(rows, query.limit, (row) => [row.design.createdAt, row.design.id]);
  return { designs: items.map((row) => designView(row.design, row.name)), next };
}
