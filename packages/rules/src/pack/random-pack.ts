/**
 * Random small rule packs as fast-check arbitraries, for property tests that compare the compiled
 * solution space with brute-force enumeration of designs.
 *
 * Every generated pack is well-typed (it compiles): expressions are built as typed ASTs over the
 * pack's own names and printed with `formatExpression`. The number of complete designs (the product
 * of every variable's option count, slots included) stays under `maxDesigns`, so enumerating them
 * all is cheap.
 *
 * Names: global variables `v0`..`v3`, choice options `p0`, `p1`.. (shared by all choice variables, so
 * `v0 = v1` compares them), module `mod` with types `t0`, `t1` and per-slot variable `s` (options
 * `q0`, `q1` when it is a choice), constraints `c0`.., module constraints `m0`, price rules `r0`...
 * Choice options carry a number `w`, a string `m` and a flag `f`; module types and slot options a
 * number `w`.
 *
 * Draws go through `fc.gen()`, so failing packs shrink (towards fewer and simpler parts).
 */
import fc, { type Arbitrary, type GeneratorValue } from "fast-check";
import { type BinaryOp, type Expr, formatExpression } from "../expr/index.ts";
import type { PackInput } from "./schema.ts";

export interface RandomPackOptions {
  /** Upper bound on the number of complete designs (every variable × option). Default 1500. */
  readonly maxDesigns?: number;
  /** Largest number of global variables (1 to 4). Default 4. */
  readonly maxGlobals?: number;
  /** Largest number of global constraints. Default 4. */
  readonly maxConstraints?: number;
  /** Whether packs may have a module. Default true. */
  readonly modules?: boolean;
}

/** A pack (before schema defaults) as a fast-check arbitrary. */
export function randomPack(options: RandomPackOptions = {}): Arbitrary<PackInput> {
  return fc.gen().map((g) => buildPack(new Picker(g), options));
}

/** A uniform integer (fast-check's bias towards extremes would skew `pick` and `chance`). */
const uniform = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

/** Random draws on top of `fc.gen()`: every draw shrinks towards its minimum, `chance` towards false. */
export class Picker {
  constructor(private readonly g: GeneratorValue) {}

  int(min: number, max: number): number {
    return min === max ? min : this.g(uniform, min, max);
  }

  /** True with probability `p`; shrinks to false. */
  chance(p: number): boolean {
    return this.int(0, 999) >= 1000 - Math.round(p * 1000);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("nothing to pick from");
    return items[this.int(0, items.length - 1)]!;
  }

  /** Picks by weight (`[weight, value]`); the first item is where shrinking goes. */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const total = items.reduce((sum, [w]) => sum + w, 0);
    let at = this.int(0, total - 1);
    for (const [w, value] of items) {
      if (at < w) return value;
      at -= w;
    }
    return items.at(-1)![1];
  }

  /** `n` distinct items of `items`, in their original order. */
  subset<T>(items: readonly T[], n: number): T[] {
    const rest = items.map((_, i) => i);
    const chosen: number[] = [];
    for (let k = 0; k < n && rest.length > 0; k++) chosen.push(rest.splice(this.int(0, rest.length - 1), 1)[0]!);
    return chosen.sort((a, b) => a - b).map((i) => items[i]!);
  }
}

// ---------------------------------------------------------------------------------------------
// Generator-side description of a pack: just enough to type expressions.

interface ChoiceOption {
  readonly id: string;
  readonly w: number;
  readonly m: string;
  readonly f: boolean;
}

type VarInfo =
  | { readonly kind: "choice"; readonly id: string; readonly options: readonly ChoiceOption[] }
  | { readonly kind: "boolean"; readonly id: string }
  | { readonly kind: "integer"; readonly id: string; readonly numbers: readonly number[] }
  | { readonly kind: "text"; readonly id: string };

interface ModInfo {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  readonly types: readonly { readonly id: string; readonly w: number }[];
  readonly slotVar: VarInfo | undefined;
}

/** Names an expression can use: the globals, the module, and (inside a slot) `type`, `s`, `index`. */
interface Scope {
  readonly globals: readonly VarInfo[];
  readonly module: ModInfo | undefined;
  readonly inSlot: boolean;
}

