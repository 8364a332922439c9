import type { ModelConstraint } from "../model/model.ts";
import type { Choice } from "./choice.ts";

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Everything a configurator shows after a click, for one set of choices. */
export interface Evaluation {
  /** The choices together can be completed into a valid design. */
  readonly consistent: boolean;
  /** The exact number of complete designs that extend the choices (undefined in search mode). */
  readonly count: bigint | undefined;
  /**
   * `possible[v][i]`: value i of variable v can be chosen while keeping every other variable's
   * choices (for a variable with a choice, these are the alternatives it could switch to).
   */
  readonly possible: readonly (readonly boolean[])[];
  /** Total price over the completions, in minor units, base included (undefined in search mode or when inconsistent). */
  readonly price: Range | undefined;
  /** Lead time in days over the completions (undefined in search mode or when inconsistent). */
  readonly leadTime: Range | undefined;
}

export interface ExplainedConstraint {
  readonly id: string;
  readonly message: string;
  readonly source?: ModelConstraint["source"];
}

export type Explanation =
  | { readonly blocked: false }
  | {
      readonly blocked: true;
      /** A subset-minimal set of the given choices that, with the constraints, rules the wanted choice out. */
      readonly choices: readonly Choice[];
      /** A subset-minimal set of named constraints that, with those choices, rules it out. */
      readonly constraints: readonly ExplainedConstraint[];
    };

export interface Change {
  readonly from: Choice;
  /** The value the variable takes instead, or undefined when a rejection is simply withdrawn. */
  readonly to: Choice | undefined;
}

export interface Repair {
  /** The choices after the repair: the kept ones, the changed ones, and the wanted one. */
  readonly choices: readonly Choice[];
  readonly changes: readonly Change[];
  /** The cheapest completion's price after the repair, in minor units (undefined in search mode). */
  readonly price: number | undefined;
}

export type CompletionPreference = "default" | "cheapest";

/** The solution space of a configuration model: answers every query a click needs. */
export interface SolutionSpace {
  /** "compiled": a d-DNNF answers everything in linear passes; "search": a SAT solver, exact for validity only. */
  readonly mode: "compiled" | "search";
  evaluate(choices: readonly Choice[]): Evaluation;
  /** Per variable and value, how many complete designs take it (leave-one-out, like `possible`); compiled mode only. */
  valueCounts(choices: readonly Choice[]): bigint[][] | undefined;
  /**
   * `valueCounts` in doubles, for display: exact below 2^53, beyond that within about 1e-15 relative.
   * Several times faster when counts are that large (no BigInt arithmetic).
   */
  approximateValueCounts(choices: readonly Choice[]): number[][] | undefined;
  /** Why `want` cannot be added to `choices`. */
  explain(choices: readonly Choice[], want: Choice): Explanation;
  /** Why `choices` together have no completion: a minimal subset of them in conflict, and its constraints. */
  conflict(choices: readonly Choice[]): Explanation;
  /** The nearest consistent choices that include `want`: fewest changed choices, then cheapest; undefined if `want` is impossible. */
  repair(choices: readonly Choice[], want: Choice): Repair | undefined;
  /** A complete design (one chosen value per variable) extending the choices, or undefined if there is none. */
  complete(choices: readonly Choice[], prefer: CompletionPreference): Choice[] | undefined;
  /**
   * Builds what explanations need now (a constraint solver: tens of milliseconds on large models), so
   * that a customer's first "why not?" is as fast as the rest. Interactive callers call it once.
   */
  prepareExplanations(): void;
}
