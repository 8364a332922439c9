import { createRoute, z } from "@hono/zod-openapi";
import { teamOnly } from "../community/access.ts";
import {
  ChallengeDetailSchema,
  ChallengeListQuery,
  ChallengeSchema,
  challengeDetail,
  challengeView,
  findChallenge,
  listChallenges,
  NewChallengeSchema,
  setWinners,
  WinnersSchema,
} from "../community/challenges.ts";
import { challenges } from "../db/schema.ts";
import type { Services } from "../env.ts";
import { notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { router } from "../router.ts";
import { errors, json } from "../schemas.ts";

const ChallengeIdParams = z.object({
  id: z
    .string()
    .regex(/^ch_[A-Za-z0-9_-]{6,40}$/, "must be a challenge id like ch_...")
    .openapi({ param: { name: "id", in: "path" } }),
});

const create = createRoute({
  method: "post",
  path: "/api/challenges",
  tags: ["Challenges"],
  summary: "Announce a design challenge for a pack (team key)",
  security: [{ bearer: [] }],
  request: { body: { content: { "application/json": { schema: NewChallengeSchema } }, required: true } },
  responses: { 201: json(ChallengeSchema, "Announced"), ...errors(400, 401, 403, 404, 429) },
});

const list = createRoute({
  method: "get",
  path: "/api/challenges",
  tags: ["Challenges"],
  summary: "Challenges, latest start first, filtered by pack and state",
  request: { query: ChallengeListQuery },
  responses: {
    200: json(z.object({ challenges: z.array(ChallengeSchema), next: z.string().nullable() }), "A page"),
    ...errors(400, 429),
  },
});

const getOne = createRoute({
  method: "get",
  path: "/api/challenges/{id}",
  tags: ["Challenges"],
  summary: "A challenge with its most voted entries and its winners",
  request: { params: ChallengeIdParams },
  responses: { 200: json(ChallengeDetailSchema, "The challenge"), ...errors(400, 404, 429) },
});

const winners = createRoute({
  method: "post",
  path: "/api/challenges/{id}/winners",
  tags: ["Challenges"],
  summary: "Name the winners of a challenge that has ended (team key); replaces earlier winners",
  security: [{ bearer: [] }],
  request: {
    params: ChallengeIdParams,
    body: { content: { "application/json": { schema: WinnersSchema } }, required: true },
  },
  responses: { 200: json(ChallengeDetailSchema, "The challenge"), ...errors(400, 401, 403, 404, 409, 422, 429) },
});

export function challengesRoutes({ db, packs }: Services) {
  const app = router();

  app.openapi(create, async (c) => {
    const key = teamOnly(c);
    const body = c.req.valid("json");
    if ((await packs.versions(body.pack)).length === 0) throw notFound(`pack ${body.pack}`);
    const [row] = await db
      .insert(challenges)
      .values({
        id: newId("ch"),
        packId: body.pack,
        title: body.title,
        brief: body.brief,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        createdBy: key.keyId,
        createdAt: new Date(),
      })
      .returning();
    return c.json(challengeView(row!, new Date()), 201);
  });

  app.openapi(list, async (c) => c.json(await listChallenges(db, c.req.valid("query")), 200));

  app.openapi(getOne, async (c) =>
    c.json(await challengeDetail(db, await findChallenge(db, c.req.valid("param").id)), 200),
  );

  app.openapi(winners, async (c) => {
    teamOnly(c);
    return c.json(await setWinners(db, c.req.valid("param").id, c.req.valid("json").winners), 200);
  });

  return app;
}