const STRINGS = ["red", "blue", "green"] as const;
const COMPARISONS: readonly BinaryOp[] = ["=", "!=", "<", "<=", ">", ">="];
const CONNECTIVES: readonly BinaryOp[] = ["and", "or", "implies", "requires", "excludes", "iff"];

// ---------------------------------------------------------------------------------------------
// Expression ASTs (spans do not matter: the text is printed and parsed again).

const at = { start: 0, end: 0 };
const num = (value: number): Expr => ({ kind: "number", value, span: at });
const str = (value: string): Expr => ({ kind: "string", value, span: at });
const lit = (value: boolean): Expr => ({ kind: "boolean", value, span: at });
const name = (id: string): Expr => ({ kind: "name", name: id, span: at });
const member = (object: Expr, id: string): Expr => ({ kind: "member", object, name: id, span: at });
const index = (object: Expr, i: number | "*"): Expr => ({ kind: "index", object, index: i, span: at });
const call = (callee: string, args: readonly Expr[]): Expr => ({ kind: "call", callee, args, span: at });
const not = (operand: Expr): Expr => ({ kind: "unary", op: "not", operand, span: at });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: "binary", op, left, right, span: at });
const isIn = (subject: Expr, options: readonly Expr[], negated: boolean): Expr => ({
  kind: "in",
  subject,
  options,
  negated,
  span: at,
});

/** `mod[*]`, `mod[k]`. */
const slots = (module: ModInfo, k: number | "*") => index(name(module.id), k);

/** A number-valued expression with rough bounds of its values (to pick constants worth comparing with). */
interface NumberExpr {
  readonly expr: Expr;
  readonly lo: number;
  readonly hi: number;
}

const bounds = (values: readonly number[]) => ({ lo: Math.min(...values), hi: Math.max(...values) });

