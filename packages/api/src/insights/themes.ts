import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { rows } from "../db/store.ts";
import type { Services } from "../env.ts";
import { type Scope, scoped } from "./window.ts";

const EXAMPLES = 3;
const RELATED = 5;

export const ThemeSchema = z.object({
  theme: z.string().openapi({ description: "The keyword the wishes share" }),
  count: z.number().int(),
  sources: z.object({ signals: z.number().int(), designWishes: z.number().int(), designToTen: z.number().int() }),
  related: z
    .array(z.object({ term: z.string(), count: z.number().int() }))
    .openapi({ description: "Other keywords these wishes mention most" }),
  examples: z.array(z.object({ source: z.enum(["signal", "wish", "toTen"]), text: z.string() })),
});

type Source = "signal" | "wish" | "toTen";
const SOURCES: Record<string, Source> = { s: "signal", w: "wish", t: "toTen" };

/**
 * Wishes (signals, design wishes, "what would make it a 10") grouped by keyword: each text joins the theme
 * of its keyword that the most texts share (ties alphabetically), so a theme's count is how many texts it
 * holds and no text counts twice. The keywords come from insights/terms.ts (stored with each text).
 */
export async function themes(services: Services, scope: Scope, limit: number) {
  const { db } = services;
  // One line per text, unsorted: "<source> <ref> <microseconds> <term> <term> ...". Designs are read once,
  // each giving its wish and its "what would make it a 10" (null when it has none).
  const [all] = await rows<{ lines: string | null }>(
    db,
    sql`select string_agg(line, E'\n') as lines from (
          select 's ' || id || ' ' || (date_part('epoch', created_at) * 1000000)::bigint || ' '
            || coalesce(array_to_string(terms, ' '), '') as line
          from signals where kind = 'wish' and ${scoped(scope)}
          union all
          select t.source || ' ' || design_id || ' ' || (date_part('epoch', created_at) * 1000000)::bigint || ' '
            || array_to_string(t.terms, ' ')
          from design_features cross join lateral (values ('w', wish_terms), ('t', to_ten_terms)) as t(source, terms)
          where ${scoped(scope)} and status <> 'withdrawn' and not pending and t.terms is not null) texts`,
  );
  // Texts with the same source and keywords behave alike: group them first (one map operation a line).
  const counts = { signal: 0, wish: 0, toTen: 0 };
  const sets = new Map<string, KeywordSet>();
  for (const line of (all?.lines ?? "").split("\n")) {
    if (line === "") continue;
    const first = line.indexOf(" ");
    const second = line.indexOf(" ", first + 1);
    const third = line.indexOf(" ", second + 1);
    const source = SOURCES[line.slice(0, first)]!;
    counts[source]++;
    const key = line.slice(0, first) + line.slice(third);
    let set = sets.get(key);
    if (set === undefined) {
      set = {
        source,
        terms: line
          .slice(third + 1)
          .split(" ")
          .filter((t) => t !== ""),
        count: 0,
        newest: [],
      };
      sets.set(key, set);
    }
    set.count++;
    const at = Number(line.slice(second + 1, third));
    if (set.newest.length < EXAMPLES || at > set.newest[EXAMPLES - 1]!.at)
      keepNewest(set.newest, { source, ref: line.slice(first + 1, second), at });
  }
  const withTerms = [...sets.values()].filter((set) => set.terms.length > 0);
  const shared = new Map<string, number>();
  for (const set of withTerms) for (const term of set.terms) shared.set(term, (shared.get(term) ?? 0) + set.count);
  const groups = new Map<string, { sets: KeywordSet[]; count: number; related: Map<string, number> }>();
  for (const set of withTerms) {
    let theme = set.terms[0]!;
    for (const term of set.terms) {
      const difference = shared.get(term)! - shared.get(theme)!;
      if (difference > 0 || (difference === 0 && term < theme)) theme = term;
    }
    let group = groups.get(theme);
    if (group === undefined) {
      group = { sets: [], count: 0, related: new Map() };
      groups.set(theme, group);
    }
    group.sets.push(set);
    group.count += set.count;
    for (const term of set.terms)
      if (term !== theme) group.related.set(term, (group.related.get(term) ?? 0) + set.count);
  }
  const top = [...groups]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([theme, group]) => {
      const newest: Example[] = [];
      for (const set of group.sets) for (const example of set.newest) keepNewest(newest, example);
      const from = (source: Source) =>
        group.sets.reduce((sum, set) => sum + (set.source === source ? set.count : 0), 0);
      return { theme, group, newest, from };
    });
  const examples = await exampleTexts(
    services,
    top.flatMap((t) => t.newest),
  );
  return {
    total: counts.signal + counts.wish + counts.toTen,
    signals: counts.signal,
    designWishes: counts.wish,
    designToTen: counts.toTen,
    themes: top.map(({ theme, group, newest, from }) => ({
      theme,
      count: group.count,
      sources: { signals: from("signal"), designWishes: from("wish"), designToTen: from("toTen") },
      related: [...group.related]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .slice(0, RELATED)
        .map(([term, count]) => ({ term, count })),
      examples: newest.map((t) => ({ source: t.source, text: examples.get(`${t.source} ${t.ref}`) ?? "" })),
    })),
  };
}

interface Example {
  readonly source: Source;
  readonly ref: string;
  readonly at: number;
}

interface KeywordSet {
  readonly source: Source;
  readonly terms: string[];
  count: number;
  readonly newest: Example[];
}

/** Keeps the EXAMPLES newest (largest `at`) in `best`, newest first. */
function keepNewest(best: Example[], example: Example): void {
  if (best.length === EXAMPLES && example.at <= best[EXAMPLES - 1]!.at) return;
  best.push(example);
  best.sort((a, b) => b.at - a.at);
  if (best.length > EXAMPLES) best.pop();
}

/** The words of the chosen examples, by "<source> <ref>". */
async function exampleTexts(services: Services, chosen: { source: Source; ref: string }[]) {
  const found = new Map<string, string>();
  const signalIds = chosen.filter((t) => t.source === "signal").map((t) => Number(t.ref));
  const designIds = chosen.filter((t) => t.source !== "signal").map((t) => t.ref);
  if (signalIds.length > 0) {
    const list = sql.join(
      signalIds.map((id) => sql`${id}`),
      sql`, `,
    );
    for (const row of await rows<{ id: string; text: string }>(
      services.db,
      sql`select id::text as id, text from signals where id in (${list})`,
    ))
      found.set(`signal ${row.id}`, row.text);
  }
  if (designIds.length > 0) {
    const list = sql.join(
      designIds.map((id) => sql`${id}`),
      sql`, `,
    );
    for (const row of await rows<{ id: string; wish: string | null; toTen: string }>(
      services.db,
      sql`select id, wish, to_ten as "toTen" from designs where id in (${list})`,
    )) {
      if (row.wish) found.set(`wish ${row.id}`, row.wish);
      found.set(`toTen ${row.id}`, row.toTen);
    }
  }
  return found;
}
