import { z } from "@hono/zod-openapi";
import { and, eq, ne, sql } from "drizzle-orm";
import { designs, votes } from "../db/schema.ts";
import type { Database } from "../db/store.ts";
import { ApiError, notFound } from "../errors.ts";
import { visibleDesign } from "../routes/designs.ts";

export const VoteResultSchema = z
  .object({ design: z.string(), votes: z.number().int(), voted: z.boolean() })
  .openapi("VoteResult");

type VoteResult = z.infer<typeof VoteResultSchema>;

/** Withdrawn designs take no votes or comments from anyone, so they are not found here. */
export async function activeDesign(db: Database, id: string) {
  return visibleDesign(db, id, { team: false });
}

/**
 * One vote per creator and design: the primary key decides (ON CONFLICT DO NOTHING), and the counter
 * moves by `votes + 1` in SQL in the same transaction, so concurrent votes never lose an update.
 */
export async function vote(db: Database, designId: string, creatorId: string): Promise<VoteResult> {
  const { design } = await activeDesign(db, designId);
  if (design.creatorId === creatorId) throw new ApiError(403, "own_design", "you cannot vote for your own design");
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(votes)
      .values({ designId, creatorId })
      .onConflictDoNothing()
      .returning({ designId: votes.designId });
    if (inserted.length === 0) throw new ApiError(409, "already_voted", "you already voted for this design");
    const [row] = await tx
      .update(designs)
      .set({ votes: sql`${designs.votes} + 1` })
      .where(and(eq(designs.id, designId), ne(designs.status, "withdrawn")))
      .returning({ votes: designs.votes });
    // Withdrawn between the check and now: the thrown error rolls the vote back.
    if (row === undefined) throw notFound(`design ${designId}`);
    return { design: designId, votes: row.votes, voted: true };
  });
}

export async function unvote(db: Database, designId: string, creatorId: string): Promise<VoteResult> {
  await activeDesign(db, designId);
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(votes)
      .where(and(eq(votes.designId, designId), eq(votes.creatorId, creatorId)))
      .returning({ designId: votes.designId });
    if (deleted.length === 0) throw new ApiError(404, "not_voted", "you have not voted for this design");
    const [row] = await tx
      .update(designs)
      .set({ votes: sql`${designs.votes} - 1` })
      .where(eq(designs.id, designId))
      .returning({ votes: designs.votes });
    return { design: designId, votes: row!.votes, voted: false };
  });
}
