import type { Expr, Span } from "../expr/index.ts";
import { parseExpression } from "../expr/index.ts";
import type { Algebra, CompareOp } from "./algebra.ts";
import { EMPTY_MODULE, type ModuleSlot, type PackModule, type PackStructure, type PackVariable } from "./structure.ts";

/** Parsed expressions by source text, shared by every interpreter: ASTs are immutable. */
const parsed = new Map<string, Expr>();
const MAX_PARSED = 20_000;

/** A rule that cannot be read: unknown name, wrong type, bad syntax. `span` is within the expression text. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly span: Span,
    /** Where in the element the problem is, when it is not inside an expression (a table cell). */
    readonly path?: readonly (string | number)[],
  ) {
    super(message);
  }
}

/** Where names are looked up: inside a module slot, names refer to that slot's variables first. */
export interface Scope {
  readonly slot?: { readonly module: PackModule; readonly slot: ModuleSlot };
  /** A partner's elements may name their own additions without the `partner:` prefix. */
  readonly namespace?: string;
}

type Value<B, N, S> =
  | { readonly type: "bool"; readonly value: B }
  | { readonly type: "number"; readonly value: N }
  | { readonly type: "string"; readonly value: S }
  | { readonly type: "variable"; readonly variable: PackVariable }
  | { readonly type: "slot"; readonly module: PackModule; readonly slot: ModuleSlot }
  | { readonly type: "module"; readonly module: PackModule }
  | { readonly type: "list"; readonly items: readonly Item<B, N, S>[] }
  /** A bare name or quoted text that is not a variable: an option id or a string, depending on use. */
  | { readonly type: "word"; readonly text: string; readonly quoted: boolean; readonly namespace?: string | undefined };

interface Item<B, N, S> {
  readonly present: B;
  readonly value: Value<B, N, S>;
}

/** Reads rule-language expressions over a pack's structure, in any algebra. */
export class Interpreter<B, N, S> {
  constructor(
    readonly structure: PackStructure,
    readonly algebra: Algebra<B, N, S>,
  ) {}

  parse(source: string): Expr {
    let expr = parsed.get(source);
    if (expr === undefined) {
      const result = parseExpression(source);
      if (!result.ok) throw new RuleError(result.error.message, { start: result.error.start, end: result.error.end });
      expr = result.expr;
      if (parsed.size >= MAX_PARSED) parsed.clear();
      parsed.set(source, expr);
    }
    return expr;
  }

  bool(source: string, scope: Scope = {}): B {
    const expr = this.parse(source);
    return this.toBool(this.evaluate(expr, scope), expr);
  }

  number(source: string | number, scope: Scope = {}): N {
    if (typeof source === "number") return this.algebra.number(source);
    const expr = this.parse(source);
    return this.toNumber(this.evaluate(expr, scope), expr);
  }

  /** Text of an expression's value, for templates and colours: strings, numbers, option ids. */
  text(expr: Expr, scope: Scope, render: (value: N | S | B, kind: "number" | "string" | "bool") => string): string {
    const value = this.evaluate(expr, scope);
    switch (value.type) {
      case "number":
        return render(value.value, "number");
      case "bool":
        return render(value.value, "bool");
      case "variable":
        if (value.variable.kind === "integer") return render(this.toNumber(value, expr), "number");
        if (value.variable.kind === "choice") return render(this.toString(value, expr), "string");
        return render(this.toBool(value, expr), "bool");
      case "word":
        // Bare words are option ids or strings only beside a comparison; alone they are a typo.
        if (!value.quoted) throw new RuleError(`unknown name "${value.text}"`, expr.span);
        return render(this.toString(value, expr), "string");
      default:
        return render(this.toString(value, expr), "string");
    }
  }

  /** A variable by name as a rule in `scope` would read it: the slot's own, a global, or the partner's own. */
  variable(name: string, scope: Scope): PackVariable | undefined {
    const { globals } = this.structure;
    const qualified = qualifiedName(name, scope);
    return (
      (scope.slot ? slotVariable(scope.slot.slot, name, qualified) : undefined) ??
      globals.get(name) ??
      (qualified !== undefined ? globals.get(qualified) : undefined)
    );
  }

  /** Whether a module slot holds a module. */
  present(slot: ModuleSlot): B {
    if (slot.required) return this.algebra.true;
    const empty = slot.type.options.findIndex((o) => o.id === EMPTY_MODULE);
    return this.algebra.not(this.algebra.is(slot.type, empty));
  }

