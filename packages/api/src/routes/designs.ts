import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../router.ts";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { requireCreator } from "../auth/identity.ts";
import { creators, designHistory, designs, votes } from "../db/schema.ts";
import type { Database } from "../db/store.ts";
import { ListQuerySchema, listDesigns } from "../designs/list.ts";
import { SubmissionResultSchema, SubmissionSchema, submitDesign } from "../designs/submit.ts";
import { DesignSchema, type DesignView, designView } from "../designs/view.ts";
import type { Services } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { DesignIdParams, errors, json } from "../schemas.ts";

const BillSchema = z
  .object({
    design: z.string(),
    pack: z.string(),
    packVersion: z.string(),
    currency: z.string(),
    price: z.number(),
    leadTime: z.number().int(),
    lines: z.array(z.object({ sku: z.string(), label: z.string(), quantity: z.number() })),
  })
  .openapi("BillOfMaterials");

const submit = createRoute({
  method: "post",
  path: "/api/designs",
  tags: ["Designs"],
  summary: "Submit a design",
  description:
    "The engine re-validates the design; an invalid one gets 422 with the broken rules and the minimal set of its choices in conflict. A first submission without a creator token issues one. Send an Idempotency-Key header to make retries safe.",
  request: {
    headers: z.object({ "idempotency-key": z.string().min(8).max(200).optional() }),
    body: { content: { "application/json": { schema: SubmissionSchema } }, required: true },
  },
  responses: {
    201: json(SubmissionResultSchema, "Stored"),
    200: json(SubmissionResultSchema, "Stored earlier with the same Idempotency-Key"),
    ...errors(400, 401, 403, 404, 413, 422, 429),
  },
});

const getOne = createRoute({
  method: "get",
  path: "/api/designs/{id}",
  tags: ["Designs"],
  summary: "A design",
  request: { params: DesignIdParams },
  responses: {
    200: json(
      DesignSchema.extend({
        voted: z.boolean().optional().openapi({ description: "With a creator token: whether you voted for it" }),
      }),
      "The design",
    ),
    ...errors(400, 404, 429),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/designs",
  tags: ["Designs"],
  summary: "Designs, filtered and sorted, a page at a time",
  request: { query: ListQuerySchema },
  responses: {
    200: json(z.object({ designs: z.array(DesignSchema), next: z.string().nullable() }), "A page"),
    ...errors(400, 429),
  },
});

const EditSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(120).optional(),
    story: z.string().trim().min(1).max(4000).optional(),
    fit: z.number().int().min(1).max(10).optional(),
    toTen: z.string().trim().max(2000).optional(),
    wish: z.string().trim().max(2000).nullable().optional(),
  })
  .openapi("DesignEdit");

const edit = createRoute({
  method: "patch",
  path: "/api/designs/{id}",
  tags: ["Designs"],
  summary: "Edit your design's words",
  security: [{ bearer: [] }],
  request: {
    params: DesignIdParams,
    body: { content: { "application/json": { schema: EditSchema } }, required: true },
  },
  responses: { 200: json(DesignSchema, "The edited design"), ...errors(400, 401, 403, 404, 409, 429) },
});

const withdraw = createRoute({
  method: "delete",
  path: "/api/designs/{id}",
  tags: ["Designs"],
  summary: "Withdraw your design",
  security: [{ bearer: [] }],
  request: { params: DesignIdParams },
  responses: { 200: json(DesignSchema, "Withdrawn"), ...errors(400, 401, 403, 404, 409, 429) },
});

const lineage = createRoute({
  method: "get",
  path: "/api/designs/{id}/lineage",
  tags: ["Designs"],
  summary: "Where a design comes from (ancestors, nearest first) and what grew from it (remixes)",
  request: { params: DesignIdParams },
  responses: {
    200: json(
      z.object({
        ancestors: z.array(DesignSchema),
        remixes: z.array(DesignSchema.extend({ depth: z.number().int() })),
      }),
      "The lineage",
    ),
    ...errors(400, 404, 429),
  },
});

