import { defineConfig } from "vitest/config";

const api = ["packages/api/src/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      { test: { name: "rules", include: ["packages/rules/src/**/*.test.ts", "packages/rules/packs/**/*.test.ts"] } },
      {
        test: {
          name: "configurator",
          include: ["packages/configurator/src/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
        },
      },
      // The API suite runs twice: on embedded PGlite and on a real PostgreSQL server started on loopback.
      {
        test: {
          name: "api-pglite",
          include: api,
          env: { KITBASH_TEST_DB: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "api-postgres",
          include: api,
          env: { KITBASH_TEST_DB: "postgres" },
          globalSetup: ["packages/api/src/testing/postgres-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/build-setup.ts"],
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
