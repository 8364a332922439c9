// The public API of @kitbash/rules: the pure engine shared by the configurator (browser) and the API (server).

export type { Diagnostic, DiagnosticCode } from "./diagnostics.ts";
export { formatDiagnostic, formatPath, lineColumnAt } from "./diagnostics.ts";

// Configuration models and their solution spaces.
export type { ConfigModel, ModelConstraint, ModelVariable, ModelValue } from "./model/model.ts";
export type { Choice, ChoiceError, ParsedChoices } from "./engine/choice.ts";
export { formatChoice, parseChoices } from "./engine/choice.ts";
export type { CreatedSpace, SpaceOptions } from "./engine/create.ts";
export { createSpace, loadSpace, serializeSpace } from "./engine/create.ts";
export { SPACE_FORMAT } from "./logic/nnf/serialize.ts";
export type { LintFinding, LintReport } from "./engine/lint.ts";
export { lintModel } from "./engine/lint.ts";
export { selectableValues } from "./engine/selectable.ts";
export type {
  Change,
  CompletionPreference,
  Evaluation,
  ExplainedConstraint,
  Explanation,
  Range,
  Repair,
  SolutionSpace,
} from "./engine/space.ts";
export type { CompileStats } from "./logic/nnf/compile.ts";

// Importers for existing variability models.
export type { ImportResult } from "./import/result.ts";
export { parseDimacs } from "./import/dimacs.ts";
export { parseUvl } from "./import/uvl.ts";

// Rule packs.
export type {
  Pack,
  PackInput,
  Text,
  VariableDef,
  OptionDef,
  ConstraintDef,
  ModuleDef,
  PartDef,
} from "./pack/schema.ts";
export { packSchema } from "./pack/schema.ts";
export type { PackParse } from "./pack/load.ts";
export { MAX_PACK_BYTES, PackLocator, parsePackText, parsePackValue } from "./pack/load.ts";
export type { PackResolver } from "./pack/compose.ts";
export type { CompiledPack, PackCompilation } from "./pack/compile.ts";
export { compilePack, compilePackText } from "./pack/compile.ts";
export { composePack } from "./pack/compose.ts";
export type {
  PackModule,
  PackStructure,
  PackVariable,
  PackVariableKind,
  ModuleSlot,
  SlotRef,
} from "./pack/structure.ts";
export { EMPTY_MODULE } from "./pack/structure.ts";
export type { Design, DesignProblem, DesignProblemCode, DesignValue, ReadDesign } from "./pack/design.ts";
export { choicesToDesign, designToChoices, designValueOf, optionOf, readDesign } from "./pack/design.ts";
export type { BillLine, DesignReport, PriceLine } from "./pack/validate.ts";
export { applicability, validateDesign } from "./pack/validate.ts";
export type { Scene, ScenePart, Vector3 } from "./pack/scene.ts";
export { evaluateScene } from "./pack/scene.ts";
export { localize } from "./pack/text.ts";
export { seededRandom } from "./random.ts";
