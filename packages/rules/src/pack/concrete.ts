import { type Algebra, type CompareOp, compareNumbers } from "./algebra.ts";
import type { PackVariable } from "./structure.ts";

/** The algebra of one complete design: `options[v]` is the option index each variable takes. */
export class ConcreteAlgebra implements Algebra<boolean, number, string> {
  readonly true = true;
  readonly false = false;

  constructor(private readonly options: ArrayLike<number>) {}

  not(a: boolean): boolean {
    return !a;
  }
  and(items: readonly boolean[]): boolean {
    return items.every(Boolean);
  }
  or(items: readonly boolean[]): boolean {
    return items.some(Boolean);
  }
  number(value: number): number {
    return value;
  }
  string(value: string): string {
    return value;
  }
  selectNumber(cases: readonly (readonly [boolean, number])[]): number {
    return cases.find(([holds]) => holds)?.[1] ?? 0;
  }
  selectString(cases: readonly (readonly [boolean, string])[]): string {
    return cases.find(([holds]) => holds)?.[1] ?? "";
  }
  add(a: number, b: number): number {
    return a + b;
  }
  multiply(a: number, b: number): number {
    return a * b;
  }
  mapNumber(a: number, f: (value: number) => number): number {
    return f(a);
  }
  ifThenElse(condition: boolean, whenTrue: number, whenFalse: number): number {
    return condition ? whenTrue : whenFalse;
  }
  ifThenElseString(condition: boolean, whenTrue: string, whenFalse: string): string {
    return condition ? whenTrue : whenFalse;
  }
  compare(op: CompareOp, a: number, b: number): boolean {
    return compareNumbers(op, a, b);
  }
  equalStrings(a: string, b: string): boolean {
    return a === b;
  }
  is(variable: PackVariable, option: number): boolean {
    return this.options[variable.index] === option;
  }
}
