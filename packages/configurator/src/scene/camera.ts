import { Box3, type Object3D, Vector3 } from "three";
import { BACKDROP_LAYER } from "./layers.ts";

export type CameraPreset = "angle" | "front" | "side" | "top";

/** Where the camera goes for a preset, framing a bounding box. */
export function presetPosition(preset: CameraPreset, box: Box3): { position: Vector3; target: Vector3 } {
  const center = box.getCenter(new Vector3());
  const size = box.getSize(new Vector3());
  const distance = Math.max(size.x, size.y, size.z, 0.5) * 1.9;
  const target = center.clone();
  const offsets: Record<CameraPreset, Vector3> = {
    front: new Vector3(0, size.y * 0.1, distance),
    side: new Vector3(distance, size.y * 0.1, 0),
    top: new Vector3(0, distance, 0.001),
    angle: new Vector3(distance * 0.65, distance * 0.45, distance * 0.85),
  };
  return { position: center.clone().add(offsets[preset]), target };
}

/** The box a preset frames: the product's parts without the room around them, or everything if that is all there is. */
export function productBox(product: Object3D): Box3 {
  // Matrices are only current after a render; the unit scale must be in the box.
  product.updateWorldMatrix(true, true);
  const box = new Box3();
  for (const part of product.children) if (!part.layers.isEnabled(BACKDROP_LAYER)) box.expandByObject(part);
  return box.isEmpty() ? box.setFromObject(product) : box;
}
