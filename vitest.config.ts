import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "rules", include: ["packages/rules/src/**/*.test.ts", "packages/rules/packs/**/*.test.ts"] } },
    ],
  },
});
