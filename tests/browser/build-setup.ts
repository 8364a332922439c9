import { execFileSync } from "node:child_process";

/** Vitest global setup for browser tests: build the configurator the API serves. */
export default function setup() {
  const root = new URL("../../", import.meta.url).pathname;
  execFileSync("pnpm", ["--filter", "@kitbash/configurator", "build"], { cwd: root, stdio: "pipe" });
}
