import { type DesignRecord, request } from "../api/client.ts";

/** The community API as these pages use it (the shared client keeps `request` and the error type). */

export type DesignSort = "new" | "top" | "trending";

export const DESIGN_STATUSES = [
  "submitted",
  "under_review",
  "shortlisted",
  "commercialized",
  "declined",
  "withdrawn",
] as const;

export interface DesignQuery {
  readonly pack?: string | undefined;
  readonly status?: string | undefined;
  readonly creator?: string | undefined;
  readonly challenge?: string | undefined;
  readonly sort?: DesignSort | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface DesignPage {
  readonly designs: DesignRecord[];
  readonly next: string | null;
}

export interface Lineage {
  readonly ancestors: DesignRecord[];
  readonly remixes: (DesignRecord & { readonly depth: number })[];
}

export interface Bill {
  readonly design: string;
  readonly pack: string;
  readonly packVersion: string;
  readonly currency: string;
  readonly price: number;
  readonly leadTime: number;
  readonly lines: { readonly sku: string; readonly label: string; readonly quantity: number }[];
}

export interface HistoryEntry {
  readonly id: number;
  readonly from: string | null;
  readonly to: string;
  readonly reason: string;
  readonly by: "creator" | "team";
  /** Who moved it (shown to the product team). */
  readonly actor?: string;
  readonly at: string;
}

export interface VoteResult {
  readonly design: string;
  readonly votes: number;
  readonly voted: boolean;
}

export interface Comment {
  readonly id: string;
  readonly design: string;
  readonly author: { readonly id: string; readonly name: string };
  readonly body: string;
  readonly createdAt: string;
}

export interface CommentPage {
  readonly comments: Comment[];
  readonly next: string | null;
}

export type ChallengeState = "upcoming" | "open" | "closed";

export interface Challenge {
  readonly id: string;
  readonly pack: string;
  readonly title: string;
  readonly brief: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly state: ChallengeState;
  readonly createdAt: string;
}

export interface ChallengeDetail extends Challenge {
  readonly entries: DesignRecord[];
  readonly entryCount: number;
  readonly winners: { readonly rank: number; readonly note: string; readonly design: DesignRecord }[];
}

interface DesignRef {
  readonly id: string;
  readonly title: string;
}

export interface CreatorProfile {
  readonly id: string;
  readonly name: string;
  readonly joined: string;
  readonly designs: (DesignRef & {
    readonly pack: string;
    readonly status: string;
    readonly votes: number;
    readonly remixes: number;
    readonly comments: number;
    readonly createdAt: string;
  })[];
  readonly credits: {
    readonly design: DesignRef;
    readonly commercialized: DesignRef & { readonly creator: { readonly id: string; readonly name: string } };
    readonly generations: number;
  }[];
  readonly totals: { readonly designs: number; readonly votes: number; readonly remixes: number };
}

/** `?a=1&b=2` from the defined, non-empty entries. */
export function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const at = (id: string) => `/api/designs/${encodeURIComponent(id)}`;

export const community = {
  designs: (query: DesignQuery) => request<DesignPage>("GET", `/api/designs${queryString({ ...query })}`),
  lineage: (id: string, token?: string | null) =>
    request<Lineage>("GET", `${at(id)}/lineage`, { token: token ?? null }),
  bill: (id: string, token?: string | null) => request<Bill>("GET", `${at(id)}/bom`, { token: token ?? null }),
  billCsvUrl: (id: string) => `${at(id)}/bom?format=csv`,
  history: (id: string, token: string) => request<{ history: HistoryEntry[] }>("GET", `${at(id)}/history`, { token }),
  vote: (id: string, token: string) => request<VoteResult>("POST", `${at(id)}/votes`, { token }),
  unvote: (id: string, token: string) => request<VoteResult>("DELETE", `${at(id)}/votes`, { token }),
  comments: (id: string, cursor?: string | null, token?: string | null) =>
    request<CommentPage>("GET", `${at(id)}/comments${queryString({ limit: 50, cursor: cursor ?? undefined })}`, {
      token: token ?? null,
    }),
  comment: (id: string, body: string, token: string) =>
    request<Comment>("POST", `${at(id)}/comments`, { token, body: { body } }),
  deleteComment: (id: string, commentId: string, token: string) =>
    request<Comment>("DELETE", `${at(id)}/comments/${encodeURIComponent(commentId)}`, { token }),
  challenges: (query: { pack?: string; state?: ChallengeState; limit?: number } = {}) =>
    request<{ challenges: Challenge[]; next: string | null }>(
      "GET",
      `/api/challenges${queryString({ limit: 100, ...query })}`,
    ),
  challenge: (id: string) => request<ChallengeDetail>("GET", `/api/challenges/${encodeURIComponent(id)}`),
  creator: (id: string) => request<CreatorProfile>("GET", `/api/creators/${encodeURIComponent(id)}`),
  rename: (name: string, token: string) =>
    request<CreatorProfile>("PATCH", "/api/creators/me", { token, body: { name } }),
};

/** Where "Remix" opens the configurator: the parent's pack version, with its choices and the parent link. */
export function remixHref(design: Pick<DesignRecord, "id" | "pack" | "packVersion">): string {
  return `/configure/${design.pack}${queryString({ version: design.packVersion, remix: design.id })}`;
}

/** Where "Enter this challenge" opens the configurator. */
export function enterHref(challenge: Pick<Challenge, "id" | "pack">): string {
  return `/configure/${challenge.pack}${queryString({ challenge: challenge.id })}`;
}
