import type { DiagnosticSink } from "./result.ts";
import type { ConstraintDecl, Expr, FeatureDecl, GroupDecl, GroupKind, UvlDocument } from "./uvl-ast.ts";
import { describe, isName, TokenCursor } from "./uvl-cursor.ts";
import { MAX_NESTING, type Token } from "./uvl-lexer.ts";

const GROUP_KEYWORDS = new Set(["mandatory", "optional", "alternative", "or"]);
const TYPES = new Set(["Boolean", "Integer", "Real", "String"]);
const ARITHMETIC = new Set(["==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/"]);
const AGGREGATES = new Set(["sum", "avg", "len", "floor", "ceil"]);
/** Largest cardinality bound taken literally; larger bounds behave the same for any real group. */
const MAX_BOUND = 1_000_000;

/** Parses UVL tokens into a feature tree and boolean constraints; unsupported parts are reported. */
export function parseTokens(text: string, tokens: readonly Token[], sink: DiagnosticSink): UvlDocument {
  return new Parser(text, tokens, sink).file();
}

type Parsed = { readonly expr: Expr; readonly height: number } | undefined;

class Parser extends TokenCursor {
  private root: FeatureDecl | undefined;
  private readonly constraints: ConstraintDecl[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly text: string,
    tokens: readonly Token[],
    sink: DiagnosticSink,
  ) {
    super(tokens, sink);
  }

  file(): UvlDocument {
    while (this.peek().kind !== "eof" && !this.sink.full) {
      const t = this.peek();
      if (t.kind === "newline" || t.kind === "dedent") {
        this.pos++;
        continue;
      }
      if (t.kind === "indent") {
        this.error(t, "unexpected indentation");
        this.skipBlock();
        continue;
      }
      const section = t.kind === "id" ? t.text : "";
      if (["namespace", "include", "imports", "features", "constraints"].includes(section)) {
        if (this.seen.has(section)) this.error(t, `second '${section}' section`);
        this.seen.add(section);
      }
      if (section === "namespace") {
        this.pos++;
        if (this.reference() === undefined) this.skipLine();
        else this.endOfLine();
      } else if (section === "include") {
        // Language levels only announce what the file uses; unsupported parts are reported where used.
        this.pos++;
        this.endOfLine();
        if (this.peek().kind === "indent") this.skipBlock();
      } else if (section === "imports") {
        this.error(t, "imports are not supported; inline the imported model", "unsupported");
        this.skipLine();
      } else if (section === "features") {
        this.pos++;
        this.endOfLine();
        this.block(t, "a root feature", () => {
          if (this.root !== undefined) {
            this.error(this.peek(), "a feature model has exactly one root feature");
            this.skipLine();
            return;
          }
          this.root = this.feature();
        });
      } else if (section === "constraints") {
        this.pos++;
        this.endOfLine();
        if (this.peek().kind === "indent") this.block(t, "constraints", () => this.constraintLine());
      } else {
        this.error(t, `expected 'namespace', 'include', 'imports', 'features' or 'constraints', found ${describe(t)}`);
        this.skipLine();
      }
    }
    return { root: this.root, constraints: this.constraints };
  }

  /** Runs `item` for each line of an indented block under `owner`. */
  private block(owner: Token, what: string, item: () => void): void {
    if (this.peek().kind !== "indent") {
      this.error(owner, `expected ${what} on the following lines, indented`);
      return;
    }
    this.pos++;
    while (this.peek().kind !== "dedent" && this.peek().kind !== "eof" && !this.sink.full) {
      if (this.peek().kind === "indent") {
        this.error(this.peek(), "unexpected indentation");
        this.skipBlock();
      } else item();
    }
    if (this.peek().kind === "dedent") this.pos++;
  }

  private feature(): FeatureDecl | undefined {
    let t = this.peek();
    if (t.kind === "id" && TYPES.has(t.text) && isName(this.peek(1))) {
      if (t.text !== "Boolean") {
        this.error(t, `${t.text} features are not supported; only Boolean features are`, "unsupported");
        this.skipLine();
        return undefined;
      }
      this.pos++;
      t = this.peek();
    }
    if (t.kind === "id" && GROUP_KEYWORDS.has(t.text)) {
      this.error(t, `'${t.text}' is a group keyword, expected a feature name (quote it to use it as a name)`);
      this.skipLine();
      return undefined;
    }
    const name = this.reference();
    if (name === undefined) {
      this.skipLine();
      return undefined;
    }
    const feature: FeatureDecl = { name, line: t.line, column: t.column, groups: [] };
    if (this.isId(this.peek(), "cardinality")) {
      // Still declare the feature, so that constraints naming it report nothing further.
      this.error(this.peek(), "feature cardinalities are not supported", "unsupported");
      this.skipToNewline();
    } else if (this.isOp(this.peek(), "{") && !this.attributes(0)) this.skipToNewline();
    else this.endOfLine();
    if (this.peek().kind === "indent")
      this.block(t, "groups", () => {
        const group = this.group();
        if (group !== undefined) feature.groups.push(group);
      });
    return feature;
  }

