import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { Config } from "./config.ts";
import { openStore } from "./db/store.ts";
import { SubmissionWriter } from "./designs/store-batch.ts";
import type { Services } from "./env.ts";
import { newToken } from "./ids.ts";
import { PackRegistry } from "./packs/registry.ts";
import { seedPacks } from "./seed.ts";

export interface RunningServer {
  readonly url: string;
  readonly services: Services;
  /** Settles once every pack's space is compiled (at once when the server does not warm them). */
  readonly warmed: Promise<void>;
  /** Stops accepting requests, lets those in flight finish, then closes the database. */
  close(): Promise<void>;
}

/** Opens the store (running migrations), loads the example packs and serves the API. */
export async function startServer(
  config: Config,
  options: { seed?: boolean; warm?: boolean; log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.KITBASH_DATA_DIR,
    poolSize: config.KITBASH_DB_POOL,
  });
  const adminKey = config.KITBASH_ADMIN_KEY ?? adminKeyFromDataDir(config, log);
  const packs = new PackRegistry(store.db);
  const submissions = new SubmissionWriter(store.db);
  const services: Services = { config, store, db: store.db, packs, adminKey, submissions };
  if (options.seed ?? true) {
    const published = await seedPacks(packs);
    if (published.length > 0) log(`published example packs: ${published.join(", ")}`);
  }
  const app = createApp({
    ...services,
    config: { ...config, KITBASH_WEB_DIR: config.KITBASH_WEB_DIR ?? builtConfigurator() },
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(started));
  });
  // Compile the packs' spaces now rather than on a customer's first click.
  const warmed =
    (options.warm ?? true)
      ? packs.warm().catch((error: unknown) => log(`warming the packs failed: ${String(error)}`))
      : Promise.resolve();
  const bound = server.address();
  const port = typeof bound === "object" && bound !== null ? bound.port : config.PORT;
  return {
    url: `http://${config.HOST}:${port}`,
    services,
    warmed,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** The configurator's build output beside the API, when it has been built. */
function builtConfigurator(): string | undefined {
  const dist = new URL("../../configurator/dist", import.meta.url).pathname;
  return existsSync(join(dist, "index.html")) ? dist : undefined;
}

/** Without KITBASH_ADMIN_KEY, one is generated once and kept in the data folder (readable by its owner only). */
function adminKeyFromDataDir(config: Config, log: (line: string) => void): string {
  if (config.DATABASE_URL !== undefined || config.KITBASH_DATA_DIR === "memory") {
    const key = newToken("kb");
    log(`admin key for this run (set KITBASH_ADMIN_KEY to keep one): ${key}`);
    return key;
  }
  const file = join(config.KITBASH_DATA_DIR, "admin.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = newToken("kb");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log(`admin key written to ${file}`);
  return key;
}
