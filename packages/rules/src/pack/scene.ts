import type { CompiledPack } from "./compile.ts";
import { ConcreteAlgebra } from "./concrete.ts";
import { Interpreter, RuleError, type Scope } from "./interpret.ts";
import type { PartDef } from "./schema.ts";
import type { SlotRef } from "./structure.ts";

export type Vector3 = readonly [number, number, number];

/** One parametric part to draw: positions are part centres in the pack's unit, y up, rotations in degrees. */
export interface ScenePart {
  /** Unique within the scene: the part id, with the slot number for per-slot parts. */
  readonly key: string;
  readonly part: string;
  readonly shape: PartDef["shape"];
  readonly position: Vector3;
  readonly size: Vector3;
  readonly rotation: Vector3;
  readonly color: string;
  readonly roughness: number;
  readonly metalness: number;
  readonly opacity: number;
  /** The variable a click on the part opens (model id), if any. */
  readonly selects?: string;
  readonly slot?: SlotRef;
  /** Part of the room around the product, not of the product. */
  readonly backdrop?: true;
}

export interface Scene {
  readonly unit: "mm" | "cm" | "m";
  readonly camera?: { readonly position: Vector3; readonly target: Vector3 };
  readonly parts: readonly ScenePart[];
  /** Parts whose expressions could not be evaluated (a pack bug), by part id. */
  readonly errors: readonly { readonly part: string; readonly message: string }[];
}

const HEX_COLOUR = /^#[0-9a-fA-F]{3,8}$/;

/** The parts of a complete design (`options[v]`: the option index of each variable). */
export function evaluateScene(compiled: CompiledPack, options: ArrayLike<number>): Scene {
  const scene = compiled.pack.presentation.scene;
  const interpreter = new Interpreter(compiled.structure, new ConcreteAlgebra(options));
  const parts: ScenePart[] = [];
  const errors: { part: string; message: string }[] = [];
  (scene?.parts ?? []).forEach((def, i) => {
    const { namespace } = compiled.originOf(def, ["presentation", "scene", "parts", i]);
    const base: Scope = namespace === undefined ? {} : { namespace };
    const module = def.forEach === undefined ? undefined : compiled.structure.modules.get(def.forEach);
    const scopes: Scope[] = module
      ? module.slots.filter((slot) => interpreter.present(slot)).map((slot) => ({ ...base, slot: { module, slot } }))
      : [base];
    for (const scope of scopes) {
      try {
        if (def.when !== undefined && !interpreter.bool(def.when, scope)) continue;
        parts.push(placePart(interpreter, def, scope));
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        errors.push({ part: def.id, message: error.message });
      }
    }
  });
  return { unit: scene?.unit ?? "cm", ...(scene?.camera ? { camera: scene.camera } : {}), parts, errors };
}

function placePart(interpreter: Interpreter<boolean, number, string>, def: PartDef, scope: Scope): ScenePart {
  const vector = (v: PartDef["position"]): Vector3 => [
    interpreter.number(v[0], scope),
    interpreter.number(v[1], scope),
    interpreter.number(v[2], scope),
  ];
  const slot = scope.slot?.slot;
  const selects = def.selects ?? (slot ? "type" : undefined);
  // As the part's rules read names: the slot's own first, then globals, then the partner's own.
  const selected = selects === undefined ? undefined : interpreter.variable(selects, scope);
  return {
    key: slot ? `${def.id}#${slot.index}` : def.id,
    part: def.id,
    shape: def.shape,
    position: vector(def.position),
    size: vector(def.size),
    rotation: def.rotation ? vector(def.rotation) : [0, 0, 0],
    color: colourOf(interpreter, def.color, scope),
    roughness: def.roughness ?? 0.6,
    metalness: def.metalness ?? 0,
    opacity: def.opacity ?? 1,
    ...(selected ? { selects: selected.id } : {}),
    ...(def.backdrop ? { backdrop: true as const } : {}),
    ...(scope.slot ? { slot: { module: scope.slot.module.def.id, index: scope.slot.slot.index } } : {}),
  };
}

/** A literal `#rrggbb`, or an expression whose value is a colour (usually an option attribute). */
function colourOf(interpreter: Interpreter<boolean, number, string>, source: string, scope: Scope): string {
  if (HEX_COLOUR.test(source)) return source;
  const expr = interpreter.parse(source);
  return interpreter.text(expr, scope, (value) => String(value));
}
