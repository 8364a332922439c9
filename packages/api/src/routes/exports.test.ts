import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESIGN_COLUMNS, EXPORT_BATCH, SIGNAL_COLUMNS } from "../insights/exporting.ts";
import { desk, insertDesigns, insertSignals } from "../insights/test-data.ts";
import { setUp, submit } from "../testing/fixtures.ts";
import { startTestServer, type TestServer } from "../testing/server.ts";

let server: TestServer;
let keys: Awaited<ReturnType<typeof setUp>>;

const VARIABLES = [
  "top",
  "lamp",
  "height",
  "engraving",
  "drawers.1.type",
  "drawers.1.handle",
  "drawers.2.type",
  "drawers.2.handle",
];
/** More designs than one batch, many sharing a timestamp, so keyset pages must break ties by id. */
const MANY = 2 * EXPORT_BATCH + 345;

beforeAll(async () => {
  server = await startTestServer();
  keys = await setUp(server);
  await insertDesigns(
    server.services.db,
    Array.from({ length: MANY }, (_, i) => ({
      choices: desk(i % 3 === 0 ? "steel" : "oak", i % 2 === 0, 80),
      at: i < 1500 ? "2025-04-01T10:00:00Z" : `2025-04-${String(2 + (i % 20)).padStart(2, "0")}T10:00:00Z`,
      creator: `cr_many${i % 7}`,
      toTen: i === 0 ? 'Comma, "quotes"\nand a new line' : "",
    })),
  );
  await insertSignals(
    server.services.db,
    Array.from({ length: EXPORT_BATCH + 10 }, (_, i) => ({
      at: `2025-04-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`,
      ...(i % 2 === 0
        ? { wanted: "lamp", blockedBy: ["top=glass", "height=90"], constraints: ["glass-lamp"], session: `s${i}` }
        : { kind: "wish" as const, text: `Wish ${i}, with a comma` }),
    })),
  );
});
afterAll(() => server.close());

/** Plain fetch: the test client would try to parse NDJSON ("...json") as one JSON document. */
async function get(path: string, token: string | null = keys.teamKey) {
  const response = await fetch(`${server.url}/api/exports/${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
/** RFC 4180 records as objects keyed by the header (quoted fields may hold commas, quotes and new lines). */
function csv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n") {
      records.push([...record, field]);
      record = [];
      field = "";
    } else field += ch;
  }
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}
const lines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l));

describe("exports", () => {
  it("are for product teams and admins", async () => {
    const { token: creator } = await submit(server);
    for (const path of ["designs.csv", "designs.ndjson", "signals.csv", "signals.ndjson"]) {
      expect({ path, status: (await get(path, null)).status }).toEqual({ path, status: 401 });
      expect([401, 403]).toContain((await get(path, creator)).status);
      expect({ path, status: (await get(path, keys.partnerKey)).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await get(path, server.adminKey)).status }).toEqual({ path, status: 200 });
    }
  });

  it("stream designs as CSV with one column per variable of the pack", async () => {
    const response = await get("designs.csv?pack=test/desk&from=2025-04-01&to=2025-04-30");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="designs-test-desk.csv"');
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.text.split("\n")[0]).toBe([...DESIGN_COLUMNS, ...VARIABLES].join(","));
    const rows = csv(response.text);
    expect(rows).toHaveLength(MANY);
    expect(new Set(rows.map((r) => r.id)).size).toBe(MANY);
    // Oldest first.
    expect(rows[0]!.createdAt).toBe("2025-04-01T10:00:00.000Z");
    expect(rows.at(-1)!.createdAt).toBe("2025-04-21T10:00:00.000Z");
    const first = rows.find((r) => r.toTen !== "")!;
    expect(first).toMatchObject({ toTen: 'Comma, "quotes"\nand a new line', top: "steel", lamp: "true", height: "80" });
    expect(first["drawers.1.type"]).toBe("empty");
  });

  it("filter by time window and put choices in one JSON column without a pack", async () => {
    const day = await get("designs.csv?from=2025-04-02&to=2025-04-02");
    const rows = csv(day.text);
    expect(rows.length).toBe(Array.from({ length: MANY }, (_, i) => i).filter((i) => i >= 1500 && i % 20 === 0).length);
    expect(day.text.split("\n")[0]).toBe([...DESIGN_COLUMNS, "choices"].join(","));
    expect(JSON.parse(rows[0]!.choices!)).toMatchObject({ height: 80, "drawers.2.type": "empty" });
    expect(day.headers.get("content-disposition")).toBe('attachment; filename="designs.csv"');
  });

  it("stream designs as NDJSON, one parseable object a line", async () => {
    const response = await get("designs.ndjson?pack=test/desk&to=2025-04-30");
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="designs-test-desk.ndjson"');
    const objects = lines(response.text);
    expect(objects).toHaveLength(MANY);
    expect(new Set(objects.map((o) => o.id)).size).toBe(MANY);
    expect(objects[0]).toMatchObject({ pack: "test/desk", creatorName: "Name of cr_many0", status: "submitted" });
    expect(objects[0].choices).toEqual(desk("steel", true, 80));
  });

  it("stream signals as CSV and NDJSON", async () => {
    const table = await get("signals.csv?pack=test/desk");
    expect(table.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(table.text.split("\n")[0]).toBe(SIGNAL_COLUMNS.join(","));
    const rows = csv(table.text);
    expect(rows).toHaveLength(EXPORT_BATCH + 10);
    expect(rows[0]).toMatchObject({ kind: "blocked", wanted: "lamp", blockedBy: "top=glass height=90", session: "s0" });
    expect(rows[1]).toMatchObject({ kind: "wish", text: "Wish 1, with a comma", wanted: "" });
    const objects = lines((await get("signals.ndjson?from=2025-04-01&to=2025-04-01")).text);
    expect(objects.length).toBe(
      Array.from({ length: EXPORT_BATCH + 10 }, (_, i) => i).filter((i) => i % 28 === 0).length,
    );
    expect(objects[0]).toMatchObject({ blockedBy: ["top=glass", "height=90"], constraints: ["glass-lamp"] });
  });

  it("refuse an unknown pack or an empty window before streaming", async () => {
    expect((await get("designs.csv?pack=test/none")).status).toBe(404);
    expect((await get("signals.ndjson?pack=test/none")).status).toBe(404);
    const window = await get("designs.csv?from=2025-05-01&to=2025-04-01");
    expect(window.status).toBe(400);
    expect(window.headers.get("content-type")).toMatch(/json/);
  });
});
