import { randomBytes } from "node:crypto";
import { type Browser, chromium, type Page } from "playwright-core";
import { configSchema, type RunningServer, startServer } from "@kitbash/api";

/** Flags that let Debian's Chromium render WebGL headless with SwiftShader, without network chatter. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export interface Product {
  readonly server: RunningServer;
  readonly adminKey: string;
  readonly url: string;
  /** Calls the API from the test, as a product team or a creator would; throws on a status other than 2xx. */
  call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** The real product: API + configurator on an in-memory PGlite database with the example packs. */
export async function startProduct(): Promise<Product> {
  const adminKey = `kb_${randomBytes(24).toString("base64url")}`;
  const config = configSchema.parse({ PORT: "0", KITBASH_ADMIN_KEY: adminKey, KITBASH_DATA_DIR: "memory" });
  const server = await startServer(config);
  const call = async <T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        // The server shares this process's event loop: while a test computes (compiling a pack takes seconds on a
        // busy machine), its keep-alive timeout can close an idle connection just as fetch reuses it (ECONNRESET).
        connection: "close",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { server, adminKey, url: server.url, call, close: () => server.close() };
}

/** Collects page errors so a test can assert the page never threw. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/**
 * Reads the canvas back from the WebGL drawing buffer (needs ?preserve=1) and keeps it in the page as the
 * reference for `changedPixels`. Returns how many pixels differ from the corner pixel (the background).
 */
export async function keepCanvasPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector("canvas");
    const gl = canvas?.getContext("webgl2") ?? canvas?.getContext("webgl");
    if (!canvas || !gl) throw new Error("no WebGL canvas");
    const pixels = new Uint8Array(canvas.width * canvas.height * 4);
    gl.readPixels(0, 0, canvas.width, canvas.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    (window as unknown as { keptPixels: Uint8Array }).keptPixels = pixels;
    let drawn = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if ([0, 1, 2].some((c) => Math.abs(pixels[i + c]! - pixels[c]!) > 16)) drawn++;
    return drawn;
  });
}

/** How many canvas pixels differ (by more than 16 in a channel) from those kept by `keepCanvasPixels`. */
export async function changedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const kept = (window as unknown as { keptPixels: Uint8Array }).keptPixels;
    const canvas = document.querySelector("canvas");
    const gl = canvas?.getContext("webgl2") ?? canvas?.getContext("webgl");
    if (!canvas || !gl) throw new Error("no WebGL canvas");
    const pixels = new Uint8Array(canvas.width * canvas.height * 4);
    gl.readPixels(0, 0, canvas.width, canvas.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    if (pixels.length !== kept.length) return pixels.length / 4;
    let changed = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if ([0, 1, 2].some((c) => Math.abs(pixels[i + c]! - kept[i + c]!) > 16)) changed++;
    return changed;
  });
}
