import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compilePack, parsePackValue, seededRandom } from "@kitbash/rules";
import autocannon from "autocannon";
import pg from "pg";
import { EXAMPLE_PACKS } from "../src/seed.ts";
import { startPostgres } from "../src/testing/postgres.ts";
import { freePort } from "../src/testing/process.ts";
import { randomDesigns } from "../src/testing/random-designs.ts";

/** Profiles the API process while autocannon submits designs (developer tool: writes a .cpuprofile). */
const postgres = await startPostgres();
const client = new pg.Client({ connectionString: postgres.url });
await client.connect();
await client.query("create database prof");
await client.end();
const packs = readdirSync(EXAMPLE_PACKS)
  .filter((n) => n.endsWith(".json"))
  .flatMap((n) => {
    const parsed = parsePackValue(JSON.parse(readFileSync(join(EXAMPLE_PACKS, n), "utf8")));
    return parsed.ok ? [parsed.pack] : [];
  });
const velo = packs.find((p) => p.id === "velo/city-bike")!;
const compiled = compilePack(velo);
if (!compiled.ok) throw new Error("velo");
const bodies = randomDesigns(compiled.compiled, 100, seededRandom(5)).map((choices, i) =>
  JSON.stringify({
    pack: velo.id,
    version: velo.version,
    choices,
    title: `P ${i}`,
    story: "s",
    fit: 7,
    toTen: "",
    licence: "CC-BY-4.0",
  }),
);
const port = await freePort();
const server = spawn(
  process.execPath,
  [
    "--cpu-prof",
    "--cpu-prof-dir=/tmp/api-prof",
    "--import",
    "tsx",
    new URL("../src/main.ts", import.meta.url).pathname,
  ],
  {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: postgres.url.replace(/\/postgres$/, "/prof"),
      KITBASH_ADMIN_KEY: "kb_0123456789012345678901234567890",
      KITBASH_RATE_LIMIT: "100000000",
      KITBASH_RATE_LIMIT_ADDRESS: "100000000",
    },
    stdio: ["ignore", "inherit", "inherit"],
  },
);
const url = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    if ((await fetch(`${url}/healthz`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 15_000)); // let the background warm-up finish
let next = 0;
const result = await autocannon({
  url: `${url}/api/designs`,
  connections: 32,
  duration: 10,
  requests: [
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (r) => ({ ...r, body: bodies[next++ % bodies.length]! }),
    },
  ],
});
console.log(
  `${(result.statusCodeStats?.["201"]?.count ?? 0) / result.duration} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
);
server.kill("SIGTERM");
await new Promise((r) => server.on("exit", r));
postgres.stop();