const thumbnail = createRoute({
  method: "get",
  path: "/api/designs/{id}/thumbnail",
  tags: ["Designs"],
  summary: "A design's thumbnail image",
  request: { params: DesignIdParams },
  responses: {
    200: { description: "The image", content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } } },
    ...errors(400, 404),
  },
});

const bill = createRoute({
  method: "get",
  path: "/api/designs/{id}/bom",
  tags: ["Production"],
  summary: "Bill of materials and price of a design (JSON, or CSV with ?format=csv)",
  request: { params: DesignIdParams, query: z.object({ format: z.enum(["json", "csv"]).default("json") }) },
  responses: {
    200: {
      description: "The bill",
      content: { "application/json": { schema: BillSchema }, "text/csv": { schema: z.string() } },
    },
    ...errors(400, 404, 429),
  },
});

const MAX_LINEAGE = 200;

export function designRoutes(services: Services) {
  const app = router();
  const { db } = services;

  app.openapi(submit, async (c) => {
    const { status, result } = await submitDesign(
      services,
      c.get("identity"),
      c.req.valid("json"),
      c.req.valid("header")["idempotency-key"],
    );
    return c.json(result, status);
  });

  app.openapi(getOne, async (c) => {
    const identity = c.get("identity");
    const { design, name } = await visibleDesign(db, c.req.valid("param").id, viewer(identity));
    if (identity.kind !== "creator") return c.json(designView(design, name), 200);
    const [vote] = await db
      .select({ at: votes.createdAt })
      .from(votes)
      .where(and(eq(votes.designId, design.id), eq(votes.creatorId, identity.creatorId)));
    return c.json({ ...designView(design, name), voted: vote !== undefined }, 200);
  });

  app.openapi(list, async (c) => {
    const query = c.req.valid("query");
    if (query.status === "withdrawn" && !viewer(c.get("identity")).team) {
      throw new ApiError(403, "forbidden", "withdrawn designs are listed for product teams only");
    }
    return c.json(await listDesigns(db, query), 200);
  });

  app.openapi(edit, async (c) => {
    const creatorId = requireCreator(c);
    const { design, name } = await ownDesign(db, c.req.valid("param").id, creatorId);
    if (design.status === "withdrawn") throw new ApiError(409, "withdrawn", "this design was withdrawn");
    const [updated] = await db
      .update(designs)
      .set({ ...c.req.valid("json"), updatedAt: new Date() })
      .where(eq(designs.id, design.id))
      .returning();
    return c.json(designView(updated!, name), 200);
  });

  app.openapi(withdraw, async (c) => {
    const creatorId = requireCreator(c);
    const { design, name } = await ownDesign(db, c.req.valid("param").id, creatorId);
    if (design.status === "withdrawn") throw new ApiError(409, "withdrawn", "this design was already withdrawn");
    if (design.status === "commercialized")
      throw new ApiError(409, "commercialized", "a commercialized design cannot be withdrawn");
    const updated = await db.transaction(async (tx) => {
      // Only from the status just read: a reviewer who moved it meanwhile wins, and we answer 409.
      const [row] = await tx
        .update(designs)
        .set({ status: "withdrawn", updatedAt: new Date() })
        .where(and(eq(designs.id, design.id), eq(designs.status, design.status)))
        .returning();
      if (row === undefined)
        throw new ApiError(409, "status_changed", "the design's status changed meanwhile; reload it and try again");
      await tx.insert(designHistory).values({
        designId: design.id,
        fromStatus: design.status,
        toStatus: "withdrawn",
        reason: "Withdrawn by its creator",
        actor: creatorId,
      });
      if (design.parentId !== null) {
        await tx
          .update(designs)
          .set({ remixes: sql`greatest(${designs.remixes} - 1, 0)` })
          .where(eq(designs.id, design.parentId));
      }
      return row;
    });
    return c.json(designView(updated, name), 200);
  });

  app.openapi(lineage, async (c) => {
    const { design } = await visibleDesign(db, c.req.valid("param").id, viewer(c.get("identity")));
    return c.json(await lineageOf(db, design.id, design.parentId), 200);
  });

  app.openapi(thumbnail, async (c) => {
    const { design } = await visibleDesign(db, c.req.valid("param").id, viewer(c.get("identity")));
    if (design.thumbnail === null || design.thumbnailType === null) throw notFound(`a thumbnail of ${design.id}`);
    return c.body(design.thumbnail as Uint8Array<ArrayBuffer>, 200, {
      "content-type": design.thumbnailType,
      "cache-control": "public, max-age=86400, immutable",
    });
  });

  app.openapi(bill, async (c) => {
    const { design } = await visibleDesign(db, c.req.valid("param").id, viewer(c.get("identity")));
    const lines = design.bom as { sku: string; label: string; quantity: number }[];
    if (c.req.valid("query").format === "csv") {
      const csv = stringify([["sku", "label", "quantity"], ...lines.map((l) => [l.sku, l.label, l.quantity])]);
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${design.id}-bom.csv"`,
      });
    }
    return c.json(
      {
        design: design.id,
        pack: design.packId,
        packVersion: design.packVersion,
        currency: design.currency,
        price: design.price,
        leadTime: design.leadTime,
        lines,
      },
      200,
    );
  });

  return app;
}

