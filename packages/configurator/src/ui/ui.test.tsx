import { readFileSync } from "node:fs";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createAppStore } from "../app/app-store.ts";
import { AppProvider, ConfiguratorProvider } from "../app/context.tsx";
import { openEngine } from "../engine/engine.ts";
import { createConfiguratorStore } from "../store/configurator.ts";
import { StepPanel } from "./StepPanel.tsx";
import { Variants } from "./Variants.tsx";
import { cleanup } from "@testing-library/react";

const packs = `${import.meta.dirname}/../../../rules/packs`;
const shelving = JSON.parse(readFileSync(`${packs}/acme-shelving.json`, "utf8"));

afterEach(() => cleanup());

async function mount(children: React.ReactNode) {
  const engine = await openEngine({ pack: shelving, bases: [] }, { worker: false });
  const store = createConfiguratorStore({ engine });
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
  render(
    <AppProvider store={createAppStore()}>
      <ConfiguratorProvider store={store}>{children}</ConfiguratorProvider>
    </AppProvider>,
  );
  return store;
}

describe("the configurator's panels on a real pack", () => {
  it("render every step with an accessible control for each choice", async () => {
    await mount(<StepPanel />);
    const tabs = screen.getAllByRole("tab");
    expect(tabs.length).toBeGreaterThan(2);
    for (const tab of tabs) {
      await act(async () => fireEvent.click(tab));
      const panel = screen.getByRole("tabpanel");
      const controls =
        within(panel).queryAllByRole("radio").length +
        within(panel).queryAllByRole("checkbox").length +
        within(panel).queryAllByRole("slider").length +
        within(panel).queryAllByRole("textbox").length;
      expect(controls, tab.textContent ?? "").toBeGreaterThan(0);
      for (const radio of within(panel).queryAllByRole("radio"))
        expect(radio.closest("label")?.textContent?.trim()).not.toBe("");
    }
  });

  it("adds, reorders and removes module slots from their buttons", async () => {
    const store = await mount(<StepPanel />);
    const bays = screen.getAllByRole("tab").find((tab) => /bays/i.test(tab.textContent ?? ""))!;
    await act(async () => fireEvent.click(bays));
    const region = screen.getByRole("region", { name: /bays/i });
    const before = within(region).getAllByRole("listitem").length;
    await act(async () => fireEvent.click(within(region).getByRole("button", { name: /^\+ Add/ })));
    await act(async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });
    expect(within(region).getAllByRole("listitem")).toHaveLength(before + 1);
    await act(async () => fireEvent.click(within(region).getAllByRole("button", { name: /^Move later/ })[0]!));
    await act(async () =>
      fireEvent.click(
        within(region)
          .getAllByRole("button", { name: /^Remove/ })
          .at(-1)!,
      ),
    );
    await act(async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });
    expect(within(region).getAllByRole("listitem")).toHaveLength(before);
    expect(store.getState().snapshot!.consistent).toBe(true);
  });

  it("compares variants side by side with differences highlighted", async () => {
    const engine = await openEngine({ pack: shelving, bases: [] }, { worker: false });
    const store = await mount(<Variants engine={engine} />);
    await act(async () => store.getState().saveVariant("Second"));
    await act(async () => store.getState().choose("frame", "oak"));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Compare" })));
    const table = await screen.findByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["", "Variant 1", "Second"]);
    expect(table.querySelectorAll(".compare__differs").length).toBeGreaterThan(0);
  });
});
