import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const now = () => timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow();

/** Published pack versions; a version never changes once published. */
export const packs = pgTable(
  "packs",
  {
    id: text().notNull(),
    version: text().notNull(),
    namespace: text().notNull(),
    /** The pack exactly as published (before defaults), so it can be served back byte for byte in meaning. */
    body: jsonb().notNull(),
    publishedBy: text(),
    publishedAt: now(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] }), index("packs_namespace").on(t.namespace)],
);

/** API keys of partners (scoped to a namespace), product teams and admins; only their hashes are kept. */
export const apiKeys = pgTable("api_keys", {
  id: text().primaryKey(),
  hash: text().notNull().unique(),
  role: text({ enum: ["admin", "team", "partner"] }).notNull(),
  namespace: text(),
  label: text().notNull(),
  createdAt: now(),
  revokedAt: timestamp({ withTimezone: true, mode: "date" }),
});

/** Customers who submitted a design: no account, just a token (kept hashed) that proves who they are. */
export const creators = pgTable("creators", {
  id: text().primaryKey(),
  tokenHash: text().notNull().unique(),
  name: text().notNull(),
  createdAt: now(),
});

export const DESIGN_STATUSES = [
  "submitted",
  "under_review",
  "shortlisted",
  "commercialized",
  "declined",
  "withdrawn",
] as const;
export type DesignStatus = (typeof DESIGN_STATUSES)[number];

export const designs = pgTable(
  "designs",
  {
    id: text().primaryKey(),
    packId: text().notNull(),
    packVersion: text().notNull(),
    creatorId: text()
      .notNull()
      .references(() => creators.id),
    title: text().notNull(),
    story: text().notNull(),
    /** "How well does it meet your need?" 1-10, and "what would make it a 10?". */
    fit: smallint().notNull(),
    toTen: text().notNull(),
    wish: text(),
    choices: jsonb().notNull(),
    price: numeric({ precision: 14, scale: 2, mode: "number" }).notNull(),
    currency: text().notNull(),
    leadTime: integer().notNull(),
    bom: jsonb().notNull(),
    thumbnail: bytea(),
    thumbnailType: text(),
    licence: text().notNull(),
    parentId: text(),
    challengeId: text(),
    status: text({ enum: DESIGN_STATUSES }).notNull().default("submitted"),
    votes: integer().notNull().default(0),
    remixes: integer().notNull().default(0),
    comments: integer().notNull().default(0),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    index("designs_pack_created").on(t.packId, t.createdAt.desc()),
    index("designs_created").on(t.createdAt.desc(), t.id.desc()),
    index("designs_creator").on(t.creatorId),
    index("designs_status").on(t.status),
    index("designs_challenge").on(t.challengeId),
    index("designs_parent").on(t.parentId),
    index("designs_votes").on(t.votes.desc(), t.id.desc()),
  ],
);

/** Every review transition, with the reason the creator reads. */
export const designHistory = pgTable(
  "design_history",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    designId: text()
      .notNull()
      .references(() => designs.id, { onDelete: "cascade" }),
    fromStatus: text(),
    toStatus: text().notNull(),
    reason: text().notNull(),
    actor: text().notNull(),
    createdAt: now(),
  },
  (t) => [index("design_history_design").on(t.designId, t.id)],
);

export const votes = pgTable(
  "votes",
  {
    designId: text()
      .notNull()
      .references(() => designs.id, { onDelete: "cascade" }),
    creatorId: text()
      .notNull()
      .references(() => creators.id),
    createdAt: now(),
  },
  (t) => [primaryKey({ columns: [t.designId, t.creatorId] })],
);

export const comments = pgTable(
  "comments",
  {
    id: text().primaryKey(),
    designId: text()
      .notNull()
      .references(() => designs.id, { onDelete: "cascade" }),
    creatorId: text()
      .notNull()
      .references(() => creators.id),
    body: text().notNull(),
    createdAt: now(),
  },
  (t) => [index("comments_design").on(t.designId, t.createdAt)],
);

