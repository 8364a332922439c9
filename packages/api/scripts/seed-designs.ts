/**
 * Seeds N realistic designs (default 100,000) with creators, votes, remixes, review statuses, wishes and
 * signals for the example packs, into DATABASE_URL or the PGlite folder KITBASH_DATA_DIR (default ./data).
 *
 *   pnpm --filter @kitbash/api seed:designs [--designs 100000] [--packs acme/shelving,velo/city-bike]
 *                                           [--days 120] [--seed 1]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../src/config.ts";
import { openStore } from "../src/db/store.ts";
import { seedDesigns } from "../src/insights/seed/index.ts";
import { PackRegistry } from "../src/packs/registry.ts";
import { EXAMPLE_PACKS, seedPacks } from "../src/seed.ts";

const { values } = parseArgs({
  options: {
    designs: { type: "string", default: "100000" },
    packs: { type: "string" },
    days: { type: "string", default: "120" },
    seed: { type: "string", default: "1" },
  },
});
const config = readConfig();
const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.KITBASH_DATA_DIR });
try {
  const registry = new PackRegistry(store.db);
  await seedPacks(registry);
  // Every example pack; acme/shelving (the flagship) gets as many designs as all the others together.
  const examples = readdirSync(EXAMPLE_PACKS)
    .filter((name) => name.endsWith(".json"))
    .map((name) => (JSON.parse(readFileSync(join(EXAMPLE_PACKS, name), "utf8")) as { id: string }).id);
  const example = examples.map((id) => ({ id, share: id === "acme/shelving" ? Math.max(1, examples.length - 1) : 1 }));
  const chosen = values.packs?.split(",").map((id) => ({ id, share: 1 }));
  const available = [];
  for (const pack of chosen ?? example) if ((await registry.versions(pack.id)).length > 0) available.push(pack);
  if (available.length === 0) throw new Error("none of these packs is published");
  const summary = await seedDesigns(store.db, registry, {
    designs: Number(values.designs),
    packs: available,
    days: Number(values.days),
    seed: Number(values.seed),
    concurrency: store.kind === "postgres" ? 4 : 1,
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(summary, null, 2));
} finally {
  await store.close();
}