  /** Whether a choice, integer, boolean or text variable takes the given option id (`true`/`false` for flags). */
  variableIs(variable: PackVariable, option: number): B {
    return this.algebra.is(variable, option);
  }

  private evaluate(expr: Expr, scope: Scope): Value<B, N, S> {
    const a = this.algebra;
    switch (expr.kind) {
      case "number":
        return { type: "number", value: a.number(expr.value) };
      case "boolean":
        return { type: "bool", value: expr.value ? a.true : a.false };
      case "string":
        return { type: "word", text: expr.value, quoted: true, namespace: scope.namespace };
      case "name":
        return this.resolveName(expr.name, scope);
      case "member":
        return this.member(this.evaluate(expr.object, scope), expr.name, expr, scope);
      case "index":
        return this.index(this.evaluate(expr.object, scope), expr.index, expr);
      case "unary": {
        const operand = this.evaluate(expr.operand, scope);
        if (expr.op === "not") return this.mapBool(operand, expr, (b) => a.not(b));
        return this.mapNumber(operand, expr, (n) => a.mapNumber(n, (x) => -x));
      }
      case "in": {
        const subject = this.evaluate(expr.subject, scope);
        const matches = expr.options.map((option) => this.equal(subject, this.evaluate(option, scope), option));
        const any = a.or(matches);
        return { type: "bool", value: expr.negated ? a.not(any) : any };
      }
      case "binary":
        return this.binary(expr, scope);
      case "call":
        return this.call(expr, scope);
    }
  }

  private binary(expr: Extract<Expr, { kind: "binary" }>, scope: Scope): Value<B, N, S> {
    const a = this.algebra;
    const left = this.evaluate(expr.left, scope);
    if (expr.op === "/") {
      const divisor = constantNumber(expr.right);
      if (divisor === undefined || divisor === 0) {
        throw new RuleError("can only divide by a number other than 0, like width / 2", expr.right.span);
      }
      return this.mapNumber(left, expr.left, (n) => a.mapNumber(n, (x) => x / divisor));
    }
    const right = this.evaluate(expr.right, scope);
    switch (expr.op) {
      case "and":
        return this.bools(left, right, expr, (x, y) => a.and([x, y]));
      case "or":
        return this.bools(left, right, expr, (x, y) => a.or([x, y]));
      case "implies":
      case "requires":
        return this.bools(left, right, expr, (x, y) => a.or([a.not(x), y]));
      case "excludes":
        return this.bools(left, right, expr, (x, y) => a.not(a.and([x, y])));
      case "iff":
        return this.bools(left, right, expr, (x, y) => a.or([a.and([x, y]), a.and([a.not(x), a.not(y)])]));
      case "=":
        return this.elementwise(left, right, expr, (l, r) => ({ type: "bool", value: this.equal(l, r, expr) }));
      case "!=":
        return this.elementwise(left, right, expr, (l, r) => ({ type: "bool", value: a.not(this.equal(l, r, expr)) }));
      case "<":
      case "<=":
      case ">":
      case ">=": {
        const op: CompareOp = expr.op;
        return this.elementwise(left, right, expr, (l, r) => ({
          type: "bool",
          value: a.compare(op, this.toNumber(l, expr.left), this.toNumber(r, expr.right)),
        }));
      }
      case "+":
      case "-":
      case "*": {
        const op = expr.op;
        return this.elementwise(left, right, expr, (l, r) => {
          const x = this.toNumber(l, expr.left);
          const y = this.toNumber(r, expr.right);
          if (op === "+") return { type: "number", value: a.add(x, y) };
          if (op === "-")
            return {
              type: "number",
              value: a.add(
                x,
                a.mapNumber(y, (v) => -v),
              ),
            };
          return { type: "number", value: a.multiply(x, y) };
        });
      }
    }
  }

  /** A connective over two operands read as booleans. */
  private bools(
    left: Value<B, N, S>,
    right: Value<B, N, S>,
    expr: Extract<Expr, { kind: "binary" }>,
    f: (x: B, y: B) => B,
  ): Value<B, N, S> {
    return { type: "bool", value: f(this.toBool(left, expr.left), this.toBool(right, expr.right)) };
  }

  /** The items of a function's arguments: lists spread, single values as one present item. */
  private items(from: readonly Expr[], scope: Scope): Item<B, N, S>[] {
    return from.flatMap((arg) => this.itemsOf(this.evaluate(arg, scope)));
  }