function numberExpr(p: Picker, scope: Scope, depth: number): NumberExpr {
  const leaves: (() => NumberExpr)[] = [];
  for (const v of scope.globals) {
    if (v.kind === "choice")
      leaves.push(() => ({ expr: member(name(v.id), "w"), ...bounds(v.options.map((o) => o.w)) }));
    if (v.kind === "integer") leaves.push(() => ({ expr: name(v.id), ...bounds(v.numbers) }));
  }
  const { module } = scope;
  if (module) {
    const w = bounds(module.types.map((t) => t.w));
    const all = slots(module, "*");
    leaves.push(
      () => ({ expr: call("count", [all]), lo: module.min, hi: module.max }),
      () => ({ expr: call("sum", [member(member(all, "type"), "w")]), lo: 0, hi: module.max * w.hi }),
      () => ({
        expr: call("count", [bin("=", member(all, "type"), name(p.pick(module.types).id))]),
        lo: 0,
        hi: module.max,
      }),
      () => ({ expr: member(member(slots(module, p.int(1, module.max)), "type"), "w"), lo: 0, hi: w.hi }),
    );
    const s = module.slotVar;
    if (s?.kind === "choice") {
      const sw = bounds(s.options.map((o) => o.w));
      leaves.push(() => ({ expr: call("sum", [member(member(all, "s"), "w")]), lo: 0, hi: module.max * sw.hi }));
      if (scope.inSlot) leaves.push(() => ({ expr: member(name("s"), "w"), ...sw }));
    }
    if (s?.kind === "boolean" || s?.kind === "text")
      leaves.push(() => ({ expr: call("count", [member(all, "s")]), lo: 0, hi: module.max }));
    if (s?.kind === "integer") {
      const sn = bounds(s.numbers);
      leaves.push(() => ({
        expr: call("sum", [member(all, "s")]),
        lo: Math.min(0, module.max * sn.lo),
        hi: Math.max(0, module.max * sn.hi),
      }));
      if (scope.inSlot) leaves.push(() => ({ expr: name("s"), ...sn }));
    }
    if (scope.inSlot) {
      leaves.push(
        () => ({ expr: member(name("type"), "w"), ...w }),
        () => ({ expr: name("index"), lo: 1, hi: module.max }),
        () => ({ expr: call("offset", [member(name("type"), "w")]), lo: 0, hi: (module.max - 1) * w.hi }),
      );
    }
  }
  if (leaves.length === 0 || p.chance(0.05)) {
    const n = p.int(0, 4);
    return { expr: num(n), lo: n, hi: n };
  }
  if (depth <= 0 || !p.chance(0.4)) return p.pick(leaves)();
  const sub = () => numberExpr(p, scope, depth - 1);
  const combine = (op: BinaryOp, a: NumberExpr, b: NumberExpr, f: (x: number, y: number) => number): NumberExpr => ({
    expr: bin(op, a.expr, b.expr),
    ...bounds([f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)]),
  });
  return p.pick<() => NumberExpr>([
    () => combine("+", sub(), sub(), (x, y) => x + y),
    () => combine("-", sub(), sub(), (x, y) => x - y),
    () => {
      const k = p.int(0, 3);
      return combine("*", sub(), { expr: num(k), lo: k, hi: k }, (x, y) => x * y);
    },
    () => combine("*", sub(), sub(), (x, y) => x * y),
    () => {
      const a = sub();
      return { expr: { kind: "unary", op: "-", operand: a.expr, span: at }, lo: -a.hi, hi: -a.lo };
    },
    () => {
      const d = p.pick([2, 3, 4]);
      return combine("/", sub(), { expr: num(d), lo: d, hi: d }, (x, y) => x / y);
    },
    () => {
      const [a, b] = [sub(), sub()];
      return { expr: call("if", [boolExpr(p, scope, 0), a.expr, b.expr]), ...bounds([a.lo, a.hi, b.lo, b.hi]) };
    },
    () => {
      const [a, b] = [sub(), sub()];
      const f = p.pick(["min", "max"] as const);
      return { expr: call(f, [a.expr, b.expr]), lo: Math[f](a.lo, b.lo), hi: Math[f](a.hi, b.hi) };
    },
    () => {
      const a = sub();
      const k = p.int(0, 4);
      const lo = a.lo - k;
      const hi = a.hi - k;
      return {
        expr: call("abs", [bin("-", a.expr, num(k))]),
        lo: lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi)),
        hi: Math.max(Math.abs(lo), Math.abs(hi)),
      };
    },
    () => {
      const a = sub();
      const f = p.pick(["floor", "ceil", "round"] as const);
      return { expr: call(f, [bin("/", a.expr, num(2))]), lo: Math.floor(a.lo / 2), hi: Math.ceil(a.hi / 2) };
    },
    () => ({ expr: call("count", [boolExpr(p, scope, 0), boolExpr(p, scope, 0)]), lo: 0, hi: 2 }),
  ])();
}

/** A comparison of a number expression with a constant in its range, or with another expression. */
function comparison(p: Picker, scope: Scope, depth: number): Expr {
  const left = numberExpr(p, scope, depth);
  const op = p.pick(COMPARISONS);
  if (p.chance(0.3)) return bin(op, left.expr, numberExpr(p, scope, 0).expr);
  return bin(op, left.expr, num(p.int(Math.floor(left.lo), Math.ceil(left.hi))));
}

/** A rule: mostly implications and alternatives between conditions, so that several rules rarely rule everything out. */
function ruleExpr(p: Picker, scope: Scope): Expr {
  const sub = () => boolExpr(p, scope, p.int(0, 1));
  return p.weighted<() => Expr>([
    [5, () => bin(p.pick(["implies", "requires", "excludes"] as const), sub(), sub())],
    [2, () => bin("or", sub(), sub())],
    [1, () => bin("iff", sub(), sub())],
    [1, () => call("atMost", [num(1), sub(), sub(), sub()])],
    [2, () => boolExpr(p, scope, 2)],
  ])();
}

/** `x` as `x = true` when it is a bare name or member (a yes/no or text variable). */
const asCondition = (e: Expr): Expr => (e.kind === "name" || e.kind === "member" ? bin("=", e, lit(true)) : e);

