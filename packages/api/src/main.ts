import { readConfig } from "./config.ts";
import { startServer } from "./server.ts";

/** `pnpm start`: the API (and the configurator's files, when built) on 127.0.0.1:8787. */
const config = readConfig();
const server = await startServer(config, { log: (line) => console.log(line) });
console.log(`Kitbash is running at ${server.url} (${server.services.store.kind}; API docs at ${server.url}/docs)`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping`);
  const timeout = setTimeout(() => process.exit(1), 10_000);
  timeout.unref();
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
