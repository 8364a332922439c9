export type { BinaryOp, Expr, ExprKind, Span, UnaryOp } from "./ast.ts";
export { childrenOf, walkExpr } from "./ast.ts";
export type { ExpressionError, ParseResult } from "./parser.ts";
export { MAX_NESTING, MAX_SOURCE_LENGTH, parseExpression } from "./parser.ts";
export { formatExpression, formatNumber, formatString } from "./print.ts";
export type { TemplatePart, TemplateResult } from "./template.ts";
export { formatTemplate, parseTemplate } from "./template.ts";
