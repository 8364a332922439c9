import type { DesignRecord } from "../api/client.ts";
import type { Lineage } from "./api.ts";

export interface LineageNode {
  readonly design: Pick<DesignRecord, "id" | "title" | "creator">;
  readonly current: boolean;
  children: LineageNode[];
}

/** The family line as one tree: the oldest ancestor at the top, down through this design to its remixes. */
export function lineageTree(design: Pick<DesignRecord, "id" | "title" | "creator">, lineage: Lineage): LineageNode {
  const here: LineageNode = { design, current: true, children: [] };
  const byParent = new Map<string, DesignRecord[]>();
  for (const remix of lineage.remixes) {
    if (remix.parent === null) continue;
    byParent.set(remix.parent, [...(byParent.get(remix.parent) ?? []), remix]);
  }
  const grow = (node: LineageNode, depth: number) => {
    if (depth > 50) return;
    for (const child of byParent.get(node.design.id) ?? []) {
      const next: LineageNode = { design: child, current: false, children: [] };
      node.children.push(next);
      grow(next, depth + 1);
    }
  };
  grow(here, 0);
  // Ancestors come nearest first: wrap this design in each of them in turn.
  return lineage.ancestors.reduce<LineageNode>(
    (child, ancestor) => ({ design: ancestor, current: false, children: [child] }),
    here,
  );
}
