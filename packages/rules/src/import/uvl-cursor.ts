import type { DiagnosticSink } from "./result.ts";
import type { Token } from "./uvl-lexer.ts";

/** Token navigation, expectations and line-based error recovery shared by the UVL parser. */
export class TokenCursor {
  protected pos = 0;

  constructor(
    protected readonly tokens: readonly Token[],
    protected readonly sink: DiagnosticSink,
  ) {}

  /** A possibly dotted name; quoted parts keep their spaces and dots. */
  protected reference(): string | undefined {
    const t = this.peek();
    if (!isName(t)) {
      this.error(t, `expected a feature name, found ${describe(t)}`);
      return undefined;
    }
    this.pos++;
    let name = t.text;
    while (this.isOp(this.peek(), ".") && isName(this.peek(1))) {
      name += `.${this.peek(1).text}`;
      this.pos += 2;
    }
    return name;
  }

  protected endOfLine(): void {
    const t = this.peek();
    if (t.kind === "newline") this.pos++;
    else if (t.kind !== "eof") {
      this.error(t, `unexpected ${describe(t)}`);
      this.skipToNewline();
    }
  }

  protected expectOp(op: string): boolean {
    if (this.isOp(this.peek(), op)) {
      this.pos++;
      return true;
    }
    this.error(this.peek(), `expected '${op}', found ${describe(this.peek())}`);
    return false;
  }

  /** Skips the rest of this line and the block indented under it. */
  protected skipLine(): void {
    this.skipToNewline();
    if (this.peek().kind === "indent") this.skipBlock();
  }

  protected skipToNewline(): void {
    while (this.peek().kind !== "newline" && this.peek().kind !== "eof") this.pos++;
    if (this.peek().kind === "newline") this.pos++;
  }

  protected skipBlock(): void {
    let depth = 0;
    do {
      const kind = this.next().kind;
      if (kind === "indent") depth++;
      else if (kind === "dedent") depth--;
      else if (kind === "eof") return;
    } while (depth > 0);
  }

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  protected next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  protected isOp(t: Token, op: string): boolean {
    return t.kind === "op" && t.text === op;
  }

  protected isId(t: Token, word: string): boolean {
    return t.kind === "id" && t.text === word;
  }

  protected error(t: Token, message: string, code: "syntax" | "unsupported" | "too-large" = "syntax"): void {
    this.sink.error(code, message, t.line, t.column);
  }
}

export function isName(t: Token): boolean {
  return t.kind === "id" || t.kind === "quoted";
}

export function describe(t: Token): string {
  switch (t.kind) {
    case "newline":
      return "the end of the line";
    case "eof":
      return "the end of the file";
    case "indent":
    case "dedent":
      return "a change of indentation";
    case "quoted":
      return `"${t.text}"`;
    case "string":
      return `'${t.text}'`;
    default:
      return `'${t.text.length > 24 ? `${t.text.slice(0, 24)}…` : t.text}'`;
  }
}