/** Who is asking, for designs that are not public (withdrawn ones: their creator and product teams). */
export type Viewer = { creatorId?: string; team: boolean };

export function viewer(identity: import("../auth/identity.ts").Identity): Viewer {
  if (identity.kind === "creator") return { creatorId: identity.creatorId, team: false };
  return { team: identity.kind === "key" && (identity.role === "team" || identity.role === "admin") };
}

export async function visibleDesign(db: Database, id: string, who: Viewer) {
  const [found] = await db
    .select({ design: designs, name: creators.name })
    .from(designs)
    .innerJoin(creators, eq(creators.id, designs.creatorId))
    .where(eq(designs.id, id));
  if (found === undefined) throw notFound(`design ${id}`);
  if (found.design.status === "withdrawn" && !who.team && who.creatorId !== found.design.creatorId)
    throw notFound(`design ${id}`);
  return found;
}

async function ownDesign(db: Database, id: string, creatorId: string) {
  const found = await visibleDesign(db, id, { creatorId, team: false });
  if (found.design.creatorId !== creatorId)
    throw new ApiError(403, "forbidden", "only its creator can change a design");
  return found;
}

async function lineageOf(db: Database, id: string, parentId: string | null) {
  const ancestors: DesignView[] = [];
  const seen = new Set([id]);
  for (let next = parentId; next !== null && !seen.has(next) && ancestors.length < MAX_LINEAGE; ) {
    seen.add(next);
    const [row] = await db
      .select({ design: designs, name: creators.name })
      .from(designs)
      .innerJoin(creators, eq(creators.id, designs.creatorId))
      .where(eq(designs.id, next));
    if (row === undefined) break;
    ancestors.push(designView(row.design, row.name));
    next = row.design.parentId;
  }
  const remixes: (DesignView & { depth: number })[] = [];
  let frontier = [id];
  for (let depth = 1; frontier.length > 0 && remixes.length < MAX_LINEAGE; depth++) {
    const rows = await db
      .select({ design: designs, name: creators.name })
      .from(designs)
      .innerJoin(creators, eq(creators.id, designs.creatorId))
      .where(and(inArray(designs.parentId, frontier)))
      .orderBy(asc(designs.createdAt))
      .limit(MAX_LINEAGE);
    const fresh = rows.filter((row) => !seen.has(row.design.id) && row.design.status !== "withdrawn");
    for (const row of fresh) {
      seen.add(row.design.id);
      remixes.push({ ...designView(row.design, row.name), depth });
    }
    frontier = fresh.map((row) => row.design.id);
  }
  return { ancestors, remixes };
}
