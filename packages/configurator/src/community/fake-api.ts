import { vi } from "vitest";
import type { DesignRecord } from "../api/client.ts";

/** A request as the fake API saw it. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly token: string | null;
  readonly params: Record<string, string>;
}

/** An answer with a status other than 200, or not JSON (plain values answer 200 as JSON). */
export class Reply {
  constructor(
    readonly status: number,
    /** Strings are sent as they are; anything else as JSON. */
    readonly body: unknown,
    readonly headers: Record<string, string> = { "content-type": "application/json" },
  ) {}
}

export const apiError = (status: number, code: string, message: string) =>
  new Reply(status, { error: { status, code, message, details: null } });

type Handler = (request: FakeRequest) => unknown;

/**
 * Stubs `fetch` with a small in-memory API for component tests: routes like "GET /api/designs/:id" map to
 * handlers; anything else answers 404 in the API's error shape. Every request is recorded in `calls`.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: FakeRequest[] = [];
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ") as [string, string];
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
    const headers = new Headers(init.headers);
    const token = headers.get("authorization")?.replace(/^Bearer\s+/, "") ?? null;
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    for (const route of table) {
      const match = route.method === method ? route.regex.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      const request: FakeRequest = { method, path: url.pathname, query: url.searchParams, body, token, params };
      calls.push(request);
      const answer = await route.handler(request);
      const reply = answer instanceof Reply ? answer : new Reply(200, answer);
      const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      return new Response(text, { status: reply.status, headers: reply.headers });
    }
    calls.push({ method, path: url.pathname, query: url.searchParams, body, token, params: {} });
    return json(404, { error: { status: 404, code: "not_found", message: `there is no ${method} ${url.pathname}` } });
  });
  vi.stubGlobal("fetch", fetch);
  return {
    calls,
    fetch,
    to: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

let serial = 0;

/** A stored design as the API returns it; override what the test is about. */
export function designRecord(overrides: Partial<DesignRecord> = {}): DesignRecord {
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
    createdAt: "2030-01-02T10:00:00.000Z",
    updatedAt: "2030-01-02T10:00:00.000Z",
    ...overrides,
  };
}
