import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { creatorOnly } from "../community/access.ts";
import {
  CommentIdParams,
  CommentSchema,
  NewCommentSchema,
  addComment,
  listComments,
  removeComment,
} from "../community/comments.ts";
import { PageQuery } from "../community/cursor.ts";
import { CreatorProfileSchema, creatorProfile } from "../community/profile.ts";
import { VoteResultSchema, activeDesign, unvote, vote } from "../community/votes.ts";
import { creators } from "../db/schema.ts";
import type { Services } from "../env.ts";
import { router } from "../router.ts";
import { DesignIdParams, errors, json } from "../schemas.ts";
import { viewer, visibleDesign } from "./designs.ts";

const castVote = createRoute({
  method: "post",
  path: "/api/designs/{id}/votes",
  tags: ["Community"],
  summary: "Vote for a design (creator token; once per design, not your own)",
  security: [{ bearer: [] }],
  request: { params: DesignIdParams },
  responses: { 201: json(VoteResultSchema, "Counted"), ...errors(400, 401, 403, 404, 409, 429) },
});

const withdrawVote = createRoute({
  method: "delete",
  path: "/api/designs/{id}/votes",
  tags: ["Community"],
  summary: "Take back your vote",
  security: [{ bearer: [] }],
  request: { params: DesignIdParams },
  responses: { 200: json(VoteResultSchema, "Taken back"), ...errors(400, 401, 403, 404, 429) },
});

const CommentPage = z.object({ comments: z.array(CommentSchema), next: z.string().nullable() }).openapi("CommentPage");

const readComments = createRoute({
  method: "get",
  path: "/api/designs/{id}/comments",
  tags: ["Community"],
  summary: "A design's comments, oldest first, a page at a time",
  request: { params: DesignIdParams, query: PageQuery },
  responses: { 200: json(CommentPage, "A page"), ...errors(400, 404, 429) },
});

const postComment = createRoute({
  method: "post",
  path: "/api/designs/{id}/comments",
  tags: ["Community"],
  summary: "Comment on a design (creator token)",
  security: [{ bearer: [] }],
  request: {
    params: DesignIdParams,
    body: { content: { "application/json": { schema: NewCommentSchema } }, required: true },
  },
  responses: { 201: json(CommentSchema, "Posted"), ...errors(400, 401, 403, 404, 413, 429) },
});

const deleteComment = createRoute({
  method: "delete",
  path: "/api/designs/{id}/comments/{commentId}",
  tags: ["Community"],
  summary: "Delete a comment (its author, or a team key for moderation)",
  security: [{ bearer: [] }],
  request: { params: CommentIdParams },
  responses: { 200: json(CommentSchema, "The deleted comment"), ...errors(400, 401, 403, 404, 429) },
});

const profile = createRoute({
  method: "get",
  path: "/api/creators/{id}",
  tags: ["Community"],
  summary: "A creator's profile: designs, credits for commercialized designs, totals",
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^cr_[A-Za-z0-9_-]{6,40}$/, "must be a creator id like cr_...")
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: { 200: json(CreatorProfileSchema, "The profile"), ...errors(400, 404, 429) },
});

const rename = createRoute({
  method: "patch",
  path: "/api/creators/me",
  tags: ["Community"],
  summary: "Set your display name (creator token)",
  security: [{ bearer: [] }],
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.strictObject({ name: z.string().trim().min(1).max(60) }).openapi("CreatorNameChange"),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(CreatorProfileSchema, "Your profile"), ...errors(400, 401, 403, 429) },
});

export function communityRoutes({ db }: Services) {
  const app = router();

  app.openapi(castVote, async (c) => {
    const creatorId = creatorOnly(c, "votes come from creators, not API keys");
    return c.json(await vote(db, c.req.valid("param").id, creatorId), 201);
  });

  app.openapi(withdrawVote, async (c) => {
    const creatorId = creatorOnly(c, "votes come from creators, not API keys");
    return c.json(await unvote(db, c.req.valid("param").id, creatorId), 200);
  });

  app.openapi(readComments, async (c) => {
    // Readable wherever the design is: a withdrawn design's creator and teams still see its comments.
    const { design } = await visibleDesign(db, c.req.valid("param").id, viewer(c.get("identity")));
    const { limit, cursor } = c.req.valid("query");
    return c.json(await listComments(db, design.id, limit, cursor), 200);
  });

  app.openapi(postComment, async (c) => {
    const creatorId = creatorOnly(c, "comments come from creators, not API keys");
    const { design } = await activeDesign(db, c.req.valid("param").id);
    return c.json(await addComment(db, design.id, creatorId, c.req.valid("json").body), 201);
  });

  app.openapi(deleteComment, async (c) => {
    const { id, commentId } = c.req.valid("param");
    return c.json(await removeComment(db, id, commentId, c.get("identity")), 200);
  });

  app.openapi(profile, async (c) => c.json(await creatorProfile(db, c.req.valid("param").id), 200));

  app.openapi(rename, async (c) => {
    const creatorId = creatorOnly(c, "an API key has no creator profile");
    await db
      .update(creators)
      .set({ name: c.req.valid("json").name })
      .where(eq(creators.id, creatorId));
    return c.json(await creatorProfile(db, creatorId), 200);
  });

  return app;
}
