import { type Box3, Vector3 } from "three";

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
