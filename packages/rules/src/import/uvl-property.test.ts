import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForce, expectOk } from "./test-helpers.ts";
import { parseUvl } from "./uvl.ts";

// Random feature trees printed as UVL, parsed, counted by brute force, and compared with a
// direct evaluation of the tree semantics; the printer and evaluator share nothing with the
// importer but the textual format.

type Kind = "mandatory" | "optional" | "alternative" | "or" | "cardinality";
type Form = "range" | "exact" | "star";
interface GroupSpec {
  readonly kind: Kind;
  readonly low: number;
  readonly span: number;
  readonly form: Form;
}
interface Group {
  readonly spec: GroupSpec;
  readonly children: Feature[];
}
interface Feature {
  readonly index: number;
  readonly name: string;
  readonly printed: string;
  readonly depth: number;
  readonly parent: Feature | undefined;
  readonly groups: Group[];
}
type Formula =
  | { readonly kind: "ref"; readonly feature: number }
  | { readonly kind: "not"; readonly arg: Formula }
  | {
      readonly kind: "and" | "or" | "implies" | "iff";
      readonly left: Formula;
      readonly right: Formula;
      readonly paren: boolean;
    };

const groupSpec = fc.record({
  // Weighted towards groups with many configurations, so that comparisons have something to compare.
  kind: fc.constantFrom<Kind>(
    "optional",
    "optional",
    "optional",
    "or",
    "or",
    "alternative",
    "mandatory",
    "cardinality",
    "cardinality",
  ),
  low: fc.nat(5),
  span: fc.nat(5),
  form: fc.constantFrom<Form>("range", "exact", "star"),
});
const childSpec = fc.record({ parent: fc.nat(), slot: fc.nat(1), quoted: fc.boolean() });
const formula: fc.Arbitrary<Formula> = fc.letrec<{ f: Formula }>((tie) => ({
  f: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("ref" as const), feature: fc.nat() }),
    fc.record({ kind: fc.constant("not" as const), arg: tie("f") }),
    fc.record({
      kind: fc.constantFrom("and" as const, "or" as const, "implies" as const, "iff" as const),
      left: tie("f"),
      right: tie("f"),
      paren: fc.boolean(),
    }),
  ),
})).f;
const arbitraryModel = fc.record({
  children: fc.array(childSpec, { minLength: 2, maxLength: 9 }),
  groups: fc.array(groupSpec, { minLength: 20, maxLength: 20 }),
  constraints: fc.array(formula, { maxLength: 2 }),
  // One indentation unit per nesting level: consistent nesting may still mix tabs and spaces.
  units: fc.array(fc.constantFrom("\t", " ", "  ", "    "), { minLength: 8, maxLength: 8 }),
});
type Spec = typeof arbitraryModel extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): Feature[] {
  const features: Feature[] = [];
  const make = (parent: Feature | undefined, quoted: boolean): Feature => {
    const index = features.length;
    const name = quoted ? `Feature ${index}.x` : `F${index}`;
    const feature = {
      index,
      name,
      printed: quoted ? `"${name}"` : name,
      depth: (parent?.depth ?? -1) + 1,
      parent,
      groups: [],
    };
    features.push(feature);
    return feature;
  };
  make(undefined, false);
  for (const child of spec.children) {
    const candidates = features.filter((f) => f.depth < 3);
    const parent = candidates[child.parent % candidates.length]!;
    // Up to two groups per feature; a slot past the last group opens a new one.
    const slot = Math.min(child.slot, parent.groups.length);
    if (slot === parent.groups.length)
      parent.groups.push({ spec: spec.groups[(parent.index * 2 + slot) % spec.groups.length]!, children: [] });
    parent.groups[slot]!.children.push(make(parent, child.quoted));
  }
  return features;
}

/** [min, max] children when the parent is selected; max undefined for no bound. */
function bounds(group: Group): [number, number | undefined] {
  const k = group.children.length;
  const { kind, low, span, form } = group.spec;
  if (kind === "alternative") return [1, 1];
  if (kind === "or") return [1, undefined];
  if (kind === "mandatory") return [k, k];
  if (kind === "optional") return [0, k];
  // Bounds relative to the group size, now and then one above it (a parent that cannot be selected).
  const min = low % (k + 2);
  if (form === "exact") return [min, min];
  return [min, form === "star" ? undefined : min + (span % (k + 2 - min))];
}

