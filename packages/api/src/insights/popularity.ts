import { z } from "@hono/zod-openapi";
import type { Layout } from "./layout.ts";
import type { Sample } from "./sample.ts";

export const PopularitySchema = z
  .object({
    designs: z.number().int().openapi({ description: "Designs in the window" }),
    variables: z.array(
      z.object({
        variable: z.string(),
        label: z.string(),
        designs: z.number().int().openapi({ description: "Designs that have a value for it (filled slots only)" }),
        values: z.array(
          z.object({
            value: z.string(),
            label: z.string(),
            count: z.number().int(),
            share: z.number().openapi({ description: "count / designs in the window" }),
          }),
        ),
      }),
    ),
  })
  .openapi("Popularity");

export type Popularity = z.infer<typeof PopularitySchema>;

/**
 * Each value's count and share, most chosen first. The reference version's values that nobody chose are
 * listed with 0: options no one wants are an insight too.
 */
export function popularity(sample: Sample, layout: Layout): Popularity {
  const byVariable = new Map<string, Map<string, number>>();
  for (let i = 0; i < sample.itemValue.length; i++) {
    const variable = sample.variables[sample.itemVariable[i]!]!;
    let values = byVariable.get(variable);
    if (values === undefined) {
      values = new Map();
      byVariable.set(variable, values);
    }
    values.set(sample.itemValue[i]!, sample.counts[i]!);
  }
  const ids = [...layout.variables.map((v) => v.id), ...[...byVariable.keys()].filter((id) => !layout.byId.has(id))];
  return {
    designs: sample.n,
    variables: ids.map((id) => {
      const reference = layout.variables[layout.byId.get(id) ?? -1];
      const counts = byVariable.get(id) ?? new Map<string, number>();
      const order = [...(reference?.values ?? []), ...[...counts.keys()].filter((v) => !reference?.values.includes(v))];
      const values = order.map((value, i) => {
        const count = counts.get(value) ?? 0;
        return { value, label: reference?.valueLabels[i] ?? value, count, share: share(count, sample.n) };
      });
      values.sort((a, b) => b.count - a.count);
      return {
        variable: id,
        label: reference?.label ?? id,
        designs: values.reduce((sum, v) => sum + v.count, 0),
        values,
      };
    }),
  };
}

export const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
