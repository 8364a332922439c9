import { createRoute, z } from "@hono/zod-openapi";
import { isTeam, teamOnly } from "../community/access.ts";
import {
  HistoryEntrySchema,
  QueueQuery,
  ReviewSchema,
  historyOf,
  reviewQueue,
  transition,
} from "../community/review.ts";
import { DesignSchema, designView } from "../designs/view.ts";
import type { Services } from "../env.ts";
import { ApiError } from "../errors.ts";
import { router } from "../router.ts";
import { DesignIdParams, errors, json } from "../schemas.ts";
import { viewer, visibleDesign } from "./designs.ts";

const decide = createRoute({
  method: "post",
  path: "/api/designs/{id}/review",
  tags: ["Review"],
  summary: "Move a design through review (team key), with the reason its creator reads",
  description:
    "submitted → under_review → shortlisted → commercialized; declined from any of the first three. An illegal move gets 409 illegal_transition with the allowed next statuses; a design whose status changed meanwhile (another reviewer) gets 409 status_changed.",
  security: [{ bearer: [] }],
  request: {
    params: DesignIdParams,
    body: { content: { "application/json": { schema: ReviewSchema } }, required: true },
  },
  responses: { 200: json(DesignSchema, "The design in its new status"), ...errors(400, 401, 403, 404, 409, 429) },
});

const history = createRoute({
  method: "get",
  path: "/api/designs/{id}/history",
  tags: ["Review"],
  summary: "Every status change of a design with its reason (its creator and team keys)",
  security: [{ bearer: [] }],
  request: { params: DesignIdParams },
  responses: {
    200: json(z.object({ history: z.array(HistoryEntrySchema) }), "Oldest first"),
    ...errors(400, 401, 403, 404, 429),
  },
});

const queue = createRoute({
  method: "get",
  path: "/api/review/queue",
  tags: ["Review"],
  summary: "Designs awaiting a decision, longest waiting first (team key)",
  security: [{ bearer: [] }],
  request: { query: QueueQuery },
  responses: {
    200: json(z.object({ designs: z.array(DesignSchema), next: z.string().nullable() }), "A page"),
    ...errors(400, 401, 403, 429),
  },
});

export function reviewRoutes({ db }: Services) {
  const app = router();

  app.openapi(decide, async (c) => {
    const key = teamOnly(c);
    const { status, reason } = c.req.valid("json");
    // Teams see withdrawn designs too, so moving one gets 409 illegal_transition rather than 404.
    const { design, name } = await visibleDesign(db, c.req.valid("param").id, { team: true });
    return c.json(designView(await transition(db, design, status, reason, key.keyId), name), 200);
  });

  app.openapi(history, async (c) => {
    const identity = c.get("identity");
    if (identity.kind === "anonymous")
      throw new ApiError(401, "unauthenticated", "this needs the design's creator token or a team key");
    const { design } = await visibleDesign(db, c.req.valid("param").id, viewer(identity));
    const team = isTeam(identity);
    if (!team && !(identity.kind === "creator" && identity.creatorId === design.creatorId))
      throw new ApiError(403, "forbidden", "only the design's creator and product teams see its review history");
    return c.json({ history: await historyOf(db, design.id, team) }, 200);
  });

  app.openapi(queue, async (c) => {
    teamOnly(c);
    return c.json(await reviewQueue(db, c.req.valid("query")), 200);
  });

  return app;
}
