import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { rateLimiter } from "hono-rate-limiter";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { identify } from "./auth/identity.ts";
import type { AppEnv, Services } from "./env.ts";
import { ApiError, errorBody } from "./errors.ts";
import { router } from "./router.ts";
import { designRoutes } from "./routes/designs.ts";
import { challengesRoutes } from "./routes/challenges.ts";
import { communityRoutes } from "./routes/community.ts";
import { exportsRoutes } from "./routes/exports.ts";
import { insightsRoutes } from "./routes/insights.ts";
import { keyRoutes } from "./routes/keys.ts";
import { reviewRoutes } from "./routes/review.ts";
import { signalsRoutes } from "./routes/signals.ts";
import { packRoutes } from "./routes/packs.ts";

export const MAX_BODY = 1024 * 1024;
export const MAX_PACK_BODY = 5 * 1024 * 1024;

/** The whole API: limits, identity, route groups, OpenAPI, docs and the configurator's files. */
export function createApp(services: Services) {
  const app = router();
  const { config } = services;

  app.onError((error, c) => {
    if (error instanceof ApiError)
      return c.json(errorBody(error.status, error.code, error.message, error.details), error.status);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const code = status === 413 ? "too_large" : status === 400 ? "malformed" : "http_error";
      return c.json(errorBody(status, code, error.message || "bad request"), status);
    }
    console.error(error);
    return c.json(errorBody(500, "internal", "something went wrong on our side; nothing was changed"), 500);
  });
  app.notFound((c) => c.json(errorBody(404, "not_found", `there is no ${c.req.method} ${c.req.path}`), 404));

  app.get("/healthz", (c) => c.json({ ok: true, store: services.store.kind, packsWarm: services.packs.warmed }));
  app.use("/api/packs/*", compress());

  app.use("/api/*", async (c, next) => {
    const limit = c.req.method === "POST" && c.req.path === "/api/packs" ? MAX_PACK_BODY : MAX_BODY;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new ApiError(413, "too_large", `the request body is larger than ${limit / 1024} KiB`);
      },
    })(c, next);
  });
  const tooMany = (what: string) => () => {
    throw new ApiError(429, "rate_limited", `too many requests from this ${what}; wait a minute and try again`);
  };
  app.use(
    "/api/*",
    rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: config.KITBASH_RATE_LIMIT_ADDRESS,
      standardHeaders: "draft-7",
      keyGenerator: address,
      handler: tooMany("address"),
    }),
  );
  app.use("/api/*", identify(services.db, services.adminKey));
  app.use(
    "/api/*",
    rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: config.KITBASH_RATE_LIMIT,
      standardHeaders: "draft-7",
      keyGenerator: (c) => c.req.header("authorization") ?? `anonymous ${address(c)}`,
      handler: tooMany("token"),
    }),
  );

  app.route("/", packRoutes(services));
  app.route("/", designRoutes(services));
  app.route("/", keyRoutes(services));
  app.route("/", signalsRoutes(services));
  app.route("/", communityRoutes(services));
  app.route("/", challengesRoutes(services));
  app.route("/", reviewRoutes(services));
  app.route("/", insightsRoutes(services));
  app.route("/", exportsRoutes(services));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key (kb_...) or a creator token (ct_...)",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Kitbash API",
      version: "0.1.0",
      description:
        "Collects, validates and keeps customers' designs; community, review and insights for product teams.",
    },
  });
  mountDocs(app);
  if (config.KITBASH_WEB_DIR) mountWeb(app, config.KITBASH_WEB_DIR);
  return app;
}

function address(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Swagger UI from the installed swagger-ui-dist package: works offline. */
function mountDocs(app: ReturnType<typeof router>): void {
  const assets = createRequire(import.meta.url)
    .resolve("swagger-ui-dist/package.json")
    .replace(/package\.json$/, "");
  app.get("/docs", (c) =>
    c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kitbash API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: "/openapi.json", dom_id: "#docs" });</script></body></html>`),
  );
  app.get("/docs/assets/:file{swagger-ui(-bundle\\.js|\\.css)}", (c) => {
    const file = c.req.param("file");
    return c.body(readFileSync(join(assets, file)), 200, {
      "content-type": file.endsWith(".css") ? "text/css" : "text/javascript",
      "cache-control": "public, max-age=86400",
    });
  });
}

/** The configurator: its files, and index.html for every other non-API path (client-side routes). */
function mountWeb(app: ReturnType<typeof router>, root: string): void {
  app.use("/assets/*", compress(), async (c, next) => {
    await next();
    // Vite names built files by content hash, so they never change.
    if (c.res.ok) c.header("cache-control", "public, max-age=31536000, immutable");
  });
  app.use("/*", serveStatic({ root }));
  app.get("*", (c, next) =>
    c.req.path.startsWith("/api/") ? next() : serveStatic({ root, path: "index.html" })(c, next),
  );
}
