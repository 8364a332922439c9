import type { ScenePart } from "@kitbash/rules";
import { describe, expect, it } from "vitest";
import { footprintOf, shadowSize } from "./footprint.ts";

const part = (position: [number, number, number], size: [number, number, number], backdrop?: true) =>
  ({ position, size, backdrop }) as unknown as ScenePart;

describe("footprintOf", () => {
  it("covers every part, whatever its rotation, plus the shadow's margin, in metres", () => {
    // Two 30 cm cubes 1 m apart along x: each reaches sqrt(3) * 15 cm from its centre.
    const area = footprintOf({ unit: "cm", parts: [part([0, 15, 0], [30, 30, 30]), part([100, 15, 0], [30, 30, 30])] });
    const reach = (Math.sqrt(3) * 30) / 2 / 100;
    expect(area.x).toBeCloseTo(0.5);
    expect(area.z).toBeCloseTo(0);
    expect(area.width).toBeCloseTo(1 + 2 * reach + 1);
    expect(area.depth).toBeCloseTo(2 * reach + 1);
  });

  it("reads millimetres and centres on the product", () => {
    const area = footprintOf({ unit: "mm", parts: [part([2000, 0, -1000], [0, 0, 400])] });
    expect(area).toEqual({ x: 2, z: -1, width: 1.4, depth: 1.4 });
  });

  it("leaves out the room around the product", () => {
    const wall = part([0, 130, -30], [400, 260, 2], true);
    const floor = part([0, -0.5, 30], [480, 1, 120], true);
    const area = footprintOf({ unit: "m", parts: [wall, part([2, 0, 1], [0, 0, 0]), floor] });
    expect(area).toEqual({ x: 2, z: 1, width: 1, depth: 1 });
  });

  it("has a small default area when there are no parts", () => {
    expect(footprintOf({ unit: "m", parts: [] })).toEqual({ x: 0, z: 0, width: 1, depth: 1 });
  });
});

describe("shadowSize", () => {
  it("centres on the origin, reaches over the footprint and grows in half-metre steps", () => {
    expect(shadowSize({ x: 0, z: 0, width: 1.2, depth: 1 })).toEqual([1.5, 1]);
    // 0.3 m off-centre: the shadow reaches 0.3 + 1.2 / 2 = 0.9 m each way.
    expect(shadowSize({ x: -0.3, z: 0.1, width: 1.2, depth: 1.01 })).toEqual([2, 1.5]);
  });
});
