import { sql } from "drizzle-orm";
import { rows } from "../db/store.ts";
import type { Services } from "../env.ts";
import { layoutOf } from "./layout.ts";
import { type Scope, scoped } from "./window.ts";

/**
 * The designs of a window as compact item lists: an item is one value of one variable ("frame=oak"),
 * numbered densely across the pack versions involved. Values of a module slot's own variables are left
 * out when the slot is empty: they are defaults nobody chose.
 */
export interface Sample {
  readonly n: number;
  readonly variables: readonly string[];
  /** Per item: its variable (index into `variables`) and value id. */
  readonly itemVariable: Int32Array;
  readonly itemValue: readonly string[];
  /** Design d holds items `items[offsets[d]]` to `items[offsets[d + 1] - 1]`, in model order. */
  readonly offsets: Int32Array;
  readonly items: Int32Array;
  /** Per design, when asked for (`people`): creator number, votes, 1 shortlisted / 2 commercialized / 0. */
  readonly creators: Int32Array;
  readonly votes: Int32Array;
  readonly outcomes: Uint8Array;
  /** Item count per item. */
  readonly counts: Int32Array;
}

export interface SampleQuery extends Scope {
  readonly people?: boolean;
}

/**
 * One aggregate per pack version: the codes of all its designs concatenated into one bytea (fixed-length
 * records), so 100,000 designs cost one value to transfer and one pass to decode instead of 100,000 rows.
 * With `people`, each record is followed by votes (4 bytes), outcome (1 byte) and creator number (4 bytes).
 */
export async function loadSample(services: Services, query: SampleQuery): Promise<Sample> {
  const record = query.people
    ? sql`codes || int4send(votes) || case status when 'shortlisted' then '\\x01'::bytea
        when 'commercialized' then '\\x02'::bytea else '\\x00'::bytea end || int4send(creator_number)`
    : sql`codes`;
  // node-postgres would send a bytea as hex text (twice its size); base64 is a third smaller and decodes
  // natively. PGlite hands the bytes over as they are.
  const remote = services.store.kind === "postgres";
  const aggregate = sql`string_agg(${record}, ''::bytea)`;
  // PostgreSQL 15 cannot parallelize string_agg: two halves of the window on two connections can.
  const { from, to } = query.window;
  const middle = new Date((from.getTime() + to.getTime()) / 2);
  const parts = remote
    ? [
        { from, to: middle },
        { from: middle, to },
      ]
    : [query.window];
  const results = await Promise.all(
    parts.map((window) =>
      rows<{ version: string; n: number; codes: Uint8Array | string }>(
        services.db,
        sql`select pack_version as version, count(*)::int as n,
              ${remote ? sql`encode(${aggregate}, 'base64')` : aggregate} as codes
            from design_features
            where ${scoped({ ...query, window })} and status <> 'withdrawn' and not pending and octet_length(codes) > 0
            group by pack_version order by pack_version`,
      ),
    ),
  );
  const groups = results.flat();
  const variables: string[] = [];
  const variableIndex = new Map<string, number>();
  const itemVariable: number[] = [];
  const itemValue: string[] = [];
  const itemIndex = new Map<string, number>();
  const item = (variable: string, value: string) => {
    const key = `${variable}=${value}`;
    let index = itemIndex.get(key);
    if (index === undefined) {
      let v = variableIndex.get(variable);
      if (v === undefined) {
        v = variables.push(variable) - 1;
        variableIndex.set(variable, v);
      }
      index = itemValue.push(value) - 1;
      itemVariable.push(v);
      itemIndex.set(key, index);
    }
    return index;
  };

  const total = groups.reduce((sum, g) => sum + g.n, 0);
  const offsets = new Int32Array(total + 1);
  const widest = Math.max(0, ...groups.map((g) => g.codes.length / Math.max(1, g.n)));
  const items = new Int32Array(Math.ceil(total * widest) + 1);
  const creators = new Int32Array(query.people ? total : 0);
  const votes = new Int32Array(query.people ? total : 0);
  const outcomes = new Uint8Array(query.people ? total : 0);
  let d = 0;
  let k = 0;
  for (const group of groups) {
    const loaded = await services.packs.load(query.packId, group.version).catch(() => undefined);
    if (loaded === undefined) continue;
    const layout = layoutOf(loaded);
    const vars = layout.variables.length;
    // Typed tables for the hot loop: option count, slot type variable and its "empty" option, and the
    // global item of (variable v, option o) at map[base[v] + o].
    const options = Int32Array.from(layout.variables, (v) => v.values.length);
    const slotType = Int32Array.from(layout.variables, (v) => v.slotType);
    const empty = Int32Array.from(layout.variables, (v) => v.emptyOption);
    const base = new Int32Array(vars);
    const map: number[] = [];
    layout.variables.forEach((variable, v) => {
      base[v] = map.length;
      for (const value of variable.values) map.push(item(variable.id, value));
    });
    const bytes =
      typeof group.codes === "string"
        ? Buffer.from(group.codes, "base64")
        : Buffer.from(group.codes.buffer, group.codes.byteOffset, group.codes.byteLength);
    const table = { vars, wide: layout.width === 2, options, slotType, empty, base, global: Int32Array.from(map) };
    ({ d, k } = decode(bytes, table, { items, offsets, votes, outcomes, creators }, d, k, query.people === true));
  }
  const counts = new Int32Array(itemValue.length);
  for (let i = 0; i < k; i++) counts[items[i]!]!++;
  return {
    n: d,
    variables,
    itemVariable: Int32Array.from(itemVariable),
    itemValue,
    offsets: offsets.subarray(0, d + 1),
    items: items.subarray(0, k),
    creators: creators.subarray(0, d),
    votes: votes.subarray(0, d),
    outcomes: outcomes.subarray(0, d),
    counts,
  };
}

interface Table {
  readonly vars: number;
  readonly wide: boolean;
  readonly options: Int32Array;
  readonly slotType: Int32Array;
  readonly empty: Int32Array;
  readonly base: Int32Array;
  readonly global: Int32Array;
}

interface Out {
  readonly items: Int32Array;
  readonly offsets: Int32Array;
  readonly votes: Int32Array;
  readonly outcomes: Uint8Array;
  readonly creators: Int32Array;
}

/** The hot loop, kept small and synchronous so that V8 optimizes it: records to item lists. */
function decode(bytes: Buffer, table: Table, out: Out, d: number, k: number, people: boolean) {
  const { vars, wide, options, slotType, empty, base, global } = table;
  const { items, offsets } = out;
  const size = wide ? 2 * vars : vars;
  const option = new Int32Array(vars);
  for (let at = 0; at + size <= bytes.length; d++) {
    for (let v = 0; v < vars; v++)
      option[v] = wide ? (bytes[at + 2 * v]! << 8) | bytes[at + 2 * v + 1]! : bytes[at + v]!;
    at += size;
    if (people) {
      out.votes[d] = bytes.readInt32BE(at);
      out.outcomes[d] = bytes[at + 4]!;
      out.creators[d] = bytes.readInt32BE(at + 5);
      at += 9;
    }
    for (let v = 0; v < vars; v++) {
      const o = option[v]!;
      if (o >= options[v]!) continue; // not given ("missing" is the largest code)
      const t = slotType[v]!;
      if (t >= 0 && option[t] === empty[v]) continue;
      items[k++] = global[base[v]! + o]!;
    }
    offsets[d + 1] = k;
  }
  return { d, k };
}