  /** How many of the arguments' items are present and true (module slots: present). */
  private countOf(from: readonly Expr[], scope: Scope, expr: Expr): N {
    const a = this.algebra;
    return this.sum(
      this.items(from, scope).map((item) => {
        const truth = item.value.type === "slot" ? a.true : this.toBool(item.value, expr);
        return a.ifThenElse(a.and([item.present, truth]), a.number(1), a.number(0));
      }),
    );
  }

  private call(expr: Extract<Expr, { kind: "call" }>, scope: Scope): Value<B, N, S> {
    const a = this.algebra;
    const args = expr.args;
    switch (expr.callee) {
      case "sum":
        this.arity(expr, 1, Number.POSITIVE_INFINITY);
        return {
          type: "number",
          value: this.sum(
            this.items(args, scope).map((item) =>
              a.ifThenElse(item.present, this.toNumber(item.value, expr), a.number(0)),
            ),
          ),
        };
      case "count":
        this.arity(expr, 1, Number.POSITIVE_INFINITY);
        return { type: "number", value: this.countOf(args, scope, expr) };
      case "atMost":
      case "atLeast":
      case "exactly": {
        this.arity(expr, 2, Number.POSITIVE_INFINITY);
        const k = constantNumber(args[0] as Expr);
        if (k === undefined)
          throw new RuleError(`${expr.callee} needs a number first, like ${expr.callee}(1, a, b)`, expr.span);
        const op: CompareOp = expr.callee === "atMost" ? "<=" : expr.callee === "atLeast" ? ">=" : "=";
        return { type: "bool", value: a.compare(op, this.countOf(args.slice(1), scope, expr), a.number(k)) };
      }
      case "any":
      case "all": {
        this.arity(expr, 1, Number.POSITIVE_INFINITY);
        const truths = this.items(args, scope).map((item) => {
          const truth = this.toBool(item.value, expr);
          return expr.callee === "any" ? a.and([item.present, truth]) : a.or([a.not(item.present), truth]);
        });
        return { type: "bool", value: expr.callee === "any" ? a.or(truths) : a.and(truths) };
      }
      case "min":
      case "max": {
        this.arity(expr, 1, Number.POSITIVE_INFINITY);
        const op: CompareOp = expr.callee === "min" ? "<" : ">";
        let best: N | undefined;
        for (const item of this.items(args, scope)) {
          const value = this.toNumber(item.value, expr);
          best =
            best === undefined
              ? a.ifThenElse(item.present, value, a.number(0))
              : a.ifThenElse(a.and([item.present, a.compare(op, value, best)]), value, best);
        }
        return { type: "number", value: best as N };
      }
      case "if": {
        this.arity(expr, 3, 3);
        const [c, t, e] = args as [Expr, Expr, Expr];
        const condition = this.toBool(this.evaluate(c, scope), c);
        const whenTrue = this.evaluate(t, scope);
        const whenFalse = this.evaluate(e, scope);
        if (whenTrue.type === "bool" || whenFalse.type === "bool" || isFlag(whenTrue) || isFlag(whenFalse)) {
          const x = this.toBool(whenTrue, t);
          const y = this.toBool(whenFalse, e);
          return { type: "bool", value: a.or([a.and([condition, x]), a.and([a.not(condition), y])]) };
        }
        if (isText(whenTrue) || isText(whenFalse)) {
          return {
            type: "string",
            value: a.ifThenElseString(condition, this.toString(whenTrue, t), this.toString(whenFalse, e)),
          };
        }
        return {
          type: "number",
          value: a.ifThenElse(condition, this.toNumber(whenTrue, t), this.toNumber(whenFalse, e)),
        };
      }
      case "round":
      case "floor":
      case "ceil":
      case "abs": {
        this.arity(expr, 1, 1);
        const f = Math[expr.callee];
        return { type: "number", value: a.mapNumber(this.toNumber(this.evaluate(args[0] as Expr, scope), expr), f) };
      }
      case "offset": {
        this.arity(expr, 1, 1);
        const here = scope.slot;
        if (here === undefined) throw new RuleError("offset(...) only works inside a module (forEach)", expr.span);
        const earlier = here.module.slots.filter((s) => s.index < here.slot.index);
        const parts = earlier.map((slot) =>
          a.ifThenElse(
            this.present(slot),
            this.toNumber(this.evaluate(args[0] as Expr, { ...scope, slot: { module: here.module, slot } }), expr),
            a.number(0),
          ),
        );
        return { type: "number", value: this.sum(parts) };
      }
      default:
        throw new RuleError(
          `unknown function "${expr.callee}"; available: sum, count, min, max, atMost, atLeast, exactly, any, all, if, round, floor, ceil, abs, offset`,
          expr.span,
        );
    }
  }

