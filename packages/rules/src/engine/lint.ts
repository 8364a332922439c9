import type { ConfigModel } from "../model/model.ts";
import { createSpace, type SpaceOptions } from "./create.ts";
import { ValueLiterals } from "./evidence.ts";
import { ConstraintExplainer } from "./explain.ts";
import { buildSolver } from "./solver.ts";

export interface LintFinding {
  readonly code: "dead-option" | "forced-option" | "redundant-constraint" | "contradiction";
  readonly message: string;
  readonly variable?: string;
  readonly constraint?: string;
}

export interface LintReport {
  readonly mode: "compiled" | "search";
  readonly count: bigint | undefined;
  /** No configuration satisfies every constraint (the findings name a minimal conflicting set). */
  readonly contradiction: boolean;
  readonly findings: readonly LintFinding[];
  readonly dead: number;
  readonly forced: number;
  readonly redundant: number;
  readonly redundantChecked: number;
  readonly redundantComplete: boolean;
}

/**
 * Finds what a model's author would want to know: options no configuration can have (dead),
 * variables every configuration sets the same way (forced), constraints implied by the others
 * (they never bind), and, if nothing is valid at all, a minimal set of constraints in conflict.
 */
export function lintModel(model: ConfigModel, options: SpaceOptions & { budgetMs?: number } = {}): LintReport {
  const { space } = createSpace(model, options);
  const evaluation = space.evaluate([]);
  const findings: LintFinding[] = [];
  const name = (v: number) => (model.numbered ? `option ${v + 1} (${model.variables[v]!.id})` : model.variables[v]!.id);
  if (!evaluation.consistent) {
    const conflict = new ConstraintExplainer(model, new ValueLiterals(model)).involved([]);
    const ids = conflict.map((c) => `${c.id} ("${c.message}")`).join(", ");
    findings.push({
      code: "contradiction",
      message: `no configuration satisfies every constraint; these conflict: ${ids || "the variables' own domains"}`,
    });
    return {
      mode: space.mode,
      count: 0n,
      contradiction: true,
      findings,
      dead: 0,
      forced: 0,
      redundant: 0,
      redundantChecked: 0,
      redundantComplete: true,
    };
  }

  let dead = 0;
  let forced = 0;
  evaluation.possible.forEach((values, v) => {
    const variable = model.variables[v]!;
    const possible = values.flatMap((ok, i) => (ok ? [i] : []));
    if (variable.kind === "boolean") {
      if (possible.length === 2) return;
      const always = possible[0] === 0;
      if (always) forced++;
      else dead++;
      findings.push(
        always
          ? { code: "forced-option", variable: variable.id, message: `${name(v)} is selected in every configuration` }
          : { code: "dead-option", variable: variable.id, message: `${name(v)} can never be selected` },
      );
      return;
    }
    if (possible.length === 1) {
      forced++;
      findings.push({
        code: "forced-option",
        variable: variable.id,
        message: `${name(v)} is always ${variable.values[possible[0]!]!.id}`,
      });
      return;
    }
    values.forEach((ok, i) => {
      if (ok) return;
      dead++;
      findings.push({
        code: "dead-option",
        variable: variable.id,
        message: `${name(v)} can never be ${variable.values[i]!.id}`,
      });
    });
  });

  const redundancy = redundantConstraints(model, options.budgetMs ?? 10_000);
  for (const index of redundancy.redundant) {
    const constraint = model.constraints[index]!;
    findings.push({
      code: "redundant-constraint",
      constraint: constraint.id,
      message: `constraint ${constraint.id} never binds: the others already imply it ("${constraint.message}")`,
    });
  }
  return {
    mode: space.mode,
    count: evaluation.count,
    contradiction: false,
    findings,
    dead,
    forced,
    redundant: redundancy.redundant.length,
    redundantChecked: redundancy.checked,
    redundantComplete: redundancy.checked === model.constraints.length,
  };
}

/** Constraints whose every clause follows from all the other constraints (checked until the budget runs out). */
function redundantConstraints(model: ConfigModel, budgetMs: number): { redundant: number[]; checked: number } {
  const deadline = performance.now() + budgetMs;
  const { solver, selectors } = buildSolver(model, true);
  const redundant: number[] = [];
  let checked = 0;
  for (let g = 0; g < model.constraints.length; g++) {
    if (performance.now() > deadline) break;
    const others = selectors.filter((_, h) => h !== g);
    const implied = model.constraints[g]!.clauses.every(
      (clause) => solver.solve([...others, ...model.clauses[clause]!.map((lit) => -lit)]) === "unsat",
    );
    if (implied) redundant.push(g);
    checked++;
  }
  return { redundant, checked };
}
