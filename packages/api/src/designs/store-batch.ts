import { sql } from "drizzle-orm";
import type { designs } from "../db/schema.ts";
import { type Database, rows } from "../db/store.ts";

/** Everything one accepted submission writes. */
export interface SubmissionWrite {
  readonly row: typeof designs.$inferInsert;
  /** The creator, when this submission is their first. */
  readonly creator: { id: string; tokenHash: string; name: string } | undefined;
  /** The response to replay for a repeated idempotency key. */
  readonly idempotency: { key: string; requestHash: string; response: unknown } | undefined;
}

interface Pending {
  readonly write: SubmissionWrite;
  readonly done: (stored: boolean) => void;
  readonly fail: (error: unknown) => void;
}

/** At most this many submissions share one statement. */
const MAX_BATCH = 64;
/** Statements in flight at once: one fills while the other commits. */
const MAX_IN_FLIGHT = 2;

/**
 * Group commit for submissions: while a statement is in flight, the submissions that arrive queue
 * up and are then stored together in one statement and one transaction. A lone submission is
 * written at once, so batching adds no waiting when the server is quiet; under load the database
 * plans, triggers and commits once per batch instead of once per design. `store` resolves only
 * after the commit, so a 201 still means the design is durable.
 */
export class SubmissionWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  /** Statements issued so far (fewer than submissions once batching pays). */
  statements = 0;

  constructor(private readonly db: Database) {}

  /** Stores a submission; resolves with false when its parent was withdrawn meanwhile (nothing is stored). */
  store(write: SubmissionWrite): Promise<boolean> {
    return new Promise((done, fail) => {
      this.queue.push({ write, done, fail });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    try {
      this.statements++;
      const stored = await insertSubmissions(
        this.db,
        batch.map((entry) => entry.write),
      );
      for (const entry of batch) entry.done(stored.has(entry.write.row.id!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.fail(error);
        return;
      }
      // One bad submission (a raced idempotency key) must not fail the others: store each alone.
      this.statements += batch.length;
      await Promise.all(
        batch.map(({ write, done, fail }) =>
          insertSubmissions(this.db, [write]).then((stored) => done(stored.has(write.row.id!)), fail),
        ),
      );
    }
  }
}

/**
 * Stores submissions in one statement (one round trip, atomic): per design, its creator when new,
 * the design, its first history entry, the parent's remix count and the idempotency record. The
 * batch travels as one JSON parameter. A design whose parent is withdrawn is not stored, and
 * nothing that depends on it is. Returns the ids stored.
 */
async function insertSubmissions(db: Database, writes: readonly SubmissionWrite[]): Promise<Set<string>> {
  const input = writes.map(({ row, creator, idempotency }) => ({
    id: row.id,
    pack_id: row.packId,
    pack_version: row.packVersion,
    creator_id: row.creatorId,
    title: row.title,
    story: row.story,
    fit: row.fit,
    to_ten: row.toTen,
    wish: row.wish ?? null,
    choices: row.choices,
    price: row.price,
    currency: row.currency,
    lead_time: row.leadTime,
    bom: row.bom,
    thumbnail: row.thumbnail ? Buffer.from(row.thumbnail).toString("base64") : null,
    thumbnail_type: row.thumbnailType ?? null,
    licence: row.licence,
    parent_id: row.parentId ?? null,
    challenge_id: row.challengeId ?? null,
    created_at: row.createdAt!.toISOString(),
    updated_at: row.updatedAt!.toISOString(),
    new_creator_token_hash: creator?.tokenHash ?? null,
    new_creator_name: creator?.name ?? null,
    idempotency_key: idempotency?.key ?? null,
    request_hash: idempotency?.requestHash ?? null,
    response: idempotency?.response ?? null,
  }));
  const stored = await rows<{ id: string }>(
    db,
    sql`with
      input as (
        select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as i(
          id text, pack_id text, pack_version text, creator_id text, title text, story text, fit smallint,
          to_ten text, wish text, choices jsonb, price numeric, currency text, lead_time integer, bom jsonb,
          thumbnail text, thumbnail_type text, licence text, parent_id text, challenge_id text,
          created_at timestamptz, updated_at timestamptz, new_creator_token_hash text, new_creator_name text,
          idempotency_key text, request_hash text, response jsonb)
      ),
      design as (
        insert into designs (id, pack_id, pack_version, creator_id, title, story, fit, to_ten, wish, choices, price, currency,
          lead_time, bom, thumbnail, thumbnail_type, licence, parent_id, challenge_id, created_at, updated_at)
        select id, pack_id, pack_version, creator_id, title, story, fit, to_ten, wish, choices, price, currency,
          lead_time, bom, decode(thumbnail, 'base64'), thumbnail_type, licence, parent_id, challenge_id, created_at, updated_at
        from input i
        where i.parent_id is null
           or exists (select 1 from designs p where p.id = i.parent_id and p.status <> 'withdrawn')
        returning id
      ),
      kept as (select i.* from input i join design d on d.id = i.id),
      creator as (
        insert into creators (id, token_hash, name)
        select creator_id, new_creator_token_hash, new_creator_name from kept where new_creator_token_hash is not null
      ),
      history as (
        insert into design_history (design_id, from_status, to_status, reason, actor)
        select id, null, 'submitted', 'Submitted', creator_id from kept
      ),
      parent as (
        update designs set remixes = remixes + remixed.count
        from (select parent_id, count(*)::int as count from kept where parent_id is not null group by parent_id) remixed
        where designs.id = remixed.parent_id
      ),
      replay as (
        insert into idempotency (key, request_hash, status, response)
        select idempotency_key, request_hash, 201, response from kept where idempotency_key is not null
      )
    select id from design`,
  );
  return new Set(stored.map((row) => row.id));
}
