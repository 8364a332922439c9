/**
 * Times every insight over one pack's designs (default: 100,000 acme/shelving designs, seeded when fewer
 * are stored), through the real app in-process (auth, validation, SQL, JSON), on DATABASE_URL or the
 * PGlite folder KITBASH_DATA_DIR. The window covers all the pack's designs.
 *
 *   pnpm --filter @kitbash/api bench:insights [--designs 100000] [--pack acme/shelving] [--runs 20]
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app.ts";
import { configSchema, readConfig } from "../src/config.ts";
import { openStore, rows } from "../src/db/store.ts";
import { SubmissionWriter } from "../src/designs/store-batch.ts";
import type { Services } from "../src/env.ts";
import { newToken } from "../src/ids.ts";
import { seedDesigns } from "../src/insights/seed/index.ts";
import { PackRegistry } from "../src/packs/registry.ts";
import { seedPacks } from "../src/seed.ts";

const { values } = parseArgs({
  options: {
    designs: { type: "string", default: "100000" },
    pack: { type: "string", default: "acme/shelving" },
    runs: { type: "string", default: "20" },
  },
});
const wanted = Number(values.designs);
const pack = values.pack;
const runs = Number(values.runs);

const base = readConfig();
const config = configSchema.parse({
  ...process.env,
  KITBASH_RATE_LIMIT: "1000000",
  KITBASH_RATE_LIMIT_ADDRESS: "1000000",
});
const store = await openStore({ databaseUrl: base.DATABASE_URL, dataDir: base.KITBASH_DATA_DIR });
const registry = new PackRegistry(store.db);
await seedPacks(registry);
const count = async () =>
  (await rows<{ n: number }>(store.db, sql`select count(*)::int as n from designs where pack_id = ${pack}`))[0]!.n;
const stored = await count();
if (stored < wanted) {
  console.error(`${pack} has ${stored} designs; seeding ${wanted - stored} more`);
  await seedDesigns(store.db, registry, {
    designs: wanted - stored,
    packs: [{ id: pack, share: 1 }],
    days: 120,
    seed: stored + 1,
    concurrency: store.kind === "postgres" ? 4 : 1,
    log: (line) => console.error(line),
  });
}
const adminKey = newToken("kb");
const services: Services = {
  config,
  store,
  db: store.db,
  packs: registry,
  adminKey,
  submissions: new SubmissionWriter(store.db),
};
const app = createApp(services);
const [range] = await rows<{ from: string; n: number }>(
  store.db,
  sql`select min(created_at)::text as from, count(*)::int as n from design_features where pack_id = ${pack} and status <> 'withdrawn'`,
);
const window = `from=${encodeURIComponent(new Date(range!.from).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
const [signals] = await rows<{ n: number }>(
  store.db,
  sql`select count(*)::int as n from signals where pack_id = ${pack}`,
);

/**
 * CPU milliseconds used so far by this process and, when the PostgreSQL server runs on this machine and
 * /proc is readable, by its processes: on a shared machine wall time depends on the neighbours, CPU not.
 */
async function cpuClock(): Promise<{ read: () => number; server: boolean }> {
  const own = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  if (store.kind !== "postgres") return { read: own, server: false };
  try {
    const [dir] = await rows<{ dir: string }>(store.db, sql`select current_setting('data_directory') as dir`);
    const postmaster = readFileSync(`${dir!.dir}/postmaster.pid`, "utf8").split("\n")[0]!.trim();
    const ticks = () => {
      let total = 0;
      for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          if (pid === postmaster || fields[1] === postmaster) total += Number(fields[11]) + Number(fields[12]);
        } catch {
          // the process ended meanwhile
        }
      }
      return total * 10; // clock ticks of 10 ms
    };
    ticks();
    return { read: () => own() + ticks(), server: true };
  } catch {
    return { read: own, server: false };
  }
}
const clock = await cpuClock();

async function call(path: string): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpu = clock.read();
  const response = await app.request(`/api/insights/${pack}/${path}`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  await response.json();
  return { wall: performance.now() - started, cpu: clock.read() - cpu };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
console.log(
  `${store.kind}: ${pack}, ${range!.n} designs in the window (${await count()} stored), ${signals!.n} signals; ${runs} runs each`,
);
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} (${clock.server ? "CPU = this process + PostgreSQL server" : "CPU = this process"})`,
);
console.log(
  "insight".padEnd(16),
  ["first ms", "median ms", "p95 ms", "max ms", "median CPU ms"].map((h) => h.padStart(10)).join(""),
);
for (const path of ["popularity", "pairs", "bundles", "unmet-demand", "lead-customers", "activity"]) {
  const first = await call(`${path}?${window}`);
  const times: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) times.push(await call(`${path}?${window}`));
  const wall = times.map((t) => t.wall).sort((a, b) => a - b);
  const cpu = times.map((t) => t.cpu).sort((a, b) => a - b);
  const cells = [first.wall, percentile(wall, 0.5), percentile(wall, 0.95), wall.at(-1)!, percentile(cpu, 0.5)];
  console.log(path.padEnd(16), cells.map((ms) => ms.toFixed(0).padStart(10)).join(""));
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
await store.close();
