import { BoxGeometry, Group, Mesh, Vector3 } from "three";
import { describe, expect, it } from "vitest";
import { presetPosition, productBox } from "./camera.ts";
import { backdropLayers } from "./layers.ts";

function box(center: [number, number, number], size: number, backdrop = false): Mesh {
  const mesh = new Mesh(new BoxGeometry(size, size, size));
  mesh.position.set(...center);
  if (backdrop) mesh.layers.mask = backdropLayers.mask;
  return mesh;
}

describe("camera presets", () => {
  it("frame the product without the room around it, in the product's scale", () => {
    const product = new Group();
    product.scale.setScalar(0.01); // centimetres
    product.add(box([0, 130, -20], 400, true), box([50, 50, 0], 100));
    const framed = productBox(product);
    expect(framed.min.toArray()).toEqual([0, 0, -0.5]);
    expect(framed.max.toArray()).toEqual([1, 1, 0.5]);
    const { target, position } = presetPosition("front", framed);
    expect(target.toArray()).toEqual([0.5, 0.5, 0]);
    expect(position.distanceTo(new Vector3(0.5, 0.6, 1.9))).toBeLessThan(1e-9);
  });

  it("frame the room when there is nothing else", () => {
    const product = new Group();
    product.add(box([0, 0, 0], 2, true));
    expect(productBox(product).max.toArray()).toEqual([1, 1, 1]);
  });
});
