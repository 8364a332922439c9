import type { Scene } from "@kitbash/rules";

export const UNIT_SCALE = { mm: 0.001, cm: 0.01, m: 1 } as const;

/** Room for the contact shadow's blur around the product, in metres. */
const MARGIN = 0.5;

export interface Footprint {
  /** Centre on the floor, in metres. */
  readonly x: number;
  readonly z: number;
  /** Width (x) and depth (z), in metres, margin included. */
  readonly width: number;
  readonly depth: number;
}

/**
 * The floor area under the product, so the contact shadow covers the product and no more: a shadow plane
 * larger than it needs costs a full-screen fill on every frame. Each part counts as a sphere around its
 * centre, which holds whatever the part's rotation; the room around the product (backdrop parts) casts no
 * contact shadow and does not count.
 */
export function footprintOf(scene: Pick<Scene, "unit" | "parts">): Footprint {
  const scale = UNIT_SCALE[scene.unit];
  let [minX, maxX, minZ, maxZ] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { position, size, backdrop } of scene.parts) {
    if (backdrop) continue;
    const radius = Math.hypot(size[0], size[1], size[2]) / 2;
    minX = Math.min(minX, position[0] - radius);
    maxX = Math.max(maxX, position[0] + radius);
    minZ = Math.min(minZ, position[2] - radius);
    maxZ = Math.max(maxZ, position[2] + radius);
  }
  if (minX > maxX) return { x: 0, z: 0, width: 2 * MARGIN, depth: 2 * MARGIN };
  return {
    x: ((minX + maxX) / 2) * scale,
    z: ((minZ + maxZ) / 2) * scale,
    width: (maxX - minX) * scale + 2 * MARGIN,
    depth: (maxZ - minZ) * scale + 2 * MARGIN,
  };
}

/** How finely the contact shadow's size follows the product: each new size allocates new render targets. */
const SHADOW_STEP = 0.5;

/**
 * The contact shadow's width and depth, in metres, centred on the origin (drei's ContactShadows lines its
 * shadow up only there) and reaching over the whole footprint, in steps of half a metre.
 */
export function shadowSize(area: Footprint): [number, number] {
  const reach = (centre: number, extent: number) =>
    Math.ceil((2 * Math.abs(centre) + extent) / SHADOW_STEP) * SHADOW_STEP;
  return [reach(area.x, area.width), reach(area.z, area.depth)];
}
