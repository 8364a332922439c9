/**
 * AST of the constraint/formula expression language used in rule packs.
 *
 * Nodes are plain readonly data so that checkers and compilers can pattern-match on `kind`.
 * Spans are UTF-16 offsets into the source the node was parsed from (for templates: the
 * whole template string). A parenthesised expression keeps its own node, with the span
 * widened to cover the parentheses.
 *
 * Depth: sources are at most 4,096 characters and bracket/prefix nesting at most 64, so a
 * parsed tree is at most about 2,100 levels deep (flat chains like `a + b + c` nest to the
 * left). Plain recursion over it is safe; `walkExpr` is iterative anyway.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BinaryOp =
  | "iff"
  | "implies"
  | "requires"
  | "excludes"
  | "or"
  | "and"
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "*"
  | "/";

export type UnaryOp = "not" | "-";

export type Expr =
  | { readonly kind: "number"; readonly value: number; readonly span: Span }
  | { readonly kind: "string"; readonly value: string; readonly span: Span }
  | { readonly kind: "boolean"; readonly value: boolean; readonly span: Span }
  /** A feature/option/attribute name; may contain one ":" for a partner namespace (`woodcraft:walnut`). */
  | { readonly kind: "name"; readonly name: string; readonly span: Span }
  | { readonly kind: "member"; readonly object: Expr; readonly name: string; readonly span: Span }
  | { readonly kind: "index"; readonly object: Expr; readonly index: number | "*"; readonly span: Span }
  /** Any callee is accepted here; the checker decides which functions exist. */
  | { readonly kind: "call"; readonly callee: string; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: "unary"; readonly op: UnaryOp; readonly operand: Expr; readonly span: Span }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | {
      readonly kind: "in";
      readonly subject: Expr;
      readonly negated: boolean;
      readonly options: readonly Expr[];
      readonly span: Span;
    };

export type ExprKind = Expr["kind"];

/** Direct children in source order. */
export function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case "number":
    case "string":
    case "boolean":
    case "name":
      return [];
    case "member":
    case "index":
      return [expr.object];
    case "call":
      return expr.args;
    case "unary":
      return [expr.operand];
    case "binary":
      return [expr.left, expr.right];
    case "in":
      return [expr.subject, ...expr.options];
  }
}

/** Visits every node in pre-order (parents before children, children in source order). */
export function walkExpr(expr: Expr, visit: (e: Expr) => void): void {
  const stack: Expr[] = [expr];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
