import type { Diagnostic } from "../diagnostics.ts";
import type { ConfigModel, LiteralWeight, ModelConstraint, ModelVariable } from "../model/model.ts";
import { Interpreter, RuleError, type Scope } from "./interpret.ts";
import type { ConstraintDef, Pack } from "./schema.ts";
import { EMPTY_MODULE, type JsonPath, type PackStructure, type PackVariable } from "./structure.ts";
import { EncodingLimit, FALSE_LIT, Gates, SymbolicAlgebra, TRUE_LIT } from "./symbolic.ts";
import { localize } from "./text.ts";

/** Where a composed pack's element came from: its partner namespace and its path in its own file. */
export interface ElementOrigin {
  readonly namespace?: string;
  readonly pack?: string;
  readonly path: JsonPath;
}

export type OriginOf = (element: object, path: JsonPath) => ElementOrigin;

export interface EncodedPack {
  readonly model: ConfigModel;
  readonly structure: PackStructure;
  /** `literals[v][i]`: the model literal that holds when variable v takes option i. */
  readonly literals: readonly (readonly number[])[];
}

/** Up to this many options, exactly-one uses pairwise exclusions (binary clauses, no auxiliaries). */
const PAIRWISE_LIMIT = 16;

/** Compiles a pack's variables, rules, tables and prices into a configuration model over CNF. */
export function encodePack(
  pack: Pack,
  structure: PackStructure,
  originOf: OriginOf = (_, path) => ({ path }),
): { encoded: EncodedPack | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const literals: number[][] = [];
  let next = 0;
  for (const variable of structure.variables) {
    if (variable.kind === "boolean" || variable.kind === "text") {
      next++;
      literals.push([next, -next]);
    } else literals.push(variable.options.map(() => ++next));
  }
  const gates = new Gates(next);
  const literal = (variable: PackVariable, option: number) => literals[variable.index]![option]!;
  const interpreter = new Interpreter(structure, new SymbolicAlgebra(gates, literal));
  const constraints: ModelConstraint[] = [];
  const message = (text: Parameters<typeof localize>[0]) => localize(text, pack.languages);

  /** Runs `encode`, turning rule problems into diagnostics at `path` (offsets within the expression). */
  const attempt = <T>(origin: ElementOrigin, field: JsonPath, encode: () => T): T | undefined => {
    try {
      return encode();
    } catch (error) {
      const at = { path: [...origin.path, ...field], ...(origin.pack ? { pack: origin.pack } : {}) };
      if (error instanceof RuleError) {
        const where = error.path ? { ...at, path: [...at.path, ...error.path] } : { ...at, offset: error.span.start };
        diagnostics.push({ code: "type", severity: "error", message: error.message, ...where });
        return undefined;
      }
      if (error instanceof EncodingLimit) {
        diagnostics.push({
          code: "too-large",
          severity: "error",
          message: `too large to encode exactly: ${error.message}; use fewer or coarser values`,
          ...at,
        });
        return undefined;
      }
      throw error;
    }
  };
  const group = (id: string, text: string, clauses: number[]) => {
    if (clauses.length > 0) constraints.push({ id, message: text, clauses });
  };

  for (const variable of structure.variables) {
    if (variable.kind === "choice" || variable.kind === "integer") exactlyOne(gates, literals[variable.index]!);
  }

  for (const module of structure.modules.values()) {
    const clauses: number[] = [];
    module.slots.forEach((slot, i) => {
      const following = module.slots[i + 1];
      if (slot.required || following === undefined) return;
      const empty = (s: typeof slot) =>
        literal(
          s.type,
          s.type.options.findIndex((o) => o.id === EMPTY_MODULE),
        );
      clauses.push(...gates.assert(gates.or([-empty(slot), empty(following)])));
    });
    group(`${module.def.id}:order`, `${message(module.def.label)} are filled in order, without gaps`, clauses);
  }

  // An irrelevant variable keeps its default, so that it neither multiplies counts nor costs money.
  const relevant = structure.variables.map((variable) => {
    const origin = originOf(variable.def ?? variable, variable.path);
    const scope = scopeOf(structure, variable, origin.namespace);
    const conditions: number[] = [];
    if (variable.slot !== undefined && variable.localId !== "type" && scope.slot)
      conditions.push(interpreter.present(scope.slot.slot));
    const when = variable.def?.relevantWhen;
    if (when !== undefined)
      conditions.push(attempt(origin, ["relevantWhen"], () => interpreter.bool(when, scope)) ?? TRUE_LIT);
    const isRelevant = gates.and(conditions);
    if (isRelevant !== TRUE_LIT) {
      const clauses = gates.assert(gates.or([isRelevant, literal(variable, variable.defaultIndex)]));
      group(
        `${variable.id}:applies`,
        `${message(variable.label)} only applies${when ? ` when ${when}` : " to a filled slot"}`,
        clauses,
      );
    }
    if (variable.def?.type === "text" && variable.def.required) {
      group(
        `${variable.id}:required`,
        `${message(variable.label)} must be filled in`,
        gates.assert(gates.or([-isRelevant, literal(variable, 0)])),
      );
    }
    return isRelevant;
  });

  const encodeConstraint = (
    constraint: ConstraintDef,
    path: JsonPath,
    id: string,
    scopes: readonly (Scope & { present?: number })[],
  ) => {
    const origin = originOf(constraint, path);
    const clauses: number[] = [];
    for (const scope of scopes) {
      const namespaced = origin.namespace ? { ...scope, namespace: origin.namespace } : scope;
      const holds = attempt(origin, constraint.rule !== undefined ? ["rule"] : ["table"], () =>
        constraint.rule !== undefined
          ? interpreter.bool(constraint.rule, namespaced)
          : encodeTable(constraint, namespaced),
      );
      if (holds === undefined) return;
      clauses.push(...gates.assert(gates.or([-(scope.present ?? TRUE_LIT), holds])));
    }
    constraints.push({ id, message: message(constraint.message), clauses });
  };
  const encodeTable = (constraint: ConstraintDef, scope: Scope): number => {
    const table = constraint.table!;
    const columns = table.variables.map((name, c) => tableVariable(interpreter, name, scope, c));
    const kind = table.allow !== undefined ? "allow" : "forbid";
    const rows = (table.allow ?? table.forbid)!.map((row, r) => {
      if (row.length !== columns.length) {
        throw new RuleError(
          `row ${r + 1} has ${row.length} cells for ${columns.length} variables`,
          { start: 0, end: 0 },
          [kind, r],
        );
      }
      return gates.and(row.map((cell, c) => tableCell(interpreter, columns[c]!, cell, scope, [kind, r, c])));
    });
    return table.allow !== undefined ? gates.or(rows) : gates.and(rows.map((row) => -row));
  };

  for (const [i, constraint] of pack.constraints.entries()) {
    encodeConstraint(constraint, ["constraints", i], constraint.id, [{}]);
  }
  pack.modules.forEach((def, m) => {
    const module = structure.modules.get(def.id)!;
    const scopes = module.slots.map((slot) => ({ slot: { module, slot }, present: interpreter.present(slot) }));
    for (const [i, constraint] of def.constraints.entries()) {
      encodeConstraint(constraint, ["modules", m, "constraints", i], `${def.id}.${constraint.id}`, scopes);
    }
  });

  const prices = new Map<number, number>();
  let alwaysCharged = 0;
  /** Adds an amount to the price whenever `lit` holds; what always holds goes to the base price. */
  const charge = (lit: number, amount: number) => {
    const cents = Math.round(amount * 100);
    if (cents === 0 || lit === FALSE_LIT) return;
    if (lit === TRUE_LIT) alwaysCharged += cents;
    else prices.set(lit, (prices.get(lit) ?? 0) + cents);
  };
  const leadTimes = new Map<number, number>();
  const delay = (lit: number, days: number | undefined) => {
    if (days) leadTimes.set(lit, Math.max(leadTimes.get(lit) ?? 0, days));
  };
  for (const variable of structure.variables) {
    const applies = relevant[variable.index]!;
    const def = variable.def;
    const flag = def?.type === "boolean" || def?.type === "text" ? def : undefined;
    const priceOf = (i: number) =>
      (variable.options[i]!.price ?? 0) +
      (def?.type === "integer" && def.pricePerUnit !== undefined ? variable.numbers![i]! * def.pricePerUnit : 0) +
      (flag && i === 0 ? (flag.price ?? 0) : 0);
    // Each option's price sits on its own literal. A variable that does not apply keeps its default,
    // whose price the negated relevance literal takes back: no gate per priced option.
    for (let i = 0; i < variable.options.length; i++) charge(literal(variable, i), priceOf(i));
    if (applies !== TRUE_LIT) charge(-applies, -priceOf(variable.defaultIndex));
    // Lead times are maxima, not sums, so an option's lead time keeps a gate with the relevance.
    for (const [i, option] of variable.options.entries()) {
      const days = option.leadTime ?? (flag && i === 0 ? flag.leadTime : undefined);
      if (days) delay(gates.and([applies, literal(variable, i)]), days);
    }
  }
  pack.pricing.rules.forEach((rule, r) => {
    const origin = originOf(rule, ["pricing", "rules", r]);
    const module = rule.forEach === undefined ? undefined : structure.modules.get(rule.forEach);
    if (rule.forEach !== undefined && module === undefined) {
      diagnostics.push({
        code: "unknown-reference",
        severity: "error",
        message: `there is no module "${rule.forEach}"`,
        path: [...origin.path, "forEach"],
      });
      return;
    }
    const scopes: (Scope & { present?: number })[] = module
      ? module.slots.map((slot) => ({ slot: { module, slot }, present: interpreter.present(slot) }))
      : [{}];
    for (const scope of scopes) {
      const namespaced = origin.namespace ? { ...scope, namespace: origin.namespace } : scope;
      const condition =
        rule.when === undefined ? TRUE_LIT : attempt(origin, ["when"], () => interpreter.bool(rule.when!, namespaced));
      const amount = attempt(origin, ["amount"], () => interpreter.number(rule.amount, namespaced));
      if (condition === undefined || amount === undefined) return;
      for (const [value, lit] of amount) charge(gates.and([scope.present ?? TRUE_LIT, condition, lit]), value);
    }
  });

  if (diagnostics.some((d) => d.severity === "error")) return { encoded: undefined, diagnostics };
  const variables: ModelVariable[] = structure.variables.map((variable) => ({
    id: variable.id,
    kind: variable.kind === "boolean" || variable.kind === "text" ? "boolean" : "choice",
    values: variable.options.map((option, i) => ({ id: option.id, lit: literal(variable, i) })),
    defaultValue: variable.defaultIndex,
  }));
  const weights = (map: Map<number, number>): LiteralWeight[] => [...map].map(([lit, amount]) => ({ lit, amount }));
  const model: ConfigModel = {
    numVars: gates.numVars,
    clauses: gates.clauses,
    variables,
    constraints,
    pricing: { base: Math.round(pack.pricing.base * 100) + alwaysCharged, weights: weights(prices) },
    leadTimes: weights(leadTimes),
    baseLeadTime: pack.leadTime.base,
  };
  return { encoded: { model, structure, literals }, diagnostics };
}

