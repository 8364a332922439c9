import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, type SQL, sql } from "drizzle-orm";
import { challenges, challengeWinners, creators, designs } from "../db/schema.ts";
import type { Database } from "../db/store.ts";
import { DesignSchema, designView } from "../designs/view.ts";
import { ApiError, notFound } from "../errors.ts";
import { afterCursor, decodeCursor, PageQuery, page } from "./cursor.ts";

export const CHALLENGE_STATES = ["upcoming", "open", "closed"] as const;
type ChallengeState = (typeof CHALLENGE_STATES)[number];
/** A challenge's page shows its top entries; all of them page through GET /api/designs?challenge=...&sort=top. */
export const MAX_ENTRIES = 100;

const when = z.iso.datetime({ offset: true }).openapi({ example: "2030-01-01T00:00:00Z" });

export const NewChallengeSchema = z
  .strictObject({
    pack: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/)
      .openapi({ example: "acme/shelving" }),
    title: z.string().trim().min(1).max(120),
    brief: z.string().trim().min(1).max(4000),
    startsAt: when,
    endsAt: when,
  })
  .refine((c) => Date.parse(c.endsAt) > Date.parse(c.startsAt), {
    message: "endsAt must be after startsAt",
    path: ["endsAt"],
  })
  .openapi("NewChallenge");

export const ChallengeSchema = z
  .object({
    id: z.string(),
    pack: z.string(),
    title: z.string(),
    brief: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    state: z.enum(CHALLENGE_STATES).openapi({ description: "Computed from the current time" }),
    createdAt: z.string(),
  })
  .openapi("Challenge");

export const ChallengeDetailSchema = ChallengeSchema.extend({
  entries: z.array(DesignSchema).openapi({ description: `The ${MAX_ENTRIES} most voted entries` }),
  entryCount: z.number().int(),
  winners: z.array(z.object({ rank: z.number().int(), note: z.string(), design: DesignSchema })),
}).openapi("ChallengeDetail");

export const ChallengeListQuery = PageQuery.extend({
  pack: z.string().max(100).optional(),
  state: z.enum(CHALLENGE_STATES).optional(),
});

export const WinnersSchema = z
  .strictObject({
    winners: z
      .array(
        z.strictObject({
          design: z.string().max(60),
          rank: z.number().int().min(1).max(1000),
          note: z.string().trim().max(2000).default(""),
        }),
      )
      .max(100)
      .refine((w) => new Set(w.map((x) => x.design)).size === w.length, "a design can win only once")
      .openapi({ description: "Replaces the previous winners; an empty list clears them" }),
  })
  .openapi("ChallengeWinners");

type ChallengeRow = typeof challenges.$inferSelect;

/** Open from its start to its end inclusive, as submissions into it are accepted (designs/submit.ts). */
export function stateOf(row: ChallengeRow, now: Date): ChallengeState {
  if (now < row.startsAt) return "upcoming";
  return now > row.endsAt ? "closed" : "open";
}

export const challengeView = (row: ChallengeRow, now: Date) => ({
  id: row.id,
  pack: row.packId,
  title: row.title,
  brief: row.brief,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  state: stateOf(row, now),
  createdAt: row.createdAt.toISOString(),
});

/** Newest first by start, so current and coming challenges lead the list. */
export async function listChallenges(db: Database, query: z.infer<typeof ChallengeListQuery>) {
  const now = new Date();
  const cursor = decodeCursor(query.cursor);
  const filters: (SQL | undefined)[] = [
    query.pack === undefined ? undefined : eq(challenges.packId, query.pack),
    cursor && afterCursor(challenges.startsAt, challenges.id, cursor, "desc"),
  ];
  if (query.state === "upcoming") filters.push(gt(challenges.startsAt, now));
  if (query.state === "open") filters.push(lte(challenges.startsAt, now), gte(challenges.endsAt, now));
  if (query.state === "closed") filters.push(lt(challenges.endsAt, now));
  const rows = await db
    .select()
    .from(challenges)
    .where(and(...filters))
    .orderBy(desc(challenges.startsAt), desc(challenges.id))
    .limit(query.limit + 1);
  const { items, next } = page(rows, query.limit, (row) => [row.startsAt, row.id]);
  return { challenges: items.map((row) => challengeView(row, now)), next };
}

export async function findChallenge(db: Database, id: string): Promise<ChallengeRow> {
  const [row] = await db.select().from(challenges).where(eq(challenges.id, id));
  if (row === undefined) throw notFound(`challenge ${id}`);
  return row;
}

/** A challenge with its most voted entries and its winners (withdrawn designs are left out of both). */
export async function challengeDetail(db: Database, row: ChallengeRow) {
  const entry = and(eq(designs.challengeId, row.id), ne(designs.status, "withdrawn"));
  const [entries, [counted], winners] = await Promise.all([
    db
      .select({ design: designs, name: creators.name })
      .from(designs)
      .innerJoin(creators, eq(creators.id, designs.creatorId))
      .where(entry)
      .orderBy(desc(designs.votes), asc(designs.createdAt), asc(designs.id))
      .limit(MAX_ENTRIES),
    db.select({ count: sql<number>`count(*)::int` }).from(designs).where(entry),
    db
      .select({ winner: challengeWinners, design: designs, name: creators.name })
      .from(challengeWinners)
      .innerJoin(designs, eq(designs.id, challengeWinners.designId))
      .innerJoin(creators, eq(creators.id, designs.creatorId))
      .where(and(eq(challengeWinners.challengeId, row.id), ne(designs.status, "withdrawn")))
      .orderBy(asc(challengeWinners.rank), asc(designs.id)),
  ]);
  return {
    ...challengeView(row, new Date()),
    entries: entries.map((e) => designView(e.design, e.name)),
    entryCount: counted?.count ?? 0,
    winners: winners.map((w) => ({ rank: w.winner.rank, note: w.winner.note, design: designView(w.design, w.name) })),
  };
}

/**
 * Replaces a closed challenge's winners. The challenge row is locked first, so two teams naming winners
 * at once replace them one after the other instead of interleaving their deletes and inserts.
 */
export async function setWinners(db: Database, id: string, winners: z.infer<typeof WinnersSchema>["winners"]) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(challenges).where(eq(challenges.id, id)).for("update");
    if (row === undefined) throw notFound(`challenge ${id}`);
    if (stateOf(row, new Date()) !== "closed")
      throw new ApiError(
        409,
        "challenge_not_closed",
        `winners are chosen after the challenge ends (${row.endsAt.toISOString()})`,
      );
    const ids = winners.map((w) => w.design);
    const entries =
      ids.length === 0
        ? []
        : await tx
            .select({ id: designs.id })
            .from(designs)
            .where(and(inArray(designs.id, ids), eq(designs.challengeId, id), ne(designs.status, "withdrawn")));
    const found = new Set(entries.map((e) => e.id));
    const strangers = ids.filter((d) => !found.has(d));
    if (strangers.length > 0)
      throw new ApiError(422, "not_an_entry", `not entries of challenge ${id}: ${strangers.join(", ")}`, {
        designs: strangers,
      });
    await tx.delete(challengeWinners).where(eq(challengeWinners.challengeId, id));
    if (winners.length > 0)
      await tx
        .insert(challengeWinners)
        .values(winners.map((w) => ({ challengeId: id, designId: w.design, rank: w.rank, note: w.note })));
  });
  return challengeDetail(db, await findChallenge(db, id));
}
