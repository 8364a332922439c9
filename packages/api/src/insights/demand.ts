import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { rows } from "../db/store.ts";
import type { Services } from "../env.ts";
import type { LoadedPack } from "../packs/registry.ts";
import { layoutOf } from "./layout.ts";
import { themes, ThemeSchema } from "./themes.ts";
import { type Scope, scoped } from "./window.ts";

export const DemandQueryLimits = { limit: z.coerce.number().int().min(1).max(200).default(20) };

const Counted = z.object({ id: z.string(), count: z.number().int() });

export const DemandSchema = z
  .object({
    blocked: z.object({
      total: z.number().int(),
      sessions: z.number().int().openapi({ description: "Sessions (a signal without one counts as its own)" }),
      wanted: z.array(
        z.object({
          wanted: z.string(),
          label: z.string(),
          count: z.number().int(),
          sessions: z.number().int(),
          constraints: z.array(Counted.extend({ message: z.string() })),
          blockedBy: z.array(Counted),
        }),
      ),
    }),
    wishes: z.object({
      total: z.number().int(),
      signals: z.number().int().openapi({ description: "Wishes sent from the configurator" }),
      designWishes: z.number().int().openapi({ description: "Designs with a wish" }),
      designToTen: z.number().int().openapi({ description: "Designs saying what would make them a 10" }),
      themes: z.array(ThemeSchema),
    }),
  })
  .openapi("UnmetDemand");

/** Blocked attempts by wanted value, with who and what blocked them; wishes grouped into themes. */
export async function unmetDemand(
  services: Services,
  scope: Scope,
  reference: LoadedPack,
  limit: number,
): Promise<z.infer<typeof DemandSchema>> {
  // Independent: on PostgreSQL they run side by side on two connections.
  const [blocked, wishes] = await Promise.all([
    blockedAttempts(services, scope, reference, limit),
    themes(services, scope, limit),
  ]);
  return { blocked, wishes };
}

async function blockedAttempts(services: Services, scope: Scope, reference: LoadedPack, limit: number) {
  const { db } = services;
  const blocked = sql`kind = 'blocked' and ${scoped(scope)}`;
  const session = sql`coalesce(session, 'signal ' || id)`;
  // Sessions per wanted value through a first grouping by (wanted, session), which hashes instead of
  // sorting every signal as count(distinct) would.
  const grouped = await rows<{ wanted: string | null; count: number; sessions: number }>(
    db,
    sql`with per as (
          select wanted, ${session} as s, count(*)::int as n from signals where ${blocked} group by 1, 2)
        select wanted, sum(n)::int as count, count(*)::int as sessions from per group by wanted
        union all
        select null, coalesce(sum(n), 0)::int, count(distinct s)::int from per`,
  );
  const totals = grouped.find((g) => g.wanted === null);
  const wanted = grouped
    .filter((g): g is typeof g & { wanted: string } => g.wanted !== null)
    .sort((a, b) => b.count - a.count || (a.wanted < b.wanted ? -1 : 1))
    .slice(0, limit);
  // What blocked them: signals grouped by their whole lists (few distinct), the lists unpacked here.
  const top =
    wanted.length === 0
      ? sql`null`
      : sql.join(
          wanted.map((w) => sql`${w.wanted}`),
          sql`, `,
        );
  const combos = await rows<{ wanted: string; constraints: string[]; blockedBy: string[]; count: number }>(
    db,
    sql`select wanted, constraints, blocked_by as "blockedBy", count(*)::int as count
        from signals where ${blocked} and wanted in (${top}) group by 1, 2, 3`,
  );
  const tally = (pick: (c: (typeof combos)[number]) => string[]) => {
    const counts = new Map<string, Map<string, number>>();
    for (const combo of combos) {
      const mine = counts.get(combo.wanted) ?? new Map<string, number>();
      counts.set(combo.wanted, mine);
      for (const id of pick(combo)) mine.set(id, (mine.get(id) ?? 0) + combo.count);
    }
    return (w: string) =>
      [...(counts.get(w) ?? [])]
        .map(([id, count]) => ({ id, count }))
        .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  };
  const constraintsOf = tally((c) => c.constraints);
  const blockersOf = tally((c) => c.blockedBy);
  const messages = new Map(reference.compiled.model.constraints.map((c) => [c.id, c.message]));
  return {
    total: totals?.count ?? 0,
    sessions: totals?.sessions ?? 0,
    wanted: wanted.map((w) => ({
      ...w,
      label: choiceLabel(reference, w.wanted),
      constraints: constraintsOf(w.wanted).map((r) => ({ ...r, message: messages.get(r.id) ?? r.id })),
      blockedBy: blockersOf(w.wanted).slice(0, 10),
    })),
  };
}

/** "Frame: Oak" for "frame=oak" (and "not ..." for a rejection), from the reference version's labels. */
function choiceLabel(reference: LoadedPack, choice: string): string {
  const layout = layoutOf(reference);
  const negated = choice.startsWith("!");
  const [id, value = "true"] = choice.slice(negated ? 1 : 0).split("=");
  const variable = layout.variables[layout.byId.get(id!) ?? -1];
  if (variable === undefined) return choice;
  const option = variable.values.indexOf(value);
  const text = `${variable.label}: ${variable.valueLabels[option] ?? value}`;
  return negated ? `not ${text}` : text;
}
