import { describe, expect, it } from "vitest";
import { tokenize } from "./lexer.ts";

const kinds = (source: string) => tokenize(source).map((t) => `${t.type}:${t.text}`);

describe("tokenize", () => {
  it("prefers the longest operator", () => {
    expect(kinds("a<->b<=c<d->e!=f==g!h")).toEqual([
      "name:a",
      "symbol:<->",
      "name:b",
      "symbol:<=",
      "name:c",
      "symbol:<",
      "name:d",
      "symbol:->",
      "name:e",
      "symbol:!=",
      "name:f",
      "symbol:==",
      "name:g",
      "symbol:!",
      "name:h",
      "eof:",
    ]);
  });

  it("separates keywords, names and namespaced names", () => {
    expect(kinds("in index not nothing woodcraft:walnut TRUE true")).toEqual([
      "keyword:in",
      "name:index",
      "keyword:not",
      "name:nothing",
      "name:woodcraft:walnut",
      "name:TRUE",
      "keyword:true",
      "eof:",
    ]);
  });

  it("reads decimals but leaves member access after an integer alone", () => {
    expect(kinds("1.5 2.x 3.")).toEqual([
      "number:1.5",
      "number:2",
      "symbol:.",
      "name:x",
      "number:3",
      "symbol:.",
      "eof:",
    ]);
  });

  it("records offsets, and lexes only the requested slice", () => {
    const tokens = tokenize("xx{a.b}yy", 3, 6);
    expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual([
      ["a", 3, 4],
      [".", 4, 5],
      ["b", 5, 6],
      ["", 6, 6],
    ]);
    expect(tokenize("{1}", 1, 2).map((t) => t.type)).toEqual(["number", "eof"]);
    expect(tokenize("'ab'", 0, 3).at(-1)).toMatchObject({ type: "error", message: "unterminated string" });
  });

  it("decodes string escapes", () => {
    expect(tokenize(String.raw`"a\"b\\c\n"`)[0]).toMatchObject({ type: "string", value: 'a"b\\c\n' });
  });

  it("ends with an error token at the first lexical problem", () => {
    const tokens = tokenize("a = # b");
    expect(tokens.map((t) => t.type)).toEqual(["name", "symbol", "error"]);
    expect(tokens[2]).toMatchObject({ start: 4, end: 5, message: 'unknown character "#"' });
  });
});
