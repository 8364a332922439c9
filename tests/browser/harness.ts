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
  close(): Promise<void>;
}

/** The real product: API + configurator on an in-memory PGlite database with the example packs. */
export async function startProduct(): Promise<Product> {
  const adminKey = `kb_${randomBytes(24).toString("base64url")}`;
  const config = configSchema.parse({ PORT: "0", KITBASH_ADMIN_KEY: adminKey, KITBASH_DATA_DIR: "memory" });
  const server = await startServer(config);
  return { server, adminKey, url: server.url, close: () => server.close() };
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

/** The average RGB of the canvas, read back from the WebGL drawing buffer (needs ?preserve=1). */
export async function canvasColour(page: Page): Promise<[number, number, number]> {
  return page.evaluate(() => {
    const canvas = document.querySelector("canvas");
    const gl = canvas?.getContext("webgl2") ?? canvas?.getContext("webgl");
    if (!canvas || !gl) throw new Error("no WebGL canvas");
    const { width, height } = canvas;
    const pixels = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    const sum = [0, 0, 0];
    for (let i = 0; i < pixels.length; i += 4) {
      sum[0]! += pixels[i]!;
      sum[1]! += pixels[i + 1]!;
      sum[2]! += pixels[i + 2]!;
    }
    const n = pixels.length / 4;
    return [sum[0]! / n, sum[1]! / n, sum[2]! / n] as [number, number, number];
  });
}
