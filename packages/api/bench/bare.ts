import { serve } from "@hono/node-server";
import { Hono } from "hono";

/** The reference: a bare Hono route on @hono/node-server, measured in the same run. */
const app = new Hono();
app.post("/bare", async (c) => c.json({ ok: true, size: (await c.req.text()).length }, 201));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) =>
  console.log(`listening ${info.port}`),
);
