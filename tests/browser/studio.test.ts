import { choicesToDesign, compilePack, createSpace, parseChoices, parsePackValue } from "@kitbash/rules";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type Product, startProduct, watchErrors } from "./harness.ts";

let product: Product;
let browser: Browser;
let teamKey: string;
const designs: { id: string; title: string }[] = [];

/** Screenshots of the main steps when STUDIO_SHOTS names a folder (for looking at the Studio by eye). */
async function shot(page: Page, name: string) {
  if (process.env.STUDIO_SHOTS)
    await page.screenshot({ path: `${process.env.STUDIO_SHOTS}/${name}.png`, fullPage: true });
}

/** Valid shelving designs: the pack's defaults, with some choices of our own completed by the engine. */
async function shelvingDesigns(...wanted: string[]) {
  const bundle = await product.call<{ pack: unknown; bases: unknown[] }>(
    "GET",
    "/api/packs/acme/shelving/bundle",
    null,
  );
  const parsed = parsePackValue(bundle.pack);
  if (!parsed.ok) throw new Error("the pack does not parse");
  const compiled = compilePack(parsed.pack, () => []);
  if (!compiled.ok) throw new Error("the pack does not compile");
  const { model } = compiled.compiled;
  const { space } = createSpace(model);
  return wanted.map((choices) => {
    const parsedChoices = parseChoices(model, choices);
    if (!parsedChoices.ok) throw new Error(`bad choices: ${choices}`);
    const completed = space.complete(parsedChoices.choices, "default");
    if (!completed) throw new Error(`no design has ${choices}`);
    return choicesToDesign(compiled.compiled, completed);
  });
}

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  ({ key: teamKey } = await product.call<{ key: string }>("POST", "/api/keys", product.adminKey, {
    role: "team",
    label: "Studio test team",
  }));
  // Two steel shelves (the default frame) and one aluminium shelf, from three new creators.
  const submitted = [
    ["Hallway shelf", ""],
    ["Study wall", ""],
    ["Kitchen rack", "frame=aluminium"],
  ] as const;
  const choices = await shelvingDesigns(...submitted.map(([, wanted]) => wanted));
  for (const [i, [title]] of submitted.entries()) {
    const { design } = await product.call<{ design: { id: string; title: string } }>("POST", "/api/designs", null, {
      pack: "acme/shelving",
      version: "1.0.0",
      choices: choices[i],
      title,
      story: "Books, plants and the post.",
      fit: 8,
      licence: "CC-BY-4.0",
      creatorName: `${title} maker`,
    });
    designs.push(design);
  }
  // Someone with an oak frame tried anodising it: the rules do not allow it.
  await product.call("POST", "/api/signals", null, {
    kind: "blocked",
    pack: "acme/shelving",
    version: "1.0.0",
    session: "studio-test-session",
    wanted: "finish=anodised",
    blockedBy: ["frame=oak"],
    constraints: ["anodised-aluminium"],
  });
});

afterAll(async () => {
  await browser?.close();
  await product?.close();
});

