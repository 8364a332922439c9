import { createRoute, z } from "@hono/zod-openapi";
import { desc, eq } from "drizzle-orm";
import { requireKey } from "../auth/identity.ts";
import { apiKeys } from "../db/schema.ts";
import type { Services } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { hashToken, newId, newToken } from "../ids.ts";
import { router } from "../router.ts";
import { errors, json } from "../schemas.ts";

const KeySchema = z
  .object({
    id: z.string(),
    role: z.enum(["team", "partner"]),
    namespace: z.string().nullable(),
    label: z.string(),
    createdAt: z.string(),
    revoked: z.boolean(),
  })
  .openapi("ApiKey");

const NewKeySchema = z
  .strictObject({
    role: z.enum(["team", "partner"]),
    namespace: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(50)
      .optional()
      .openapi({ description: "Required for partners: the namespace they publish in" }),
    label: z.string().trim().min(1).max(100),
  })
  .openapi("NewApiKey");

const create = createRoute({
  method: "post",
  path: "/api/keys",
  tags: ["Keys"],
  summary: "Create a partner or product-team key (admin)",
  description: "The key is shown once; only its hash is stored.",
  security: [{ bearer: [] }],
  request: { body: { content: { "application/json": { schema: NewKeySchema } }, required: true } },
  responses: { 201: json(KeySchema.extend({ key: z.string() }), "Created"), ...errors(400, 401, 403, 422, 429) },
});

const list = createRoute({
  method: "get",
  path: "/api/keys",
  tags: ["Keys"],
  summary: "List keys (admin)",
  security: [{ bearer: [] }],
  responses: { 200: json(z.object({ keys: z.array(KeySchema) }), "The keys"), ...errors(401, 403, 429) },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/keys/{id}",
  tags: ["Keys"],
  summary: "Revoke a key (admin)",
  security: [{ bearer: [] }],
  request: {
    params: z.object({
      id: z
        .string()
        .max(60)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: { 200: json(KeySchema, "Revoked"), ...errors(401, 403, 404, 429) },
});

type KeyRow = typeof apiKeys.$inferSelect;
const view = (row: KeyRow) => ({
  id: row.id,
  role: row.role as "team" | "partner",
  namespace: row.namespace,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  revoked: row.revokedAt !== null,
});

export function keyRoutes({ db }: Services) {
  const app = router();

  app.openapi(create, async (c) => {
    requireKey(c, "admin");
    const { role, namespace, label } = c.req.valid("json");
    if (role === "partner" && namespace === undefined)
      throw new ApiError(422, "namespace_required", "a partner key needs the namespace it publishes in");
    const key = newToken("kb");
    const [row] = await db
      .insert(apiKeys)
      .values({ id: newId("key"), hash: hashToken(key), role, namespace: namespace ?? null, label })
      .returning();
    return c.json({ ...view(row!), key }, 201);
  });

  app.openapi(list, async (c) => {
    requireKey(c, "admin");
    const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
    return c.json({ keys: rows.map(view) }, 200);
  });

  app.openapi(revoke, async (c) => {
    requireKey(c, "admin");
    const [row] = await db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, c.req.valid("param").id))
      .returning();
    if (row === undefined) throw notFound(`key ${c.req.valid("param").id}`);
    return c.json(view(row), 200);
  });

  return app;
}