  private sum(parts: readonly N[]): N {
    const a = this.algebra;
    return parts.reduce((total, part) => a.add(total, part), a.number(0));
  }

  private arity(expr: Extract<Expr, { kind: "call" }>, min: number, max: number): void {
    const n = expr.args.length;
    if (n < min || n > max) {
      const wanted = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
      throw new RuleError(`${expr.callee} takes ${wanted} argument${wanted === "1" ? "" : "s"}, got ${n}`, expr.span);
    }
  }

  private resolveName(name: string, scope: Scope): Value<B, N, S> {
    const here = scope.slot;
    const qualified = qualifiedName(name, scope);
    if (here !== undefined) {
      const local = slotVariable(here.slot, name, qualified);
      if (local !== undefined) return { type: "variable", variable: local };
      if (name === "index") return { type: "number", value: this.algebra.number(here.slot.index) };
    }
    const { globals, modules } = this.structure;
    const variable = globals.get(name) ?? (qualified !== undefined ? globals.get(qualified) : undefined);
    if (variable !== undefined) return { type: "variable", variable };
    const module = modules.get(name) ?? (qualified !== undefined ? modules.get(qualified) : undefined);
    if (module !== undefined) return { type: "module", module };
    return { type: "word", text: name, quoted: false, namespace: scope.namespace };
  }

  private member(object: Value<B, N, S>, name: string, expr: Expr, scope: Scope): Value<B, N, S> {
    const a = this.algebra;
    if (object.type === "list") {
      return {
        type: "list",
        items: object.items.map((item) => ({
          present: item.present,
          value: this.member(item.value, name, expr, scope),
        })),
      };
    }
    if (object.type === "slot") {
      const variable = slotVariable(object.slot, name, qualifiedName(name, scope));
      if (variable !== undefined) return { type: "variable", variable };
      if (name === "index") return { type: "number", value: a.number(object.slot.index) };
      const known = [...object.slot.variables.keys()].join(", ");
      throw new RuleError(`${object.module.def.id} slots have no "${name}" (they have: ${known})`, expr.span);
    }
    if (object.type === "variable" && object.variable.kind === "choice")
      return this.attribute(object.variable, name, expr);
    if (object.type === "module") {
      throw new RuleError(
        `pick slots of ${object.module.def.id} first: ${object.module.def.id}[*].${name} or ${object.module.def.id}[1].${name}`,
        expr.span,
      );
    }
    throw new RuleError(`"${name}" can only be read from a choice or a module slot`, expr.span);
  }

  private attribute(variable: PackVariable, name: string, expr: Expr): Value<B, N, S> {
    const a = this.algebra;
    const values = variable.options.map((o) => o.attributes?.[name]);
    const kinds = new Set(values.filter((v) => v !== undefined).map((v) => typeof v));
    if (kinds.size === 0)
      throw new RuleError(`the options of ${variable.localId} have no attribute "${name}"`, expr.span);
    if (kinds.size > 1)
      throw new RuleError(
        `attribute "${name}" of ${variable.localId} mixes ${[...kinds].join(" and ")} values`,
        expr.span,
      );
    const missing = variable.options.filter((o, i) => values[i] === undefined && o.id !== EMPTY_MODULE);
    if (missing.length > 0) {
      throw new RuleError(`option "${missing[0]?.id}" of ${variable.localId} has no attribute "${name}"`, expr.span);
    }
    const kind = [...kinds][0];
    if (kind === "boolean") {
      return { type: "bool", value: a.or(values.flatMap((v, i) => (v === true ? [a.is(variable, i)] : []))) };
    }
    if (kind === "number") {
      return {
        type: "number",
        value: a.selectNumber(values.map((v, i) => [a.is(variable, i), (v as number | undefined) ?? 0] as const)),
      };
    }
    return {
      type: "string",
      value: a.selectString(values.map((v, i) => [a.is(variable, i), String(v ?? "")] as const)),
    };
  }

