import {
  type Choice,
  type CompiledPack,
  choicesToDesign,
  compilePack,
  type Design,
  designToChoices,
  designValueOf,
  evaluateScene,
  type Pack,
  parsePackValue,
  type SolutionSpace,
  createSpace,
  loadSpace,
  validateDesign,
} from "@kitbash/rules";
import type { BlockedView, ConflictView, Snapshot, VariableState } from "./snapshot.ts";

/** A pack and the versions of its bases, as the API's bundle route serves them. */
export interface PackBundle {
  readonly pack: unknown;
  readonly bases: readonly unknown[];
  /** The server's compiled space for this version (used when it matches the model encoded here). */
  readonly space?: Uint8Array | null;
}

/**
 * The engine for one pack, answering the configurator in plain data. It runs in the page for
 * ordinary packs and in a Web Worker for large ones (see engine.ts); both use this class.
 */
export class EngineSession {
  readonly compiled: CompiledPack;
  private readonly space: SolutionSpace;

  constructor(bundle: PackBundle) {
    const parse = (body: unknown) => {
      const parsed = parsePackValue(body);
      if (!parsed.ok) throw new Error(`the pack does not parse: ${parsed.diagnostics[0]?.message}`);
      return parsed.pack;
    };
    const bases = bundle.bases.map(parse);
    const result = compilePack(parse(bundle.pack), (id) => bases.filter((p: Pack) => p.id === id));
    if (!result.ok) throw new Error(`the pack does not compile: ${result.diagnostics[0]?.message}`);
    this.compiled = result.compiled;
    const model = result.compiled.model;
    this.space = (bundle.space ? loadSpace(bundle.space, model) : undefined)?.space ?? createSpace(model).space;
    // Customers ask "why not?" here: the first answer should be as fast as the rest.
    this.space.prepareExplanations();
  }

  get mode(): "compiled" | "search" {
    return this.space.mode;
  }

  evaluate(design: Design): Snapshot {
    const { compiled, space } = this;
    const { choices } = designToChoices(compiled, design);
    const evaluation = space.evaluate(choices);
    // In doubles: exact BigInt counts per option cost milliseconds per click on large packs, for digits no one sees.
    const counts = space.approximateValueCounts(choices);
    const completedChoices =
      (evaluation.consistent ? space.complete(choices, "default") : undefined) ?? space.complete([], "default") ?? [];
    const options = Int32Array.from(completedChoices.map((c) => c.value));
    const texts = textsOf(compiled, design);
    const completed = choicesToDesign(compiled, completedChoices, texts);
    const report = validateDesign(compiled, completed);
    const applies = report.applies;
    const chosen = new Map(choices.map((c) => [c.variable, c.value]));
    const variables: VariableState[] = compiled.structure.variables.map((variable, v) => ({
      id: variable.id,
      chosen: chosen.get(v) ?? null,
      value: options[v] ?? variable.defaultIndex,
      possible: evaluation.possible[v] ?? [],
      counts: counts?.[v]?.map(decimal) ?? [],
      applies: applies[v] ?? true,
    }));
    const missing = variables.some((state) => state.applies && state.chosen === null);
    // With every applicable variable chosen and the choices consistent, the design is the completion:
    // only text contents (patterns, lengths) remain to check, and the completed design's report has them.
    const textsValid = !report.problems.some((p) => p.code === "text");
    return {
      consistent: evaluation.consistent,
      complete: evaluation.consistent && !missing && textsValid,
      submittable: evaluation.consistent && report.valid,
      count: String(evaluation.count ?? "?"),
      price: evaluation.price ? { min: evaluation.price.min / 100, max: evaluation.price.max / 100 } : null,
      leadTime: evaluation.leadTime ?? null,
      variables,
      design: completed,
      scene: evaluateScene(compiled, options),
      lines: report.price.lines,
      total: report.price.total,
      bom: report.bom,
      conflict: evaluation.consistent ? null : this.conflictView(choices),
    };
  }

  /** Why `value` of `variable` is blocked by the other choices, and the nearest design that has it. */
  blocked(design: Design, variableId: string, value: number): BlockedView {
    const { compiled, space } = this;
    const variable = compiled.structure.variables.find((v) => v.id === variableId);
    if (variable === undefined) throw new Error(`unknown variable ${variableId}`);
    const others = designToChoices(compiled, design).choices.filter((c) => c.variable !== variable.index);
    const want: Choice = { variable: variable.index, value, negated: false };
    const explanation = space.explain(others, want);
    const current = designToChoices(compiled, design).choices;
    const repair = space.repair(current, want);
    const name = (choice: Choice) => this.named(choice);
    return {
      variable: variableId,
      value: variable.options[value]!.id,
      blockedBy: explanation.blocked ? explanation.choices.map(name) : [],
      constraints: explanation.blocked ? explanation.constraints : [],
      repair: repair
        ? {
            design: { ...choicesToDesign(compiled, repair.choices, textsOf(compiled, design)) },
            changes: repair.changes.map((change) => ({
              variable: compiled.structure.variables[change.from.variable]!.id,
              from: change.from.negated ? null : name(change.from).value,
              to: change.to ? name(change.to).value : null,
            })),
            price: repair.price === undefined ? null : repair.price / 100,
          }
        : null,
    };
  }

  private conflictView(choices: readonly Choice[]): ConflictView {
    const conflict = this.space.conflict(choices);
    return conflict.blocked
      ? { choices: conflict.choices.map((c) => this.named(c)), constraints: conflict.constraints }
      : { choices: [], constraints: [] };
  }

  private named(choice: Choice): { variable: string; value: string } {
    const variable = this.compiled.structure.variables[choice.variable]!;
    return { variable: variable.id, value: String(designValueOf(variable, choice.value)) };
  }
}

function textsOf(compiled: CompiledPack, design: Design): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const variable of compiled.structure.variables) {
    const value = design[variable.id];
    if (variable.kind === "text" && typeof value === "string") texts[variable.id] = value;
  }
  return texts;
}

/** A count in doubles as decimal digits: doubles of 2^53 or more are integers, which BigInt spells out in full. */
function decimal(count: number): string {
  return Number.isFinite(count) ? BigInt(count).toString() : "?";
}