export const challenges = pgTable(
  "challenges",
  {
    id: text().primaryKey(),
    packId: text().notNull(),
    title: text().notNull(),
    brief: text().notNull(),
    startsAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    endsAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    createdBy: text().notNull(),
    createdAt: now(),
  },
  (t) => [index("challenges_pack").on(t.packId)],
);

export const challengeWinners = pgTable(
  "challenge_winners",
  {
    challengeId: text()
      .notNull()
      .references(() => challenges.id, { onDelete: "cascade" }),
    designId: text()
      .notNull()
      .references(() => designs.id),
    rank: integer().notNull(),
    note: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.designId] })],
);

/** Anonymous innovation signals: a blocked choice someone tried, or a wish beyond the pack. */
export const signals = pgTable(
  "signals",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    packId: text().notNull(),
    packVersion: text().notNull(),
    kind: text({ enum: ["blocked", "wish"] }).notNull(),
    wanted: text(),
    blockedBy: jsonb().notNull().default(sql`'[]'::jsonb`),
    constraints: jsonb().notNull().default(sql`'[]'::jsonb`),
    text: text(),
    session: text(),
    createdAt: now(),
    /** Normalized keywords of a wish (insights/terms.ts), for grouping wishes by theme. */
    terms: text().array(),
  },
  (t) => [
    index("signals_pack_created").on(t.packId, t.createdAt),
    index("signals_pack_kind_created").on(t.packId, t.kind, t.createdAt),
  ],
);

/**
 * A narrow copy of each design for insights, so that queries over 100,000s of designs never read the wide
 * `designs` rows. Triggers (drizzle/0002_design_features_triggers.sql) insert a pending row with every design
 * and mirror status, votes and edits; insights/features.ts fills `codes` and the terms with the engine's
 * structure of the pack version.
 */
export const designFeatures = pgTable(
  "design_features",
  {
    designId: text()
      .primaryKey()
      .references(() => designs.id, { onDelete: "cascade" }),
    packId: text().notNull(),
    packVersion: text().notNull(),
    creatorId: text().notNull(),
    /** The creator as a small number (insight_creators), so packed records carry 4 bytes, not an id. */
    creatorNumber: integer().notNull(),
    parentId: text(),
    /** Who made the remixed design: remixes by others are then counted from the remixes alone. */
    parentCreatorId: text(),
    status: text({ enum: DESIGN_STATUSES }).notNull(),
    votes: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    /** The option index of every variable of the pack version, in model order: 1 byte each (2 for large domains). */
    codes: bytea(),
    wishTerms: text().array(),
    toTenTerms: text().array(),
    /** Codes or terms are missing or stale; `revision` counts edits so a late fill never overwrites a newer edit. */
    pending: boolean().notNull().default(true),
    revision: integer().notNull().default(0),
  },
  (t) => [
    index("design_features_pack_created").on(t.packId, t.createdAt),
    index("design_features_pending").on(t.packId).where(sql`${t.pending}`),
    index("design_features_remixes").on(t.packId, t.createdAt).where(sql`${t.parentCreatorId} is not null`),
  ],
);

/** A number for every creator with designs, given by the design_features trigger (see designFeatures). */
export const insightCreators = pgTable("insight_creators", {
  creatorId: text()
    .primaryKey()
    .references(() => creators.id, { onDelete: "cascade" }),
  number: integer().generatedAlwaysAsIdentity().unique(),
});

/** Responses of submissions made with an Idempotency-Key, replayed when the same request comes again. */
export const idempotency = pgTable(
  "idempotency",
  {
    key: text().notNull(),
    requestHash: text().notNull(),
    status: integer().notNull(),
    response: jsonb().notNull(),
    createdAt: now(),
  },
  (t) => [uniqueIndex("idempotency_key").on(t.key)],
);
