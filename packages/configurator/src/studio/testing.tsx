import { readFileSync } from "node:fs";
import { type RenderResult, render } from "@testing-library/react";
import type { StoreApi } from "zustand/vanilla";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import type { DesignRecord } from "../api/client.ts";
import { type AppState, createAppStore } from "../app/app-store.ts";
import { AppProvider } from "../app/context.tsx";
import { designRecord } from "../community/fake-api.ts";
import StudioPage from "../pages/StudioPage.tsx";
import { clearStudioCache } from "./useLoad.ts";

/** Test helpers: a small in-memory fake of the API's fetch, and the Studio page rendered as the app does. */

export { apiError, type FakeRequest, fakeApi as fakeFetch, Reply } from "../community/fake-api.ts";

const shelving = JSON.parse(readFileSync(`${import.meta.dirname}/../../../rules/packs/acme-shelving.json`, "utf8")) as {
  name: unknown;
  description: unknown;
};

/** The pack list and the shelving pack's bundle, as the Studio loads them first. */
export const packRoutes = {
  "GET /api/packs": () => ({
    packs: [
      {
        id: "acme/shelving",
        version: "1.0.0",
        versions: ["1.0.0"],
        name: shelving.name,
        description: shelving.description,
        extends: null,
      },
    ],
  }),
  "GET /api/packs/acme/shelving/bundle": () => ({ pack: shelving, bases: [] }),
};

/** Renders the Studio page at `path` (default /studio) with a team key (or none) and a language. */
export function renderStudio(
  options: { teamKey?: string | null; language?: string; path?: string } = {},
): RenderResult & { store: StoreApi<AppState>; location: ReturnType<typeof memoryLocation> & { history?: string[] } } {
  localStorage.clear();
  clearStudioCache();
  const store = createAppStore();
  store.setState({ language: options.language ?? "en", teamKey: options.teamKey ?? null });
  const location = memoryLocation({ path: options.path ?? "/studio", record: true });
  const result = render(
    <AppProvider store={store}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <StudioPage />
      </Router>
    </AppProvider>,
  );
  return { ...result, store, location };
}

/** A stored design as the API returns it, made inside the Studio's default time window of the tests. */
export const design = (overrides: Partial<DesignRecord> = {}): DesignRecord =>
  designRecord({ createdAt: "2026-03-01T10:00:00.000Z", updatedAt: "2026-03-01T10:00:00.000Z", ...overrides });
