import { describe, expect, it } from "vitest";
import { designRecord } from "./fake-api.ts";
import { lineageTree } from "./lineage.ts";

describe("the family tree", () => {
  it("puts the oldest ancestor at the root and nests remixes under their own parent", () => {
    const grand = designRecord({ id: "d_grand0001" });
    const parent = designRecord({ id: "d_parent001", parent: grand.id });
    const here = designRecord({ id: "d_here00001", parent: parent.id });
    const a = { ...designRecord({ id: "d_remixa001", parent: here.id }), depth: 1 };
    const b = { ...designRecord({ id: "d_remixb001", parent: here.id }), depth: 1 };
    const c = { ...designRecord({ id: "d_remixc001", parent: a.id }), depth: 2 };
    const root = lineageTree(here, { ancestors: [parent, grand], remixes: [a, b, c] });
    expect(root.design.id).toBe("d_grand0001");
    const mid = root.children[0]!;
    expect(mid.design.id).toBe("d_parent001");
    const current = mid.children[0]!;
    expect(current.current).toBe(true);
    expect(current.children.map((n) => n.design.id)).toEqual(["d_remixa001", "d_remixb001"]);
    expect(current.children[0]!.children.map((n) => n.design.id)).toEqual(["d_remixc001"]);
  });

  it("is just the design when it has no family", () => {
    const here = designRecord();
    const root = lineageTree(here, { ancestors: [], remixes: [] });
    expect(root).toEqual({ design: here, current: true, children: [] });
  });
});
