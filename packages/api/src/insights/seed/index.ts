import { localize } from "@kitbash/rules";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/store.ts";
import type { PackRegistry } from "../../packs/registry.ts";
import { PackSimulator } from "./generate.ts";
import { BATCH, insertCreators, insertDesigns, insertSignals, insertVotes } from "./insert.ts";
import { type PackPool, planDesigns, planSignals } from "./plan.ts";
import { Random } from "./random.ts";

export interface SeedOptions {
  readonly designs: number;
  /** Pack ids and their share of the designs. */
  readonly packs: readonly { id: string; share: number }[];
  readonly days: number;
  readonly seed: number;
  /** Signals per design (default 0.5). */
  readonly signalRate?: number;
  /** Batches written at once (PostgreSQL spreads them over connections; PGlite has one). */
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
}

export interface SeedSummary {
  readonly designs: number;
  readonly signals: number;
  readonly creators: number;
  readonly pools: { pack: string; distinct: number; blocked: number; planted: readonly string[] }[];
  readonly seconds: { simulate: number; insert: number };
}

/**
 * Seeds realistic designs and signals. Each click costs an engine evaluation and each distinct design a
 * validation (milliseconds each), so it simulates a few hundred configurator sessions per pack plus their
 * valid one-value variants (about one distinct design per ten), and the designs are drawn from that pool:
 * popular configurations recur, innovators pick rare ones.
 */
export async function seedDesigns(db: Database, registry: PackRegistry, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const random = new Random(options.seed);
  const started = performance.now();
  const total = options.packs.reduce((sum, p) => sum + p.share, 0);
  const pools: PackPool[] = [];
  const summary: SeedSummary["pools"] = [];
  for (const { id, share } of options.packs) {
    const loaded = await registry.load(id);
    if (loaded === undefined) throw new Error(`pack ${id} is not published`);
    const target = (options.designs * share) / total;
    // About one distinct design in ten (each validated once): sessions, and valid one-value variants of them.
    const distinct = Math.min(10_000, Math.max(100, target / 10));
    const sessions = Math.round(Math.min(400, Math.max(20, distinct / 20)));
    const perBase = Math.ceil(distinct / sessions);
    const simulator = new PackSimulator(loaded, random);
    for (let s = 1; s <= sessions; s++) {
      simulator.session();
      if (s % 50 === 0) log(`${id}: ${s}/${sessions} sessions`);
    }
    for (const base of [...simulator.pool]) simulator.variants(base, perBase);
    const { pack } = loaded.compiled;
    pools.push({
      id,
      version: loaded.version,
      name: localize(pack.name, pack.languages),
      labels: loaded.compiled.structure.variables.filter((v) => !v.slot).map((v) => localize(v.label, pack.languages)),
      share,
      pool: random.shuffle([...simulator.pool]),
      blocked: [...simulator.blocked.values()],
    });
    summary.push({
      pack: id,
      distinct: simulator.pool.length,
      blocked: simulator.blocked.size,
      planted: simulator.planted,
    });
    log(`${id}: ${simulator.pool.length} distinct valid designs, ${simulator.blocked.size} distinct blocked attempts`);
  }
  const simulated = performance.now();

  const { designs, creators } = planDesigns(random, pools, options.designs, options.days);
  const signals = planSignals(random, pools, Math.round(options.designs * (options.signalRate ?? 0.5)), options.days);
  await insertCreators(db, random, creators);
  const step = BATCH * (options.concurrency ?? 1);
  for (let start = 0; start < designs.length; start += step) {
    const batches = [];
    for (let at = start; at < Math.min(start + step, designs.length); at += BATCH)
      batches.push(insertDesigns(db, designs.slice(at, at + BATCH)));
    await Promise.all(batches);
    if (Math.floor((start + step) / 10_000) > Math.floor(start / 10_000))
      log(`designs: ${Math.min(start + step, designs.length)}/${designs.length}`);
  }
  await insertVotes(db, random, designs, creators);
  await insertSignals(db, signals);
  log("vacuum analyze");
  for (const table of ["designs", "design_features", "design_history", "signals", "votes", "creators"])
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  return {
    designs: designs.length,
    signals: signals.length,
    creators,
    pools: summary,
    seconds: { simulate: (simulated - started) / 1000, insert: (performance.now() - simulated) / 1000 },
  };
}
