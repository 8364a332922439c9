import type { ScenePart } from "@kitbash/rules";
import { RoundedBox } from "@react-three/drei";
import type { ThreeEvent } from "@react-three/fiber";
import { memo } from "react";
import { backdropLayers } from "./layers.ts";
import { useQuality } from "./quality.ts";

const DEG = Math.PI / 180;

/** One parametric part. Positions are centres; sizes are width, height, depth (cylinders: diameter, height). */
export const Part = memo(
  PartMesh,
  (before, after) =>
    before.highlighted === after.highlighted && before.onSelect === after.onSelect && samePart(before.part, after.part),
);

/** Every click makes new part objects: compare values, so only parts that changed are rebuilt. */
function samePart(a: ScenePart, b: ScenePart): boolean {
  return (
    a.key === b.key &&
    a.shape === b.shape &&
    a.color === b.color &&
    a.roughness === b.roughness &&
    a.metalness === b.metalness &&
    a.opacity === b.opacity &&
    a.selects === b.selects &&
    a.backdrop === b.backdrop &&
    a.position.every((v, i) => v === b.position[i]) &&
    a.size.every((v, i) => v === b.size[i]) &&
    a.rotation.every((v, i) => v === b.rotation[i])
  );
}

function PartMesh({
  part,
  highlighted,
  onSelect,
}: {
  part: ScenePart;
  highlighted: boolean;
  onSelect: (part: ScenePart) => void;
}) {
  const [w, h, d] = part.size;
  // Metals show the environment they reflect; without an environment map (lite) they would look black.
  const metalness = useQuality() === "lite" ? part.metalness * 0.4 : part.metalness;
  const click = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    onSelect(part);
  };
  const material = (
    <meshStandardMaterial
      color={part.color}
      roughness={part.roughness}
      metalness={metalness}
      transparent={part.opacity < 1}
      opacity={part.opacity}
      emissive={highlighted ? "#4c7dff" : "#000000"}
      emissiveIntensity={highlighted ? 0.35 : 0}
    />
  );
  const props = {
    position: part.position as [number, number, number],
    rotation: [part.rotation[0] * DEG, part.rotation[1] * DEG, part.rotation[2] * DEG] as [number, number, number],
    castShadow: true,
    receiveShadow: true,
    name: part.key,
    ...(part.backdrop ? { layers: backdropLayers } : {}),
    ...(part.selects
      ? {
          onClick: click,
          onPointerOver: () => setCursor("pointer"),
          onPointerOut: () => setCursor(""),
        }
      : {}),
  };
  if (part.shape === "roundedBox") {
    return (
      <RoundedBox args={[w, h, d]} radius={Math.min(w, h, d) * 0.15} smoothness={3} {...props}>
        {material}
      </RoundedBox>
    );
  }
  return (
    <mesh {...props}>
      {part.shape === "box" && <boxGeometry args={[w, h, d]} />}
      {part.shape === "cylinder" && <cylinderGeometry args={[w / 2, d / 2, h, 32]} />}
      {part.shape === "sphere" && <sphereGeometry args={[w / 2, 32, 16]} />}
      {material}
    </mesh>
  );
}

function setCursor(cursor: string): void {
  document.body.style.cursor = cursor;
}
