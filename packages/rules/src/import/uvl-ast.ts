/** Syntax tree of the boolean core of UVL, as produced by the parser. */

export interface Located {
  readonly line: number;
  readonly column: number;
}

export interface FeatureDecl extends Located {
  readonly name: string;
  readonly groups: GroupDecl[];
}

export type GroupKind = "mandatory" | "optional" | "alternative" | "or" | "cardinality";

export interface GroupDecl extends Located {
  readonly kind: GroupKind;
  /** Bounds of a cardinality group; `max` undefined means `*`. */
  readonly min: number;
  readonly max: number | undefined;
  readonly children: FeatureDecl[];
}

export type Expr =
  | (Located & { readonly kind: "ref"; readonly name: string })
  | { readonly kind: "not"; readonly arg: Expr }
  | { readonly kind: "and" | "or"; readonly args: readonly Expr[] }
  | { readonly kind: "implies" | "iff"; readonly left: Expr; readonly right: Expr };

export interface ConstraintDecl extends Located {
  readonly expr: Expr;
  /** The constraint as written, line breaks inside brackets folded to spaces. */
  readonly text: string;
}

export interface UvlDocument {
  readonly root: FeatureDecl | undefined;
  readonly constraints: readonly ConstraintDecl[];
}
