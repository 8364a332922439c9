import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSpace, loadSpace, serializeSpace } from "../../engine/create.ts";
import { compilePackText } from "../../pack/compile.ts";

describe("serialized spaces", () => {
  const text = readFileSync(new URL("../../pack/fixtures/desk.json", import.meta.url), "utf8");
  const compiled = compilePackText(text);
  if (!compiled.ok) throw new Error("desk fixture");
  const { model } = compiled.compiled;

  it("load back into a space that answers exactly like the original", () => {
    const { space } = createSpace(model);
    const bytes = serializeSpace(space, model)!;
    const loaded = loadSpace(bytes, model)!.space;
    for (const choices of [
      [],
      [{ variable: 0, value: 1, negated: false }],
      [{ variable: 1, value: 0, negated: false }],
    ]) {
      expect(loaded.evaluate(choices)).toEqual(space.evaluate(choices));
    }
  });

  it("refuse bytes compiled from another model, and malformed bytes", () => {
    const bytes = serializeSpace(createSpace(model).space, model)!;
    const other = { ...model, clauses: model.clauses.slice(1) };
    expect(loadSpace(bytes, other)).toBeUndefined();
    expect(loadSpace(bytes.slice(0, 40), model)).toBeUndefined();
    expect(loadSpace(new Uint8Array(3), model)).toBeUndefined();
    const corrupted = bytes.slice();
    corrupted[0] = 0;
    expect(loadSpace(corrupted, model)).toBeUndefined();
  });
});