/** A condition. */
function boolExpr(p: Picker, scope: Scope, depth: number): Expr {
  if (depth > 0 && p.chance(0.55)) {
    const sub = () => boolExpr(p, scope, depth - 1);
    return p.weighted<() => Expr>([
      [6, () => bin(p.pick(CONNECTIVES), sub(), sub())],
      [2, () => not(sub())],
      // `if` reads bare yes/no names in its branches as numbers and rejects them, so compare them with true.
      [1, () => call("if", [sub(), asCondition(sub()), asCondition(sub())])],
      [
        2,
        () =>
          call(p.pick(["atMost", "atLeast", "exactly"]), [
            num(p.int(0, 2)),
            ...Array.from({ length: p.int(2, 3) }, () => boolExpr(p, scope, 0)),
          ]),
      ],
    ])();
  }
  return boolAtom(p, scope, depth);
}

function boolAtom(p: Picker, scope: Scope, depth: number): Expr {
  const atoms: (readonly [number, () => Expr])[] = [];
  const choices = scope.globals.filter((v) => v.kind === "choice");
  for (const v of scope.globals) {
    const ref = name(v.id);
    switch (v.kind) {
      case "choice": {
        const option = () => name(p.pick(v.options).id);
        atoms.push(
          [4, () => bin(p.pick(["=", "!="]), ref, option())],
          [
            2,
            () =>
              isIn(
                ref,
                p.subset(v.options, p.int(1, 2)).map((o) => name(o.id)),
                p.chance(0.3),
              ),
          ],
          [
            2,
            () =>
              bin(p.pick(["=", "!="]), member(ref, "m"), p.chance(0.5) ? str(p.pick(STRINGS)) : name(p.pick(STRINGS))),
          ],
          [1, () => (p.chance(0.3) ? not(member(ref, "f")) : member(ref, "f"))],
        );
        const others = choices.filter((c) => c !== v);
        if (others.length > 0) {
          atoms.push(
            [1, () => bin("=", ref, name(p.pick(others).id))],
            [1, () => bin(p.pick(["=", "!="]), member(ref, "m"), member(name(p.pick(others).id), "m"))],
          );
        }
        break;
      }
      case "boolean":
        atoms.push([4, () => (p.chance(0.3) ? bin("=", ref, lit(p.chance(0.5))) : ref)]);
        break;
      case "text":
        atoms.push([2, () => ref]);
        break;
      case "integer":
        atoms.push(
          [3, () => bin(p.pick(COMPARISONS), ref, num(p.pick(v.numbers) + p.int(-1, 1)))],
          [1, () => isIn(ref, p.subset(v.numbers, p.int(1, 2)).map(num), p.chance(0.3))],
        );
        break;
    }
  }
  atoms.push([depth > 0 ? 5 : 3, () => comparison(p, scope, depth)]);
  const { module } = scope;
  if (module) {
    const type = () => name(p.pick(module.types).id);
    atoms.push(
      [
        2,
        () => {
          const k = p.int(1, module.max);
          const empty = k > module.min && p.chance(0.3);
          return bin(p.pick(["=", "!="]), member(slots(module, k), "type"), empty ? name("empty") : type());
        },
      ],
      [2, () => call(p.pick(["any", "all"]), [bin(p.pick(["=", "!="]), member(slots(module, "*"), "type"), type())])],
      [2, () => bin(p.pick(COMPARISONS), call("count", [slots(module, "*")]), num(p.int(0, 2)))],
      [
        1,
        () =>
          call(p.pick(["any", "all"]), [
            bin(p.pick(COMPARISONS), member(member(slots(module, "*"), "type"), "w"), num(p.pick(module.types).w)),
          ]),
      ],
      [
        1,
        () =>
          call(p.pick(["atMost", "atLeast", "exactly"]), [
            num(p.int(0, 2)),
            bin("=", member(slots(module, "*"), "type"), type()),
          ]),
      ],
    );
    const s = module.slotVar;
    if (s?.kind === "boolean" || s?.kind === "text") {
      atoms.push(
        [1, () => call(p.pick(["any", "all"]), [member(slots(module, "*"), "s")])],
        [1, () => member(slots(module, p.int(1, module.max)), "s")],
        [1, () => call("atMost", [num(p.int(0, 1)), member(slots(module, "*"), "s")])],
      );
    }
    if (s?.kind === "integer") {
      atoms.push([
        1,
        () =>
          call(p.pick(["any", "all"]), [
            bin(p.pick(COMPARISONS), member(slots(module, "*"), "s"), num(p.pick(s.numbers))),
          ]),
      ]);
    }
    if (s?.kind === "choice") {
      atoms.push([1, () => call("any", [bin("=", member(slots(module, "*"), "s"), name(p.pick(s.options).id))])]);
    }
    if (scope.inSlot) {
      atoms.push(
        [4, () => bin(p.pick(["=", "!="]), name("type"), type())],
        [1, () => bin(p.pick(COMPARISONS), name("index"), num(p.int(1, 2)))],
      );
      if (s?.kind === "boolean" || s?.kind === "text") atoms.push([3, () => name("s")]);
      if (s?.kind === "integer") atoms.push([3, () => bin(p.pick(COMPARISONS), name("s"), num(p.pick(s.numbers)))]);
      if (s?.kind === "choice") atoms.push([3, () => bin(p.pick(["=", "!="]), name("s"), name(p.pick(s.options).id))]);
    }
  }
  atoms.push([1, () => lit(p.chance(0.7))]);
  return p.weighted(atoms)();
}

