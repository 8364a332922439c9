import { z } from "@hono/zod-openapi";
import { type Design, designToChoices, formatChoice, validateDesign } from "@kitbash/rules";
import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { Identity } from "../auth/identity.ts";
import { challenges, creators, designs, idempotency } from "../db/schema.ts";
import type { Services } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { hashToken, newId, newToken } from "../ids.ts";
import { decodeThumbnail } from "./thumbnail.ts";
import { DesignSchema, type DesignView, designView } from "./view.ts";

export const LICENCES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0"] as const;

const choiceValue = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

export const SubmissionSchema = z
  .strictObject({
    pack: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/)
      .openapi({ example: "acme/shelving" }),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
      .optional()
      .openapi({ description: "Defaults to the newest version" }),
    choices: z
      .record(z.string().max(100), choiceValue)
      .refine((c) => Object.keys(c).length <= 1000, "at most 1000 choices"),
    title: z.string().trim().min(1).max(120),
    story: z.string().trim().min(1).max(4000).openapi({ description: "What will you use it for?" }),
    fit: z.number().int().min(1).max(10).openapi({ description: "How well does it meet your need, 1-10?" }),
    toTen: z.string().trim().max(2000).default("").openapi({ description: "What would make it a 10?" }),
    wish: z.string().trim().max(2000).optional().openapi({ description: "Something beyond what the pack allows" }),
    thumbnail: z
      .string()
      .max(400_000)
      .optional()
      .openapi({ description: "data:image/png;base64,... (at most 256 KiB)" }),
    licence: z.enum(LICENCES),
    parent: z.string().max(60).optional().openapi({ description: "The design this one remixes" }),
    challenge: z.string().max(60).optional(),
    creatorName: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .openapi({ description: "Shown with your designs (first submission)" }),
  })
  .openapi("DesignSubmission");

export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionResultSchema = z
  .object({
    design: DesignSchema,
    creatorToken: z
      .string()
      .optional()
      .openapi({ description: "Issued with a first submission: keep it to edit, withdraw and follow your designs" }),
  })
  .openapi("SubmissionResult");

export type SubmissionResult = z.infer<typeof SubmissionResultSchema>;

/**
 * Validates a design with the engine (never trusting the client), then stores it with its computed
 * price, lead time and bill of materials in one transaction. With an idempotency key, a repeated
 * request gets the first response back instead of a second design.
 */
