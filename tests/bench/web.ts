import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, startProduct } from "../browser/harness.ts";

/**
 * `pnpm bench:web`: in headless Chromium with SwiftShader at 1280x720, on the largest example pack:
 * navigation to an interactive 3D view, click to updated frame (back to back, and at a customer's pace),
 * frames per second while orbiting, and the JavaScript (gzip) downloaded before the first render; beside
 * an empty R3F scene measured in the same run. Measured once the server has compiled its packs and the
 * browser has loaded each page once (a customer's browser is running already), in ROUNDS rounds that
 * alternate which page goes first; the figures are medians over the rounds (clicks: over every click of
 * every round).
 */
const ROOT = new URL("../../", import.meta.url).pathname;
const DIST = `${ROOT}packages/configurator/dist`;
const CLICKS = Number(process.env.CLICKS ?? 40);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/**
 * A customer looks at each answer before the next click. Back to back, the next click finds the renderer still
 * busy with the last frames, and the view stays at its quick resolution (see the Viewer): that hides the two
 * canvas resizes (to the quick resolution and back) that a paced click causes.
 */
const PACE_MS = 300;

execFileSync("pnpm", ["--filter", "@kitbash/configurator", "build"], { cwd: ROOT, stdio: "ignore" });
const product = await startProduct();
await product.server.warmed;
const browser = await launchChromium();
try {
  const pack = await largestPack(product.url);
  console.log(`pack: ${pack.id} (${pack.variables} variables); viewport 1280x720; SwiftShader WebGL`);
  console.log(`medians of ${ROUNDS} rounds after a warm-up round\n`);
  const pages = {
    app: { url: `${product.url}/configure/${pack.id}?preserve=1`, clicks: true },
    empty: { url: `${product.url}/bench/empty.html`, clicks: false },
  };
  for (const { url } of Object.values(pages)) await (await openInteractive(browser, url)).close();
  const rounds: { app: Measures; empty: Measures }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (["app", "empty"] as const) : (["empty", "app"] as const);
    const measured: Partial<Record<"app" | "empty", Measures>> = {};
    for (const name of order) measured[name] = await measure(browser, pages[name].url, pages[name].clicks);
    rounds.push(measured as { app: Measures; empty: Measures });
  }
  const app = combine(rounds.map((r) => r.app));
  const empty = combine(rounds.map((r) => r.empty));
  const row = (name: string, a: string, b: string) =>
    console.log(`${name.padEnd(36)} ${a.padStart(14)} ${b.padStart(16)}`);
  row("", "configurator", "empty R3F scene");
  row("navigation to interactive 3D view", ms(app.interactive), ms(empty.interactive));
  row("first render (first contentful paint)", ms(app.firstPaint), ms(empty.firstPaint));
  row("JavaScript before first render (gzip)", kb(app.javascript), kb(empty.javascript));
  row("JavaScript in all (gzip)", kb(app.allJavascript), kb(empty.allJavascript));
  row("click to updated frame, median", ms(percentile(app.clicks, 0.5)), "–");
  row("click to updated frame, p95", ms(percentile(app.clicks, 0.95)), "–");
  row(`  ${PACE_MS} ms after the last frame, median`, ms(percentile(app.pacedClicks, 0.5)), "–");
  row(`  ${PACE_MS} ms after the last frame, p95`, ms(percentile(app.pacedClicks, 0.95)), "–");
  row("frames per second while orbiting", app.fps.toFixed(1), empty.fps.toFixed(1));
  console.log(
    `\nper round (configurator / empty): interactive ${rounds.map((r) => `${ms(r.app.interactive)} / ${ms(r.empty.interactive)}`).join(", ")}`,
  );
  console.log(
    `per round (configurator / empty): fps ${rounds.map((r) => `${r.app.fps.toFixed(1)} / ${r.empty.fps.toFixed(1)}`).join(", ")}`,
  );
} finally {
  await browser.close();
  await product.close();
}