// ---------------------------------------------------------------------------------------------
// Packs.

/** Money: mostly whole amounts, some cents, rarely a discount. */
function money(p: Picker, max: number): number {
  const whole = p.int(0, max);
  const amount = p.chance(0.25) ? whole + p.pick([0.5, 0.25, 0.99, 0.1]) : whole;
  return p.chance(0.06) ? -amount : amount;
}

function optional<T>(p: Picker, chance: number, make: () => T): T | undefined {
  return p.chance(chance) ? make() : undefined;
}

/** Keeps only defined fields (the schema is strict about `undefined` under exactOptionalPropertyTypes). */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

function optionCount(v: VarInfo): number {
  return v.kind === "choice" ? v.options.length : v.kind === "integer" ? v.numbers.length : 2;
}

function moduleDesigns(module: ModInfo): number {
  let designs = 1;
  for (let k = 1; k <= module.max; k++) {
    designs *= module.types.length + (k > module.min ? 1 : 0);
    if (module.slotVar) designs *= optionCount(module.slotVar);
  }
  return designs;
}

function choiceInfo(p: Picker, id: string, size: number, prefix: string): VarInfo & { kind: "choice" } {
  return {
    kind: "choice",
    id,
    options: Array.from({ length: size }, (_, i) => ({
      id: `${prefix}${i}`,
      w: p.int(0, 4),
      m: p.pick(STRINGS),
      f: p.chance(0.5),
    })),
  };
}

/** A global variable with at most `room` options (undefined when not even 2 fit). */
function randomVariable(p: Picker, id: string, room: number): VarInfo | undefined {
  const kind = p.weighted<VarInfo["kind"]>([
    [4, "choice"],
    [3, "boolean"],
    [3, "integer"],
    [1, "text"],
  ]);
  if (room < 2) return undefined;
  // Now and then a choice with a single option, or a wide one (more than 6 options are encoded differently).
  const size =
    kind === "choice" && p.chance(0.06)
      ? 1
      : (kind === "choice" || kind === "integer") && room >= 7 && p.chance(0.08)
        ? p.int(7, Math.min(8, room))
        : room >= 3
          ? p.int(2, 3)
          : 2;
  switch (kind) {
    case "choice":
      return choiceInfo(p, id, size, "p");
    case "boolean":
      return { kind, id };
    case "text":
      return { kind, id };
    case "integer": {
      const min = p.int(-1, 3);
      const step = p.int(1, 2);
      return { kind, id, numbers: Array.from({ length: size }, (_, i) => min + i * step) };
    }
  }
}