  private index(object: Value<B, N, S>, index: number | "*", expr: Expr): Value<B, N, S> {
    if (object.type !== "module")
      throw new RuleError("only modules can be indexed, like bays[2] or bays[*]", expr.span);
    const { module } = object;
    if (index === "*") {
      return {
        type: "list",
        items: module.slots.map((slot) => ({ present: this.present(slot), value: { type: "slot", module, slot } })),
      };
    }
    const slot = module.slots[index - 1];
    if (slot === undefined)
      throw new RuleError(`${module.def.id} has slots 1 to ${module.slots.length}, not ${index}`, expr.span);
    return { type: "slot", module, slot };
  }

  private itemsOf(value: Value<B, N, S>): Item<B, N, S>[] {
    if (value.type === "list") return [...value.items];
    if (value.type === "module")
      return value.module.slots.map((slot) => ({
        present: this.present(slot),
        value: { type: "slot", module: value.module, slot },
      }));
    return [{ present: this.algebra.true, value }];
  }

  private elementwise(
    left: Value<B, N, S>,
    right: Value<B, N, S>,
    expr: Expr,
    f: (l: Value<B, N, S>, r: Value<B, N, S>) => Value<B, N, S>,
  ): Value<B, N, S> {
    if (left.type === "list" && right.type === "list")
      throw new RuleError("cannot combine two lists; use sum(...) or count(...)", expr.span);
    if (left.type === "list")
      return {
        type: "list",
        items: left.items.map((item) => ({ present: item.present, value: f(item.value, right) })),
      };
    if (right.type === "list")
      return {
        type: "list",
        items: right.items.map((item) => ({ present: item.present, value: f(left, item.value) })),
      };
    return f(left, right);
  }

  private mapBool(value: Value<B, N, S>, expr: Expr, f: (b: B) => B): Value<B, N, S> {
    if (value.type === "list")
      return {
        type: "list",
        items: value.items.map((item) => ({ present: item.present, value: this.mapBool(item.value, expr, f) })),
      };
    return { type: "bool", value: f(this.toBool(value, expr)) };
  }

  private mapNumber(value: Value<B, N, S>, expr: Expr, f: (n: N) => N): Value<B, N, S> {
    if (value.type === "list")
      return {
        type: "list",
        items: value.items.map((item) => ({ present: item.present, value: this.mapNumber(item.value, expr, f) })),
      };
    return { type: "number", value: f(this.toNumber(value, expr)) };
  }

  /** Equality between any two values that can be compared: choices with option ids, numbers, strings, flags. */
  private equal(left: Value<B, N, S>, right: Value<B, N, S>, expr: Expr): B {
    const a = this.algebra;
    if (left.type === "word" && right.type !== "word") return this.equal(right, left, expr);
    if (left.type === "variable" && (left.variable.kind === "choice" || left.variable.kind === "integer")) {
      const variable = left.variable;
      if (right.type === "word" && variable.kind === "choice")
        return a.is(variable, this.optionIndex(variable, right, expr));
      if (right.type === "variable" && right.variable.kind === "choice" && variable.kind === "choice") {
        const other = right.variable;
        return a.or(
          variable.options.flatMap((option, i) => {
            const j = other.options.findIndex((o) => o.id === option.id);
            return j < 0 ? [] : [a.and([a.is(variable, i), a.is(other, j)])];
          }),
        );
      }
      if (variable.kind === "choice" && right.type === "string")
        return a.equalStrings(this.toString(left, expr), right.value);
    }
    if (left.type === "number" || right.type === "number" || isInteger(left) || isInteger(right)) {
      return a.compare("=", this.toNumber(left, expr), this.toNumber(right, expr));
    }
    if (left.type === "bool" || right.type === "bool" || isFlag(left) || isFlag(right)) {
      const x = this.toBool(left, expr);
      const y = this.toBool(right, expr);
      return a.or([a.and([x, y]), a.and([a.not(x), a.not(y)])]);
    }
    return a.equalStrings(this.toString(left, expr), this.toString(right, expr));
  }

  /** An option by exact id, or by the id a partner's own rule gives it without its namespace. */
  private optionIndex(
    variable: PackVariable,
    word: { text: string; namespace?: string | undefined },
    expr: Expr,
  ): number {
    const { text, namespace } = word;
    let index = variable.options.findIndex((o) => o.id === text);
    if (index < 0 && namespace !== undefined)
      index = variable.options.findIndex((o) => o.id === `${namespace}:${text}`);
    if (index < 0) {
      const ids = variable.options.map((o) => o.id).join(", ");
      throw new RuleError(`${variable.localId} has no option "${text}" (its options: ${ids})`, expr.span);
    }
    return index;
  }

