import cluster from "node:cluster";
import { readConfig } from "./config.ts";
import { startServer } from "./server.ts";

/**
 * `pnpm start`: the API (and the configurator's files, when built) on 127.0.0.1:8787. With
 * KITBASH_WORKERS above 1 (PostgreSQL), the first process prepares the database (migrations, example
 * packs) and then forks that many API processes sharing the port.
 */
const config = readConfig();
if (cluster.isPrimary && config.KITBASH_WORKERS > 1) await supervise(config.KITBASH_WORKERS);
else await serve(cluster.isPrimary);

async function serve(primary: boolean): Promise<void> {
  const server = await startServer(config, { seed: primary, log: (line) => console.log(line) });
  if (primary)
    console.log(`Kitbash is running at ${server.url} (${server.services.store.kind}; API docs at ${server.url}/docs)`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (primary) console.log(`${signal}: finishing requests in flight, then stopping`);
    const timeout = setTimeout(() => process.exit(1), 10_000);
    timeout.unref();
    await server.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

async function supervise(workers: number): Promise<void> {
  const prepared = await startServer(
    { ...config, PORT: 0 },
    { seed: true, warm: false, log: (line) => console.log(line) },
  );
  await prepared.close();
  let stopping = false;
  const fork = () => cluster.fork().on("exit", (code) => !stopping && code !== 0 && fork());
  for (let i = 0; i < workers; i++) fork();
  console.log(`Kitbash is running at http://${config.HOST}:${config.PORT} (${workers} processes on postgres)`);
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
