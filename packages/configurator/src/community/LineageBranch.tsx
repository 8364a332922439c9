import { Link } from "wouter";
import type { LineageNode } from "./lineage.ts";

/** One design in the family tree, with the designs remixed from it nested below. */
export function LineageBranch({ node, label, by }: { node: LineageNode; label: string; by: string }) {
  return (
    <li className={`tree__node${node.current ? " tree__node--current" : ""}`}>
      <span className="tree__item">
        {node.current ? (
          <strong aria-current="page">
            {node.design.title} <span className="muted">({label})</span>
          </strong>
        ) : (
          <Link href={`/designs/${node.design.id}`}>{node.design.title}</Link>
        )}{" "}
        <span className="muted">
          {by} {node.design.creator.name}
        </span>
      </span>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <LineageBranch key={child.design.id} node={child} label={label} by={by} />
          ))}
        </ul>
      )}
    </li>
  );
}
