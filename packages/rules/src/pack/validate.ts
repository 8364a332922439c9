import { formatNumber, parseTemplate, type TemplateResult } from "../expr/index.ts";
import type { CompiledPack } from "./compile.ts";
import { ConcreteAlgebra } from "./concrete.ts";
import { type Design, type DesignProblem, readDesign } from "./design.ts";
import { Interpreter, type Scope } from "./interpret.ts";
import type { ConstraintDef } from "./schema.ts";
import type { PackModule, PackVariable } from "./structure.ts";
import { localize } from "./text.ts";

export interface PriceLine {
  readonly id: string;
  readonly label: string;
  /** In the pack currency's major units (e.g. euros). */
  readonly amount: number;
}

export interface BillLine {
  readonly sku: string;
  readonly label: string;
  readonly quantity: number;
}

export interface DesignReport {
  readonly valid: boolean;
  /** Per variable (by index): whether it applies to this design (its slot is filled, its condition holds). */
  readonly applies: readonly boolean[];
  readonly problems: readonly DesignProblem[];
  readonly price: { readonly currency: string; readonly total: number; readonly lines: readonly PriceLine[] };
  readonly leadTime: number;
  readonly bom: readonly BillLine[];
}

/** Parsed SKU and label templates by source text: every validation renders the same few. */
const templates = new Map<string, TemplateResult>();
const MAX_TEMPLATES = 20_000;

function template(source: string): TemplateResult {
  let parsed = templates.get(source);
  if (parsed === undefined) {
    parsed = parseTemplate(source);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(source, parsed);
  }
  return parsed;
}

/**
 * Checks a complete design value by value and rule by rule (the same interpreter the solution space
 * is compiled with, over concrete values), and translates it into price, lead time and bill of materials.
 */
export function validateDesign(compiled: CompiledPack, design: Design, language?: string): DesignReport {
  const read = readDesign(compiled, design);
  const { structure, pack } = compiled;
  const options = Int32Array.from(read.options, (option, v) =>
    option >= 0 ? option : structure.variables[v]!.defaultIndex,
  );
  const run = new DesignRun(compiled, options, language);
  const problems: DesignProblem[] = [...read.problems];

  for (const variable of structure.variables) {
    const given = read.options[variable.index]! >= 0;
    const applies = run.relevant[variable.index]!;
    // Labels are localised only for a message: most designs have none.
    const label = () => run.text(variable.label);
    if (applies && !given)
      problems.push({ code: "missing", variable: variable.id, message: `${label()} (${variable.id}) has no value` });
    if (!applies && given && options[variable.index] !== variable.defaultIndex) {
      problems.push({
        code: "not-applicable",
        variable: variable.id,
        message: `${label()} (${variable.id}) does not apply to this design`,
      });
    }
    if (variable.def?.type === "text" && applies) {
      const content = read.texts.get(variable.index) ?? "";
      const problem = textProblem(variable.def, content, label());
      if (problem) problems.push({ code: "text", variable: variable.id, message: problem });
    }
  }
  for (const module of structure.modules.values()) {
    const filled = module.slots.map((slot) => run.interpreter.present(slot));
    if (filled.some((f, i) => !f && filled[i + 1])) {
      problems.push({
        code: "module-order",
        message: `${run.text(module.def.label)} must be filled in order, without gaps`,
      });
    }
  }
  const broken = (constraint: ConstraintDef, id: string, scope: Scope) => {
    if (!run.holds(constraint, scope))
      problems.push({ code: "constraint", constraint: id, message: run.text(constraint.message) });
  };
  for (const [i, constraint] of pack.constraints.entries()) {
    broken(constraint, constraint.id, run.scope(constraint, ["constraints", i]));
  }
  pack.modules.forEach((def, m) => {
    const module = structure.modules.get(def.id)!;
    def.constraints.forEach((constraint, i) => {
      for (const scope of run.slotScopes(module, run.scope(constraint, ["modules", m, "constraints", i]))) {
        broken(constraint, `${def.id}.${constraint.id}`, scope);
      }
    });
  });

  return {
    valid: problems.length === 0,
    applies: run.relevant,
    problems,
    price: { currency: pack.currency, ...run.price() },
    leadTime: run.leadTime(),
    bom: run.bom(),
  };
}

/** Whether each variable (by index) applies to a complete design: its slot is filled and its `relevantWhen` holds. */
export function applicability(compiled: CompiledPack, options: Int32Array): boolean[] {
  return new DesignRun(compiled, options, undefined).relevant;
}

/** Evaluation of one complete design (defaults filled in) against a compiled pack. */
class DesignRun {
  readonly interpreter: Interpreter<boolean, number, string>;
  readonly relevant: boolean[];

  constructor(
    private readonly compiled: CompiledPack,
    private readonly options: Int32Array,
    private readonly language: string | undefined,
  ) {
    this.interpreter = new Interpreter(compiled.structure, new ConcreteAlgebra(options));
    this.relevant = compiled.structure.variables.map((variable) => this.applies(variable));
  }

  text(text: Parameters<typeof localize>[0]): string {
    return localize(text, this.compiled.pack.languages, this.language);
  }

  scope(element: object, path: readonly (string | number)[]): Scope {
    const { namespace } = this.compiled.originOf(element, path);
    return namespace === undefined ? {} : { namespace };
  }

  slotScopes(module: PackModule, base: Scope): Scope[] {
    return module.slots
      .filter((slot) => this.interpreter.present(slot))
      .map((slot) => ({ ...base, slot: { module, slot } }));
  }