const PRECEDENCE = { iff: 1, implies: 2, or: 3, and: 4, not: 5, ref: 6 } as const;
const SYMBOL = { iff: "<=>", implies: "=>", or: "|", and: "&" } as const;

/** Minimal parentheses for left-associative operators, plus the random redundant ones. */
function print(f: Formula, features: Feature[], context = 0): string {
  if (f.kind === "ref") return features[f.feature % features.length]!.printed;
  if (f.kind === "not") return `!${print(f.arg, features, PRECEDENCE.not)}`;
  const p = PRECEDENCE[f.kind];
  const text = `${print(f.left, features, p)} ${SYMBOL[f.kind]} ${print(f.right, features, p + 1)}`;
  return p < context || f.paren ? `(${text})` : text;
}

function evaluate(f: Formula, selected: (feature: number) => boolean, n: number): boolean {
  switch (f.kind) {
    case "ref":
      return selected(f.feature % n);
    case "not":
      return !evaluate(f.arg, selected, n);
    case "and":
      return evaluate(f.left, selected, n) && evaluate(f.right, selected, n);
    case "or":
      return evaluate(f.left, selected, n) || evaluate(f.right, selected, n);
    case "implies":
      return !evaluate(f.left, selected, n) || evaluate(f.right, selected, n);
    case "iff":
      return evaluate(f.left, selected, n) === evaluate(f.right, selected, n);
  }
}

function toUvl(features: Feature[], spec: Spec): string {
  const lines = ["features"];
  const indent = (depth: number) => spec.units.slice(0, depth + 1).join("");
  const emit = (feature: Feature, level: number) => {
    lines.push(`${indent(level)}${feature.printed}`);
    for (const group of feature.groups) {
      const [low, high] = bounds(group);
      const { kind, form } = group.spec;
      const keyword =
        kind !== "cardinality" ? kind : form === "exact" ? `[${low}]` : `[${low}..${high === undefined ? "*" : high}]`;
      lines.push(`${indent(level + 1)}${keyword}`);
      for (const child of group.children) emit(child, level + 2);
    }
  };
  emit(features[0]!, 0);
  if (spec.constraints.length > 0) lines.push("constraints", ...spec.constraints.map((c) => `  ${print(c, features)}`));
  return `${lines.join("\n")}\n`;
}

/** The configurations, as sorted lists of selected names, by direct evaluation of the semantics. */
function expected(features: Feature[], spec: Spec): string[] {
  const out: string[] = [];
  for (let mask = 0; mask < 1 << features.length; mask++) {
    const selected = (i: number) => (mask & (1 << i)) !== 0;
    const ok =
      selected(0) &&
      features.every((f) => {
        if (f.parent !== undefined && selected(f.index) && !selected(f.parent.index)) return false;
        if (!selected(f.index)) return true;
        return f.groups.every((g) => {
          const [low, high] = bounds(g);
          const n = g.children.filter((c) => selected(c.index)).length;
          return n >= low && (high === undefined || n <= high);
        });
      }) &&
      spec.constraints.every((c) => evaluate(c, selected, features.length));
    if (ok)
      out.push(
        features
          .filter((f) => selected(f.index))
          .map((f) => f.name)
          .sort()
          .join("|"),
      );
  }
  return out.sort();
}

describe("parseUvl on random feature models", () => {
  it("counts exactly the configurations of the tree semantics, with determined auxiliaries", () => {
    let informative = 0;
    fc.assert(
      fc.property(arbitraryModel, (spec) => {
        const features = build(spec);
        const text = toUvl(features, spec);
        const want = expected(features, spec);
        if (want.length > 1) informative++;
        for (const options of [{}, { subsetLimit: 0, distributeLimit: 1 }]) {
          const model = expectOk(parseUvl(text, options));
          expect(model.variables.map((v) => v.id).sort()).toEqual(features.map((f) => f.name).sort());
          const got = bruteForce(model);
          expect(got.ambiguous).toBe(0);
          expect(got.solutions.map((s) => [...s].sort().join("|")).sort()).toEqual(want);
        }
      }),
      { numRuns: 150 },
    );
    // Guards the generator: models with one or no configuration would make the comparison weak.
    expect(informative).toBeGreaterThan(50);
  });
});
