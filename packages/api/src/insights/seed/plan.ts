import { LICENCES } from "../../designs/submit.ts";
import type { DesignStatus } from "../../db/schema.ts";
import { newId } from "../../ids.ts";
import type { BlockedAttempt, PoolDesign } from "./generate.ts";
import { type Random, Sampler } from "./random.ts";
import { story, title, wish } from "./texts.ts";

/** What one seeded pack brings: its simulated pool of designs and blocked attempts, and its labels. */
export interface PackPool {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly labels: readonly string[];
  readonly share: number;
  readonly pool: readonly PoolDesign[];
  readonly blocked: readonly BlockedAttempt[];
}

export interface PlannedDesign {
  readonly id: string;
  readonly pack: PackPool;
  readonly entry: PoolDesign;
  readonly creator: number;
  readonly at: Date;
  readonly status: DesignStatus;
  readonly votes: number;
  remixes: number;
  readonly parent: string | null;
  readonly title: string;
  readonly story: string;
  readonly fit: number;
  readonly toTen: string;
  readonly wish: string | null;
  readonly licence: (typeof LICENCES)[number];
}

export interface PlannedSignal {
  readonly pack: PackPool;
  readonly at: Date;
  readonly session: string;
  readonly blocked?: BlockedAttempt;
  readonly text?: string;
}

const DAY = 86_400_000;
const STATUSES: readonly [DesignStatus, number][] = [
  ["submitted", 78],
  ["under_review", 8],
  ["shortlisted", 4],
  ["commercialized", 1],
  ["declined", 6],
  ["withdrawn", 3],
];

/** Moments over the last `days`, denser lately (the community grows) and at weekends, oldest first. */
export function timeline(random: Random, count: number, days: number, end = Date.now()): Date[] {
  const times: number[] = [];
  while (times.length < count) {
    const t = end - (1 - Math.sqrt(random.next())) * days * DAY;
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6 || random.chance(0.75)) times.push(t);
  }
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}

/**
 * Every design of the run, in memory before anything is written (remix counts need the children):
 * creators with heavy-tailed activity, a few "innovators" who pick rare designs and draw more votes,
 * popular pool designs recurring, remixes of recent designs, review outcomes, words and wishes.
 */
export function planDesigns(random: Random, packs: readonly PackPool[], count: number, days: number) {
  const creators = Math.max(10, Math.round(count / 4));
  const activity = new Sampler(Array.from({ length: creators }, () => 1 + random.pareto(1, 1.2)));
  const innovator = (c: number) => c % 25 === 0;
  const packOf = new Sampler(packs.map((p) => p.share));
  const popular = packs.map((p) => new Sampler(p.pool.map((_, rank) => 1 / (rank + 20) ** 0.8)));
  const status = new Sampler(STATUSES.map(([, w]) => w));
  const recent = packs.map(() => [] as PlannedDesign[]);
  const designs: PlannedDesign[] = [];
  for (const at of timeline(random, count, days)) {
    const p = packOf.draw(random);
    const pack = packs[p]!;
    const creator = activity.draw(random);
    const bold = innovator(creator);
    const entry = pack.pool[bold ? random.int(pack.pool.length) : popular[p]!.draw(random)]!;
    const parent = recent[p]!.length > 0 && random.chance(0.12) ? random.pick(recent[p]!) : undefined;
    if (parent) parent.remixes++;
    const design: PlannedDesign = {
      id: newId("d"),
      pack,
      entry,
      creator,
      at,
      status: STATUSES[status.draw(random)]![0],
      votes: Math.min(5000, random.pareto(bold ? 4 : 1.5, 1.6)),
      remixes: 0,
      parent: parent?.id ?? null,
      title: title(random, pack.name),
      story: story(random),
      fit: Math.min(10, 4 + random.int(5) + random.int(3)),
      toTen: random.chance(0.55) ? wish(random, pack.labels) : "",
      wish: random.chance(0.12) ? wish(random, pack.labels) : null,
      licence: random.pick(LICENCES),
    };
    designs.push(design);
    recent[p]!.push(design);
    if (recent[p]!.length > 2000) recent[p]!.shift();
  }
  return { designs, creators };
}

/** Signals over the same period: configurator sessions sending one to three, blocked attempts or wishes. */
export function planSignals(random: Random, packs: readonly PackPool[], count: number, days: number): PlannedSignal[] {
  const packOf = new Sampler(packs.map((p) => p.share));
  const blocked = packs.map((p) => new Sampler(p.blocked.map((b) => b.count)));
  const signals: PlannedSignal[] = [];
  const times = timeline(random, count, days);
  for (let i = 0; i < times.length; ) {
    const pack = packs[packOf.draw(random)]!;
    const session = newId("s", 6);
    for (let n = 1 + random.int(3); n > 0 && i < times.length; n--, i++) {
      const p = packs.indexOf(pack);
      const isWish = pack.blocked.length === 0 || random.chance(0.35);
      signals.push(
        isWish
          ? { pack, at: times[i]!, session, text: wish(random, pack.labels) }
          : { pack, at: times[i]!, session, blocked: pack.blocked[blocked[p]!.draw(random)]! },
      );
    }
  }
  return signals;
}