/** Exactly one of `lits`: pairwise for a few options, a ladder of defined prefix gates for many. */
function exactlyOne(gates: Gates, lits: readonly number[]): void {
  gates.clauses.push([...lits]);
  if (lits.length <= PAIRWISE_LIMIT) {
    for (let i = 0; i < lits.length; i++)
      for (let j = i + 1; j < lits.length; j++) gates.clauses.push([-lits[i]!, -lits[j]!]);
    return;
  }
  let before = lits[0]!;
  for (let i = 1; i < lits.length; i++) {
    gates.clauses.push([-lits[i]!, -before]);
    before = gates.or([before, lits[i]!]);
  }
}

function scopeOf(structure: PackStructure, variable: PackVariable, namespace: string | undefined): Scope {
  const ns = namespace === undefined ? {} : { namespace };
  if (variable.slot === undefined) return ns;
  const module = structure.modules.get(variable.slot.module)!;
  return { ...ns, slot: { module, slot: module.slots[variable.slot.index - 1]! } };
}

function tableVariable(
  interpreter: Interpreter<number, unknown, unknown>,
  name: string,
  scope: Scope,
  column: number,
): PackVariable {
  const variable = interpreter.variable(name, scope);
  const at = { start: 0, end: 0 };
  if (variable === undefined)
    throw new RuleError(`the table names "${name}", which is not a variable`, at, ["variables", column]);
  if (variable.kind === "text") {
    throw new RuleError(`the table names "${name}", a text field; tables take choices, yes/no and numbers`, at, [
      "variables",
      column,
    ]);
  }
  return variable;
}

type Cell = string | number | boolean | readonly (string | number | boolean)[];

function tableCell(
  interpreter: Interpreter<number, unknown, unknown>,
  variable: PackVariable,
  cell: Cell,
  scope: Scope,
  path: JsonPath,
): number {
  if (cell === "*") return TRUE_LIT;
  const values = Array.isArray(cell) ? cell : [cell];
  return interpreter.algebra.or(
    values.map((value) => {
      const matches = (id: string, i: number) =>
        variable.kind === "integer"
          ? variable.numbers![i] === value
          : id === String(value) || id === `${scope.namespace}:${value}`;
      const option = variable.options.findIndex((o, i) => matches(o.id, i));
      if (option < 0) {
        const ids = variable.options.map((o) => o.id).join(", ");
        throw new RuleError(
          `${variable.localId} has no value ${JSON.stringify(value)} (its values: ${ids})`,
          { start: 0, end: 0 },
          path,
        );
      }
      return interpreter.variableIs(variable, option);
    }),
  );
}
