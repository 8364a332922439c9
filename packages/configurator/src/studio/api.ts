import { ApiRequestError, type DesignRecord, type PackSummary, request } from "../api/client.ts";
import type { Challenge, HistoryEntry } from "../community/api.ts";

export type { Challenge, HistoryEntry };

/** The API as the Studio uses it: insights, review, challenges and exports, all with the team key. */

/** Which pack and which whole UTC days (YYYY-MM-DD, both included) the Studio looks at. */
export interface Scope {
  readonly pack: string;
  readonly from: string;
  readonly to: string;
}

interface Meta {
  readonly pack: string;
  readonly version: string | null;
  readonly from: string;
  readonly to: string;
}

export interface Popularity extends Meta {
  readonly designs: number;
  readonly variables: readonly {
    readonly variable: string;
    readonly label: string;
    readonly designs: number;
    readonly values: readonly { value: string; label: string; count: number; share: number }[];
  }[];
}

export interface PairItem {
  readonly variable: string;
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

interface Excluded {
  readonly commonValues: number;
  readonly forced: number;
}

export interface Pair {
  readonly a: PairItem;
  readonly b: PairItem;
  readonly count: number;
  readonly support: number;
  readonly lift: number;
  readonly ruleAwareLift: number;
  readonly confidence: { readonly aToB: number; readonly bToA: number };
  readonly linked: boolean;
}

export interface Pairs extends Meta {
  readonly designs: number;
  readonly minCount: number;
  readonly pairs: readonly Pair[];
  readonly excluded: Excluded;
}

export interface Bundle {
  readonly values: readonly PairItem[];
  readonly count: number;
  readonly support: number;
  readonly lift: number;
  readonly ruleAwareLift: number;
}

export interface Bundles extends Meta {
  readonly designs: number;
  readonly minCount: number;
  readonly bundles: readonly Bundle[];
  readonly excluded: Excluded;
}

export interface Counted {
  readonly id: string;
  readonly count: number;
}

export interface WantedChoice {
  readonly wanted: string;
  readonly label: string;
  readonly count: number;
  readonly sessions: number;
  readonly constraints: readonly (Counted & { readonly message: string })[];
  readonly blockedBy: readonly Counted[];
}

export interface WishTheme {
  readonly theme: string;
  readonly count: number;
  readonly sources: { readonly signals: number; readonly designWishes: number; readonly designToTen: number };
  readonly related: readonly { readonly term: string; readonly count: number }[];
  readonly examples: readonly { readonly source: "signal" | "wish" | "toTen"; readonly text: string }[];
}

export interface UnmetDemand extends Meta {
  readonly blocked: { readonly total: number; readonly sessions: number; readonly wanted: readonly WantedChoice[] };
  readonly wishes: {
    readonly total: number;
    readonly signals: number;
    readonly designWishes: number;
    readonly designToTen: number;
    readonly themes: readonly WishTheme[];
  };
}

export interface LeadPoints {
  readonly novelty: number;
  readonly votes: number;
  readonly remixes: number;
  readonly shortlisted: number;
  readonly commercialized: number;
}

export interface Lead {
  readonly creator: { readonly id: string; readonly name: string };
  readonly score: number;
  readonly components: {
    readonly designs: number;
    readonly novelty: number;
    readonly noveltyIndex: number;
    readonly votes: number;
    readonly remixesByOthers: number;
    readonly shortlisted: number;
    readonly commercialized: number;
  };
  readonly points: LeadPoints;
}

export interface LeadCustomers extends Meta {
  readonly formula: string;
  readonly weights: LeadPoints;
  readonly meanNovelty: number;
  readonly creators: readonly Lead[];
}

export interface ActivityDay {
  readonly day: string;
  readonly designs: number;
  readonly blocked: number;
  readonly wishes: number;
}

export interface Activity extends Meta {
  readonly totals: { readonly designs: number; readonly blocked: number; readonly wishes: number };
  readonly days: readonly ActivityDay[];
}

export interface NewChallenge {
  readonly pack: string;
  readonly title: string;
  readonly brief: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** Statuses awaiting a decision, and where each status may go next (the API's review workflow). */
export const AWAITING = ["submitted", "under_review", "shortlisted"] as const;
export const NEXT_STATUSES: Readonly<Record<string, readonly string[]>> = {
  submitted: ["under_review", "declined"],
  under_review: ["shortlisted", "declined"],
  shortlisted: ["commercialized", "declined"],
};

export type ExportKind = "designs" | "signals";
export type ExportFormat = "csv" | "ndjson";

/** `?a=1&b=2` from the defined, non-empty entries. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const insight = <T>(what: string, scope: Scope, key: string, extra: Record<string, number> = {}) =>
  request<T>("GET", `/api/insights/${scope.pack}/${what}${query({ from: scope.from, to: scope.to, ...extra })}`, {
    token: key,
  });

const design = (id: string) => `/api/designs/${encodeURIComponent(id)}`;

export const studioApi = {
  packs: () => request<{ packs: PackSummary[] }>("GET", "/api/packs"),
  bundle: (pack: string, version: string) =>
    request<{ pack: unknown; bases: unknown[] }>("GET", `/api/packs/${pack}/bundle${query({ version })}`),
  /** A cheap call only product teams may make: 401 for an unknown key, 403 for a key of another role. */
  verifyKey: (key: string) => request<unknown>("GET", "/api/review/queue?limit=1", { token: key }),
  popularity: (scope: Scope, key: string) => insight<Popularity>("popularity", scope, key),
  pairs: (scope: Scope, key: string) => insight<Pairs>("pairs", scope, key, { limit: 200 }),
  bundles: (scope: Scope, key: string) => insight<Bundles>("bundles", scope, key, { limit: 20 }),
  demand: (scope: Scope, key: string) => insight<UnmetDemand>("unmet-demand", scope, key, { limit: 15 }),
  leads: (scope: Scope, key: string) => insight<LeadCustomers>("lead-customers", scope, key, { limit: 25 }),
  activity: (scope: Scope, key: string) => insight<Activity>("activity", scope, key),
  queue: (params: { pack: string; status?: string | undefined; cursor?: string | null }, key: string) =>
    request<{ designs: DesignRecord[]; next: string | null }>(
      "GET",
      `/api/review/queue${query({ pack: params.pack, status: params.status, cursor: params.cursor, limit: 20 })}`,
      { token: key },
    ),
  design: (id: string, key: string) => request<DesignRecord>("GET", design(id), { token: key }),
  history: (id: string, key: string) =>
    request<{ history: HistoryEntry[] }>("GET", `${design(id)}/history`, { token: key }),
  review: (id: string, status: string, reason: string, key: string) =>
    request<DesignRecord>("POST", `${design(id)}/review`, { token: key, body: { status, reason } }),
  challenges: (pack: string) =>
    request<{ challenges: Challenge[]; next: string | null }>("GET", `/api/challenges${query({ pack, limit: 50 })}`),
  createChallenge: (challenge: NewChallenge, key: string) =>
    request<Challenge>("POST", "/api/challenges", { token: key, body: challenge }),
  /** Fetches an export with the key (a plain link could not send it) and saves it as a file. */
  download: async (kind: ExportKind, format: ExportFormat, scope: Scope, key: string): Promise<string> => {
    const response = await fetch(
      `/api/exports/${kind}.${format}${query({ pack: scope.pack, from: scope.from, to: scope.to })}`,
      { headers: { authorization: `Bearer ${key}` } },
    );
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      const error = body?.error ?? { code: "http_error", message: response.statusText };
      throw new ApiRequestError(response.status, error.code, error.message, error.details);
    }
    const disposition = response.headers.get("content-disposition") ?? "";
    const file = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${kind}-${scope.pack.replace("/", "-")}.${format}`;
    saveBlob(await response.blob(), file);
    return file;
  },
};

function saveBlob(blob: Blob, file: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The message to show for a failure: the API's own words when it sent some. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** 401 (unknown or revoked key) or 403 (a key of another role). */
export function isRefused(error: unknown): boolean {
  return error instanceof ApiRequestError && (error.status === 401 || error.status === 403);
}
