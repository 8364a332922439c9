import { z } from "zod";

/** Settings from the environment; every one has a working default for a first run. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  /** PGlite's data folder when no DATABASE_URL is set. */
  KITBASH_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  /** The admin key that creates the other keys; generated and printed at start-up when unset. */
  KITBASH_ADMIN_KEY: z.string().min(24).optional(),
  /** Requests per minute per identity (token) and per address. */
  KITBASH_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  KITBASH_RATE_LIMIT_ADDRESS: z.coerce.number().int().min(1).default(1200),
  /** API processes sharing the port (PostgreSQL only: a PGlite folder belongs to one process). */
  KITBASH_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Connections each process keeps to PostgreSQL. */
  KITBASH_DB_POOL: z.coerce.number().int().min(1).max(200).default(20),
  /** The configurator's built files, served at / when present. */
  KITBASH_WEB_DIR: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success && parsed.data.KITBASH_WORKERS > 1 && parsed.data.DATABASE_URL === undefined) {
    throw new Error(
      "invalid configuration: KITBASH_WORKERS above 1 needs DATABASE_URL (a PGlite folder belongs to one process)",
    );
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
