import {
  choicesToDesign,
  compilePack,
  createSpace,
  type Design,
  designToChoices,
  parsePackValue,
} from "@kitbash/rules";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type Product, startProduct, watchErrors } from "./harness.ts";

let product: Product;
let browser: Browser;
let challenge: { id: string; title: string };

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  const team = await product.call<{ key: string }>("POST", "/api/keys", product.adminKey, {
    role: "team",
    label: "Shelving team",
  });
  const now = Date.now();
  challenge = await product.call("POST", "/api/challenges", team.key, {
    pack: "acme/shelving",
    title: "Hallway heroes",
    brief: "Shelving for narrow hallways: shoes, keys, post.",
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 86_400_000).toISOString(),
  });
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

/**
 * A share link (`#d=...`, the configurator's own format) for a preset completed with the pack's defaults:
 * exactly the design the configurator shows after applying that preset. The configurator only submits a
 * design once every question that applies has an answer; a preset leaves some open (the unused module
 * slots among them), so the link carries the answers the configurator would complete it with.
 */
async function presetLink(preset: string): Promise<string> {
  const bundle = await product.call<{ pack: unknown; bases: unknown[] }>(
    "GET",
    "/api/packs/acme/shelving/bundle",
    product.adminKey,
  );
  const parsed = parsePackValue(bundle.pack);
  if (!parsed.ok) throw new Error("the pack does not parse");
  const compiled = compilePack(parsed.pack, () => []);
  if (!compiled.ok) throw new Error("the pack does not compile");
  const pack = compiled.compiled;
  const choices = (parsed.pack.presentation.presets.find((p) => p.id === preset) ?? { choices: {} }).choices as Design;
  const completed = createSpace(pack.model).space.complete(designToChoices(pack, choices).choices, "default");
  if (!completed) throw new Error(`preset ${preset} cannot be completed`);
  const design = choicesToDesign(pack, completed, {});
  const bytes = [1];
  for (const variable of pack.structure.variables) {
    const value = design[variable.id];
    let index = 0;
    if (value !== undefined && variable.kind !== "text")
      index =
        1 +
        (variable.kind === "boolean"
          ? value === true
            ? 0
            : 1
          : variable.kind === "integer"
            ? (variable.numbers ?? []).indexOf(Number(value))
            : variable.options.findIndex((o) => o.id === value));
    for (; index >= 0x80; index >>>= 7) bytes.push((index & 0x7f) | 0x80);
    bytes.push(index);
  }
  return `#d=${Buffer.from(bytes).toString("base64url")}`;
}

/** On the configurator: submit the design through the submit dialog, by keyboard; resolves with the new design's id. */
async function submitDesign(page: Page, title: string, creatorName?: string): Promise<string> {
  await page.locator(".summary__status--ok").waitFor();
  await page.getByRole("button", { name: "Submit my design" }).press("Enter");
  const dialog = page.getByRole("dialog", { name: "Submit your design" });
  await dialog.getByLabel("What will you use it for?").fill(`${title}: a story.`);
  if (creatorName) await dialog.getByLabel("Your name").fill(creatorName);
  await dialog.getByLabel("Your design's name").fill(title);
  await dialog.getByLabel("Your design's name").press("Enter");
  await page.waitForURL(/\/designs\/d_[\w-]+$/);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Share of canvas pixels that differ clearly from the empty scene's background (#f3f0ea). */
async function drawnShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector(".design-stage canvas") as HTMLCanvasElement | null;
    const gl = canvas?.getContext("webgl2") ?? canvas?.getContext("webgl");
    if (!canvas || !gl) return 0;
    const pixels = new Uint8Array(canvas.width * canvas.height * 4);
    gl.readPixels(0, 0, canvas.width, canvas.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    let drawn = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const d = Math.abs(pixels[i]! - 243) + Math.abs(pixels[i + 1]! - 240) + Math.abs(pixels[i + 2]! - 234);
      if (d > 60) drawn++;
    }
    return drawn / (pixels.length / 4);
  });
}

