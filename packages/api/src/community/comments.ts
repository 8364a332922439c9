import { z } from "@hono/zod-openapi";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Identity } from "../auth/identity.ts";
import { comments, creators, designs } from "../db/schema.ts";
import type { Database } from "../db/store.ts";
import { ApiError, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { isTeam } from "./access.ts";
import { afterCursor, decodeCursor, page } from "./cursor.ts";

export const CommentSchema = z
  .object({
    id: z.string(),
    design: z.string(),
    author: z.object({ id: z.string(), name: z.string() }),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi("Comment");

export const NewCommentSchema = z
  .strictObject({ body: z.string().trim().min(1).max(2000).openapi({ description: "1-2000 characters, trimmed" }) })
  .openapi("NewComment");

export const CommentIdParams = z.object({
  id: z
    .string()
    .regex(/^d_[A-Za-z0-9_-]{6,40}$/, "must be a design id like d_...")
    .openapi({ param: { name: "id", in: "path" } }),
  commentId: z
    .string()
    .regex(/^cm_[A-Za-z0-9_-]{6,40}$/, "must be a comment id like cm_...")
    .openapi({ param: { name: "commentId", in: "path" } }),
});

type Comment = z.infer<typeof CommentSchema>;
type CommentRow = typeof comments.$inferSelect;

const view = (row: CommentRow, name: string): Comment => ({
  id: row.id,
  design: row.designId,
  author: { id: row.creatorId, name },
  body: row.body,
  createdAt: row.createdAt.toISOString(),
});

/** Oldest first, so a conversation reads top to bottom; ids break ties between equal timestamps. */
export async function listComments(db: Database, designId: string, limit: number, cursorText: string | undefined) {
  const cursor = decodeCursor(cursorText);
  const rows = await db
    .select({ comment: comments, name: creators.name })
    .from(comments)
    .innerJoin(creators, eq(creators.id, comments.creatorId))
    .where(and(eq(comments.designId, designId), cursor && afterCursor(comments.createdAt, comments.id, cursor, "asc")))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit + 1);
  const { items, next } = page(rows, limit, (row) => [row.comment.createdAt, row.comment.id]);
  return { comments: items.map((row) => view(row.comment, row.name)), next };
}

/** Stores a comment and moves the design's counter in one transaction (in SQL, so concurrent comments add up). */
export async function addComment(db: Database, designId: string, creatorId: string, body: string): Promise<Comment> {
  return db.transaction(async (tx) => {
    // Counter first: it locks the design row and fails for a design withdrawn since it was looked up.
    const [counted] = await tx
      .update(designs)
      .set({ comments: sql`${designs.comments} + 1` })
      .where(and(eq(designs.id, designId), ne(designs.status, "withdrawn")))
      .returning({ id: designs.id });
    if (counted === undefined) throw notFound(`design ${designId}`);
    const [row] = await tx
      .insert(comments)
      .values({ id: newId("cm"), designId, creatorId, body, createdAt: new Date() })
      .returning();
    const [author] = await tx.select({ name: creators.name }).from(creators).where(eq(creators.id, creatorId));
    return view(row!, author!.name);
  });
}

/** Its author may delete a comment, and so may a product team (moderation); the counter follows. */
export async function removeComment(db: Database, designId: string, commentId: string, identity: Identity) {
  if (identity.kind === "anonymous")
    throw new ApiError(401, "unauthenticated", "this needs your creator token or a team key");
  const [found] = await db
    .select({ comment: comments, name: creators.name })
    .from(comments)
    .innerJoin(creators, eq(creators.id, comments.creatorId))
    .where(and(eq(comments.id, commentId), eq(comments.designId, designId)));
  if (found === undefined) throw notFound(`comment ${commentId} on design ${designId}`);
  const moderator = isTeam(identity);
  const author = identity.kind === "creator" && identity.creatorId === found.comment.creatorId;
  if (!moderator && !author)
    throw new ApiError(403, "forbidden", "only its author or a product team can delete a comment");
  return db.transaction(async (tx) => {
    const deleted = await tx.delete(comments).where(eq(comments.id, commentId)).returning({ id: comments.id });
    // Deleted by someone else meanwhile: the counter already moved for it.
    if (deleted.length === 0) throw notFound(`comment ${commentId} on design ${designId}`);
    await tx
      .update(designs)
      .set({ comments: sql`${designs.comments} - 1` })
      .where(eq(designs.id, designId));
    return view(found.comment, found.name);
  });
}