export async function submitDesign(
  services: Services,
  identity: Identity,
  submission: Submission,
  idempotencyKey: string | undefined,
): Promise<{ status: 200 | 201; result: SubmissionResult }> {
  const { db, packs } = services;
  const creatorId = identity.kind === "creator" ? identity.creatorId : undefined;
  if (identity.kind === "key")
    throw new ApiError(403, "forbidden", "designs are submitted by creators, not with an API key");
  // Only a request with an idempotency key is compared with an earlier one.
  const requestHash =
    idempotencyKey === undefined
      ? ""
      : createHash("sha256")
          .update(`${creatorId ?? "new"}\n${JSON.stringify(submission)}`)
          .digest("base64url");
  if (idempotencyKey !== undefined) {
    const replay = await replayed(services, idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const loaded = await packs.load(submission.pack, submission.version);
  if (loaded === undefined)
    throw notFound(`pack ${submission.pack}${submission.version ? ` ${submission.version}` : ""}`);
  const design = submission.choices as Design;
  const report = validateDesign(loaded.compiled, design);
  if (!report.valid) {
    const { choices } = designToChoices(loaded.compiled, design);
    const conflict = loaded.space.conflict(choices);
    throw new ApiError(
      422,
      "invalid_design",
      `the design breaks ${report.problems.length} rule${report.problems.length === 1 ? "" : "s"}`,
      {
        problems: report.problems,
        conflict: conflict.blocked
          ? {
              choices: conflict.choices.map((c) => formatChoice(loaded.compiled.model, c)),
              constraints: conflict.constraints,
            }
          : null,
      },
    );
  }
  const thumbnail = submission.thumbnail === undefined ? undefined : decodeThumbnail(submission.thumbnail);
  if (submission.parent !== undefined) {
    const [parent] = await db
      .select({ packId: designs.packId, status: designs.status })
      .from(designs)
      .where(eq(designs.id, submission.parent));
    if (parent === undefined || parent.status === "withdrawn")
      throw new ApiError(422, "invalid_parent", `there is no design ${submission.parent} to remix`);
    if (parent.packId !== submission.pack)
      throw new ApiError(
        422,
        "invalid_parent",
        `design ${submission.parent} is a ${parent.packId} design, not ${submission.pack}`,
      );
  }
  if (submission.challenge !== undefined) {
    const [challenge] = await db.select().from(challenges).where(eq(challenges.id, submission.challenge));
    if (challenge === undefined)
      throw new ApiError(422, "invalid_challenge", `there is no challenge ${submission.challenge}`);
    if (challenge.packId !== submission.pack)
      throw new ApiError(422, "invalid_challenge", `challenge ${challenge.id} is for ${challenge.packId}`);
    const now = Date.now();
    if (now < challenge.startsAt.getTime() || now > challenge.endsAt.getTime())
      throw new ApiError(422, "challenge_closed", `challenge ${challenge.id} is not open for entries`);
  }

  const id = newId("d");
  const token = creatorId === undefined ? newToken("ct") : undefined;
  const owner = creatorId ?? newId("cr");
  const now = new Date();
  const name = submission.creatorName ?? `Creator ${owner.slice(3, 8)}`;
  const row: typeof designs.$inferInsert = {
    id,
    packId: loaded.id,
    packVersion: loaded.version,
    creatorId: owner,
    title: submission.title,
    story: submission.story,
    fit: submission.fit,
    toTen: submission.toTen,
    wish: submission.wish ?? null,
    choices: design,
    price: report.price.total,
    currency: report.price.currency,
    leadTime: report.leadTime,
    bom: report.bom,
    thumbnail: thumbnail?.bytes ?? null,
    thumbnailType: thumbnail?.type ?? null,
    licence: submission.licence,
    parentId: submission.parent ?? null,
    challengeId: submission.challenge ?? null,
    createdAt: now,
    updatedAt: now,
  };
  let creatorName = name;
  if (token === undefined) {
    const [existing] = await db.select({ name: creators.name }).from(creators).where(eq(creators.id, owner));
    creatorName = existing?.name ?? name;
  }
  const stored = { ...row, status: "submitted", votes: 0, remixes: 0, comments: 0 } as typeof designs.$inferSelect;
  const result: SubmissionResult = {
    design: designView(stored, creatorName),
    ...(token ? { creatorToken: token } : {}),
  };
  try {
    const inserted = await services.submissions.store({
      row,
      creator: token === undefined ? undefined : { id: owner, tokenHash: hashToken(token), name },
      idempotency: idempotencyKey === undefined ? undefined : { key: idempotencyKey, requestHash, response: result },
    });
    if (!inserted) throw new ApiError(422, "invalid_parent", `design ${submission.parent} was withdrawn`);
    return { status: 201, result };
  } catch (error) {
    // Two requests with one idempotency key raced: the loser answers with the winner's response.
    if (idempotencyKey !== undefined && isUniqueViolation(error)) {
      const replay = await replayed(services, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
}

async function replayed(
  services: Services,
  key: string,
  requestHash: string,
): Promise<{ status: 200 | 201; result: SubmissionResult } | undefined> {
  const [stored] = await services.db.select().from(idempotency).where(eq(idempotency.key, key));
  if (stored === undefined) return undefined;
  if (stored.requestHash !== requestHash) {
    throw new ApiError(422, "idempotency_key_reused", "this Idempotency-Key was already used for a different request");
  }
  return { status: stored.status as 201, result: stored.response as SubmissionResult };
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let e: unknown = error;
    e instanceof Error || (typeof e === "object" && e !== null);
    e = (e as { cause?: unknown }).cause
  ) {
    if ((e as { code?: string }).code === "23505") return true;
    if ((e as { cause?: unknown }).cause === undefined) break;
  }
  return false;
}

export type { DesignView };
