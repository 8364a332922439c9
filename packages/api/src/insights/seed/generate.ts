import {
  type Choice,
  choicesToDesign,
  type Design,
  type DesignReport,
  designToChoices,
  EMPTY_MODULE,
  formatChoice,
  validateDesign,
} from "@kitbash/rules";
import type { LoadedPack } from "../../packs/registry.ts";
import { encodeDesign } from "../layout.ts";
import type { Random } from "./random.ts";

/** A distinct valid design of the pool the seed draws its designs from. */
export interface PoolDesign {
  readonly design: Design;
  readonly report: DesignReport;
  readonly codes: Uint8Array;
}

export interface BlockedAttempt {
  readonly wanted: string;
  readonly blockedBy: string[];
  readonly constraints: string[];
  count: number;
}

const NAMES = ["Ada", "Max", "Lea", "Tom", "Mia", "Ben", "Ida", "Leo"];

/**
 * Simulated configurator sessions on one pack: customers click values one at a time among what the engine
 * still allows (`evaluate(choices).possible`), with per-pack tastes and a few planted affinities, sometimes
 * trying a value the rules block (an innovation signal, explained by the engine); the rest is completed
 * with defaults and validated. Evaluations are memoized: sessions share their first clicks.
 */
export class PackSimulator {
  readonly pool: PoolDesign[] = [];
  readonly blocked = new Map<string, BlockedAttempt>();
  /** "frame=oak → lighting=spots": when the first is chosen, the second is far more likely. */
  readonly planted: string[] = [];
  private readonly taste: Float64Array[];
  private readonly boosts = new Map<string, { variable: number; value: number }>();
  private readonly memo = new Map<string, readonly (readonly boolean[])[]>();
  private readonly seen = new Set<string>();

  constructor(
    readonly loaded: LoadedPack,
    private readonly random: Random,
  ) {
    const { model } = loaded.compiled;
    // Tastes: a random popularity order per variable, defaults a little favoured.
    this.taste = model.variables.map((variable) => {
      const order = random.shuffle([...variable.values.keys()]);
      const weights = new Float64Array(variable.values.length);
      order.forEach((value, rank) => {
        weights[value] = (1 / (rank + 1) ** 1.1) * (value === variable.defaultValue ? 1.5 : 1);
      });
      return weights;
    });
    this.plant(3);
  }

  private plant(count: number) {
    const globals = [...this.loaded.compiled.structure.globals.values()].filter((v) => v.kind === "choice");
    for (let tries = 0; this.planted.length < count && tries < 50; tries++) {
      const [a, b] = [this.random.pick(globals), this.random.pick(globals)];
      if (a === b || a.index > b.index) continue;
      const x = this.random.int(a.options.length);
      const possible = this.possible([{ variable: a.index, value: x, negated: false }]);
      const ys = possible[b.index]!.flatMap((ok, y) => (ok ? [y] : []));
      if (ys.length < 2) continue;
      const y = this.random.pick(ys);
      this.boosts.set(`${a.index}:${x}`, { variable: b.index, value: y });
      this.planted.push(`${a.id}=${a.options[x]!.id} → ${b.id}=${b.options[y]!.id}`);
    }
  }

  private possible(choices: readonly Choice[]): readonly (readonly boolean[])[] {
    const key = choices.map((c) => `${c.variable}:${c.value}`).join(",");
    let possible = this.memo.get(key);
    if (possible === undefined) {
      possible = this.loaded.space.evaluate(choices).possible;
      if (this.memo.size > 50_000) this.memo.clear();
      this.memo.set(key, possible);
    }
    return possible;
  }

