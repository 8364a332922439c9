import { createRoute, z } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";
import { stream } from "hono/streaming";
import { requireKey } from "../auth/identity.ts";
import type { AppEnv, Services } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import {
  DESIGN_COLUMNS,
  type DesignRow,
  designBatches,
  type ExportFilter,
  packVariables,
  SIGNAL_COLUMNS,
  type SignalRow,
  signalBatches,
} from "../insights/exporting.ts";
import { router } from "../router.ts";
import { errors } from "../schemas.ts";

const DAY = 86_400_000;
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const ExportQuery = z.object({
  pack: z
    .string()
    .regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/)
    .optional()
    .openapi({ description: "Only this pack; CSV then has one column per variable", example: "acme/shelving" }),
  from: instant.optional().openapi({ description: "Created at or after (ISO date or date-time)" }),
  to: instant.optional().openapi({ description: "Created before; a date includes that whole day (UTC)" }),
});

type Format = "csv" | "ndjson";
const TYPES: Record<Format, string> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

function exportRoute(what: "designs" | "signals", format: Format) {
  return createRoute({
    method: "get",
    path: `/api/exports/${what}.${format}`,
    tags: ["Exports"],
    summary: `All ${what} as ${format === "csv" ? "CSV" : "NDJSON (one JSON object per line)"}`,
    description:
      "Product teams (team or admin key). Streamed oldest first, read from the database in batches, so exports of any size start at once and use little memory.",
    security: [{ bearer: [] }],
    request: { query: ExportQuery },
    responses: {
      200: { description: "The export", content: { [TYPES[format].split(";")[0]!]: { schema: z.string() } } },
      ...errors(400, 401, 403, 404, 429),
    },
  });
}

export function exportsRoutes(services: Services) {
  const app = router();

  for (const format of ["csv", "ndjson"] as const) {
    app.openapi(exportRoute("designs", format), async (c) => {
      const filter = await open(c, services, c.req.valid("query"));
      const variables = filter.pack === undefined ? undefined : await packVariables(services.packs, filter.pack);
      if (filter.pack !== undefined && variables === undefined) throw notFound(`pack ${filter.pack}`);
      const columns = [...DESIGN_COLUMNS, ...(variables ?? ["choices"])];
      const cells = (row: DesignRow) => [
        ...DESIGN_COLUMNS.map((column) => row[column]),
        ...(variables ? variables.map((v) => row.choices[v]) : [JSON.stringify(row.choices)]),
      ];
      return send(c, format, fileName("designs", filter, format), columns, designBatches(services.db, filter), cells);
    });

    app.openapi(exportRoute("signals", format), async (c) => {
      const filter = await open(c, services, c.req.valid("query"));
      if (filter.pack !== undefined && (await services.packs.versions(filter.pack)).length === 0)
        throw notFound(`pack ${filter.pack}`);
      const cells = (row: SignalRow) =>
        SIGNAL_COLUMNS.map((column) =>
          Array.isArray(row[column]) ? (row[column] as string[]).join(" ") : row[column],
        );
      const columns = [...SIGNAL_COLUMNS];
      return send(c, format, fileName("signals", filter, format), columns, signalBatches(services.db, filter), cells);
    });
  }
  return app;
}

/** Checks the caller and reads the filter (everything before the first byte, so errors keep their status). */
async function open(c: Context<AppEnv>, _services: Services, query: z.infer<typeof ExportQuery>) {
  requireKey(c, "team");
  const filter: ExportFilter = {
    pack: query.pack,
    from: query.from === undefined ? undefined : new Date(query.from),
    to:
      query.to === undefined
        ? undefined
        : new Date(Date.parse(query.to) + (/^\d{4}-\d{2}-\d{2}$/.test(query.to) ? DAY : 0)),
  };
  if (filter.from && filter.to && filter.from >= filter.to)
    throw new ApiError(400, "malformed", "`from` must be before `to`", [{ path: ["from"] }]);
  return filter;
}

function fileName(what: string, filter: ExportFilter, format: Format): string {
  return `${what}${filter.pack ? `-${filter.pack.replace("/", "-")}` : ""}.${format}`;
}

/** Streams the batches: CSV with its header first (even when empty), or one JSON object per line. */
function send<T extends DesignRow | SignalRow>(
  c: Context<AppEnv>,
  format: Format,
  file: string,
  columns: string[],
  batches: AsyncGenerator<T[]>,
  cells: (row: T) => unknown[],
) {
  c.header("content-type", TYPES[format]);
  c.header("content-disposition", `attachment; filename="${file}"`);
  c.header("cache-control", "no-store");
  return stream(
    c,
    async (out) => {
      let aborted = false;
      out.onAbort(() => {
        aborted = true;
      });
      if (format === "csv") await out.write(stringify([columns]));
      for await (const batch of batches) {
        if (aborted) {
          await batches.return(undefined);
          return;
        }
        const text =
          format === "csv"
            ? stringify(batch.map(cells), { cast: { boolean: String, date: (d) => d.toISOString() } })
            : `${batch.map((row) => JSON.stringify(row)).join("\n")}\n`;
        await out.write(text);
      }
    },
    async (error, out) => {
      // Headers are gone by now: cut the stream short so the client sees an incomplete download.
      console.error("export failed", error);
      await out.abort();
    },
  );
}
