import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../router.ts";
import { eq } from "drizzle-orm";
import semver from "semver";
import { requireKey } from "../auth/identity.ts";
import type { Services } from "../env.ts";
import { SPACE_FORMAT } from "@kitbash/rules";
import { ApiError, notFound } from "../errors.ts";
import { errors, json, PackIdParams } from "../schemas.ts";
import { packs } from "../db/schema.ts";

const PackSummary = z
  .object({
    id: z.string().openapi({ example: "acme/shelving" }),
    version: z.string(),
    versions: z.array(z.string()),
    name: z.unknown(),
    description: z.unknown(),
    extends: z.unknown(),
  })
  .openapi("PackSummary");

const PackBody = z.record(z.string(), z.unknown()).openapi("Pack", { description: "A rule pack; see PACKS.md" });

const list = createRoute({
  method: "get",
  path: "/api/packs",
  tags: ["Packs"],
  summary: "List packs (newest version of each)",
  responses: { 200: json(z.object({ packs: z.array(PackSummary) }), "The packs"), ...errors(429) },
});

const latest = createRoute({
  method: "get",
  path: "/api/packs/{namespace}/{name}",
  tags: ["Packs"],
  summary: "The newest version of a pack",
  request: { params: PackIdParams },
  responses: { 200: json(PackBody, "The pack as published"), ...errors(400, 404, 429) },
});

const version = createRoute({
  method: "get",
  path: "/api/packs/{namespace}/{name}/versions/{version}",
  tags: ["Packs"],
  summary: "A given version of a pack",
  request: {
    params: PackIdParams.extend({
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
        .openapi({ param: { name: "version", in: "path" } }),
    }),
  },
  responses: { 200: json(PackBody, "The pack as published"), ...errors(400, 404, 429) },
});

const bundle = createRoute({
  method: "get",
  path: "/api/packs/{namespace}/{name}/bundle",
  tags: ["Packs"],
  summary: "A pack version with every version of the packs it extends, for configuring it in the browser",
  request: {
    params: PackIdParams,
    query: z.object({
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
        .optional(),
    }),
  },
  responses: {
    200: json(z.object({ pack: PackBody, bases: z.array(PackBody) }), "The pack and its bases"),
    ...errors(400, 404, 429),
  },
});

const space = createRoute({
  method: "get",
  path: "/api/packs/{namespace}/{name}/space",
  tags: ["Packs"],
  summary: "A pack version's compiled solution space (binary d-DNNF), so configurators need not compile it",
  description:
    "Versions never change, so the response is cacheable forever. Clients check its fingerprint against the model they encode from the pack and compile themselves when it differs. A client names the byte layout it reads (`format`), so a cached space in an older layout is never fetched again after an upgrade.",
  request: {
    params: PackIdParams,
    query: z.object({
      version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/),
      format: z.coerce.number().int().positive().optional().openapi({ description: "The layout the client reads" }),
    }),
  },
  responses: {
    200: {
      description: "The compiled space",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errors(400, 404, 429),
  },
});

const publish = createRoute({
  method: "post",
  path: "/api/packs",
  tags: ["Packs"],
  summary: "Publish a new pack version (partners: their own namespace only)",
  description:
    "The engine checks the pack (format, composition with its base, rules, at least one valid design) before it is kept. Versions never change once published.",
  security: [{ bearer: [] }],
  request: { body: { content: { "application/json": { schema: PackBody } }, required: true } },
  responses: {
    201: json(z.object({ id: z.string(), version: z.string(), warnings: z.array(z.unknown()) }), "Published"),
    ...errors(400, 401, 403, 409, 413, 422, 429),
  },
});

export function packRoutes(services: Services) {
  const app = router();
  const { packs: registry, db } = services;

  app.openapi(list, async (c) => {
    const rows = await db.select({ id: packs.id, version: packs.version, body: packs.body }).from(packs);
    const byId = new Map<string, { versions: string[]; bodies: Map<string, unknown> }>();
    for (const row of rows) {
      const entry = byId.get(row.id) ?? { versions: [] as string[], bodies: new Map<string, unknown>() };
      entry.versions.push(row.version);
      entry.bodies.set(row.version, row.body);
      byId.set(row.id, entry);
    }
    const summaries = [...byId].map(([id, entry]) => {
      const versions = entry.versions.sort(semver.rcompare);
      const body = entry.bodies.get(versions[0]!) as Record<string, unknown>;
      return {
        id,
        version: versions[0]!,
        versions,
        name: body.name,
        description: body.description ?? null,
        extends: body.extends ?? null,
      };
    });
    return c.json({ packs: summaries.sort((a, b) => a.id.localeCompare(b.id)) }, 200);
  });

  app.openapi(latest, async (c) => {
    const { namespace, name } = c.req.valid("param");
    const id = `${namespace}/${name}`;
    const [newest] = await registry.versions(id);
    if (newest === undefined) throw notFound(`pack ${id}`);
    return c.json((await registry.body(id, newest)) as Record<string, unknown>, 200);
  });

  app.openapi(version, async (c) => {
    const { namespace, name, version: v } = c.req.valid("param");
    const body = await registry.body(`${namespace}/${name}`, v);
    if (body === undefined) throw notFound(`pack ${namespace}/${name} ${v}`);
    return c.json(body as Record<string, unknown>, 200);
  });

  app.openapi(bundle, async (c) => {
    const { namespace, name } = c.req.valid("param");
    const id = `${namespace}/${name}`;
    const version = c.req.valid("query").version ?? (await registry.versions(id))[0];
    const pack =
      version === undefined ? undefined : ((await registry.body(id, version)) as Record<string, unknown> | undefined);
    if (pack === undefined) throw notFound(`pack ${id}${version ? ` ${version}` : ""}`);
    const bases: Record<string, unknown>[] = [];
    const seen = new Set<string>([id]);
    for (let next = (pack.extends as { pack?: string } | undefined)?.pack; next !== undefined && !seen.has(next); ) {
      seen.add(next);
      const rows = await db.select({ body: packs.body }).from(packs).where(eq(packs.id, next));
      bases.push(...rows.map((row) => row.body as Record<string, unknown>));
      next = rows
        .map((row) => (row.body as { extends?: { pack?: string } }).extends?.pack)
        .find((p) => p !== undefined);
    }
    return c.json({ pack, bases }, 200);
  });

  app.openapi(space, async (c) => {
    const { namespace, name } = c.req.valid("param");
    const { version: v, format } = c.req.valid("query");
    if (format !== undefined && format !== SPACE_FORMAT)
      throw notFound(`a compiled space in format ${format} (this server writes format ${SPACE_FORMAT})`);
    const loaded = await registry.load(`${namespace}/${name}`, v);
    if (loaded === undefined) throw notFound(`pack ${namespace}/${name} ${v}`);
    if (loaded.spaceBytes === undefined)
      throw notFound(`a compiled space of ${namespace}/${name} ${v} (it is answered by search)`);
    return c.body(loaded.spaceBytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/octet-stream",
      "cache-control": "public, max-age=31536000, immutable",
    });
  });

  app.openapi(publish, async (c) => {
    const key = requireKey(c, "partner");
    const body = c.req.valid("json");
    if (key.role === "partner" && key.namespace === null)
      throw new ApiError(403, "forbidden", "this partner key has no namespace");
    const result = await registry.publish(body, key.role === "admin" ? null : key.namespace, key.keyId);
    return c.json({ ...result, warnings: [...result.warnings] }, 201);
  });

  return app;
}