/** The pack definition of a variable (prices, defaults, relevance come from `p`). */
function variableDef(p: Picker, v: VarInfo, relevantWhen: string | undefined): Record<string, unknown> {
  const common = { id: v.id, label: v.id.toUpperCase(), relevantWhen };
  switch (v.kind) {
    case "choice":
      return defined({
        ...common,
        type: "choice",
        options: v.options.map((o) =>
          defined({
            id: o.id,
            label: o.id,
            price: optional(p, 0.7, () => money(p, 40)),
            leadTime: optional(p, 0.3, () => p.int(0, 6)),
            attributes: { w: o.w, m: o.m, f: o.f },
          }),
        ),
        default: optional(p, 0.3, () => p.pick(v.options).id),
      });
    case "boolean":
      return defined({
        ...common,
        type: "boolean",
        default: optional(p, 0.3, () => true),
        price: optional(p, 0.6, () => money(p, 30)),
        leadTime: optional(p, 0.3, () => p.int(0, 6)),
      });
    case "integer": {
      const first = v.numbers[0]!;
      const step = (v.numbers[1] ?? first + 1) - first;
      // Sometimes a max that is not on a step: the values stay the same.
      const max = v.numbers.at(-1)! + (step > 1 && p.chance(0.3) ? 1 : 0);
      return defined({
        ...common,
        type: "integer",
        min: first,
        max,
        step,
        default: optional(p, 0.3, () => p.pick(v.numbers)),
        pricePerUnit: optional(p, 0.3, () => p.pick([0.5, 1, 2.5, 10])),
      });
    }
    case "text":
      return defined({
        ...common,
        type: "text",
        maxLength: p.int(1, 8),
        minLength: optional(p, 0.15, () => 1),
        pattern: optional(p, 0.15, () => "^[a-z]+$"),
        required: optional(p, 0.3, () => true),
        price: optional(p, 0.6, () => money(p, 20)),
        leadTime: optional(p, 0.3, () => p.int(0, 6)),
      });
  }
}

/** A table over 2 or 3 of the named variables, allowing 1 to 4 rows or forbidding 1 to 2. */
function table(p: Picker, columns: readonly VarInfo[]): Record<string, unknown> {
  const picked = p.subset(columns, columns.length >= 3 && p.chance(0.3) ? 3 : 2);
  const values = (v: VarInfo): (string | number | boolean)[] =>
    v.kind === "choice" ? v.options.map((o) => o.id) : v.kind === "integer" ? [...v.numbers] : [true, false];
  const allow = p.chance(0.5);
  const rows = Array.from({ length: allow ? p.int(1, 4) : p.int(1, 2) }, () =>
    picked.map((v) =>
      p.weighted<() => unknown>([
        [3, () => p.pick(values(v))],
        [allow ? 2 : 1, () => "*"],
        [2, () => p.subset(values(v), 2)],
      ])(),
    ),
  );
  const variables = picked.map((v) => v.id);
  return allow ? { variables, allow: rows } : { variables, forbid: rows };
}

function constraint(p: Picker, id: string, scope: Scope, columns: readonly VarInfo[]): Record<string, unknown> {
  const message = `rule ${id}`;
  if (columns.length >= 2 && p.chance(0.25)) return { id, message, table: table(p, columns) };
  return { id, message, rule: formatExpression(ruleExpr(p, scope)) };
}

