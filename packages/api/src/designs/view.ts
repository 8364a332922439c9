import { z } from "@hono/zod-openapi";
import type { designs } from "../db/schema.ts";

type DesignRow = typeof designs.$inferSelect;

export const DesignSchema = z
  .object({
    id: z.string(),
    pack: z.string(),
    packVersion: z.string(),
    creator: z.object({ id: z.string(), name: z.string() }),
    title: z.string(),
    story: z.string(),
    fit: z.number().int(),
    toTen: z.string(),
    wish: z.string().nullable(),
    choices: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    price: z.number(),
    currency: z.string(),
    leadTime: z.number().int(),
    licence: z.string(),
    parent: z.string().nullable(),
    challenge: z.string().nullable(),
    status: z.string(),
    votes: z.number().int(),
    remixes: z.number().int(),
    comments: z.number().int(),
    thumbnail: z.string().nullable().openapi({ description: "URL of the thumbnail image" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Design");

export type DesignView = z.infer<typeof DesignSchema>;

/** The public view of a stored design. */
export function designView(row: DesignRow, creatorName: string): DesignView {
  return {
    id: row.id,
    pack: row.packId,
    packVersion: row.packVersion,
    creator: { id: row.creatorId, name: creatorName },
    title: row.title,
    story: row.story,
    fit: row.fit,
    toTen: row.toTen,
    wish: row.wish,
    choices: row.choices as DesignView["choices"],
    price: row.price,
    currency: row.currency,
    leadTime: row.leadTime,
    licence: row.licence,
    parent: row.parentId,
    challenge: row.challengeId,
    status: row.status,
    votes: row.votes,
    remixes: row.remixes,
    comments: row.comments,
    thumbnail: row.thumbnailType ? `/api/designs/${row.id}/thumbnail` : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
