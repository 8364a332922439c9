import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics.ts";
import { lintModel } from "../engine/lint.ts";
import { compilePackText } from "./compile.ts";
import { parsePackText } from "./load.ts";
import type { Pack } from "./schema.ts";

const desk = readFileSync(new URL("./fixtures/desk.json", import.meta.url), "utf8");

function problems(text: string, resolve?: (id: string) => Pack[]): readonly Diagnostic[] {
  const result = compilePackText(text, resolve);
  if (result.ok) throw new Error("expected the pack to be rejected");
  return result.diagnostics;
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0): { line: number; column: number } {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const minimal = (extra: string) => `{
  "kitbash": 1,
  "id": "test/mini",
  "version": "1.0.0",
  "name": "Mini",
  "variables": [
    { "id": "size", "type": "choice", "label": "Size", "options": [{ "id": "s", "label": "S" }, { "id": "l", "label": "L" }] },
    { "id": "lid", "type": "boolean", "label": "Lid" }
  ]${extra}
}`;

describe("bad packs get clear errors with their location", () => {
  it("reports malformed JSON at its line and column", () => {
    const text = '{\n  "kitbash": 1\n  "id": "x/y"\n}';
    const [first] = problems(text);
    expect(first).toMatchObject({ code: "syntax", message: 'expected "," between items', line: 3, column: 3 });
  });

  it("reports an empty file, comments and duplicate keys", () => {
    expect(problems("")[0]).toMatchObject({ code: "syntax", line: 1 });
    expect(problems('{ // note\n "a": 1 }')[0]!.message).toBe("comments are not allowed in JSON");
    const duplicated = minimal("").replace('"name": "Mini",', '"name": "Mini",\n  "name": "Other",');
    expect(problems(duplicated)[0]).toMatchObject({
      code: "duplicate",
      message: '"name" is given twice in this object',
      line: 6,
    });
  });

  it("reports schema errors at the path and position of the bad value", () => {
    const text = minimal("").replace('"label": "Lid"', '"label": "Lid", "price": "cheap"');
    const [problem] = problems(text);
    expect(problem).toMatchObject({ code: "schema", path: ["variables", 1, "price"], ...positionOf(text, '"cheap"') });
    const misspelt = minimal("").replace('"label": "Lid"', '"lable": "Lid"');
    const messages = problems(misspelt).map((d) => d.message);
    expect(messages).toContain('unknown field "lable"');
    const badType = minimal("").replace('"type": "boolean"', '"type": "bool"');
    expect(problems(badType)[0]).toMatchObject({
      message: '"type" must be one of choice, boolean, integer, text',
      path: ["variables", 1, "type"],
    });
  });

  it("points inside an expression at the unknown name or the syntax error", () => {
    const unknown = minimal(`,
  "constraints": [{ "id": "c1", "message": "m", "rule": "size = l -> lids" }]`);
    const [problem] = problems(unknown);
    expect(problem).toMatchObject({
      code: "type",
      message: 'unknown name "lids"',
      path: ["constraints", 0, "rule"],
      ...positionOf(unknown, 'lids"'),
    });
    const broken = minimal(`,
  "constraints": [{ "id": "c1", "message": "m", "rule": "size = (l" }]`);
    expect(problems(broken)[0]).toMatchObject({ path: ["constraints", 0, "rule"], ...positionOf(broken, "(l", 2) });
    const option = minimal(`,
  "constraints": [{ "id": "c1", "message": "m", "rule": "size = xl" }]`);
    expect(problems(option)[0]!.message).toBe('size has no option "xl" (its options: s, l)');
  });

  it("reports duplicate ids, bad defaults and impossible ranges", () => {
    const duplicate = minimal("").replace('"id": "lid"', '"id": "size"');
    expect(problems(duplicate)[0]).toMatchObject({ code: "duplicate", path: ["variables", 1, "id"] });
    const badDefault = minimal("").replace('"label": "Size",', '"label": "Size", "default": "xl",');
    expect(problems(badDefault)[0]).toMatchObject({ code: "unknown-reference", path: ["variables", 0, "default"] });
    const range = minimal("").replace(
      '"type": "boolean", "label": "Lid"',
      '"type": "integer", "label": "Lid", "min": 5, "max": 1',
    );
    expect(problems(range)[0]!.message).toBe("min (5) is larger than max (1)");
  });

  it("names the constraints of a contradictory pack", () => {
    const text = minimal(`,
  "constraints": [
    { "id": "needs-lid", "message": "Large boxes need a lid", "rule": "size = l -> lid" },
    { "id": "no-lid", "message": "Lids are sold out", "rule": "not lid" },
    { "id": "large", "message": "Only large boxes", "rule": "size = l" }
  ]`);
    const result = compilePackText(text);
    if (!result.ok) throw new Error("the pack itself is well-formed");
    const lint = lintModel(result.compiled.model);
    expect(lint.contradiction).toBe(true);
    expect(lint.findings[0]!.message).toContain("needs-lid");
    expect(lint.findings[0]!.message).toContain("no-lid");
    expect(lint.findings[0]!.message).toContain("large");
  });

  it("lints options that can never be chosen, forced options and constraints that never bind", () => {
    const text = minimal(`,
  "constraints": [
    { "id": "small-only", "message": "Only small", "rule": "size = s" },
    { "id": "echo", "message": "Small again", "rule": "size != l" }
  ]`);
    const result = compilePackText(text);
    if (!result.ok) throw new Error("unexpected");
    const lint = lintModel(result.compiled.model);
    expect(lint.forced).toBe(1);
    expect(lint.redundant).toBe(2);
    expect(lint.findings.map((f) => f.code)).toEqual(["forced-option", "redundant-constraint", "redundant-constraint"]);
  });

  it("refuses oversized input without parsing it", () => {
    const huge = `{"x": "${"a".repeat(4 * 1024 * 1024)}"}`;
    expect(problems(huge)[0]).toMatchObject({ code: "too-large" });
  });

  it("reports composition problems in the extension's own file", () => {
    const base = parsePackText(desk);
    if (!base.ok) throw new Error("desk fixture");
    const resolve = (id: string) => (id === "test/desk" ? [base.pack] : []);
    const extension = (body: string, range = "^1.0.0") => `{
  "kitbash": 1, "id": "partner/desk-extras", "version": "1.0.0", "name": "Extras",
  "extends": { "pack": "test/desk", "version": "${range}" },
  ${body}
}`;
    const clash = extension('"variables": [{ "id": "lamp", "type": "boolean", "label": "Lamp" }]');
    expect(problems(clash, resolve)[0]).toMatchObject({ code: "clash", path: ["variables", 0, "id"], line: 4 });
    expect(problems(extension('"variables": []', "^2.0.0"), resolve)[0]).toMatchObject({
      code: "version",
      message: "no version of test/desk matches ^2.0.0 (known: 1.0.0)",
    });
    expect(problems(extension('"variables": []'), () => [])[0]).toMatchObject({
      code: "unknown-reference",
      path: ["extends", "pack"],
    });
    const options = extension('"options": [{ "variable": "top", "add": [{ "id": "oak", "label": "Oak again" }] }]');
    expect(problems(options, resolve)[0]).toMatchObject({ code: "clash", path: ["options", 0, "add", 0, "id"] });
  });

  it("composes an extension: namespaced additions, usable in rules by their short names", () => {
    const base = parsePackText(desk);
    if (!base.ok) throw new Error("desk fixture");
    const text = `{
  "kitbash": 1, "id": "partner/desk-extras", "version": "1.0.0", "name": "Extras",
  "extends": { "pack": "test/desk", "version": "^1.0.0" },
  "variables": [{ "id": "cable", "type": "boolean", "label": "Cable tray", "price": 12 }],
  "options": [{ "variable": "top", "add": [{ "id": "walnut", "label": "Walnut", "price": 160, "attributes": { "width": 120, "material": "wood" } }] }],
  "constraints": [{ "id": "walnut-cable", "message": "Walnut tops come with a cable tray", "rule": "top = walnut -> cable" }]
}`;
    const result = compilePackText(text, (id) => (id === "test/desk" ? [base.pack] : []));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const ids = result.compiled.model.variables.map((v) => v.id);
    expect(ids).toContain("partner:cable");
    const top = result.compiled.model.variables.find((v) => v.id === "top")!;
    expect(top.values.map((v) => v.id)).toEqual(["oak", "glass", "steel", "partner:walnut"]);
    expect(result.compiled.model.constraints.map((c) => c.id)).toContain("partner:walnut-cable");
  });
});

describe("the pack parser never crashes on hostile input", () => {
  const valid = (diagnostics: readonly Diagnostic[]) =>
    diagnostics.length > 0 &&
    diagnostics.every((d) =>
      d.severity === "error" ? d.message.length > 0 && (d.line === undefined || d.line >= 1) : true,
    );

  it("handles arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = compilePackText(text);
        expect(result.ok || valid(result.diagnostics)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("handles mutations of a valid pack: every failure is located", () => {
    const mutation = fc.record({ at: fc.nat(desk.length - 1), remove: fc.nat(8), insert: fc.string({ maxLength: 8 }) });
    fc.assert(
      fc.property(mutation, ({ at, remove, insert }) => {
        const text = desk.slice(0, at) + insert + desk.slice(at + remove);
        const result = compilePackText(text);
        if (!result.ok) {
          expect(valid(result.diagnostics)).toBe(true);
          for (const d of result.diagnostics) expect(d.line !== undefined || d.path !== undefined).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("handles random JSON values of the right overall shape", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify({ kitbash: 1, id: "a/b", version: "1.0.0", name: "x", variables: value });
        const result = compilePackText(text);
        expect(result.ok || valid(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
