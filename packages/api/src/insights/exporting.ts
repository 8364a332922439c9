import { type SQL, sql } from "drizzle-orm";
import { type Database, rows } from "../db/store.ts";
import type { PackRegistry } from "../packs/registry.ts";
import { layoutOf } from "./layout.ts";

/** Rows per database round trip: memory stays flat however large the export. */
export const EXPORT_BATCH = 1000;

export interface ExportFilter {
  readonly pack?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

export interface DesignRow {
  id: string;
  pack: string;
  packVersion: string;
  creatorId: string;
  creatorName: string;
  title: string;
  story: string;
  fit: number;
  toTen: string;
  wish: string | null;
  status: string;
  votes: number;
  remixes: number;
  comments: number;
  price: number;
  currency: string;
  leadTime: number;
  licence: string;
  parentId: string | null;
  challengeId: string | null;
  createdAt: string;
  updatedAt: string;
  choices: Record<string, string | number | boolean>;
}

export const DESIGN_COLUMNS = [
  "id",
  "pack",
  "packVersion",
  "creatorId",
  "creatorName",
  "title",
  "story",
  "fit",
  "toTen",
  "wish",
  "status",
  "votes",
  "remixes",
  "comments",
  "price",
  "currency",
  "leadTime",
  "licence",
  "parentId",
  "challengeId",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof DesignRow)[];

export interface SignalRow {
  id: number;
  pack: string;
  packVersion: string;
  kind: string;
  wanted: string | null;
  blockedBy: string[];
  constraints: string[];
  text: string | null;
  session: string | null;
  createdAt: string;
}

export const SIGNAL_COLUMNS = [
  "id",
  "pack",
  "packVersion",
  "kind",
  "wanted",
  "blockedBy",
  "constraints",
  "text",
  "session",
  "createdAt",
] as const satisfies readonly (keyof SignalRow)[];

function filters(filter: ExportFilter, alias: SQL): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.pack !== undefined) parts.push(sql`${alias}.pack_id = ${filter.pack}`);
  if (filter.from !== undefined) parts.push(sql`${alias}.created_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to !== undefined) parts.push(sql`${alias}.created_at < ${filter.to.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Designs oldest first, a batch at a time, by keyset on (created_at, id): each batch starts after the
 * previous one's last row (its timestamp kept as the database's text, microseconds included).
 */
export async function* designBatches(db: Database, filter: ExportFilter): AsyncGenerator<DesignRow[]> {
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const keyset = after ? sql`and (d.created_at, d.id) > (${after.at}::timestamptz, ${after.id})` : sql``;
    const batch = await rows<DesignRow & { cursor: string }>(
      db,
      sql`select d.id, d.pack_id as pack, d.pack_version as "packVersion", d.creator_id as "creatorId",
            c.name as "creatorName", d.title, d.story, d.fit, d.to_ten as "toTen", d.wish, d.status, d.votes,
            d.remixes, d.comments, d.price::float8 as price, d.currency, d.lead_time as "leadTime", d.licence,
            d.parent_id as "parentId", d.challenge_id as "challengeId", ${iso(sql`d.created_at`)} as "createdAt",
            ${iso(sql`d.updated_at`)} as "updatedAt", d.choices, d.created_at::text as cursor
          from designs d join creators c on c.id = d.creator_id
          where ${filters(filter, sql`d`)} ${keyset}
          order by d.created_at, d.id limit ${EXPORT_BATCH}`,
    );
    if (batch.length === 0) return;
    const last = batch.at(-1)!;
    after = { at: last.cursor, id: last.id };
    yield batch.map(({ cursor: _, ...row }) => row);
    if (batch.length < EXPORT_BATCH) return;
  }
}

/** Signals oldest first (by id), a batch at a time. */
export async function* signalBatches(db: Database, filter: ExportFilter): AsyncGenerator<SignalRow[]> {
  let after = 0;
  for (;;) {
    const batch = await rows<SignalRow>(
      db,
      sql`select s.id::float8 as id, s.pack_id as pack, s.pack_version as "packVersion", s.kind, s.wanted,
            s.blocked_by as "blockedBy", s.constraints, s.text, s.session, ${iso(sql`s.created_at`)} as "createdAt"
          from signals s where ${filters(filter, sql`s`)} and s.id > ${after}
          order by s.id limit ${EXPORT_BATCH}`,
    );
    if (batch.length === 0) return;
    after = batch.at(-1)!.id;
    yield batch;
    if (batch.length < EXPORT_BATCH) return;
  }
}

/** One column per variable of any version of the pack, the newest version's order first. */
export async function packVariables(packs: PackRegistry, packId: string): Promise<string[] | undefined> {
  const versions = await packs.versions(packId);
  if (versions.length === 0) return undefined;
  const ids = new Set<string>();
  for (const version of versions) {
    const loaded = await packs.load(packId, version);
    if (loaded) for (const variable of layoutOf(loaded).variables) ids.add(variable.id);
  }
  return [...ids];
}
