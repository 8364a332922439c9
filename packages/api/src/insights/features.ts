import type { Design } from "@kitbash/rules";
import { sql } from "drizzle-orm";
import { type Database, rows } from "../db/store.ts";
import type { PackRegistry } from "../packs/registry.ts";
import { encodeDesign } from "./layout.ts";
import { keywords } from "./terms.ts";

/** A computed `design_features` row: codes (see layout.ts) and the keywords of the design's words. */
export interface FeatureFill {
  readonly id: string;
  readonly revision: number;
  readonly codes: Uint8Array;
  readonly wishTerms: string[] | null;
  readonly toTenTerms: string[] | null;
}

const BATCH = 1000;

/** Codes and keywords of one design; empty codes when its pack version cannot be loaded (it is then skipped). */
export async function featuresOf(
  packs: PackRegistry,
  row: {
    id: string;
    revision: number;
    packId: string;
    packVersion: string;
    choices: unknown;
    wish: string | null;
    toTen: string;
  },
): Promise<FeatureFill> {
  const loaded = await packs.load(row.packId, row.packVersion).catch(() => undefined);
  return {
    id: row.id,
    revision: row.revision,
    codes: loaded ? encodeDesign(loaded, row.choices as Design) : new Uint8Array(0),
    // null: no words at all (so counts of design wishes do not depend on keywords being found).
    wishTerms: row.wish?.trim() ? keywords(row.wish) : null,
    toTenTerms: row.toTen.trim() ? keywords(row.toTen) : null,
  };
}

/** Stores computed rows; a row edited meanwhile (newer revision) stays pending for the next pass. */
export async function writeFeatures(db: Database, fills: readonly FeatureFill[]): Promise<void> {
  if (fills.length === 0) return;
  const json = JSON.stringify(
    fills.map((f) => ({
      id: f.id,
      revision: f.revision,
      codes: Buffer.from(f.codes).toString("hex"),
      wish: f.wishTerms,
      to_ten: f.toTenTerms,
    })),
  );
  await db.execute(sql`
    update design_features f
    set codes = decode(v.codes, 'hex'), wish_terms = v.wish, to_ten_terms = v.to_ten, pending = false
    from jsonb_to_recordset(${json}::jsonb) as v(id text, revision int, codes text, wish text[], to_ten text[])
    where f.design_id = v.id and f.revision = v.revision`);
}

/**
 * Fills the pending rows of a pack (new designs, edited words) before an insight reads them. Usually there
 * are none or a few; after a bulk import this is where the work happens, a batch at a time.
 */
export async function syncFeatures(db: Database, packs: PackRegistry, packId: string): Promise<number> {
  let done = 0;
  for (;;) {
    const pending = await rows<{
      id: string;
      revision: number;
      packVersion: string;
      choices: unknown;
      wish: string | null;
      toTen: string;
    }>(
      db,
      sql`select f.design_id as id, f.revision, d.pack_version as "packVersion", d.choices, d.wish, d.to_ten as "toTen"
          from design_features f join designs d on d.id = f.design_id
          where f.pending and f.pack_id = ${packId}
          limit ${BATCH}`,
    );
    if (pending.length === 0) return done;
    const fills = await Promise.all(pending.map((row) => featuresOf(packs, { ...row, packId })));
    await writeFeatures(db, fills);
    done += pending.length;
  }
}
