import { type Algebra, type CompareOp, compareNumbers } from "./algebra.ts";
import type { PackVariable } from "./structure.ts";

/** Constant literals: negation (`-x`) works on them as on real literals. */
export const TRUE_LIT = 1_000_000_000;
export const FALSE_LIT = -TRUE_LIT;

/** Largest number of distinct values an arithmetic expression may take before encoding gives up. */
export const MAX_TERM_VALUES = 4096;

/** An arithmetic expression too large to encode exactly. */
export class EncodingLimit extends Error {}

/**
 * A CNF under construction. Every gate variable is defined by a full equivalence with its
 * inputs, so it is determined by them and model counts are unchanged by auxiliaries.
 */
export class Gates {
  readonly clauses: number[][] = [];
  private readonly andGates = new Map<string, number>();
  private readonly gateInputs = new Map<number, readonly number[]>();

  constructor(public numVars: number) {}

  newVar(): number {
    return ++this.numVars;
  }

  and(items: readonly number[]): number {
    const inputs = new Set<number>();
    for (const item of items) {
      if (item === FALSE_LIT || inputs.has(-item)) return FALSE_LIT;
      if (item !== TRUE_LIT) inputs.add(item);
    }
    if (inputs.size === 0) return TRUE_LIT;
    const sorted = [...inputs].sort((a, b) => a - b);
    if (sorted.length === 1) return sorted[0] as number;
    const key = sorted.join(",");
    let gate = this.andGates.get(key);
    if (gate === undefined) {
      gate = this.newVar();
      for (const input of sorted) this.clauses.push([-gate, input]);
      this.clauses.push([gate, ...sorted.map((input) => -input)]);
      this.andGates.set(key, gate);
      this.gateInputs.set(gate, sorted);
    }
    return gate;
  }

  or(items: readonly number[]): number {
    return -this.and(items.map((item) => -item));
  }

  /**
   * Adds clauses that make `lit` hold and returns their indices. A disjunction is asserted as one
   * clause of its inputs (its gate stays defined, so nothing else changes).
   */
  assert(lit: number): number[] {
    if (lit === TRUE_LIT) return [];
    const first = this.clauses.length;
    const andInputs = lit < 0 ? this.gateInputs.get(-lit) : undefined;
    this.clauses.push(lit === FALSE_LIT ? [] : (andInputs?.map((input) => -input) ?? [lit]));
    return [first];
  }
}

/** A number as one-hot cases: exactly one `[value, literal]` pair holds in every design. */
export type Term = readonly (readonly [number, number])[];
export type StringTerm = readonly (readonly [string, number])[];

/** The algebra that compiles rules into CNF over a pack's variables. */
export class SymbolicAlgebra implements Algebra<number, Term, StringTerm> {
  readonly true = TRUE_LIT;
  readonly false = FALSE_LIT;

  constructor(
    readonly gates: Gates,
    private readonly literal: (variable: PackVariable, option: number) => number,
  ) {}

  not(a: number): number {
    return -a;
  }
  and(items: readonly number[]): number {
    return this.gates.and(items);
  }
  or(items: readonly number[]): number {
    return this.gates.or(items);
  }
  number(value: number): Term {
    return [[value, TRUE_LIT]];
  }
  string(value: string): StringTerm {
    return [[value, TRUE_LIT]];
  }
  selectNumber(cases: readonly (readonly [number, number])[]): Term {
    return this.group(cases.map(([condition, value]) => [roundKey(value), condition] as const));
  }
  selectString(cases: readonly (readonly [number, string])[]): StringTerm {
    const groups = new Map<string, number[]>();
    for (const [condition, value] of cases) {
      if (condition === FALSE_LIT) continue;
      const list = groups.get(value);
      if (list === undefined) groups.set(value, [condition]);
      else list.push(condition);
    }
    return [...groups].map(([value, conditions]) => [value, this.or(conditions)] as const);
  }
  add(a: Term, b: Term): Term {
    return this.combine(a, b, (x, y) => x + y);
  }
  multiply(a: Term, b: Term): Term {
    return this.combine(a, b, (x, y) => x * y);
  }
  mapNumber(a: Term, f: (value: number) => number): Term {
    return this.group(a.map(([value, lit]) => [roundKey(f(value)), lit] as const));
  }
  ifThenElse(condition: number, whenTrue: Term, whenFalse: Term): Term {
    return this.group([
      ...whenTrue.map(([value, lit]) => [value, this.and([condition, lit])] as const),
      ...whenFalse.map(([value, lit]) => [value, this.and([-condition, lit])] as const),
    ]);
  }
  ifThenElseString(condition: number, whenTrue: StringTerm, whenFalse: StringTerm): StringTerm {
    return this.selectString([
      ...whenTrue.map(([value, lit]) => [this.and([condition, lit]), value] as const),
      ...whenFalse.map(([value, lit]) => [this.and([-condition, lit]), value] as const),
    ]);
  }
  compare(op: CompareOp, a: Term, b: Term): number {
    const holds: number[] = [];
    for (const [x, la] of a) {
      for (const [y, lb] of b) if (compareNumbers(op, x, y)) holds.push(this.and([la, lb]));
    }
    return this.or(holds);
  }
  equalStrings(a: StringTerm, b: StringTerm): number {
    const holds: number[] = [];
    for (const [x, la] of a) for (const [y, lb] of b) if (x === y) holds.push(this.and([la, lb]));
    return this.or(holds);
  }
  is(variable: PackVariable, option: number): number {
    return this.literal(variable, option);
  }

  private combine(a: Term, b: Term, f: (x: number, y: number) => number): Term {
    if (a.length * b.length > MAX_TERM_VALUES * 16) throw new EncodingLimit(`${a.length} × ${b.length} combinations`);
    const cases: (readonly [number, number])[] = [];
    for (const [x, la] of a) for (const [y, lb] of b) cases.push([roundKey(f(x, y)), this.and([la, lb])]);
    return this.group(cases);
  }

  /** Merges cases with equal values into one literal each, dropping impossible ones. */
  private group(cases: readonly (readonly [number, number])[]): Term {
    const groups = new Map<number, number[]>();
    for (const [value, lit] of cases) {
      if (lit === FALSE_LIT) continue;
      const list = groups.get(value);
      if (list === undefined) groups.set(value, [lit]);
      else list.push(lit);
    }
    if (groups.size > MAX_TERM_VALUES) throw new EncodingLimit(`${groups.size} possible values`);
    return [...groups].sort((x, y) => x[0] - y[0]).map(([value, lits]) => [value, this.or(lits)] as const);
  }
}

/** Rounds away floating-point noise so that 0.1 + 0.2 and 0.3 are one value. */
function roundKey(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
