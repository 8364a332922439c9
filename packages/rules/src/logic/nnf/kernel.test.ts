import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileKernel, GENERATED, generatedModule } from "../../../scripts/build-kernel.ts";
import { KERNEL_WASM } from "./kernel-wasm.ts";

describe("the WebAssembly kernel", () => {
  it("is the compiled kernel/passes.ts (run `pnpm --filter @kitbash/rules build:kernel` after changing it)", async () => {
    const binary = await compileKernel();
    expect(readFileSync(GENERATED, "utf8")).toBe(generatedModule(binary));
  }, 60_000);

  it("stays under 4 KB, the most Chrome compiles synchronously on a page's main thread", () => {
    expect(Buffer.from(KERNEL_WASM, "base64").length).toBeLessThan(4096);
  });
});
