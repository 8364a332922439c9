import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openEngine } from "../engine/engine.ts";
import { decodeDesign, encodeDesign } from "../share/link.ts";
import { type BlockedSignal, createConfiguratorStore } from "./configurator.ts";

const desk = JSON.parse(readFileSync(`${import.meta.dirname}/../../../rules/src/pack/fixtures/desk.json`, "utf8"));
desk.presentation = { presets: [{ id: "glass", label: "Glass desk", choices: { top: "glass", height: 70 } }] };

async function setup(storageKey?: string) {
  const engine = await openEngine({ pack: desk, bases: [] }, { worker: false });
  const signals: BlockedSignal[] = [];
  const store = createConfiguratorStore({
    engine,
    onSignal: (s) => signals.push(s),
    ...(storageKey ? { storageKey } : {}),
  });
  const settled = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return store.getState().snapshot!;
  };
  return { store, signals, settled };
}

describe("the configurator store", () => {
  it("derives the count, price range and possible values from the engine after every click", async () => {
    const { store, settled } = await setup();
    const first = await settled();
    expect(first.count).toBe("165");
    expect(first.consistent).toBe(true);
    expect(first.complete).toBe(false);
    store.getState().choose("top", "glass");
    const next = await settled();
    const lamp = next.variables.find((v) => v.id === "lamp")!;
    expect(lamp.possible).toEqual([false, true]);
    expect(BigInt(next.count)).toBeLessThan(165n);
    expect(next.price!.min).toBeGreaterThanOrEqual(200 + 150);
    expect(next.scene.parts.length).toBe(0);
  });

  it("explains a blocked choice, sends it as a signal, and repairs it in one step", async () => {
    const { store, signals, settled } = await setup();
    store.getState().choose("top", "glass");
    await settled();
    store.getState().choose("lamp", true);
    await settled();
    const { blocked, design } = store.getState();
    expect(design.lamp).toBeUndefined();
    expect(blocked).toMatchObject({
      variable: "lamp",
      value: "true",
      blockedBy: [{ variable: "top", value: "glass" }],
    });
    expect(blocked!.constraints.map((c) => c.id)).toEqual(["glass-lamp"]);
    expect(blocked!.repair!.changes).toEqual([{ variable: "top", from: "glass", to: "steel" }]);
    expect(signals).toEqual([
      {
        kind: "blocked",
        pack: "test/desk",
        version: "1.0.0",
        wanted: "lamp",
        blockedBy: ["top=glass"],
        constraints: ["glass-lamp"],
      },
    ]);
    store.getState().applyRepair();
    const repaired = await settled();
    expect(store.getState().design).toMatchObject({ top: "steel", lamp: true });
    expect(repaired.consistent).toBe(true);
  });

  it("undoes and redoes choices", async () => {
    const { store, settled } = await setup();
    store.getState().choose("top", "oak");
    store.getState().choose("height", 90);
    await settled();
    store.temporal.getState().undo();
    expect(store.getState().design).toEqual({ top: "oak" });
    store.temporal.getState().undo();
    expect(store.getState().design).toEqual({});
    store.temporal.getState().redo();
    expect(store.getState().design).toEqual({ top: "oak" });
    expect((await settled()).variables.find((v) => v.id === "top")!.chosen).toBe(0);
  });

  it("adds, reorders and removes module slots", async () => {
    const { store, settled } = await setup();
    await settled();
    store.getState().addModule("drawers");
    await settled();
    store.getState().choose("drawers.1.type", "large");
    await settled();
    store.getState().addModule("drawers");
    await settled();
    expect(store.getState().design["drawers.2.type"]).toBe("small");
    store.getState().moveModule("drawers", 1, 2);
    await settled();
    expect(store.getState().design).toMatchObject({ "drawers.1.type": "small", "drawers.2.type": "large" });
    store.getState().removeModule("drawers", 1);
    const after = await settled();
    expect(store.getState().design).toMatchObject({ "drawers.1.type": "large", "drawers.2.type": "empty" });
    expect(after.consistent).toBe(true);
  });

  it("applies presets and keeps named variants", async () => {
    const { store, settled } = await setup();
    store.getState().applyPreset("glass");
    expect(store.getState().design).toEqual({ top: "glass", height: 70 });
    store.getState().saveVariant("Oak idea");
    store.getState().choose("top", "oak");
    store.getState().switchVariant("v1");
    expect(store.getState().design).toEqual({ top: "glass", height: 70 });
    expect(store.getState().variants.map((v) => v.name)).toEqual(["Variant 1", "Oak idea"]);
    expect(store.getState().variants[1]!.design).toEqual({ top: "oak", height: 70 });
    await settled();
  });

  it("autosaves the design so it survives a reload", async () => {
    const first = await setup("kitbash:test-desk");
    first.store.getState().choose("top", "steel");
    // Written off the click's path, and at the latest when the page is left.
    expect(localStorage.getItem("kitbash:test-desk") ?? "").not.toContain("steel");
    dispatchEvent(new Event("pagehide"));
    expect(JSON.parse(localStorage.getItem("kitbash:test-desk")!).state.design).toEqual({ top: "steel" });
    const second = await setup("kitbash:test-desk");
    expect(second.store.getState().design).toEqual({ top: "steel" });
    expect(second.store.temporal.getState().pastStates).toEqual([]);
    localStorage.clear();
  });
});

describe("share links", () => {
  it("round-trip a design compactly", async () => {
    const { store } = await setup();
    const { info } = store.getState();
    const design = {
      top: "glass",
      height: 90,
      lamp: false,
      engraving: "Zoë & co",
      "drawers.1.type": "large",
      "drawers.1.handle": "knob",
    };
    const encoded = encodeDesign(info, design);
    expect(encoded.length).toBeLessThan(40);
    expect(decodeDesign(info, encoded)).toEqual(design);
    expect(decodeDesign(info, "!!!")).toBeUndefined();
    expect(decodeDesign(info, encodeDesign(info, {}))).toEqual({});
  });
});
