import { type Design, SPACE_FORMAT } from "@kitbash/rules";

/** The API's one error shape. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface PackSummary {
  readonly id: string;
  readonly version: string;
  readonly versions: readonly string[];
  readonly name: string | Record<string, string>;
  readonly description: string | Record<string, string> | null;
  readonly extends: { pack: string; version: string } | null;
}

export interface DesignRecord {
  readonly id: string;
  readonly pack: string;
  readonly packVersion: string;
  readonly creator: { readonly id: string; readonly name: string };
  readonly title: string;
  readonly story: string;
  readonly fit: number;
  readonly toTen: string;
  readonly wish: string | null;
  readonly choices: Design;
  readonly price: number;
  readonly currency: string;
  readonly leadTime: number;
  readonly licence: string;
  readonly parent: string | null;
  readonly challenge: string | null;
  readonly status: string;
  readonly votes: number;
  readonly remixes: number;
  readonly comments: number;
  readonly thumbnail: string | null;
  /** With a creator token: whether that creator voted for it. */
  readonly voted?: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Submission {
  readonly pack: string;
  readonly version: string;
  readonly choices: Design;
  readonly title: string;
  readonly story: string;
  readonly fit: number;
  readonly toTen: string;
  readonly wish?: string;
  readonly thumbnail?: string;
  readonly licence: string;
  readonly parent?: string;
  readonly challenge?: string;
  readonly creatorName?: string;
}

/** fetch against the API with a bearer token; failures become ApiRequestError with the API's message. */
export async function request<T>(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const body = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = body?.error ?? { status: response.status, code: "http_error", message: response.statusText };
    throw new ApiRequestError(response.status, error.code, error.message, error.details);
  }
  return body as T;
}

export const api = {
  packs: () => request<{ packs: PackSummary[] }>("GET", "/api/packs"),
  bundle: (id: string, version?: string) =>
    request<{ pack: unknown; bases: unknown[] }>(
      "GET",
      `/api/packs/${id}/bundle${version ? `?version=${encodeURIComponent(version)}` : ""}`,
    ),
  /** The pack version's compiled space, or null when the server has none (the engine then compiles). */
  space: async (id: string, version: string): Promise<Uint8Array | null> => {
    const query = `version=${encodeURIComponent(version)}&format=${SPACE_FORMAT}`;
    const response = await fetch(`/api/packs/${id}/space?${query}`).catch(() => null);
    return response?.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  },
  design: (id: string, token?: string | null) =>
    request<DesignRecord>("GET", `/api/designs/${id}`, { token: token ?? null }),
  submit: (submission: Submission, token: string | null, idempotencyKey: string) =>
    request<{ design: DesignRecord; creatorToken?: string }>("POST", "/api/designs", {
      token,
      body: submission,
      headers: { "idempotency-key": idempotencyKey },
    }),
  signal: (signal: unknown) => request<{ id: number }>("POST", "/api/signals", { body: signal }),
};
