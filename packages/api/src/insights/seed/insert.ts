import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { creators, designs, signals, votes } from "../../db/schema.ts";
import type { Database } from "../../db/store.ts";
import { writeFeatures } from "../features.ts";
import { keywords } from "../terms.ts";
import type { PlannedDesign, PlannedSignal } from "./plan.ts";
import type { Random } from "./random.ts";

const BATCH = 1000;
const FIRST = ["Ada", "Grace", "Linus", "Mira", "Jonas", "Yuki", "Omar", "Lena", "Sven", "Priya", "Tariq", "Zoe"];

/** Creators cr_seed_<n>: the same people across packs and across runs (a second run adds to them). */
export const creatorId = (n: number) => `cr_seed_${n}`;

export async function insertCreators(db: Database, random: Random, count: number): Promise<void> {
  for (let start = 0; start < count; start += 5 * BATCH) {
    const rows = Array.from({ length: Math.min(5 * BATCH, count - start) }, (_, i) => ({
      id: creatorId(start + i),
      tokenHash: randomBytes(24).toString("base64url"),
      name: `${random.pick(FIRST)} ${String.fromCharCode(65 + random.int(26))}.`,
    }));
    await db.insert(creators).values(rows).onConflictDoNothing();
  }
}

/**
 * A batch of designs as submissions store them: the design, its "Submitted" history (and review step),
 * and its insight features (the trigger adds them pending; the codes are known already).
 */
export async function insertDesigns(db: Database, batch: readonly PlannedDesign[]): Promise<void> {
  await db.insert(designs).values(
    batch.map((d) => ({
      id: d.id,
      packId: d.pack.id,
      packVersion: d.pack.version,
      creatorId: creatorId(d.creator),
      title: d.title,
      story: d.story,
      fit: d.fit,
      toTen: d.toTen,
      wish: d.wish,
      choices: d.entry.design,
      price: d.entry.report.price.total,
      currency: d.entry.report.price.currency,
      leadTime: d.entry.report.leadTime,
      bom: d.entry.report.bom,
      licence: d.licence,
      parentId: d.parent,
      status: d.status,
      votes: d.votes,
      remixes: d.remixes,
      createdAt: d.at,
      updatedAt: d.at,
    })),
  );
  const ids = sql.join(
    batch.map((d) => sql`${d.id}`),
    sql`, `,
  );
  await db.execute(sql`
    insert into design_history (design_id, from_status, to_status, reason, actor, created_at)
    select id, null, 'submitted', 'Submitted', creator_id, created_at from designs where id in (${ids})
    union all
    select id, 'submitted', status, 'Reviewed', 'seed', created_at + interval '2 days'
    from designs where id in (${ids}) and status <> 'submitted'`);
  await writeFeatures(
    db,
    batch.map((d) => ({
      id: d.id,
      revision: 0,
      codes: d.entry.codes,
      wishTerms: d.wish ? keywords(d.wish) : null,
      toTenTerms: d.toTen ? keywords(d.toTen) : null,
    })),
  );
}

/** Vote rows matching each design's counter, from distinct random creators. */
export async function insertVotes(db: Database, random: Random, all: readonly PlannedDesign[], creatorCount: number) {
  let rows: { designId: string; creatorId: string; createdAt: Date }[] = [];
  const flush = async () => {
    if (rows.length > 0) await db.insert(votes).values(rows).onConflictDoNothing();
    rows = [];
  };
  for (const design of all) {
    const voters = new Set<number>();
    for (let tries = 0; voters.size < Math.min(design.votes, creatorCount) && tries < design.votes * 3; tries++)
      voters.add(random.int(creatorCount));
    for (const voter of voters) rows.push({ designId: design.id, creatorId: creatorId(voter), createdAt: design.at });
    if (rows.length >= 5 * BATCH) await flush();
  }
  await flush();
}

export async function insertSignals(db: Database, planned: readonly PlannedSignal[]): Promise<void> {
  for (let start = 0; start < planned.length; start += 2 * BATCH) {
    const rows = planned.slice(start, start + 2 * BATCH).map((s) => ({
      packId: s.pack.id,
      packVersion: s.pack.version,
      kind: s.blocked ? ("blocked" as const) : ("wish" as const),
      wanted: s.blocked?.wanted ?? null,
      blockedBy: s.blocked?.blockedBy ?? [],
      constraints: s.blocked?.constraints ?? [],
      text: s.text ?? null,
      terms: s.text ? keywords(s.text) : null,
      session: s.session,
      createdAt: s.at,
    }));
    await db.insert(signals).values(rows);
  }
}

export { BATCH };
