import type { Design, DesignValue } from "@kitbash/rules";
import type { ModuleInfo, PackInfo } from "../engine/info.ts";
import type { Snapshot } from "../engine/snapshot.ts";

const EMPTY = "empty";

/**
 * Adding, removing and reordering module slots, as changes to the design. Slots fill in order, so
 * removing one shifts the later ones down, and moving one swaps whole slots (every slot variable).
 */
export function moduleOperations(
  info: PackInfo,
  snapshot: () => Snapshot | null,
  design: () => Design,
  update: (design: Design) => void,
) {
  const moduleOf = (id: string) => info.modules.find((m) => m.id === id);
  /** A slot's current values (the customer's, else the completed design's), by local variable id. */
  const slotValues = (module: ModuleInfo, index: number): Record<string, DesignValue> => {
    const slot = module.slots[index - 1]!;
    const current = snapshot()?.design ?? {};
    const chosen = design();
    const values: Record<string, DesignValue> = {};
    for (const [local, variable] of Object.entries({ type: slot.type, ...slot.variables })) {
      const id = info.variables[variable]!.id;
      const value = chosen[id] ?? current[id];
      if (value !== undefined) values[local] = value;
    }
    return values;
  };
  const filledCount = (module: ModuleInfo) =>
    module.slots.filter((slot) => slotValues(module, slot.index).type !== EMPTY).length;
  const write = (
    target: Record<string, DesignValue>,
    module: ModuleInfo,
    index: number,
    values: Record<string, DesignValue>,
  ) => {
    const slot = module.slots[index - 1]!;
    for (const [local, variable] of Object.entries({ type: slot.type, ...slot.variables })) {
      const id = info.variables[variable]!.id;
      if (values[local] === undefined) delete target[id];
      else target[id] = values[local]!;
    }
  };

  return {
    /** Fills the first empty slot with the first module type still possible there. */
    add(moduleId: string) {
      const module = moduleOf(moduleId);
      if (!module) return;
      const count = filledCount(module);
      const slot = module.slots[count];
      if (!slot) return;
      const state = snapshot()?.variables[slot.type];
      const typeVariable = info.variables[slot.type]!;
      const option = typeVariable.options.findIndex((o, i) => o.id !== EMPTY && (state?.possible[i] ?? true));
      if (option < 0) return;
      update({ ...design(), [typeVariable.id]: typeVariable.options[option]!.id });
    },
    remove(moduleId: string, index: number) {
      const module = moduleOf(moduleId);
      if (!module) return;
      const count = filledCount(module);
      if (index > count || count <= module.min) return;
      const next: Record<string, DesignValue> = { ...design() };
      for (let i = index; i < count; i++) write(next, module, i, slotValues(module, i + 1));
      write(next, module, count, { type: EMPTY });
      update(next);
    },
    move(moduleId: string, from: number, to: number) {
      const module = moduleOf(moduleId);
      if (!module) return;
      const count = filledCount(module);
      if (from < 1 || to < 1 || from > count || to > count || from === to) return;
      const next: Record<string, DesignValue> = { ...design() };
      const a = slotValues(module, from);
      const b = slotValues(module, to);
      write(next, module, from, b);
      write(next, module, to, a);
      update(next);
    },
  };
}