  private toBool(value: Value<B, N, S>, expr: Expr): B {
    switch (value.type) {
      case "bool":
        return value.value;
      case "variable":
        if (value.variable.kind === "boolean" || value.variable.kind === "text")
          return this.algebra.is(value.variable, 0);
        throw new RuleError(
          value.variable.kind === "choice"
            ? `${value.variable.localId} is a choice; compare it, like ${value.variable.localId} = ${value.variable.options[0]?.id ?? "value"}`
            : `${value.variable.localId} is a number; compare it, like ${value.variable.localId} >= ${value.variable.numbers?.[0] ?? 0}`,
          expr.span,
        );
      case "word":
        throw new RuleError(
          value.quoted ? `"${value.text}" is text, not a condition` : `unknown name "${value.text}"`,
          expr.span,
        );
      default:
        throw new RuleError(`expected a condition, found ${describe(value)}`, expr.span);
    }
  }

  private toNumber(value: Value<B, N, S>, expr: Expr): N {
    const a = this.algebra;
    switch (value.type) {
      case "number":
        return value.value;
      case "variable": {
        const { variable } = value;
        if (variable.kind === "integer") {
          return a.selectNumber((variable.numbers ?? []).map((n, i) => [a.is(variable, i), n] as const));
        }
        throw new RuleError(
          variable.kind === "choice"
            ? `${variable.localId} is a choice, not a number; use one of its attributes, like ${variable.localId}.width`
            : `${variable.localId} is yes/no, not a number; use count(${variable.localId})`,
          expr.span,
        );
      }
      case "word":
        throw new RuleError(
          value.quoted ? `"${value.text}" is text, not a number` : `unknown name "${value.text}"`,
          expr.span,
        );
      default:
        throw new RuleError(`expected a number, found ${describe(value)}`, expr.span);
    }
  }

  private toString(value: Value<B, N, S>, expr: Expr): S {
    const a = this.algebra;
    switch (value.type) {
      case "string":
        return value.value;
      case "word":
        return a.string(value.text);
      case "variable":
        if (value.variable.kind === "choice") {
          const { variable } = value;
          return a.selectString(variable.options.map((o, i) => [a.is(variable, i), o.id] as const));
        }
        throw new RuleError(`${value.variable.localId} is not text`, expr.span);
      default:
        throw new RuleError(`expected text, found ${describe(value)}`, expr.span);
    }
  }
}

function isInteger<B, N, S>(value: Value<B, N, S>): boolean {
  return value.type === "variable" && value.variable.kind === "integer";
}

/** Text-valued: strings, quoted text, string attributes, and choices (their option ids). */
function isText<B, N, S>(value: Value<B, N, S>): boolean {
  return (
    value.type === "string" ||
    (value.type === "word" && value.quoted) ||
    (value.type === "variable" && value.variable.kind === "choice")
  );
}

function isFlag<B, N, S>(value: Value<B, N, S>): boolean {
  return value.type === "variable" && (value.variable.kind === "boolean" || value.variable.kind === "text");
}

function describe<B, N, S>(value: Value<B, N, S>): string {
  switch (value.type) {
    case "list":
      return "a list (use sum, count, any or all)";
    case "slot":
      return `a ${value.module.def.id} slot`;
    case "module":
      return `the module ${value.module.def.id}`;
    default:
      return value.type;
  }
}

function constantNumber(expr: Expr): number | undefined {
  if (expr.kind === "number") return expr.value;
  if (expr.kind === "unary" && expr.op === "-" && expr.operand.kind === "number") return -expr.operand.value;
  return undefined;
}

/** `name` in the namespace of the partner whose rule reads it, if the rule is a partner's and the name bare. */
function qualifiedName(name: string, scope: Scope): string | undefined {
  return scope.namespace !== undefined && !name.includes(":") ? `${scope.namespace}:${name}` : undefined;
}

/** A slot's variable by the name a rule uses: the slot's own, or one a partner added (`woodcraft:light`). */
function slotVariable(slot: ModuleSlot, name: string, qualified: string | undefined): PackVariable | undefined {
  return slot.variables.get(name) ?? (qualified !== undefined ? slot.variables.get(qualified) : undefined);
}