describe("the community", () => {
  let alice: BrowserContext;
  let bob: BrowserContext;
  let first: string;
  const errors: string[][] = [];

  beforeAll(async () => {
    alice = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The second creator uses a phone.
    bob = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  });
  afterAll(async () => {
    await alice?.close();
    await bob?.close();
  });

  it("enters a challenge from its page, submits, and sees the design in the gallery and in 3D", async () => {
    const page = await alice.newPage();
    errors.push(watchErrors(page));
    await page.goto(`${product.url}/challenges`);
    const open = page.getByRole("region", { name: "Open now" });
    await open.getByRole("link", { name: challenge.title, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: challenge.title }).waitFor();
    const enter = page.getByRole("link", { name: "Enter this challenge" });
    expect(await enter.getAttribute("href")).toBe(`/configure/acme/shelving?challenge=${challenge.id}`);
    // Entering with the home office preset (see presetLink).
    await page.goto(`${product.url}${await enter.getAttribute("href")}${await presetLink("home_office")}`);
    first = await submitDesign(page, "Slim hallway wall", "Alice");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
    const card = page.getByRole("article").filter({ hasText: "Slim hallway wall" });
    await card.waitFor();
    expect(await card.getByRole("link", { name: "Alice" }).getAttribute("href")).toMatch(/^\/creators\/cr_/);
    // The pack's name replaces its id once the packs have loaded.
    await expect.poll(() => card.textContent()).toContain("Acme Linea wall shelving");
    await expect
      .poll(() => card.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await card.getByRole("link", { name: "Slim hallway wall" }).click();
    await page.waitForURL(`**/designs/${first}`);

    // The same page with the drawing buffer kept, so the test can read the 3D view's pixels.
    await page.goto(`${product.url}/designs/${first}?preserve=1`);
    await page.locator(".design-stage canvas").waitFor();
    await expect.poll(() => drawnShare(page), { timeout: 20_000 }).toBeGreaterThan(0.03);
    const vote = page.getByRole("button", { name: /Vote/ });
    expect(await vote.isDisabled()).toBe(true);
    await page.getByText("This is your design, so you cannot vote for it.").waitFor();
    const history = page.getByRole("region", { name: "Review history" }).getByRole("listitem");
    await history.first().waitFor();
    expect(await history.allTextContents()).toEqual([expect.stringMatching(/^Submitted.* · you$/)]);
    expect(await page.getByRole("link", { name: challenge.title }).getAttribute("href")).toBe(
      `/challenges/${challenge.id}`,
    );
    expect(await page.getByRole("table").locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(
      `/api/designs/${first}/bom?format=csv`,
    );
    await page.close();
  });

  it("lets a second creator, on a phone, vote and comment with the keyboard", async () => {
    const page = await bob.newPage();
    errors.push(watchErrors(page));
    await page.goto(`${product.url}/configure/acme/shelving${await presetLink("wine_and_dine")}`);
    await submitDesign(page, "Wine corner", "Bob");

    await page.goto(`${product.url}/designs/${first}`);
    const vote = page.getByRole("button", { name: /Vote/ });
    await expect.poll(() => vote.isEnabled()).toBe(true);
    await vote.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => vote.getAttribute("aria-pressed")).toBe("true");
    await page.getByText("1 vote", { exact: true }).waitFor();

    const box = page.getByRole("textbox", { name: "Add a comment" });
    await box.focus();
    await page.keyboard.type("Love how slim it is.");
    await page.keyboard.press("Control+Enter");
    const comments = page.getByRole("region", { name: /Comments/ });
    await comments
      .getByRole("listitem")
      .filter({ hasText: "Love how slim it is." })
      .getByRole("link", { name: "Bob" })
      .waitFor();
    expect(await box.inputValue()).toBe("");
    // The phone layout stacks the 3D view above the details, full width.
    const stage = await page.locator(".design-stage").boundingBox();
    const title = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(stage!.width).toBeGreaterThan(330);
    expect(title!.y).toBeGreaterThan(stage!.y + stage!.height - 1);
    await page.close();
  });

  it("remixes the design: the configurator opens with the parent's choices, and the family tree links both", async () => {
    const page = await bob.newPage();
    errors.push(watchErrors(page));
    await page.goto(`${product.url}/designs/${first}`);
    await page.getByRole("link", { name: /Remix/ }).first().click();
    await page.waitForURL(`**/configure/acme/shelving?version=1.0.0&remix=${first}`);
    // The parent's stored choices are complete: the remix can be submitted as it opens.
    const remix = await submitDesign(page, "Slimmer still");
    const stored = await product.call<{ parent: string; choices: unknown }>(
      "GET",
      `/api/designs/${remix}`,
      product.adminKey,
    );
    const parent = await product.call<{ choices: unknown }>("GET", `/api/designs/${first}`, product.adminKey);
    expect(stored.parent).toBe(first);
    expect(stored.choices).toEqual(parent.choices);

    const tree = page.getByRole("region", { name: "Family tree" });
    const link = tree.getByRole("link", { name: "Slim hallway wall" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`/designs/${first}`);
    await link.click();
    await page.waitForURL(`**/designs/${first}`);
    await page.getByRole("region", { name: "Family tree" }).getByRole("link", { name: "Slimmer still" }).waitFor();
    await page.close();
  });

  it("shows the entry on the challenge page, and the first creator sees the vote, the comment and the remix", async () => {
    const page = await alice.newPage();
    errors.push(watchErrors(page));
    await page.goto(`${product.url}/challenges/${challenge.id}`);
    const entries = page.getByRole("list", { name: "Entries" });
    await entries.getByRole("link", { name: "Slim hallway wall" }).waitFor();
    expect(await entries.getByRole("article").count()).toBe(1);
    await page.getByText("1 entry").first().waitFor();
    expect(await entries.getByText("1 vote").count()).toBe(1);

    await entries.getByRole("link", { name: "Slim hallway wall" }).click();
    await page.getByText("Love how slim it is.").waitFor();
    await page.getByRole("region", { name: "Family tree" }).getByRole("link", { name: "Slimmer still" }).waitFor();
    await page.getByRole("link", { name: "Alice" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Alice" }).waitFor();
    await page.getByRole("list", { name: "Designs" }).getByRole("link", { name: "Slim hallway wall" }).waitFor();
    expect(await page.locator(".totals__item", { hasText: "Votes received" }).locator("dd").textContent()).toBe("1");
    expect(await page.locator(".totals__item", { hasText: "Remixed by others" }).locator("dd").textContent()).toBe("1");
    await page.close();
    expect(errors.flat()).toEqual([]);
  });
});
