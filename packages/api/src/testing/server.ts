import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { configSchema } from "../config.ts";
import { type RunningServer, startServer } from "../server.ts";

export interface TestServer extends RunningServer {
  readonly adminKey: string;
  /** fetch against the server: JSON in and out, with an optional bearer token. */
  call(
    method: string,
    path: string,
    options?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> },
  ): Promise<TestResponse>;
}

export interface TestResponse {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of many shapes; their assertions check them.
  readonly body: any;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * A real API server on a free loopback port, on the database this test project runs against:
 * in-memory PGlite, or a fresh database on the project's PostgreSQL server.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { seed?: boolean } = {},
): Promise<TestServer> {
  const adminKey = `kb_${randomBytes(24).toString("base64url")}`;
  const database =
    process.env.KITBASH_TEST_DB === "postgres"
      ? { DATABASE_URL: await freshDatabase() }
      : { KITBASH_DATA_DIR: "memory" };
  const config = configSchema.parse({ PORT: "0", KITBASH_ADMIN_KEY: adminKey, ...database, ...env });
  const server = await startServer(config, { seed: options.seed ?? false });
  const call: TestServer["call"] = async (method, path, options = {}) => {
    // The server shares the test's event loop, so a test computing for seconds can let its keep-alive timeout
    // close an idle connection just as fetch reuses it (ECONNRESET): one connection per call.
    const headers: Record<string, string> = { connection: "close", ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get("content-type")?.includes("json")) parsed = JSON.parse(text);
    return { status: response.status, body: parsed, headers: response.headers, text };
  };
  return { ...server, adminKey, call };
}

/** A new, empty database on the test run's PostgreSQL server. */
export async function freshDatabase(): Promise<string> {
  const url = inject("postgresUrl");
  const name = `kitbash_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return url.replace(/\/postgres$/, `/${name}`);
}