  /** The variables a customer clicks, in the configurator's order: some globals, then the module slots. */
  private plan(): { variable: number; empty?: boolean }[] {
    const { structure } = this.loaded.compiled;
    const clicks: { variable: number; empty?: boolean }[] = [];
    for (const variable of structure.globals.values())
      if (this.random.chance(0.55)) clicks.push({ variable: variable.index });
    for (const module of structure.modules.values()) {
      const sizes = module.slots.map((_, k) => Math.exp(-((k + 1 - 2.5) ** 2) / 2));
      const filled = Math.max(module.def.min, 1 + this.random.weighted(sizes));
      for (const slot of module.slots) {
        if (slot.index <= filled) {
          clicks.push({ variable: slot.type.index });
          for (const [id, own] of slot.variables)
            if (id !== "type" && this.random.chance(0.35)) clicks.push({ variable: own.index });
        } else if (slot.index === filled + 1) clicks.push({ variable: slot.type.index, empty: true });
      }
    }
    return clicks;
  }

  /** One session; adds its design to the pool unless an identical one is there. */
  session(): void {
    const { model } = this.loaded.compiled;
    const choices: Choice[] = [];
    const favoured = new Map<number, number>();
    for (const click of this.plan()) {
      const possible = this.possible(choices)[click.variable]!;
      const variable = model.variables[click.variable]!;
      const weights = Float64Array.from(this.taste[click.variable]!, (w, i) => (possible[i] ? w : 0));
      const empty = variable.values.findIndex((v) => v.id === EMPTY_MODULE);
      if (empty >= 0) weights[empty] = click.empty ? 1e6 * Number(possible[empty]) : 0;
      const boost = favoured.get(click.variable);
      if (boost !== undefined && possible[boost]) weights[boost]! *= 40;
      if (this.random.chance(0.3)) this.tryBlocked(choices, click.variable, possible);
      if (!weights.some((w) => w > 0)) continue;
      const value = this.random.weighted(weights);
      choices.push({ variable: click.variable, value, negated: false });
      const planted = this.boosts.get(`${click.variable}:${value}`);
      if (planted) favoured.set(planted.variable, planted.value);
    }
    const full = this.loaded.space.complete(choices, "default");
    if (full) this.add(full);
  }

  /** The customer wants a value of their taste; when the rules block it, that is a signal. */
  private tryBlocked(choices: readonly Choice[], variable: number, possible: readonly boolean[]) {
    const want = this.random.weighted(this.taste[variable]!);
    if (possible[want]) return;
    const { model } = this.loaded.compiled;
    const wanted: Choice = { variable, value: want, negated: false };
    const key = `${formatChoice(model, wanted)} | ${choices.map((c) => formatChoice(model, c)).join(" ")}`;
    const known = this.blocked.get(key);
    if (known) {
      known.count++;
      return;
    }
    const explanation = this.loaded.space.explain(choices, wanted);
    if (!explanation.blocked) return;
    this.blocked.set(key, {
      wanted: formatChoice(model, wanted),
      blockedBy: explanation.choices.map((c) => formatChoice(model, c)),
      constraints: explanation.constraints.map((c) => c.id),
      count: 1,
    });
  }

  /** Designs one value away from a pool design that the engine says stay valid (every other value kept). */
  variants(base: PoolDesign, limit: number): void {
    const { compiled } = this.loaded;
    const { choices: full } = designToChoices(compiled, base.design);
    const possible = this.loaded.space.evaluate(full).possible;
    const swaps = this.random.shuffle(
      full.flatMap((choice) =>
        compiled.structure.variables[choice.variable]!.kind === "text"
          ? []
          : possible[choice.variable]!.flatMap((ok, value) =>
              ok && value !== choice.value ? [{ ...choice, value }] : [],
            ),
      ),
    );
    for (const swap of swaps.slice(0, limit)) this.add(full.map((c) => (c.variable === swap.variable ? swap : c)));
  }

  private add(full: readonly Choice[]): void {
    const texts = Object.fromEntries(
      this.loaded.compiled.structure.variables
        .filter((v) => v.kind === "text")
        .map((v) => [v.id, this.random.pick(NAMES)]),
    );
    const design = choicesToDesign(this.loaded.compiled, full, texts);
    const key = JSON.stringify(design);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const report = validateDesign(this.loaded.compiled, design);
    if (!report.valid) return;
    this.pool.push({ design, report, codes: encodeDesign(this.loaded, design) });
  }
}
