import { readFileSync } from "node:fs";
import { type RenderResult, render } from "@testing-library/react";
import type { StoreApi } from "zustand/vanilla";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { vi } from "vitest";
import type { DesignRecord } from "../api/client.ts";
import { type AppState, createAppStore } from "../app/app-store.ts";
import { AppProvider } from "../app/context.tsx";
import StudioPage from "../pages/StudioPage.tsx";
import { clearStudioCache } from "./useLoad.ts";

/** Test helpers: a small in-memory fake of the API's fetch, and the Studio page rendered as the app does. */

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly token: string | null;
  readonly params: Record<string, string>;
}

/** An answer with a status other than 200 (anything else answers 200 as JSON). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = { "content-type": "application/json" },
  ) {}
}

export const apiError = (status: number, code: string, message: string) =>
  new Reply(status, { error: { status, code, message, details: null } });

/**
 * Stubs `fetch`: "GET /api/designs/:id" style routes map to handlers; anything else answers 404 in the
 * API's error shape. Every request is recorded.
 */
export function fakeFetch(routes: Record<string, (request: FakeRequest) => unknown>) {
  const calls: FakeRequest[] = [];
  const table = Object.entries(routes).map(([route, handler]) => {
    const [method, pattern] = route.split(" ") as [string, string];
    const names: string[] = [];
    const regex = new RegExp(
      `^${pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      })}$`,
    );
    return { method, regex, names, handler };
  });
  const fetch = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://kitbash.test");
    const method = init.method ?? "GET";
    const token = new Headers(init.headers).get("authorization")?.replace(/^Bearer\s+/, "") ?? null;
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    for (const route of table) {
      const match = route.method === method ? route.regex.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      const request = { method, path: url.pathname, query: url.searchParams, body, token, params };
      calls.push(request);
      const answer = await route.handler(request);
      const reply = answer instanceof Reply ? answer : new Reply(200, answer);
      const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      return new Response(text, { status: reply.status, headers: reply.headers });
    }
    calls.push({ method, path: url.pathname, query: url.searchParams, body, token, params: {} });
    return new Response(
      JSON.stringify({ error: { status: 404, code: "not_found", message: `there is no ${method} ${url.pathname}` } }),
      { status: 404, headers: { "content-type": "application/json" } },
    );
  });
  vi.stubGlobal("fetch", fetch);
  return {
    calls,
    fetch,
    to: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

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

let serial = 0;

/** A stored design as the API returns it; override what the test is about. */
export function design(overrides: Partial<DesignRecord> = {}): DesignRecord {
  serial++;
  return {
    id: `d_test${String(serial).padStart(4, "0")}`,
    pack: "acme/shelving",
    packVersion: "1.0.0",
    creator: { id: "cr_alice0001", name: "Alice" },
    title: `Design ${serial}`,
    story: "For the books in the hallway.",
    fit: 8,
    toTen: "Narrower shelves.",
    wish: null,
    choices: {},
    price: 640,
    currency: "EUR",
    leadTime: 14,
    licence: "CC-BY-4.0",
    parent: null,
    challenge: null,
    status: "submitted",
    votes: 0,
    remixes: 0,
    comments: 0,
    thumbnail: null,
    createdAt: "2026-03-01T10:00:00.000Z",
    updatedAt: "2026-03-01T10:00:00.000Z",
    ...overrides,
  };
}