  holds(constraint: ConstraintDef, scope: Scope): boolean {
    if (constraint.rule !== undefined) return this.interpreter.bool(constraint.rule, scope);
    const table = constraint.table!;
    const values = table.variables.map((name) => this.lookup(name, scope));
    const matches = (row: readonly unknown[]) =>
      row.every((cell, c) => {
        if (cell === "*") return true;
        const variable = values[c]!;
        const value =
          variable.kind === "integer"
            ? variable.numbers![this.options[variable.index]!]
            : variable.options[this.options[variable.index]!]!.id;
        return (Array.isArray(cell) ? cell : [cell]).some((v) => String(v) === String(value));
      });
    return table.allow !== undefined ? table.allow.some(matches) : !table.forbid!.some(matches);
  }

  price(): { total: number; lines: PriceLine[] } {
    const { pack, structure } = this.compiled;
    const lines: PriceLine[] = [];
    const add = (id: string, label: string, amount: number) => {
      if (amount !== 0) lines.push({ id, label, amount });
    };
    add("base", this.text(pack.name), pack.pricing.base);
    for (const variable of structure.variables) {
      if (!this.relevant[variable.index]) continue;
      const option = this.options[variable.index]!;
      const def = variable.def;
      const label = `${this.text(variable.label)}${variable.slot ? ` ${variable.slot.index}` : ""}`;
      const chosen = variable.options[option]!;
      add(variable.id, `${label}: ${this.text(chosen.label)}`, chosen.price ?? 0);
      if (def?.type === "integer" && def.pricePerUnit)
        add(
          variable.id,
          `${label}: ${chosen.id}${def.unit ? ` ${def.unit}` : ""}`,
          variable.numbers![option]! * def.pricePerUnit,
        );
      if ((def?.type === "boolean" || def?.type === "text") && option === 0) add(variable.id, label, def.price ?? 0);
    }
    pack.pricing.rules.forEach((rule, r) => {
      const base = this.scope(rule, ["pricing", "rules", r]);
      const module = rule.forEach === undefined ? undefined : structure.modules.get(rule.forEach);
      for (const scope of module ? this.slotScopes(module, base) : [base]) {
        if (rule.when !== undefined && !this.interpreter.bool(rule.when, scope)) continue;
        add(rule.id, this.text(rule.label), this.interpreter.number(rule.amount, scope));
      }
    });
    const cents = lines.reduce((sum, line) => sum + Math.round(line.amount * 100), 0);
    return { total: cents / 100, lines };
  }

  leadTime(): number {
    let longest = 0;
    for (const variable of this.compiled.structure.variables) {
      if (!this.relevant[variable.index]) continue;
      const option = this.options[variable.index]!;
      longest = Math.max(longest, variable.options[option]?.leadTime ?? 0);
      const def = variable.def;
      if ((def?.type === "boolean" || def?.type === "text") && option === 0)
        longest = Math.max(longest, def.leadTime ?? 0);
    }
    return this.compiled.pack.leadTime.base + longest;
  }

  bom(): BillLine[] {
    const { pack, structure } = this.compiled;
    const lines = new Map<string, BillLine>();
    pack.bom.forEach((line, i) => {
      const base = this.scope(line, ["bom", i]);
      const module = line.forEach === undefined ? undefined : structure.modules.get(line.forEach);
      for (const scope of module ? this.slotScopes(module, base) : [base]) {
        if (line.when !== undefined && !this.interpreter.bool(line.when, scope)) continue;
        const quantity = this.interpreter.number(line.quantity, scope);
        if (quantity <= 0) continue;
        const sku = this.render(line.sku, scope);
        const previous = lines.get(sku);
        lines.set(sku, {
          sku,
          label: previous?.label ?? this.text(line.label ?? sku),
          quantity: (previous?.quantity ?? 0) + quantity,
        });
      }
    });
    return [...lines.values()];
  }

  /** Fills `{expression}` parts of a template with the design's values. */
  render(source: string, scope: Scope): string {
    const parsed = template(source);
    if (!parsed.ok) return source;
    return parsed.parts
      .map((part) =>
        typeof part === "string"
          ? part
          : this.interpreter.text(part, scope, (value, kind) =>
              kind === "number" ? formatNumber(value as number) : String(value),
            ),
      )
      .join("");
  }

  private applies(variable: PackVariable): boolean {
    const { structure } = this.compiled;
    let scope: Scope = this.scope(variable.def ?? variable, variable.path);
    if (variable.slot !== undefined) {
      const module = structure.modules.get(variable.slot.module)!;
      const slot = module.slots[variable.slot.index - 1]!;
      if (variable.localId !== "type" && !this.interpreter.present(slot)) return false;
      scope = { ...scope, slot: { module, slot } };
    }
    const when = variable.def?.relevantWhen;
    return when === undefined || this.interpreter.bool(when, scope);
  }

  private lookup(name: string, scope: Scope): PackVariable {
    return this.interpreter.variable(name, scope)!;
  }
}

function textProblem(
  def: {
    maxLength: number;
    minLength?: number | undefined;
    pattern?: string | undefined;
    required?: boolean | undefined;
  },
  content: string,
  label: string,
): string | undefined {
  const length = [...content].length;
  if (def.required && length === 0) return `${label} must be filled in`;
  if (length > def.maxLength) return `${label} is ${length} characters long; at most ${def.maxLength} fit`;
  if (length > 0 && def.minLength !== undefined && length < def.minLength)
    return `${label} needs at least ${def.minLength} characters`;
  if (length > 0 && def.pattern !== undefined && !new RegExp(def.pattern, "u").test(content))
    return `${label} contains characters that cannot be made`;
  return undefined;
}
