import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireKey } from "../auth/identity.ts";
import type { AppEnv, Services } from "../env.ts";
import { notFound } from "../errors.ts";
import { ActivitySchema, activity } from "../insights/activity.ts";
import { Affinities } from "../insights/affinity.ts";
import { DemandQueryLimits, DemandSchema, unmetDemand } from "../insights/demand.ts";
import { syncFeatures } from "../insights/features.ts";
import { layoutOf } from "../insights/layout.ts";
import { LeadsSchema, leadCustomers } from "../insights/leads.ts";
import { BundlesSchema, bundles, type Labeler, PairsQuery, PairsSchema, pairs } from "../insights/pairs.ts";
import { PopularitySchema, popularity } from "../insights/popularity.ts";
import { loadSample, type Sample } from "../insights/sample.ts";
import { resolveWindow, WindowQuery } from "../insights/window.ts";
import type { LoadedPack } from "../packs/registry.ts";
import { router } from "../router.ts";
import { errors, json, PackIdParams } from "../schemas.ts";

const ScopeSchema = z.object({
  pack: z.string(),
  version: z.string().nullable().openapi({ description: "The version asked for; labels come from it or the newest" }),
  from: z.string(),
  to: z.string(),
});

const scopedSchema = <T extends z.ZodObject>(schema: T, name: string) =>
  ScopeSchema.extend(schema.shape).openapi(`${name}Insight`);

const NOTE =
  "Product teams (team or admin key). The window defaults to the last 90 days; withdrawn designs are left out.";

function insight<Q extends z.ZodObject, R extends z.ZodObject>(
  path: string,
  summary: string,
  description: string,
  query: Q,
  response: R,
  name: string,
) {
  return createRoute({
    method: "get",
    path: `/api/insights/{namespace}/{name}/${path}`,
    tags: ["Insights"],
    summary,
    description: `${description} ${NOTE}`,
    security: [{ bearer: [] }],
    request: { params: PackIdParams, query },
    responses: { 200: json(scopedSchema(response, name), summary), ...errors(400, 401, 403, 404, 429) },
  });
}

const routes = {
  popularity: insight(
    "popularity",
    "How often each value is chosen",
    "Per variable, each value's count and share of the window's designs, with the pack's labels. A module slot's own variables count only filled slots.",
    WindowQuery,
    PopularitySchema,
    "Popularity",
  ),
  pairs: insight(
    "pairs",
    "Values that go together",
    "Pairs of values of different variables with support, confidence both ways, lift, and lift against what the rules allow (ranked by it). Values held by more than 90% of designs and pairs the rules force are left out: what remains are affinities customers bring.",
    PairsQuery,
    PairsSchema,
    "Pairs",
  ),
  bundles: insight(
    "bundles",
    "Sets of three values that go together",
    "Frequent sets of three values grown from the strongest pairs, with support and lift; ranked by the weakest rule-aware lift among their pairs.",
    PairsQuery,
    BundlesSchema,
    "Bundles",
  ),
  demand: insight(
    "unmet-demand",
    "What customers wanted and could not have",
    "Blocked attempts by wanted value, with distinct sessions, the rules (with their messages) and choices that blocked them; wishes from the configurator and from designs (wish, what would make it a 10) grouped by shared keyword.",
    WindowQuery.extend(DemandQueryLimits),
    DemandSchema,
    "UnmetDemand",
  ),
  leads: insight(
    "lead-customers",
    "Creators worth talking to",
    "Creators ranked by a transparent score of the novelty of their designs, votes, remixes by others and shortlisted or commercialized designs; every component and its points are returned.",
    WindowQuery.extend(DemandQueryLimits),
    LeadsSchema,
    "LeadCustomers",
  ),
  activity: insight(
    "activity",
    "Designs and signals per day",
    "Counts per UTC day of the window.",
    WindowQuery,
    ActivitySchema,
    "Activity",
  ),
};

type Query = { from?: string | undefined; to?: string | undefined; version?: string | undefined };

export function insightsRoutes(services: Services) {
  const app = router();

  /** Checks the caller, finds the pack and window, and brings the pack's design features up to date. */
  const open = async (c: Context<AppEnv>, params: { namespace: string; name: string }, query: Query) => {
    requireKey(c, "team");
    const packId = `${params.namespace}/${params.name}`;
    const reference = await services.packs.load(packId, query.version);
    if (reference === undefined) throw notFound(`pack ${packId}${query.version ? ` ${query.version}` : ""}`);
    const window = resolveWindow(query);
    await syncFeatures(services.db, services.packs, packId);
    const scope = { packId, version: query.version, window };
    const meta = {
      pack: packId,
      version: query.version ?? null,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
    };
    return { scope, reference, meta };
  };

  app.openapi(routes.popularity, async (c) => {
    const { scope, reference, meta } = await open(c, c.req.valid("param"), c.req.valid("query"));
    const sample = await loadSample(services, scope);
    return c.json({ ...meta, ...popularity(sample, layoutOf(reference)) }, 200);
  });

  app.openapi(routes.pairs, async (c) => {
    const query = c.req.valid("query");
    const { scope, reference, meta } = await open(c, c.req.valid("param"), query);
    const sample = await loadSample(services, scope);
    const affinities = new Affinities(sample, reference, query.minSupport);
    return c.json({ ...meta, ...pairs(affinities, query.limit, labeler(sample, reference)) }, 200);
  });

  app.openapi(routes.bundles, async (c) => {
    const query = c.req.valid("query");
    const { scope, reference, meta } = await open(c, c.req.valid("param"), query);
    const sample = await loadSample(services, scope);
    const affinities = new Affinities(sample, reference, query.minSupport);
    return c.json({ ...meta, ...bundles(affinities, query.limit, labeler(sample, reference)) }, 200);
  });

  app.openapi(routes.demand, async (c) => {
    const query = c.req.valid("query");
    const { scope, reference, meta } = await open(c, c.req.valid("param"), query);
    return c.json({ ...meta, ...(await unmetDemand(services, scope, reference, query.limit)) }, 200);
  });

  app.openapi(routes.leads, async (c) => {
    const query = c.req.valid("query");
    const { scope, meta } = await open(c, c.req.valid("param"), query);
    return c.json({ ...meta, ...(await leadCustomers(services, scope, query.limit)) }, 200);
  });

  app.openapi(routes.activity, async (c) => {
    const { scope, meta } = await open(c, c.req.valid("param"), c.req.valid("query"));
    return c.json({ ...meta, ...(await activity(services.db, scope)) }, 200);
  });

  return app;
}

/** Item ids to what a product team reads: "Frame: Oak", from the reference version's labels. */
function labeler(sample: Sample, reference: LoadedPack): Labeler {
  const layout = layoutOf(reference);
  return (item) => {
    const variable = sample.variables[sample.itemVariable[item]!]!;
    const value = sample.itemValue[item]!;
    const known = layout.variables[layout.byId.get(variable) ?? -1];
    const valueLabel = known?.valueLabels[known.values.indexOf(value)] ?? value;
    return { variable, value, label: `${known?.label ?? variable}: ${valueLabel}`, count: sample.counts[item]! };
  };
}
