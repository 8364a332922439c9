import { expect } from "vitest";
import type { Diagnostic } from "../diagnostics.ts";
import type { ConfigModel } from "../model/model.ts";
import type { ImportResult } from "./result.ts";

/** Test-only: exhaustive counting for small models, independent of the engine's compiler. */
export interface BruteForce {
  /** Assignments of the model variables that extend to a model of the CNF. */
  readonly count: number;
  /** Of those, how many extend in more than one way (must be 0: auxiliaries are determined). */
  readonly ambiguous: number;
  /** The satisfying assignments, as the set of true variable ids. */
  readonly solutions: readonly (readonly string[])[];
}

/**
 * Enumerates all assignments of the boolean model variables (at most ~16) and, for each, counts
 * the CNF's models over the remaining (auxiliary) variables by DPLL, up to two.
 */
export function bruteForce(model: ConfigModel): BruteForce {
  const inputs = model.variables.map((v) => v.values[0]!.lit);
  if (inputs.length > 18) throw new Error("too many variables to enumerate");
  const value = new Int8Array(model.numVars + 1);
  let count = 0;
  let ambiguous = 0;
  const solutions: string[][] = [];
  for (let mask = 0; mask < 1 << inputs.length; mask++) {
    value.fill(0);
    inputs.forEach((v, i) => {
      value[v] = mask & (1 << i) ? 1 : -1;
    });
    const extensions = countExtensions(model.clauses, value, 2);
    if (extensions > 0) {
      count++;
      solutions.push(model.variables.filter((_, i) => mask & (1 << i)).map((v) => v.id));
    }
    if (extensions > 1) ambiguous++;
  }
  return { count, ambiguous, solutions };
}

/** Number of ways (capped at `cap`) to complete the partial assignment `value` into a model. */
function countExtensions(clauses: readonly (readonly number[])[], value: Int8Array, cap: number): number {
  const trail: number[] = [];
  const assign = (lit: number) => {
    value[Math.abs(lit)] = lit > 0 ? 1 : -1;
    trail.push(Math.abs(lit));
  };
  const undo = (mark: number) => {
    while (trail.length > mark) value[trail.pop()!] = 0;
  };
  const holds = (lit: number) => value[Math.abs(lit)]! * Math.sign(lit);

  const search = (): number => {
    const mark = trail.length;
    // Unit propagation to a fixpoint; a falsified clause means no extension.
    for (let changed = true; changed; ) {
      changed = false;
      for (const clause of clauses) {
        let open = 0;
        let last = 0;
        let satisfied = false;
        for (const lit of clause) {
          const h = holds(lit);
          if (h > 0) {
            satisfied = true;
            break;
          }
          if (h === 0) {
            open++;
            last = lit;
          }
        }
        if (satisfied) continue;
        if (open === 0) {
          undo(mark);
          return 0;
        }
        if (open === 1) {
          assign(last);
          changed = true;
        }
      }
    }
    let branch = 0;
    for (const clause of clauses) {
      if (clause.some((l) => holds(l) > 0)) continue;
      branch = Math.abs(clause.find((l) => holds(l) === 0)!);
      break;
    }
    if (branch === 0) {
      // All clauses hold: every unassigned variable is free.
      let free = 0;
      for (let v = 1; v < value.length; v++) if (value[v] === 0) free++;
      undo(mark);
      return Math.min(cap, 2 ** free);
    }
    let total = 0;
    for (const lit of [branch, -branch]) {
      const inner = trail.length;
      assign(lit);
      total += search();
      undo(inner);
      if (total >= cap) break;
    }
    undo(mark);
    return Math.min(cap, total);
  };
  return search();
}

export function expectOk(result: ImportResult): ConfigModel {
  if (!result.ok)
    expect.fail(`expected ok, got:\n${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n")}`);
  return result.model;
}

export function expectErrors(result: ImportResult): readonly Diagnostic[] {
  if (result.ok) expect.fail("expected errors, got a model");
  return result.errors;
}

/** `line:column code message` of each diagnostic, for compact assertions. */
export function located(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
}
