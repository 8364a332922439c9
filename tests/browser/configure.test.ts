import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedPixels, keepCanvasPixels, launchChromium, type Product, startProduct, watchErrors } from "./harness.ts";

let product: Product;
let browser: Browser;

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

async function openShelving(page: Page, hash = "", query = "") {
  await page.goto(`${product.url}/configure/acme/shelving?preserve=1${query}${hash}`);
  await page.locator(".summary__count strong").waitFor();
  await page.locator("canvas").waitFor();
}

/** Clicks an option and waits until the engine's answer for that click is on screen. */
async function choose(page: Page, input: ReturnType<Page["locator"]>) {
  const before = await page.locator(".summary__count").getAttribute("title");
  const price = await page.getByTestId("price").textContent();
  await input.check();
  await expect
    .poll(
      async () =>
        (await page.locator(".summary__count").getAttribute("title")) !== before ||
        (await page.getByTestId("price").textContent()) !== price,
    )
    .toBe(true);
}

/** Checked option values of every radio group on the page, by group name. */
async function checkedValues(page: Page): Promise<Record<string, string>> {
  return page.$$eval("input[type=radio]:checked", (inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
  );
}

/** Chooses options one by one (across steps) until some option is marked as not possible. */
async function findBlocked(page: Page) {
  const tabs = page.getByRole("tab");
  for (let t = 0; t < (await tabs.count()); t++) {
    await tabs.nth(t).click();
    const groups = page.locator("[role=tabpanel] fieldset.choice");
    for (let g = 0; g < (await groups.count()); g++) {
      const blocked = page.locator("[role=tabpanel] .option--blocked input");
      if ((await blocked.count()) > 0) return blocked.first();
      const options = groups.nth(g).locator(".option:not(.option--blocked) input:not(:checked)");
      if ((await options.count()) > 0) await choose(page, options.first());
    }
    const blocked = page.locator("[role=tabpanel] .option--blocked input");
    if ((await blocked.count()) > 0) return blocked.first();
  }
  throw new Error("no option ever became blocked");
}

describe("designing in the configurator", () => {
  // Packs of this size run the engine in the page; larger ones in a Web Worker (engine.ts): test both.
  it.each([
    ["in the page", ""],
    ["in a Web Worker", "&engine=worker"],
  ])(
    "updates the count and price with every click, explains a blocked value, repairs it in one click, and undoes (engine %s)",
    async (_, query) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = watchErrors(page);
      await openShelving(page, "", query);
      expect(page.workers().length > 0).toBe(query !== "");
      const count = page.locator(".summary__count");
      const before = await count.getAttribute("title");
      const blocked = await findBlocked(page);
      expect(await count.getAttribute("title")).not.toBe(before);
      const wanted = await blocked.getAttribute("value");
      const group = await blocked.getAttribute("name");
      await blocked.click();
      const dialog = page.getByRole("dialog");
      await expect.poll(() => dialog.textContent()).toMatch(/Not possible with your choices/);
      expect(await dialog.locator(".blocked__reasons li").count()).toBeGreaterThan(0);
      const repair = dialog.getByRole("button", { name: "Make it possible" });
      const beforeRepair = await checkedValues(page);
      await repair.click();
      await expect.poll(() => dialog.count()).toBe(0);
      const repaired = await checkedValues(page);
      expect(repaired[group!]).toBe(wanted);
      await page.getByRole("button", { name: /Undo/ }).click();
      await expect.poll(async () => (await checkedValues(page))[group!]).toBe(beforeRepair[group!]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("renders the design in 3D and the pixels react when a colour changes", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openShelving(page);
    await page.waitForTimeout(1500);
    // The product covers thousands of pixels that are not the background.
    expect(await keepCanvasPixels(page)).toBeGreaterThan(5_000);
    const swatchGroup = page
      .locator("fieldset.choice")
      .filter({ has: page.locator(".swatch") })
      .first();
    const unchecked = swatchGroup.locator(".option:not(.option--blocked) input:not(:checked)");
    expect(await unchecked.count()).toBeGreaterThan(0);
    await choose(page, unchecked.last());
    // The frame's ladders are thin: a new colour repaints hundreds of pixels, not the whole view.
    await expect.poll(() => changedPixels(page)).toBeGreaterThan(300);
    await page.close();
  });

  it("draws a contact shadow under the product", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openShelving(page);
    // The shadow is drawn once into its own texture: read that texture back.
    const shadow = async () =>
      page.evaluate(() => {
        const { gl, scene } = (window as unknown as PageThree).kitbashThree;
        const plane = scene.getObjectByName("contact-shadow")?.children.find((child) => child.material?.map);
        const target = plane?.material?.map?.renderTarget;
        if (!target) return { texels: 0, shaded: -1, edge: -1 };
        const pixels = new Uint8Array(target.width * target.height * 4);
        gl.readRenderTargetPixels(target, 0, 0, target.width, target.height, pixels);
        let shaded = 0;
        let edge = 0;
        for (let y = 0; y < target.height; y++) {
          for (let x = 0; x < target.width; x++) {
            const alpha = pixels[(y * target.width + x) * 4 + 3]!;
            if (alpha <= 8) continue;
            shaded++;
            if (x === 0 || y === 0 || x === target.width - 1 || y === target.height - 1) edge++;
          }
        }
        return { texels: target.width * target.height, shaded, edge };
      });
    await expect.poll(async () => (await shadow()).shaded).toBeGreaterThan(0);
    const { texels, shaded, edge } = await shadow();
    // The product (a shelf 35 cm deep here) darkens a patch of the shadow's square, which reaches past it on
    // every side. When the blur was broken, no texel was shaded.
    expect(shaded).toBeGreaterThan(texels * 0.01);
    expect(shaded).toBeLessThan(texels * 0.9);
    expect(edge).toBe(0);
    await page.close();
  });

  it("frees the old contact shadow's textures when the product's size changes", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openShelving(page);
    const textures = () => page.evaluate(() => (window as unknown as PageThree).kitbashThree.gl.info.memory.textures);
    const presets = page.locator(".presets button");
    expect(await presets.count()).toBeGreaterThan(3);
    const applied: number[] = [];
    // Living room (three bays of 80 cm) and hallway (two of 60 cm): shadows of different sizes.
    for (const preset of [0, 3, 0, 3, 0, 3]) {
      const before = await page.locator(".summary__count").getAttribute("title");
      await presets.nth(preset).click();
      await expect.poll(() => page.locator(".summary__count").getAttribute("title")).not.toBe(before);
      await page.waitForTimeout(300);
      applied.push(await textures());
    }
    // Switching back and forth must not pile up render targets.
    expect(applied.slice(2)).toEqual(applied.slice(0, 2).concat(applied.slice(0, 2)));
    await page.close();
  });

  it("shares a link that reopens the exact design in a fresh browser", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openShelving(page);
    await page.locator(".presets button").nth(1).click();
    await choose(
      page,
      page.locator("fieldset.choice").nth(0).locator(".option:not(.option--blocked) input:not(:checked)").first(),
    );
    const designed = await checkedValues(page);
    await page.locator("summary", { hasText: "Share" }).click();
    await page.getByRole("button", { name: "Copy link" }).click();
    const link = page.url();
    expect(link).toMatch(/#d=[A-Za-z0-9_-]+$/);
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const reopened = await fresh.newPage();
    await reopened.goto(link);
    await reopened.locator(".summary__count strong").waitFor();
    expect(await checkedValues(reopened)).toEqual(designed);
    await context.close();
    await fresh.close();
  });

  it("keeps the design through a reload straight after a click (autosave)", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openShelving(page);
    await choose(
      page,
      page.locator("fieldset.choice").nth(0).locator(".option:not(.option--blocked) input:not(:checked)").first(),
    );
    const designed = await checkedValues(page);
    await page.reload();
    await page.locator(".summary__count strong").waitFor();
    expect(await checkedValues(page)).toEqual(designed);
    await context.close();
  });
});

/** The parts of three's renderer and scene (exposed by `?preserve=1` pages) that the shadow tests read. */
interface PageThree {
  kitbashThree: {
    gl: {
      readRenderTargetPixels(
        target: unknown,
        x: number,
        y: number,
        width: number,
        height: number,
        out: Uint8Array,
      ): void;
      info: { memory: { textures: number } };
    };
    scene: {
      getObjectByName(
        name: string,
      ): { children: { material?: { map?: { renderTarget?: { width: number; height: number } } } }[] } | undefined;
    };
  };
}
