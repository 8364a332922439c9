import { createRoute, z } from "@hono/zod-openapi";
import { formatChoice, parseChoices } from "@kitbash/rules";
import { signals } from "../db/schema.ts";
import type { Services } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { keywords } from "../insights/terms.ts";
import { router } from "../router.ts";
import { errors, json } from "../schemas.ts";

export const MAX_BATCH = 100;

const choiceText = z.string().trim().min(1).max(200);
const common = {
  pack: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/)
    .openapi({ example: "acme/shelving" }),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
    .openapi({ example: "1.0.0" }),
  session: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "An anonymous id of the configurator session, to count people rather than clicks" }),
};

const BlockedSchema = z.strictObject({
  kind: z.literal("blocked"),
  ...common,
  wanted: choiceText.openapi({ description: "The choice the customer tried", example: "finish=oiled" }),
  blockedBy: z
    .array(choiceText)
    .max(200)
    .openapi({ description: "The choices that ruled it out", example: ["frame=steel"] }),
  constraints: z
    .array(z.string().min(1).max(200))
    .max(200)
    .openapi({ description: "Ids of the rules that ruled it out", example: ["finish-material"] }),
});

const WishSchema = z.strictObject({
  kind: z.literal("wish"),
  ...common,
  text: z.string().trim().min(1).max(2000).openapi({ description: "What the customer wished for, in their words" }),
});

export const SignalSchema = z.discriminatedUnion("kind", [BlockedSchema, WishSchema]).openapi("Signal");
type Signal = z.infer<typeof SignalSchema>;

const post = createRoute({
  method: "post",
  path: "/api/signals",
  tags: ["Signals"],
  summary: "Send an innovation signal",
  description:
    "Anonymous. A choice the rules blocked (with the choices and rules that blocked it) or a wish beyond the pack. Choices and rule ids are checked against the pack version: an unknown one gets 422 naming it.",
  request: { body: { content: { "application/json": { schema: SignalSchema } }, required: true } },
  responses: { 202: json(z.object({ id: z.number().int() }), "Recorded"), ...errors(400, 404, 413, 422, 429) },
});

const batch = createRoute({
  method: "post",
  path: "/api/signals/batch",
  tags: ["Signals"],
  summary: `Send up to ${MAX_BATCH} buffered signals at once`,
  description: "All or nothing: one invalid signal rejects the batch, with its index in the error's path.",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.strictObject({
            signals: z.array(SignalSchema).min(1).openapi({ maxItems: MAX_BATCH }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    202: json(z.object({ ids: z.array(z.number().int()) }), "Recorded"),
    ...errors(400, 404, 413, 422, 429),
  },
});

export function signalsRoutes(services: Services) {
  const app = router();

  app.openapi(post, async (c) => {
    const row = await checked(services, c.req.valid("json"), []);
    const [stored] = await services.db.insert(signals).values(row).returning({ id: signals.id });
    return c.json({ id: stored!.id }, 202);
  });

  app.openapi(batch, async (c) => {
    const { signals: sent } = c.req.valid("json");
    if (sent.length > MAX_BATCH)
      throw new ApiError(413, "too_large", `a batch holds at most ${MAX_BATCH} signals; this one has ${sent.length}`);
    const values = [];
    for (const [i, signal] of sent.entries()) values.push(await checked(services, signal, ["signals", i]));
    const stored = await services.db.insert(signals).values(values).returning({ id: signals.id });
    return c.json({ ids: stored.map((s) => s.id) }, 202);
  });

  return app;
}

/** The row to store, after checking the signal's choices and rules against its pack version. */
async function checked(services: Services, signal: Signal, at: (string | number)[]) {
  const loaded = await services.packs.load(signal.pack, signal.version);
  if (loaded === undefined) throw notFound(`pack ${signal.pack} ${signal.version}`);
  const base = { packId: loaded.id, packVersion: loaded.version, session: signal.session ?? null };
  if (signal.kind === "wish")
    return { ...base, kind: "wish" as const, text: signal.text, terms: keywords(signal.text) };

  const { model } = loaded.compiled;
  const bad = (path: (string | number)[], message: string) =>
    new ApiError(422, "invalid_signal", `${[...at, ...path].join(".")}: ${message}`, [
      { path: [...at, ...path].map(String), message },
    ]);
  const one = (text: string, path: (string | number)[]) => {
    const parsed = parseChoices(model, text);
    if (!parsed.ok) throw bad(path, parsed.errors[0]!.message);
    if (parsed.choices.length !== 1) throw bad(path, `"${text}" must be exactly one choice, like frame=oak`);
    return formatChoice(model, parsed.choices[0]!);
  };
  const known = new Set(model.constraints.map((constraint) => constraint.id));
  const unknown = signal.constraints.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw bad(["constraints", unknown], `${loaded.id} ${loaded.version} has no rule "${signal.constraints[unknown]}"`);
  return {
    ...base,
    kind: "blocked" as const,
    wanted: one(signal.wanted, ["wanted"]),
    blockedBy: signal.blockedBy.map((text, i) => one(text, ["blockedBy", i])),
    constraints: signal.constraints,
  };
}
