import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The database the API runs on: embedded PGlite by default, a PostgreSQL server when given a URL. */
export interface Store {
  readonly db: Database;
  readonly kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://... : run on that server (several API processes can share it). */
  readonly databaseUrl?: string | undefined;
  /** PGlite's data folder; "memory" keeps everything in memory (tests). */
  readonly dataDir?: string;
  readonly poolSize?: number;
}

const MIGRATIONS = new URL("../../drizzle", import.meta.url).pathname;
/** Any constant: serialises migrations when several API processes start against one server. */
const MIGRATION_LOCK = 7_202_611;

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
    const db = drizzleNodePostgres({ client: pool, schema, casing: "snake_case" });
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrateNodePostgres(drizzleNodePostgres({ client, schema, casing: "snake_case" }), {
        migrationsFolder: MIGRATIONS,
      });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
    return { db: db as unknown as Database, kind: "postgres", close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? "./data";
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir === "memory" ? undefined : dataDir);
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}

/** Rows of a raw query on either driver. */
export async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
