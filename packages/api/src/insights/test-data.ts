import { randomBytes } from "node:crypto";
import { creators, type DesignStatus, designs, signals } from "../db/schema.ts";
import type { Database } from "../db/store.ts";

/** A design for tests of insights and exports, stored directly with the date, creator and counters given. */
export interface TestDesign {
  readonly choices: Record<string, string | number | boolean>;
  readonly at: string;
  readonly creator: string;
  readonly id?: string;
  readonly status?: DesignStatus;
  readonly votes?: number;
  readonly parent?: string;
  readonly wish?: string;
  readonly toTen?: string;
  readonly pack?: string;
  readonly version?: string;
}

/** The desk fixture's designs in short: top, lamp, height; engraving blank and no drawers. */
export function desk(top: string, lamp: boolean, height: number) {
  return {
    top,
    lamp,
    height,
    engraving: "",
    "drawers.1.type": "empty",
    "drawers.1.handle": "knob",
    "drawers.2.type": "empty",
    "drawers.2.handle": "knob",
  };
}

let sequence = 0;

/** Stores the designs (and their creators, by id, once); returns the designs' ids. */
export async function insertDesigns(db: Database, list: readonly TestDesign[]): Promise<string[]> {
  const owners = [...new Set(list.map((d) => d.creator))];
  await db
    .insert(creators)
    .values(owners.map((id) => ({ id, tokenHash: randomBytes(16).toString("hex"), name: `Name of ${id}` })))
    .onConflictDoNothing();
  const rows = list.map((d) => ({
    id: d.id ?? `d_test${String(++sequence).padStart(6, "0")}${randomBytes(3).toString("hex")}`,
    packId: d.pack ?? "test/desk",
    packVersion: d.version ?? "1.0.0",
    creatorId: d.creator,
    title: "Test design",
    story: "For insights",
    fit: 7,
    toTen: d.toTen ?? "",
    wish: d.wish ?? null,
    choices: d.choices,
    price: 100,
    currency: "EUR",
    leadTime: 10,
    bom: [],
    licence: "CC-BY-4.0",
    parentId: d.parent ?? null,
    status: d.status ?? "submitted",
    votes: d.votes ?? 0,
    createdAt: new Date(d.at),
    updatedAt: new Date(d.at),
  }));
  // In the order given (parents first), 500 rows a statement.
  for (let i = 0; i < rows.length; i += 500) await db.insert(designs).values(rows.slice(i, i + 500));
  return rows.map((r) => r.id);
}

/** Stores signals with the date given. */
export async function insertSignals(
  db: Database,
  list: readonly (Partial<typeof signals.$inferInsert> & { at: string })[],
): Promise<void> {
  await db.insert(signals).values(
    list.map(({ at, ...s }) => ({
      packId: "test/desk",
      packVersion: "1.0.0",
      kind: "blocked" as const,
      createdAt: new Date(at),
      ...s,
    })),
  );
}