async function signIn(page: Page, key: string) {
  await page.goto(`${product.url}/studio`);
  await page.getByLabel("Product-team key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The text of a KPI card by its label. */
const kpi = (page: Page, label: string) =>
  page
    .locator(".studio-kpi")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd");

describe("the Studio against the real API", () => {
  it("signs in with a team key, counts the designs and the signal, and moves a design through review", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    const errors = watchErrors(page);

    await signIn(page, teamKey);
    await expect.poll(() => kpi(page, "Designs").textContent()).toBe("3");
    expect(await kpi(page, "Blocked attempts").textContent()).toBe("1");
    await expect
      .poll(() => page.getByRole("figure", { name: "Activity per day" }).textContent())
      .toContain("3 designs, 1 blocked attempt and 0 wishes over 30 days.");
    await shot(page, "studio-overview");

    await page.getByRole("tab", { name: "Popularity" }).click();
    const frame = page.getByRole("figure", { name: "Frame", exact: true });
    await expect.poll(() => frame.textContent()).toContain("3 designs set this");
    expect(await frame.textContent()).toContain("Most chosen: Steel (67%).");
    await frame.getByText("Show the data as a table").click();
    const rows = await frame
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent)));
    expect(rows.slice(0, 2)).toEqual([
      ["Steel", "2", "67%"],
      ["Aluminium", "1", "33%"],
    ]);
    await shot(page, "studio-popularity");

    await page.getByRole("tab", { name: "Unmet demand" }).click();
    const wanted = page.getByRole("heading", { name: "Finish: Anodised" });
    await wanted.waitFor();
    const card = page.locator(".studio-wanted__item").filter({ has: wanted });
    expect(await card.textContent()).toContain("1 attempt in 1 session");
    expect(await card.textContent()).toContain("Only aluminium can be anodised");
    expect(await card.textContent()).toContain("Frame: Solid oak");
    await shot(page, "studio-demand");

    // Review: the oldest first; move the first design on to under review, then to the shortlist.
    await page.getByRole("tab", { name: "Review queue" }).click();
    const queue = page.getByRole("list", { name: "Designs awaiting a decision" });
    await expect
      .poll(() => queue.locator(".studio-queue__title").allTextContents())
      .toEqual(["Hallway shelf", "Study wall", "Kitchen rack"]);
    await queue.getByRole("button", { name: /Hallway shelf/ }).click();
    const detail = page.getByRole("article", { name: "Hallway shelf" });
    const reasons = detail.locator(".studio-history__reason");
    await expect.poll(() => reasons.allTextContents()).toEqual(["Submitted"]);
    const move = async (status: string, reason: string) => {
      await detail.getByRole("radio", { name: status }).check();
      await detail.getByLabel("Reason (the creator reads it)").fill(reason);
      await detail.getByRole("button", { name: "Move the design" }).click();
      await expect.poll(() => detail.getByRole("status").textContent()).toBe(`Moved to ${status}.`);
    };
    expect(await detail.getByRole("radio").count()).toBe(2);
    await move("Under review", "Clever use of a narrow wall; let us cost it.");
    await move("Shortlisted", "Costed: it works at our price.");
    await expect
      .poll(() => reasons.allTextContents())
      .toEqual(["Submitted", "Clever use of a narrow wall; let us cost it.", "Costed: it works at our price."]);
    expect(await queue.getByRole("button", { name: /Hallway shelf/ }).textContent()).toContain("Shortlisted");
    await shot(page, "studio-review");
    expect(errors).toEqual([]);

    const stored = await product.call<{ status: string }>("GET", `/api/designs/${designs[0]!.id}`, teamKey);
    expect(stored.status).toBe("shortlisted");

    await detail.getByRole("link", { name: "Open the design page" }).click();
    await page.waitForURL(`${product.url}/designs/${designs[0]!.id}`);
    await page.getByRole("heading", { level: 1, name: "Hallway shelf" }).waitFor();
    await expect.poll(() => page.locator("main").getByText("Shortlisted", { exact: true }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("refuses an unknown key, and works by keyboard and in German", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, "kb_not-a-real-key");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("This key was refused: it is unknown or has been revoked.");
    // Unknown keys make the API answer 401; the page itself stays well.
    errors.length = 0;

    const input = page.getByLabel("Product-team key");
    await input.fill(teamKey);
    await input.press("Enter");
    const overview = page.getByRole("tab", { name: "Overview" });
    await expect.poll(() => overview.getAttribute("aria-selected")).toBe("true");
    await overview.focus();
    await page.keyboard.press("ArrowDown");
    const popularity = page.getByRole("tab", { name: "Popularity" });
    await expect.poll(() => popularity.getAttribute("aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Popularity");
    expect(new URL(page.url()).searchParams.get("tab")).toBe("popularity");

    await page.getByLabel("Language").selectOption("de");
    await expect.poll(() => page.getByRole("tab", { name: "Beliebtheit" }).getAttribute("aria-selected")).toBe("true");
    const frame = page.getByRole("figure", { name: "Gestell", exact: true });
    await expect.poll(() => frame.textContent()).toContain("Am häufigsten: Stahl (67");
    await shot(page, "studio-german");

    // The key is kept across visits until the team signs out.
    await page.reload();
    await page.getByRole("tab", { name: "Beliebtheit" }).waitFor();
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByLabel("Produktteam-Schlüssel").waitFor();
    expect(
      await page.evaluate(() => JSON.parse(localStorage.getItem("kitbash:app") ?? "{}").state?.teamKey),
    ).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
