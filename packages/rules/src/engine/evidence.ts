import { litFromDimacs } from "../logic/literals.ts";
import type { ConfigModel } from "../model/model.ts";
import type { Choice } from "./choice.ts";

/**
 * The internal literal of every value of every variable, and the evidence that choices impose:
 * choosing a value zeroes the literals of the variable's other values; rejecting one zeroes its own.
 */
export class ValueLiterals {
  /** `lits[offsets[v] + i]` is the internal literal of value i of variable v. */
  readonly offsets: Int32Array;
  readonly lits: Int32Array;

  constructor(readonly model: ConfigModel) {
    this.offsets = new Int32Array(model.variables.length + 1);
    model.variables.forEach((variable, v) => {
      this.offsets[v + 1] = (this.offsets[v] as number) + variable.values.length;
    });
    this.lits = new Int32Array(this.offsets[model.variables.length] as number);
    model.variables.forEach((variable, v) => {
      variable.values.forEach((value, i) => {
        this.lits[(this.offsets[v] as number) + i] = litFromDimacs(value.lit);
      });
    });
  }

  lit(variable: number, value: number): number {
    return this.lits[(this.offsets[variable] as number) + value] as number;
  }

  valueCount(variable: number): number {
    return (this.offsets[variable + 1] as number) - (this.offsets[variable] as number);
  }

  /** Literals a choice zeroes. */
  zeroedBy(choice: Choice): number[] {
    if (choice.negated) return [this.lit(choice.variable, choice.value)];
    const zeroed: number[] = [];
    for (let i = 0; i < this.valueCount(choice.variable); i++) {
      if (i !== choice.value) zeroed.push(this.lit(choice.variable, i));
    }
    return zeroed;
  }

  /** `allowed[lit]` for a set of choices (length 2 * numVars). */
  allowed(choices: readonly Choice[]): Uint8Array {
    const allowed = new Uint8Array(2 * this.model.numVars).fill(1);
    for (const choice of choices) for (const lit of this.zeroedBy(choice)) allowed[lit] = 0;
    return allowed;
  }

  /** Does a full assignment (one internal literal per variable) satisfy a choice? */
  satisfies(model: Int32Array, choice: Choice): boolean {
    const holds = (value: number) => {
      const lit = this.lit(choice.variable, value);
      return model[lit >> 1] === lit;
    };
    return choice.negated ? !holds(choice.value) : holds(choice.value);
  }

  /** The value a full assignment gives a variable (-1 if none holds, which a valid model never does). */
  valueIn(model: Int32Array, variable: number): number {
    for (let i = 0; i < this.valueCount(variable); i++) {
      const lit = this.lit(variable, i);
      if (model[lit >> 1] === lit) return i;
    }
    return -1;
  }
}