  private group(): GroupDecl | undefined {
    const t = this.peek();
    let kind: GroupKind;
    let min = 0;
    let max: number | undefined = 0;
    if (t.kind === "id" && GROUP_KEYWORDS.has(t.text)) {
      kind = t.text as GroupKind;
      this.pos++;
    } else if (this.isOp(t, "[")) {
      kind = "cardinality";
      const bounds = this.cardinality();
      if (bounds === undefined) {
        this.skipLine();
        return undefined;
      }
      [min, max] = bounds;
    } else {
      this.error(
        t,
        `expected a group ('mandatory', 'optional', 'alternative', 'or' or '[n..m]'), found ${describe(t)}`,
      );
      this.skipLine();
      return undefined;
    }
    this.endOfLine();
    const group: GroupDecl = { kind, min, max, line: t.line, column: t.column, children: [] };
    this.block(t, "the group's features", () => {
      const child = this.feature();
      if (child !== undefined) group.children.push(child);
    });
    return group;
  }

  /** `[n]`, `[n..m]` or `[n..*]`, starting at `[`. */
  private cardinality(): [number, number | undefined] | undefined {
    this.pos++;
    const low = this.bound(false);
    if (low === undefined || low === "*") return undefined;
    let high: number | "*" | undefined = low;
    if (this.isOp(this.peek(), "..")) {
      this.pos++;
      high = this.bound(true);
      if (high === undefined) return undefined;
    }
    if (!this.expectOp("]")) return undefined;
    if (high !== "*" && high < low) {
      this.error(this.tokens[this.pos - 1]!, `empty cardinality range: ${low} is more than ${high}`);
      return undefined;
    }
    return [low, high === "*" ? undefined : high];
  }

  /** A non-negative whole number, or `*` where allowed; undefined after an error. */
  private bound(starAllowed: boolean): number | "*" | undefined {
    const t = this.peek();
    if (starAllowed && this.isOp(t, "*")) {
      this.pos++;
      return "*";
    }
    if (t.kind !== "number" || t.text.includes(".")) {
      this.error(t, `expected a whole number${starAllowed ? " or '*'" : ""}, found ${describe(t)}`);
      return undefined;
    }
    this.pos++;
    return Math.min(Number(t.text), MAX_BOUND);
  }

  /** Attribute lists are checked for syntax and then ignored: they carry no boolean semantics. */
  private attributes(depth: number): boolean {
    const open = this.next();
    if (depth > MAX_NESTING) {
      this.error(open, `attributes nested deeper than ${MAX_NESTING} levels`, "too-large");
      return false;
    }
    if (this.isOp(this.peek(), "}")) {
      this.pos++;
      return true;
    }
    for (;;) {
      const key = this.peek();
      if (!isName(key)) {
        this.error(key, `expected an attribute name, found ${describe(key)}`);
        return false;
      }
      this.pos++;
      if (key.kind === "id" && (key.text === "constraint" || key.text === "constraints")) {
        this.error(key, "constraint attributes are not supported; move the constraint to 'constraints'", "unsupported");
        return false;
      }
      const next = this.peek();
      if (!this.isOp(next, ",") && !this.isOp(next, "}") && !this.value(depth)) return false;
      if (!this.isOp(this.peek(), ",")) return this.expectOp("}");
      this.pos++;
    }
  }

  private value(depth: number): boolean {
    const t = this.peek();
    if (this.isOp(t, "{")) return this.attributes(depth + 1);
    if (this.isOp(t, "[")) {
      if (depth > MAX_NESTING) {
        this.error(t, `attributes nested deeper than ${MAX_NESTING} levels`, "too-large");
        return false;
      }
      this.pos++;
      while (!this.isOp(this.peek(), "]")) {
        if (!this.value(depth + 1)) return false;
        if (!this.isOp(this.peek(), ",")) break;
        this.pos++;
      }
      return this.expectOp("]");
    }
    if (this.isOp(t, "-") && this.peek(1).kind === "number") this.pos++;
    const v = this.peek();
    if (v.kind === "number" || v.kind === "string" || this.isId(v, "true") || this.isId(v, "false")) {
      this.pos++;
      return true;
    }
    this.error(v, `expected an attribute value, found ${describe(v)}`);
    return false;
  }

