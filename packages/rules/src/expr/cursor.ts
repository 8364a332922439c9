/**
 * Token stream with one-token lookahead, nesting accounting and error raising, shared by the
 * grammar in parser.ts.
 */
import { lineColumnAt } from "../diagnostics.ts";
import { isKeyword, type Token } from "./lexer.ts";

export const MAX_NESTING = 64;

/** Thrown inside the parser only; parseExpression turns it into an ExpressionError. */
export class SyntaxProblem {
  constructor(
    readonly message: string,
    readonly start: number,
    readonly end: number,
  ) {}
}

export const quote = (t: Token): string => (t.text.length > 24 ? `"${t.text.slice(0, 20)}..."` : `"${t.text}"`);
export const isOperatorToken = (t: Token): boolean => t.type === "keyword" || t.type === "symbol";

export class TokenCursor {
  protected pos = 0;
  protected depth = 0;

  constructor(
    protected readonly source: string,
    protected readonly tokens: readonly Token[],
  ) {}

  // --- tokens ---------------------------------------------------------------------------

  /** The next token, without reporting a lexical error yet (used for lookahead). */
  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  /** The next token; a lexical error is reported once the parser actually reaches it. */
  protected current(): Token {
    const t = this.peek();
    if (t.type === "error") throw new SyntaxProblem(t.message, t.start, t.end);
    return t;
  }

  protected advance(): Token {
    const t = this.current();
    if (t.type !== "eof") this.pos++;
    return t;
  }

  protected isOp(t: Token, text: string): boolean {
    return isOperatorToken(t) && t.text === text;
  }

  protected fail(t: Token, message: string): never {
    // "AND" is a name to the lexer; pointing at the spelling helps more than any grammar message.
    if (t.type === "name" && t.text !== t.text.toLowerCase() && isKeyword(t.text.toLowerCase())) {
      message = `"${t.text}" must be written in lowercase: "${t.text.toLowerCase()}"`;
    }
    throw new SyntaxProblem(message, t.start, t.end);
  }

  /** Tokens that can begin a value at postfix level: seeing one after a value means a missing operator. */
  protected startsOperand(t: Token): boolean {
    if (t.type === "number" || t.type === "string" || t.type === "name") return true;
    return isOperatorToken(t) && ["(", "true", "false"].includes(t.text);
  }

  protected startsValue(t: Token): boolean {
    return this.startsOperand(t) || (isOperatorToken(t) && ["-", "!", "not"].includes(t.text));
  }

  protected enter(t: Token): void {
    if (++this.depth > MAX_NESTING) this.fail(t, `expression is nested too deeply (more than ${MAX_NESTING} levels)`);
  }

  protected where(open: Token, at: Token): string {
    const o = lineColumnAt(this.source, open.start);
    const a = lineColumnAt(this.source, at.start);
    return o.line === a.line ? `column ${o.column}` : `line ${o.line}, column ${o.column}`;
  }
}
