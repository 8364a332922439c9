import { z } from "@hono/zod-openapi";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { creators, designs } from "../db/schema.ts";
import { type Database, rows } from "../db/store.ts";
import { notFound } from "../errors.ts";

/** Profiles list this many of a creator's newest designs; totals always count them all. */
export const MAX_PROFILE_DESIGNS = 100;
/** Lineages deeper than this stop earning credit (remix chains are short; this only bounds the walk). */
const MAX_GENERATIONS = 200;

const DesignRef = z.object({ id: z.string(), title: z.string() });

export const CreatorProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    joined: z.string(),
    designs: z.array(
      DesignRef.extend({
        pack: z.string(),
        status: z.string(),
        votes: z.number().int(),
        remixes: z.number().int(),
        comments: z.number().int(),
        createdAt: z.string(),
      }),
    ),
    credits: z.array(
      z.object({
        design: DesignRef.openapi({ description: "This creator's design" }),
        commercialized: DesignRef.extend({ creator: z.object({ id: z.string(), name: z.string() }) }),
        generations: z
          .number()
          .int()
          .openapi({ description: "0: the commercialized design itself; 1: its parent; 2: grandparent..." }),
      }),
    ),
    totals: z.object({
      designs: z.number().int(),
      votes: z.number().int().openapi({ description: "Votes received on their designs" }),
      remixes: z.number().int().openapi({ description: "Other people's remixes of their designs" }),
    }),
  })
  .openapi("CreatorProfile");

export type CreatorProfile = z.infer<typeof CreatorProfileSchema>;

/** A public profile: everything counts designs that are not withdrawn. */
export async function creatorProfile(db: Database, creatorId: string): Promise<CreatorProfile> {
  const [creator] = await db.select().from(creators).where(eq(creators.id, creatorId));
  if (creator === undefined) throw notFound(`creator ${creatorId}`);
  const own = and(eq(designs.creatorId, creatorId), ne(designs.status, "withdrawn"));
  const remix = alias(designs, "remix");
  const [listed, [totals], [remixed], credits] = await Promise.all([
    db.select().from(designs).where(own).orderBy(desc(designs.createdAt), desc(designs.id)).limit(MAX_PROFILE_DESIGNS),
    db
      .select({ designs: sql<number>`count(*)::int`, votes: sql<number>`coalesce(sum(${designs.votes}), 0)::int` })
      .from(designs)
      .where(own),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(remix)
      .innerJoin(designs, eq(designs.id, remix.parentId))
      .where(and(own, ne(remix.creatorId, creatorId), ne(remix.status, "withdrawn"))),
    creditsOf(db, creatorId),
  ]);
  return {
    id: creator.id,
    name: creator.name,
    joined: creator.createdAt.toISOString(),
    designs: listed.map((d) => ({
      id: d.id,
      title: d.title,
      pack: d.packId,
      status: d.status,
      votes: d.votes,
      remixes: d.remixes,
      comments: d.comments,
      createdAt: d.createdAt.toISOString(),
    })),
    credits,
    totals: { designs: totals?.designs ?? 0, votes: totals?.votes ?? 0, remixes: remixed?.count ?? 0 },
  };
}

interface CreditRow {
  design_id: string;
  design_title: string;
  commercialized_id: string;
  commercialized_title: string;
  commercialized_creator_id: string;
  commercialized_creator_name: string;
  generations: number;
}

/**
 * Walks up from every commercialized design through its parents: each design on the way (itself
 * included) earns its creator a credit. Commercialized designs are few and lineages short, so walking
 * up from them is cheaper than walking down from a creator's designs through every remix. A withdrawn
 * ancestor earns nothing (its creator took it out of public view) but the walk goes on past it.
 */
async function creditsOf(db: Database, creatorId: string): Promise<CreatorProfile["credits"]> {
  const found = await rows<CreditRow>(
    db,
    sql`with recursive lineage(commercialized_id, design_id, generations) as (
      select id, id, 0 from designs where status = 'commercialized'
      union all
      select l.commercialized_id, d.parent_id, l.generations + 1
      from lineage l join designs d on d.id = l.design_id
      where d.parent_id is not null and l.generations < ${MAX_GENERATIONS}
    )
    select a.id as design_id, a.title as design_title, c.id as commercialized_id,
      c.title as commercialized_title, cc.id as commercialized_creator_id,
      cc.name as commercialized_creator_name, l.generations
    from lineage l
    join designs a on a.id = l.design_id
    join designs c on c.id = l.commercialized_id
    join creators cc on cc.id = c.creator_id
    where a.creator_id = ${creatorId} and a.status <> 'withdrawn'
    order by l.generations, c.id, a.id`,
  );
  return found.map((r) => ({
    design: { id: r.design_id, title: r.design_title },
    commercialized: {
      id: r.commercialized_id,
      title: r.commercialized_title,
      creator: { id: r.commercialized_creator_id, name: r.commercialized_creator_name },
    },
    generations: Number(r.generations),
  }));
}