/** Medians over rounds; click times pooled. */
function combine(rounds: readonly Measures[]): Measures {
  const median = (pick: (m: Measures) => number) => percentile(rounds.map(pick), 0.5);
  return {
    interactive: median((m) => m.interactive),
    firstPaint: median((m) => m.firstPaint),
    javascript: median((m) => m.javascript),
    allJavascript: median((m) => m.allJavascript),
    clicks: rounds.flatMap((m) => m.clicks),
    pacedClicks: rounds.flatMap((m) => m.pacedClicks),
    fps: median((m) => m.fps),
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

interface Measures {
  interactive: number;
  firstPaint: number;
  javascript: number;
  allJavascript: number;
  /** Milliseconds from each click to the frame that shows it. */
  clicks: number[];
  /** The same, each click PACE_MS after the frame that showed the last one (after those, so never a page's first). */
  pacedClicks: number[];
  fps: number;
}

/** A fresh browser context with the page at `url` loaded up to its interactive 3D view. */
async function openInteractive(browser: Browser, url: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // tsx keeps function names with esbuild's __name helper; functions sent to the page need it too.
  await page.addInitScript("globalThis.__name = (fn) => fn;");
  page.on("pageerror", (error) => console.error(`page error on ${url}: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("kitbash:interactive").length > 0, undefined, {
    timeout: 60_000,
  });
  return context;
}

async function measure(browser: Browser, url: string, clicks: boolean): Promise<Measures> {
  const context = await openInteractive(browser, url);
  const page = context.pages()[0]!;
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
    const scripts = performance
      .getEntriesByType("resource")
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"));
    return {
      interactive: performance.getEntriesByName("kitbash:interactive")[0]!.startTime,
      firstPaint: paint,
      before: scripts.filter((e) => e.startTime < paint).map((e) => new URL(e.name).pathname),
      all: scripts.map((e) => new URL(e.name).pathname),
    };
  });
  const entry = new URL(url).pathname.endsWith(".html") ? url : new URL("/", url).href;
  const html = await (await fetch(entry)).text();
  const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gzip = (paths: readonly string[]) =>
    [...new Set(paths)].reduce((sum, path) => sum + gzipSync(readFileSync(`${DIST}${path}`)).length, 0);
  const result: Measures = {
    interactive: timing.interactive,
    firstPaint: timing.firstPaint,
    // What the HTML loads and preloads: everything the first render needs (the rest is split off).
    javascript: gzip(initial),
    allJavascript: gzip([...initial, ...timing.all]),
    clicks: clicks ? await clickLatency(page, 0) : [],
    pacedClicks: clicks ? await clickLatency(page, PACE_MS) : [],
    fps: await orbitFps(page),
  };
  await context.close();
  return result;
}

/**
 * Clicks options and times each click to the first frame drawn after the summary shows the new answer, waiting
 * `pause` ms after each.
 */
async function clickLatency(page: Page, pause: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const elapsed = await page.evaluate(async (n) => {
      const options = [
        ...document.querySelectorAll<HTMLInputElement>(
          "[role=tabpanel] .option:not(.option--blocked) input:not(:checked)",
        ),
      ];
      if (options.length === 0) return Number.NaN;
      const input = options[n % options.length]!;
      const summary = document.querySelector(".summary")!;
      return new Promise<number>((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          // The next frame after React commits draws the updated scene.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
        });
        observer.observe(summary, { subtree: true, childList: true, characterData: true, attributes: true });
        input.click();
        setTimeout(() => {
          observer.disconnect();
          resolve(Number.NaN);
        }, 5000);
      });
    }, i);
    if (Number.isFinite(elapsed)) times.push(elapsed);
    if (pause > 0) await page.waitForTimeout(pause);
    if (i % 10 === 9)
      await page
        .getByRole("tab")
        .nth((i / 10) % (await page.getByRole("tab").count()))
        .click()
        .catch(() => {});
  }
  return times;
}

/** Drags across the canvas for three seconds and counts animation frames. */
async function orbitFps(page: Page): Promise<number> {
  if ((await page.locator("canvas").count()) === 0) await page.screenshot({ path: "/tmp/bench-web.png" });
  const box = (await page.locator("canvas").first().boundingBox({ timeout: 10_000 }))!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window as unknown as { frames: number; counting: boolean };
    w.frames = 0;
    w.counting = true;
    const tick = () => {
      if (!w.counting) return;
      w.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 0; Date.now() - started < 3000; step++)
    await page.mouse.move(x + Math.sin(step / 10) * 200, y + Math.cos(step / 13) * 60);
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames: number; counting: boolean };
    w.counting = false;
    return w.frames;
  });
  return frames / ((Date.now() - started) / 1000);
}

async function largestPack(url: string): Promise<{ id: string; variables: number }> {
  const { packs } = (await (await fetch(`${url}/api/packs`)).json()) as { packs: { id: string }[] };
  let best = { id: "", variables: -1 };
  for (const { id } of packs) {
    const bundle = (await (await fetch(`${url}/api/packs/${id}/bundle`)).json()) as {
      pack: { variables?: unknown[]; modules?: { variables?: unknown[]; max: number }[] };
      bases: (typeof bundle.pack)[];
    };
    const count = (p: typeof bundle.pack) =>
      (p.variables?.length ?? 0) + (p.modules ?? []).reduce((n, m) => n + m.max * (1 + (m.variables?.length ?? 0)), 0);
    const variables = count(bundle.pack) + (bundle.bases[0] ? count(bundle.bases[0]) : 0);
    if (variables > best.variables) best = { id, variables };
  }
  return best;
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(0)} ms` : "–";
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} kB`;
}
