import { z } from "zod";

/**
 * The rule-pack format (`"kitbash": 1`): what providers and partners write. Objects are strict so a
 * misspelt field is an error at its path rather than silently ignored.
 */

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must start with a letter or _ and contain only letters, digits and _")
  .max(64);
/** Ids of options may carry a partner namespace once composed (`woodcraft:walnut`). */
const qualifiedIdentifier = z
  .string()
  .regex(
    /^([a-z][a-z0-9-]*:)?[A-Za-z_][A-Za-z0-9_]*$/,
    "must be a name like oak or a partner name like woodcraft:walnut",
  )
  .max(96);
const constraintId = z
  .string()
  .regex(/^([a-z][a-z0-9-]*:)?[A-Za-z0-9_][A-Za-z0-9_.-]*$/, "must contain only letters, digits, _, . and -")
  .max(96);
const language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "must be a language code like en or de");

/** Text in the customer's languages: a plain string (the pack's first language) or one per language. */
export const textSchema = z.union([
  z.string().max(2000),
  z
    .record(language, z.string().max(2000))
    .refine((texts) => Object.keys(texts).length > 0, "needs at least one language"),
]);
export type Text = z.infer<typeof textSchema>;

/** An expression in the rule language, e.g. `frame = oak -> finish != painted`. */
const expression = z.string().min(1, "must not be empty").max(4096);
const numberOrExpression = z.union([z.number(), expression]);
const money = z.number().min(-1_000_000).max(10_000_000);
const days = z.number().int().min(0).max(3650);

const attributeValue = z.union([z.number(), z.string().max(200), z.boolean()]);

export const optionSchema = z.strictObject({
  id: qualifiedIdentifier,
  label: textSchema,
  description: textSchema.optional(),
  price: money.optional(),
  leadTime: days.optional(),
  sku: z.string().max(100).optional(),
  attributes: z.record(identifier, attributeValue).optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
});

const common = {
  id: identifier,
  label: textSchema,
  description: textSchema.optional(),
  /** Only asked when this holds; otherwise the variable keeps its default. */
  relevantWhen: expression.optional(),
};

export const choiceVariableSchema = z.strictObject({
  ...common,
  type: z.literal("choice"),
  options: z.array(optionSchema).min(1).max(500),
  default: qualifiedIdentifier.optional(),
});

export const booleanVariableSchema = z.strictObject({
  ...common,
  type: z.literal("boolean"),
  default: z.boolean().optional(),
  price: money.optional(),
  leadTime: days.optional(),
  sku: z.string().max(100).optional(),
});

export const integerVariableSchema = z.strictObject({
  ...common,
  type: z.literal("integer"),
  min: z.number().int().min(-1_000_000).max(1_000_000),
  max: z.number().int().min(-1_000_000).max(1_000_000),
  step: z.number().int().min(1).default(1),
  unit: z.string().max(20).optional(),
  default: z.number().int().optional(),
  pricePerUnit: money.optional(),
});

export const textVariableSchema = z.strictObject({
  ...common,
  type: z.literal("text"),
  maxLength: z.number().int().min(1).max(1000),
  minLength: z.number().int().min(0).max(1000).optional(),
  pattern: z.string().max(500).optional(),
  required: z.boolean().optional(),
  /** Charged when the text is filled in. */
  price: money.optional(),
  leadTime: days.optional(),
  placeholder: textSchema.optional(),
});

export const variableSchema = z.discriminatedUnion("type", [
  choiceVariableSchema,
  booleanVariableSchema,
  integerVariableSchema,
  textVariableSchema,
]);
export type VariableDef = z.infer<typeof variableSchema>;
export type ChoiceVariableDef = z.infer<typeof choiceVariableSchema>;
export type OptionDef = z.infer<typeof optionSchema>;

const tableCell = z.union([
  qualifiedIdentifier,
  z.number(),
  z.boolean(),
  z.literal("*"),
  z.array(z.union([qualifiedIdentifier, z.number(), z.boolean()])).min(1),
]);

export const constraintSchema = z
  .strictObject({
    id: constraintId,
    message: textSchema,
    /** A rule in the expression language. */
    rule: expression.optional(),
    /** A compatibility table: which combinations of the listed variables are allowed (or forbidden). */
    table: z
      .strictObject({
        variables: z.array(z.string().min(1).max(100)).min(2).max(8),
        allow: z.array(z.array(tableCell)).max(5000).optional(),
        forbid: z.array(z.array(tableCell)).max(5000).optional(),
      })
      .refine((t) => (t.allow === undefined) !== (t.forbid === undefined), "needs exactly one of allow or forbid")
      .optional(),
  })
  .refine((c) => (c.rule === undefined) !== (c.table === undefined), "needs exactly one of rule or table");
export type ConstraintDef = z.infer<typeof constraintSchema>;

