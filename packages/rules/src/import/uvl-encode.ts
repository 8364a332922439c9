import type { ConfigModel, ModelConstraint } from "../model/model.ts";
import { CnfBuilder, type EncodeLimits, type Nnf } from "./cnf-encode.ts";
import { booleanVariable } from "./result.ts";
import type { ConstraintDecl, Expr, FeatureDecl, GroupDecl, Located } from "./uvl-ast.ts";

/** Messages name at most this many features of a group. */
const LISTED = 20;

/**
 * Encodes a checked feature model: variable i + 1 is `features[i]` (declaration order), and
 * auxiliaries follow. Every tree relation and cross-tree constraint is a named clause group;
 * auxiliary definitions are structural. All names referenced must be features (checked before).
 */
export function encodeFeatureModel(
  root: FeatureDecl,
  features: readonly FeatureDecl[],
  constraints: readonly ConstraintDecl[],
  limits: EncodeLimits = {},
): ConfigModel {
  const varOf = new Map<string, number>();
  features.forEach((f, i) => {
    varOf.set(f.name, i + 1);
  });
  const cnf = new CnfBuilder(features.length, limits);
  const groups: ModelConstraint[] = [];
  const used = new Map<string, number>();

  const add = (id: string, message: string, at: Located, clauses: readonly number[][]) => {
    // Two groups of one kind under one parent would share an id; number the later ones.
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    const indices = clauses.map((c) => cnf.add(c)).filter((i) => i >= 0);
    groups.push({
      id: n === 1 ? id : `${id}#${n}`,
      message,
      clauses: indices,
      source: { line: at.line, column: at.column },
    });
  };
  const v = (f: FeatureDecl): number => varOf.get(f.name)!;

  add(`root:${root.name}`, `${root.name} is always selected`, root, [[v(root)]]);
  const walk = (parent: FeatureDecl): void => {
    const p = v(parent);
    for (const group of parent.groups) {
      const kids = group.children.map(v);
      const relation = describe(group);
      if (relation !== undefined && kids.length > 0)
        add(
          `${group.kind}:${parent.name}`,
          `${parent.name} needs ${relation} of ${list(group.children)}`,
          group,
          cnf.cardinality(p, kids, ...bounds(group)),
        );
      for (const child of group.children) {
        add(`parent:${child.name}`, `${child.name} needs ${parent.name}`, child, [[-v(child), p]]);
        if (group.kind === "mandatory")
          add(`mandatory:${child.name}`, `${parent.name} always has ${child.name}`, child, [[-p, v(child)]]);
        walk(child);
      }
    }
  };
  walk(root);

  const toNnf = (e: Expr, positive: boolean): Nnf => {
    switch (e.kind) {
      case "ref": {
        const lit = varOf.get(e.name)!;
        return positive ? lit : -lit;
      }
      case "not":
        return toNnf(e.arg, !positive);
      case "and":
      case "or": {
        const args = e.args.map((a) => toNnf(a, positive));
        return { op: (e.kind === "and") === positive ? "and" : "or", args };
      }
      case "implies":
        return positive
          ? { op: "or", args: [toNnf(e.left, false), toNnf(e.right, true)] }
          : { op: "and", args: [toNnf(e.left, true), toNnf(e.right, false)] };
      case "iff": {
        // Name both sides so that neither is copied into two polarities (exponential when nested).
        const a = cnf.define(toNnf(e.left, true));
        const b = cnf.define(toNnf(e.right, true));
        const sign = positive ? 1 : -1;
        return {
          op: "and",
          args: [
            { op: "or", args: [-a, sign * b] },
            { op: "or", args: [a, -sign * b] },
          ],
        };
      }
    }
  };
  constraints.forEach((c, i) => {
    add(`constraint:${i + 1}`, c.text, c, cnf.clausify(toNnf(c.expr, true)));
  });

  const variables = features.map((f, i) => booleanVariable(f.name, i + 1));
  return {
    numVars: cnf.numVars,
    clauses: cnf.clauses,
    variables,
    constraints: groups,
    pricing: { base: 0, weights: [] },
    leadTimes: [],
  };
}

/** Lower and upper bound on selected children when the parent is selected. */
function bounds(group: GroupDecl): [number, number | undefined] {
  switch (group.kind) {
    case "alternative":
      return [1, 1];
    case "or":
      return [1, undefined];
    case "cardinality":
      return [group.min, group.max];
    default:
      return [0, undefined];
  }
}

/** "exactly one" and the like; undefined for groups without a group-level constraint. */
function describe(group: GroupDecl): string | undefined {
  if (group.kind === "mandatory" || group.kind === "optional") return undefined;
  const [min, max] = bounds(group);
  if (min === 0 && max === undefined) return undefined;
  const word = (n: number) => (n === 1 ? "one" : String(n));
  if (max === min) return `exactly ${word(min)}`;
  if (max === undefined) return `at least ${word(min)}`;
  if (min === 0) return `at most ${word(max)}`;
  return `between ${min} and ${max}`;
}

function list(features: readonly FeatureDecl[]): string {
  const names = features.slice(0, LISTED).map((f) => f.name);
  if (features.length > LISTED) names.push(`… (${features.length - LISTED} more)`);
  return names.join(", ");
}
