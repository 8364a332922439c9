import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compilePack, type Design, parsePackValue, seededRandom } from "@kitbash/rules";
import autocannon from "autocannon";
import pg from "pg";
import { EXAMPLE_PACKS } from "../src/seed.ts";
import { startPostgres } from "../src/testing/postgres.ts";
import { adminKeyFor, freePort, spawnServer } from "../src/testing/process.ts";
import { randomDesigns } from "../src/testing/random-designs.ts";

/**
 * `pnpm bench:api`: validated design submissions per second (engine validation + durable write) and
 * their latency at 32 connections, on PGlite and on PostgreSQL, beside a bare Hono route measured in
 * the same run. The server runs in its own process; autocannon drives it over loopback.
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const DURATION = Number(process.env.DURATION ?? 10);

const pool = submissionPool(400);
console.log(
  `submissions: a pool of ${pool.length} valid designs from the example packs; ${CONNECTIONS} connections, ${DURATION} s per run\n`,
);

const bare = await bareServer();
const reference = await load(`${bare.url}/bare`);
bare.child.kill();
report("bare Hono route (reference)", reference);

const postgres = await startPostgres();
try {
  const runs = [
    { name: "pglite", workers: 1 },
    { name: "postgres", workers: 1 },
    { name: "postgres, 2 API processes", workers: 2 },
  ];
  for (const { name: store, workers } of runs) {
    const dir = mkdtempSync(join(tmpdir(), "kitbash-bench-"));
    const env: Record<string, string> = {
      KITBASH_ADMIN_KEY: adminKeyFor(),
      KITBASH_RATE_LIMIT: "100000000",
      KITBASH_RATE_LIMIT_ADDRESS: "100000000",
      KITBASH_WORKERS: String(workers),
      ...(store === "pglite" ? { KITBASH_DATA_DIR: dir } : { DATABASE_URL: await database(postgres.url, workers) }),
    };
    const server = await spawnServer(env);
    try {
      await new Promise((r) => setTimeout(r, 15_000)); // the server compiles the packs' spaces after start
      await load(`${server.url}/api/designs`, 3); // warm-up: fill caches
      report(`POST /api/designs on ${store}`, await load(`${server.url}/api/designs`), reference);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  postgres.stop();
}

function submissionPool(count: number): string[] {
  const random = seededRandom(7);
  const bodies: string[] = [];
  const files = readdirSync(EXAMPLE_PACKS).filter((name) => name.endsWith(".json"));
  const packs = files.map((name) => JSON.parse(readFileSync(join(EXAMPLE_PACKS, name), "utf8")));
  const parsed = packs.flatMap((body) => {
    const result = parsePackValue(body);
    return result.ok ? [result.pack] : [];
  });
  for (const pack of parsed) {
    const compiled = compilePack(pack, (id) => parsed.filter((p) => p.id === id));
    if (!compiled.ok) continue;
    const designs: Design[] = randomDesigns(compiled.compiled, Math.ceil(count / parsed.length), random);
    for (const [i, choices] of designs.entries()) {
      bodies.push(
        JSON.stringify({
          pack: pack.id,
          version: pack.version,
          choices,
          title: `Bench ${i}`,
          story: "For the benchmark",
          fit: 7,
          toTen: "",
          licence: "CC-BY-4.0",
        }),
      );
    }
  }
  return bodies;
}

async function load(url: string, duration = DURATION): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: pool[next++ % pool.length]! }),
      },
    ],
  });
}

function report(name: string, result: autocannon.Result, reference?: autocannon.Result): void {
  const ok = result.statusCodeStats?.["201"]?.count ?? 0;
  const perSecond = ok / result.duration;
  console.log(
    `${name.padEnd(34)} ${perSecond.toFixed(0).padStart(6)} req/s (201)  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
      `non-2xx ${result.non2xx}  errors ${result.errors}${reference ? `  (${((100 * perSecond) / (reference.requests.average || 1)).toFixed(1)}% of the bare route)` : ""}`,
  );
}

async function bareServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", new URL("./bare.ts", import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, child };
}

async function database(url: string, suffix: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create database bench${suffix}`);
  await client.end();
  return url.replace(/\/postgres$/, `/bench${suffix}`);
}
