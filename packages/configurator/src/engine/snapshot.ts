import type { BillLine, Design, ExplainedConstraint, PriceLine, Scene } from "@kitbash/rules";

/** What the configurator shows about one variable after a click. Plain data, so it crosses to a worker. */
export interface VariableState {
  readonly id: string;
  /** The option the customer chose, or null. */
  readonly chosen: number | null;
  /** The option in the completed design (the customer's, else the default the engine completed with). */
  readonly value: number;
  /** Per option: can the customer switch to it, keeping every other choice? */
  readonly possible: readonly boolean[];
  /**
   * Per option: how many complete designs take it (leave-one-out, decimal). Exact up to 2^53 (16 digits);
   * larger counts are shown to three significant digits, and are exact to about fifteen.
   */
  readonly counts: readonly string[];
  /** Whether the variable applies to the completed design (its slot is filled, its condition holds). */
  readonly applies: boolean;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Everything a click updates at once: validity, the exact count, reachable price and lead time, the 3D scene. */
export interface Snapshot {
  readonly consistent: boolean;
  /** Every variable that applies has a choice, and the design breaks no rule. */
  readonly complete: boolean;
  /** The completed design (the customer's choices, defaults for the rest) is valid: it can be submitted. */
  readonly submittable: boolean;
  readonly count: string;
  /** In the pack currency's major units. */
  readonly price: Range | null;
  readonly leadTime: Range | null;
  readonly variables: readonly VariableState[];
  /** The customer's choices completed with defaults: what the 3D view shows and what is submitted. */
  readonly design: Design;
  readonly scene: Scene;
  readonly lines: readonly PriceLine[];
  readonly total: number;
  readonly bom: readonly BillLine[];
  /** When the choices contradict each other: the minimal conflicting choices and constraints. */
  readonly conflict: ConflictView | null;
}

export interface ConflictView {
  /** Variable ids and option ids, e.g. { variable: "frame", value: "oak" }. */
  readonly choices: readonly { readonly variable: string; readonly value: string }[];
  readonly constraints: readonly ExplainedConstraint[];
}

/** Why a value cannot be chosen, and the nearest design that has it. */
export interface BlockedView {
  readonly variable: string;
  readonly value: string;
  readonly blockedBy: readonly { readonly variable: string; readonly value: string }[];
  readonly constraints: readonly ExplainedConstraint[];
  /** The repaired design's choices and what changed, or null when nothing can make the value possible. */
  readonly repair: {
    readonly design: Design;
    readonly changes: readonly {
      readonly variable: string;
      readonly from: string | null;
      readonly to: string | null;
    }[];
    readonly price: number | null;
  } | null;
}