function buildPack(p: Picker, options: RandomPackOptions): PackInput {
  const maxDesigns = options.maxDesigns ?? 1500;
  const maxGlobals = Math.max(1, Math.min(4, options.maxGlobals ?? 4));

  let module: ModInfo | undefined;
  if (options.modules !== false && p.chance(0.55)) {
    const min = p.int(0, 1);
    const max = p.int(Math.max(1, min), 2);
    const types = Array.from({ length: p.int(1, 2) }, (_, i) => ({ id: `t${i}`, w: p.int(0, 3) }));
    const slotVar = p.chance(0.5)
      ? p.weighted<() => VarInfo>([
          [3, () => ({ kind: "boolean", id: "s" })],
          [3, () => choiceInfo(p, "s", 2, "q")],
          [2, () => ({ kind: "integer", id: "s", numbers: [p.int(0, 1), p.int(2, 3)] })],
          [1, () => ({ kind: "text", id: "s" })],
        ])()
      : undefined;
    module = { id: "mod", min, max, types, slotVar };
    if (moduleDesigns(module) * 2 > maxDesigns) module = { ...module, slotVar: undefined };
  }

  let designs = module ? moduleDesigns(module) : 1;
  const globals: VarInfo[] = [];
  const wanted = p.int(1, maxGlobals);
  for (let i = 0; i < wanted; i++) {
    const v = randomVariable(p, `v${i}`, Math.floor(maxDesigns / designs));
    if (v === undefined) break;
    globals.push(v);
    designs *= optionCount(v);
  }
  if (globals.length === 0) throw new Error(`maxDesigns ${maxDesigns} leaves no room for a variable`);

  const scope: Scope = { globals, module, inSlot: false };
  const slotScope: Scope = { ...scope, inSlot: true };
  const tableable = globals.filter((v) => v.kind !== "text");

  const variables = globals.map((v) => {
    const others: Scope = { ...scope, globals: globals.filter((o) => o !== v) };
    const relevant =
      (v.kind === "text" ? p.chance(0.6) : p.chance(0.25)) && (others.globals.length > 0 || module !== undefined);
    return variableDef(p, v, relevant ? formatExpression(boolExpr(p, others, p.int(0, 1))) : undefined);
  });

  const modules = module
    ? [
        defined({
          id: module.id,
          label: "Modules",
          min: module.min,
          max: module.max,
          types: module.types.map((t) =>
            defined({
              id: t.id,
              label: t.id,
              price: optional(p, 0.8, () => money(p, 30)),
              leadTime: optional(p, 0.3, () => p.int(0, 6)),
              attributes: { w: t.w },
            }),
          ),
          variables: module.slotVar
            ? [
                variableDef(
                  p,
                  module.slotVar,
                  optional(p, 0.5, () =>
                    p.chance(0.5)
                      ? `type = ${p.pick(module!.types).id}`
                      : formatExpression(boolExpr(p, slotScope, p.int(0, 1))),
                  ),
                ),
              ]
            : undefined,
          constraints: p.chance(0.5)
            ? [
                constraint(p, "m0", slotScope, [
                  { kind: "choice", id: "type", options: module.types.map((t) => ({ ...t, m: "", f: false })) },
                  ...(module.slotVar && module.slotVar.kind !== "text" ? [module.slotVar] : []),
                  ...tableable,
                ]),
              ]
            : undefined,
        }),
      ]
    : undefined;

  // Fewer rules are likelier: every rule halves the valid designs or so.
  const maxConstraints = Math.max(1, options.maxConstraints ?? 4);
  const constraintCount = p.weighted(
    Array.from({ length: maxConstraints }, (_, i) => [Math.max(1, 4 - i), i + 1] as const),
  );
  const constraints = Array.from({ length: constraintCount }, (_, i) => constraint(p, `c${i}`, scope, tableable));

  const rules: Record<string, unknown>[] = [];
  for (let i = 0, n = p.int(0, 2); i < n; i++) {
    rules.push(
      defined({
        id: `r${i}`,
        label: `Rule ${i}`,
        when: optional(p, 0.7, () => formatExpression(boolExpr(p, scope, p.int(0, 1)))),
        amount: p.chance(0.6) ? money(p, 25) : formatExpression(numberExpr(p, scope, 1).expr),
      }),
    );
  }
  if (module && p.chance(0.6)) {
    rules.push(
      defined({
        id: `r${rules.length}`,
        label: "Per module",
        forEach: module.id,
        when: optional(p, 0.5, () => formatExpression(boolExpr(p, slotScope, 0))),
        amount: p.chance(0.5) ? money(p, 15) : formatExpression(numberExpr(p, slotScope, 1).expr),
      }),
    );
  }

  return defined({
    kitbash: 1 as const,
    id: "random/pack",
    version: "1.0.0",
    name: "Random pack",
    variables: variables as PackInput["variables"],
    modules: modules as PackInput["modules"],
    constraints: constraints as PackInput["constraints"],
    pricing: { base: money(p, 50), rules: rules as NonNullable<PackInput["pricing"]>["rules"] },
    leadTime: p.chance(0.5) ? { base: p.int(0, 3) } : undefined,
  });
}