  private constraintLine(): void {
    const first = this.peek();
    for (let k = this.pos; this.tokens[k]!.kind !== "newline" && this.tokens[k]!.kind !== "eof"; k++) {
      const t = this.tokens[k]!;
      const aggregate = t.kind === "id" && AGGREGATES.has(t.text) && this.isOp(this.tokens[k + 1]!, "(");
      if (t.kind === "number" || t.kind === "string" || aggregate || (t.kind === "op" && ARITHMETIC.has(t.text))) {
        this.error(t, `only boolean constraints are supported, found ${describe(t)}`, "unsupported");
        this.skipLine();
        return;
      }
    }
    const parsed = this.iff(0);
    if (parsed !== undefined && this.peek().kind !== "newline" && this.peek().kind !== "eof")
      this.error(this.peek(), `expected an operator or the end of the constraint, found ${describe(this.peek())}`);
    if (parsed === undefined || (this.peek().kind !== "newline" && this.peek().kind !== "eof")) {
      this.skipLine();
      return;
    }
    const last = this.tokens[this.pos - 1]!;
    const written = this.text.slice(first.start, last.end).replace(/\s*[\r\n]\s*/g, " ");
    this.constraints.push({ expr: parsed.expr, text: written, line: first.line, column: first.column });
    this.pos++;
  }

  // Precedence and left associativity follow the reference grammar: ! & | => <=>.
  private iff(depth: number): Parsed {
    return this.binary(depth, "<=>", "iff", (d) => this.implies(d));
  }

  private implies(depth: number): Parsed {
    return this.binary(depth, "=>", "implies", (d) => this.or(d));
  }

  private binary(depth: number, op: string, kind: "iff" | "implies", operand: (d: number) => Parsed): Parsed {
    let left = operand(depth);
    while (left !== undefined && this.isOp(this.peek(), op)) {
      const t = this.next();
      const right = operand(depth);
      if (right === undefined) return undefined;
      left = this.node(t, { kind, left: left.expr, right: right.expr }, Math.max(left.height, right.height) + 1);
    }
    return left;
  }

  private or(depth: number): Parsed {
    return this.nary(depth, "|", "or", (d) => this.and(d));
  }

  private and(depth: number): Parsed {
    return this.nary(depth, "&", "and", (d) => this.unary(d));
  }

  private nary(depth: number, op: string, kind: "and" | "or", operand: (d: number) => Parsed): Parsed {
    const first = operand(depth);
    if (first === undefined || !this.isOp(this.peek(), op)) return first;
    const t = this.peek();
    const args = [first.expr];
    let height = first.height;
    while (this.isOp(this.peek(), op)) {
      this.pos++;
      const next = operand(depth);
      if (next === undefined) return undefined;
      args.push(next.expr);
      height = Math.max(height, next.height);
    }
    return this.node(t, { kind, args }, height + 1);
  }

  private unary(depth: number): Parsed {
    const t = this.peek();
    if (depth > MAX_NESTING) {
      this.error(t, `constraint nested deeper than ${MAX_NESTING} levels`, "too-large");
      return undefined;
    }
    if (this.isOp(t, "!")) {
      this.pos++;
      const arg = this.unary(depth + 1);
      return arg && this.node(t, { kind: "not", arg: arg.expr }, arg.height + 1);
    }
    if (this.isOp(t, "(")) {
      this.pos++;
      const inner = this.iff(depth + 1);
      if (inner === undefined || !this.expectOp(")")) return undefined;
      return inner;
    }
    if (!isName(t)) {
      this.error(t, `expected a feature, '!' or '(', found ${describe(t)}`);
      return undefined;
    }
    const name = this.reference();
    return name === undefined ? undefined : { expr: { kind: "ref", name, line: t.line, column: t.column }, height: 0 };
  }

  /** Bounds the tree height so that the encoder's recursion stays shallow. */
  private node(at: Token, expr: Expr, height: number): Parsed {
    if (height <= MAX_NESTING) return { expr, height };
    this.error(at, `constraint nested deeper than ${MAX_NESTING} levels`, "too-large");
    return undefined;
  }
}