export const moduleSchema = z.strictObject({
  id: identifier,
  label: textSchema,
  description: textSchema.optional(),
  /** How many slots there are and how many must be filled. Filled slots come first. */
  min: z.number().int().min(0).max(64),
  max: z.number().int().min(1).max(64),
  /** The module types a slot can hold; an `empty` type is added for slots beyond `min`. */
  types: z.array(optionSchema).min(1).max(200),
  emptyLabel: textSchema.optional(),
  /** Per-slot variables (each slot gets its own copy: `bays.2.width`). */
  variables: z.array(variableSchema).max(50).default([]),
  /** Rules checked in every filled slot; names refer to the slot's own variables first. */
  constraints: z.array(constraintSchema).max(200).default([]),
});
export type ModuleDef = z.infer<typeof moduleSchema>;

export const priceRuleSchema = z.strictObject({
  id: constraintId,
  label: textSchema,
  when: expression.optional(),
  /** Minor-unit-free amount in the pack currency, or an expression (sums and products of values). */
  amount: numberOrExpression,
  /** Apply once per filled slot of this module (names refer to the slot). */
  forEach: identifier.optional(),
});

export const bomLineSchema = z.strictObject({
  /** SKU template, `{expression}` parts are filled in from the design: `SHELF-{width}`. */
  sku: z.string().min(1).max(200),
  label: textSchema.optional(),
  quantity: numberOrExpression.default(1),
  when: expression.optional(),
  forEach: identifier.optional(),
});

const vector = z.tuple([numberOrExpression, numberOrExpression, numberOrExpression]);

export const partSchema = z.strictObject({
  id: z.string().min(1).max(100),
  shape: z.enum(["box", "cylinder", "sphere", "roundedBox"]),
  forEach: identifier.optional(),
  when: expression.optional(),
  position: vector,
  size: vector,
  rotation: vector.optional(),
  color: z.string().min(1).max(200),
  roughness: z.number().min(0).max(1).optional(),
  metalness: z.number().min(0).max(1).optional(),
  opacity: z.number().min(0).max(1).optional(),
  /** The variable (or, inside forEach, the slot) a click on this part selects. */
  selects: z.string().max(100).optional(),
  /** Part of the room around the product (wall, floor, rug): drawn, but it casts no contact shadow and the camera frames the product without it. */
  backdrop: z.boolean().optional(),
});
export type PartDef = z.infer<typeof partSchema>;

export const presentationSchema = z.strictObject({
  groups: z
    .array(
      z.strictObject({
        id: identifier,
        label: textSchema,
        description: textSchema.optional(),
        items: z.array(z.string().min(1).max(100)).min(1).max(100),
      }),
    )
    .max(50)
    .default([]),
  presets: z
    .array(
      z.strictObject({
        id: identifier,
        label: textSchema,
        description: textSchema.optional(),
        choices: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean()])),
      }),
    )
    .max(100)
    .default([]),
  scene: z
    .strictObject({
      unit: z.enum(["mm", "cm", "m"]).default("cm"),
      camera: z
        .strictObject({
          position: z.tuple([z.number(), z.number(), z.number()]),
          target: z.tuple([z.number(), z.number(), z.number()]),
        })
        .optional(),
      parts: z.array(partSchema).max(500),
    })
    .optional(),
});

const extensionOptionsSchema = z.strictObject({
  /** A base choice variable (or `module.type` for a base module's types). */
  variable: z.string().min(1).max(100),
  add: z.array(optionSchema).min(1).max(200),
});

const extensionSlotsSchema = z.strictObject({
  /** A base module: what is added here applies to every one of its slots. */
  module: z.string().min(1).max(100),
  variables: z.array(variableSchema).max(50).default([]),
  /** Rules checked in every filled slot; names refer to the slot's own variables first. */
  constraints: z.array(constraintSchema).max(200).default([]),
});

const extensionTableSchema = z.strictObject({
  /** A base constraint whose compatibility table lists the allowed combinations. */
  constraint: z.string().min(1).max(100),
  /** More allowed combinations, typically with this pack's new options. */
  allow: z.array(z.array(tableCell)).min(1).max(5000),
});

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  kitbash: z.literal(1),
  id: z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/, "must be namespace/name in lowercase, like acme/shelving"),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "must be a semantic version like 1.2.0"),
  name: textSchema,
  description: textSchema.optional(),
  languages: z.array(language).min(1).max(20).default(["en"]),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EUR")
    .default("EUR"),
  extends: z.strictObject({ pack: z.string().max(100), version: z.string().max(100) }).optional(),
  variables: z.array(variableSchema).max(2000).default([]),
  modules: z.array(moduleSchema).max(50).default([]),
  /** Extension packs: options added to the base pack's choice variables and module types. */
  options: z.array(extensionOptionsSchema).max(200).default([]),
  /** Extension packs: variables and rules added to every slot of the base pack's modules. */
  slots: z.array(extensionSlotsSchema).max(50).default([]),
  /** Extension packs: rows added to the base pack's tables of allowed combinations. */
  tables: z.array(extensionTableSchema).max(200).default([]),
  constraints: z.array(constraintSchema).max(5000).default([]),
  pricing: z
    .strictObject({ base: money.default(0), rules: z.array(priceRuleSchema).max(1000).default([]) })
    .default({ base: 0, rules: [] }),
  leadTime: z.strictObject({ base: days.default(0) }).default({ base: 0 }),
  bom: z.array(bomLineSchema).max(1000).default([]),
  presentation: presentationSchema.default({ groups: [], presets: [] }),
});
export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
