import type { ScenePart } from "@kitbash/rules";
import { useCallback } from "react";
import { useConfigurator, useConfiguratorStore } from "../app/context.tsx";
import { Part } from "./Part.tsx";

/** The design's parts in the pack's unit; clicking a part opens the variable (or slot) it stands for. */
export function ProductModel() {
  const store = useConfiguratorStore();
  const parts = useConfigurator((s) => s.snapshot?.scene.parts);
  const selected = useConfigurator((s) => s.selected);
  const onSelect = useCallback((part: ScenePart) => store.getState().select(part.selects ?? null), [store]);
  if (!parts) return null;
  return (
    <group name="product">
      {parts.map((part) => (
        <Part
          key={part.key}
          part={part}
          highlighted={selected !== null && (part.selects === selected || sameSlot(part, selected))}
          onSelect={onSelect}
        />
      ))}
    </group>
  );
}

/** A variable of a slot (`bays.2.doors`) highlights every part of that slot. */
function sameSlot(part: ScenePart, selected: string): boolean {
  return part.slot !== undefined && selected.startsWith(`${part.slot.module}.${part.slot.index}.`);
}
