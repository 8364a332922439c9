import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { rows } from "../db/store.ts";
import type { Services } from "../env.ts";
import { loadSample } from "./sample.ts";
import { type Scope, scoped } from "./window.ts";

/** Points per unit of each component; returned with every answer so the ranking can be checked by hand. */
export const WEIGHTS = { novelty: 10, votes: 1, remixes: 3, shortlisted: 5, commercialized: 10 } as const;
export const FORMULA =
  "score = 10·(noveltyIndex − 1) + 1·log2(1 + votes) + 3·log2(1 + remixesByOthers) + 5·shortlisted + 10·commercialized";

const Points = z.object({
  novelty: z.number(),
  votes: z.number(),
  remixes: z.number(),
  shortlisted: z.number(),
  commercialized: z.number(),
});

export const LeadsSchema = z
  .object({
    formula: z.string(),
    weights: Points,
    meanNovelty: z.number().openapi({ description: "Mean novelty of all designs in the window" }),
    creators: z.array(
      z.object({
        creator: z.object({ id: z.string(), name: z.string() }),
        score: z.number(),
        components: z.object({
          designs: z.number().int(),
          novelty: z.number().openapi({
            description:
              "Mean over their designs of the mean −ln(share) of the design's values: rare choices score high",
          }),
          noveltyIndex: z.number().openapi({ description: "novelty / meanNovelty: 1 is typical" }),
          votes: z.number().int().openapi({ description: "Votes their designs received" }),
          remixesByOthers: z
            .number()
            .int()
            .openapi({ description: "Remixes of their designs by other creators, made in the window" }),
          shortlisted: z.number().int(),
          commercialized: z.number().int(),
        }),
        points: Points,
      }),
    ),
  })
  .openapi("LeadCustomers");

/** Creators of the window's designs ranked by a transparent score (FORMULA), with its parts. */
export async function leadCustomers(
  services: Services,
  scope: Scope,
  limit: number,
): Promise<z.infer<typeof LeadsSchema>> {
  const { db } = services;
  // Remixes made in the window of these creators' designs by someone else (a remix keeps its parent's
  // creator); independent of the designs' sample, so both queries run at once on PostgreSQL.
  const [sample, remixes] = await Promise.all([
    loadSample(services, { ...scope, people: true }),
    rows<{ number: number; remixes: number }>(
      db,
      sql`select n.number, count(*)::int as remixes
          from design_features f join insight_creators n on n.creator_id = f.parent_creator_id
          where ${scoped(scope)} and f.parent_creator_id is not null and f.status <> 'withdrawn'
            and f.parent_creator_id <> f.creator_id
          group by n.number`,
    ),
  ]);
  const remixed = new Map(remixes.map((r) => [r.number, r.remixes]));
  const { n, counts, offsets, items, creators, votes, outcomes } = sample;
  const surprise = Float64Array.from(counts, (count) => (count === 0 ? 0 : -Math.log(count / n)));
  // One pass over the designs: per creator (by number), designs, novelty sum, votes and review outcomes.
  const index = new Map<number, number>();
  const who: number[] = [];
  const total = {
    novelty: [] as number[],
    designs: [] as number[],
    votes: [] as number[],
    outcomes: [[], []] as number[][],
  };
  let all = 0;
  for (let d = 0; d < n; d++) {
    let sum = 0;
    for (let k = offsets[d]!; k < offsets[d + 1]!; k++) sum += surprise[items[k]!]!;
    const design = offsets[d + 1]! > offsets[d]! ? sum / (offsets[d + 1]! - offsets[d]!) : 0;
    all += design;
    let c = index.get(creators[d]!);
    if (c === undefined) {
      c = who.push(creators[d]!) - 1;
      index.set(creators[d]!, c);
      total.novelty.push(0);
      total.designs.push(0);
      total.votes.push(0);
      total.outcomes[0]!.push(0);
      total.outcomes[1]!.push(0);
    }
    total.novelty[c]! += design;
    total.designs[c]!++;
    total.votes[c]! += votes[d]!;
    if (outcomes[d]! > 0) total.outcomes[outcomes[d]! - 1]![c]!++;
  }
  const meanNovelty = n === 0 ? 0 : all / n;

  const explain = (c: number) => {
    const novelty = total.novelty[c]! / total.designs[c]!;
    const components = {
      designs: total.designs[c]!,
      novelty,
      noveltyIndex: meanNovelty === 0 ? 1 : novelty / meanNovelty,
      votes: total.votes[c]!,
      remixesByOthers: remixed.get(who[c]!) ?? 0,
      shortlisted: total.outcomes[0]![c]!,
      commercialized: total.outcomes[1]![c]!,
    };
    const points = {
      novelty: WEIGHTS.novelty * (components.noveltyIndex - 1),
      votes: WEIGHTS.votes * Math.log2(1 + components.votes),
      remixes: WEIGHTS.remixes * Math.log2(1 + components.remixesByOthers),
      shortlisted: WEIGHTS.shortlisted * components.shortlisted,
      commercialized: WEIGHTS.commercialized * components.commercialized,
    };
    return { score: Object.values(points).reduce((sum, p) => sum + p, 0), components, points };
  };
  const scores = who.map((_, c) => explain(c).score);
  const ranked = [...who.keys()]
    .sort((a, b) => scores[b]! - scores[a]! || who[a]! - who[b]!)
    .slice(0, limit)
    .map((c) => ({ number: who[c]!, ...explain(c) }));

  const people = new Map<number, { id: string; name: string }>();
  if (ranked.length > 0) {
    const list = sql.join(
      ranked.map((r) => sql`${r.number}`),
      sql`, `,
    );
    for (const row of await rows<{ number: number; id: string; name: string }>(
      db,
      sql`select n.number, c.id, c.name from insight_creators n join creators c on c.id = n.creator_id
          where n.number in (${list})`,
    ))
      people.set(row.number, { id: row.id, name: row.name });
  }
  return {
    formula: FORMULA,
    weights: { ...WEIGHTS },
    meanNovelty,
    creators: ranked.map(({ number, ...rest }) => ({
      creator: people.get(number) ?? { id: "", name: "" },
      ...rest,
    })),
  };
}
