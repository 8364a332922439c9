import { and, eq, isNull } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import type { Database } from "../db/store.ts";
import { apiKeys, creators } from "../db/schema.ts";
import { ApiError } from "../errors.ts";
import { hashToken, sameSecret } from "../ids.ts";

export type Role = "admin" | "team" | "partner";

export type Identity =
  | { readonly kind: "anonymous" }
  | { readonly kind: "creator"; readonly creatorId: string }
  | { readonly kind: "key"; readonly keyId: string; readonly role: Role; readonly namespace: string | null };

export interface IdentityEnv {
  Variables: { identity: Identity };
}

const CACHE_MS = 30_000;
const CACHE_SIZE = 10_000;

/**
 * Resolves `Authorization: Bearer <token>` into an identity: an API key (`kb_...`, or the admin key)
 * or a creator token (`ct_...`). Lookups are cached for 30 s, so a revoked key stops working within that.
 */
export function identify(db: Database, adminKey: string): MiddlewareHandler<IdentityEnv> {
  const cache = new Map<string, { identity: Identity; until: number }>();
  const lookup = async (token: string): Promise<Identity | undefined> => {
    if (sameSecret(token, adminKey)) return { kind: "key", keyId: "admin", role: "admin", namespace: null };
    const hash = hashToken(token);
    if (token.startsWith("kb_")) {
      const [key] = await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)))
        .limit(1);
      return key && { kind: "key", keyId: key.id, role: key.role, namespace: key.namespace };
    }
    if (token.startsWith("ct_")) {
      const [creator] = await db
        .select({ id: creators.id })
        .from(creators)
        .where(eq(creators.tokenHash, hash))
        .limit(1);
      return creator && { kind: "creator", creatorId: creator.id };
    }
    return undefined;
  };
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (header === undefined) {
      c.set("identity", { kind: "anonymous" });
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError(401, "unauthenticated", 'the Authorization header must be "Bearer <token>"');
    const token = match[1]!;
    const now = Date.now();
    let cached = cache.get(token);
    if (cached === undefined || cached.until < now) {
      const identity = await lookup(token);
      if (identity === undefined) throw new ApiError(401, "unauthenticated", "the token is unknown or revoked");
      if (cache.size >= CACHE_SIZE) cache.clear();
      cached = { identity, until: now + CACHE_MS };
      cache.set(token, cached);
    }
    c.set("identity", cached.identity);
    return next();
  };
}

/**
 * The caller's API key, which must have one of `roles`: 401 without a token (who are you?), 403 with
 * a creator token or a key of another role (known, but not allowed).
 */
export function requireKey(c: Context<IdentityEnv>, ...roles: Role[]): Extract<Identity, { kind: "key" }> {
  const identity = c.get("identity");
  if (identity.kind === "anonymous")
    throw new ApiError(401, "unauthenticated", `this needs an API key (${roles.join(" or ")})`);
  if (identity.kind === "creator")
    throw new ApiError(403, "forbidden", `this needs a ${roles.join(" or ")} key, not a creator token`);
  if (identity.role !== "admin" && !roles.includes(identity.role)) {
    throw new ApiError(403, "forbidden", `this needs a ${roles.join(" or ")} key; yours is a ${identity.role} key`);
  }
  return identity;
}

/** The calling creator: 401 without a token, 403 with an API key (keys act for teams, not creators). */
export function requireCreator(
  c: Context<IdentityEnv>,
  forbidden = "this is for creators, with their creator token",
): string {
  const identity = c.get("identity");
  if (identity.kind === "key") throw new ApiError(403, "forbidden", forbidden);
  if (identity.kind !== "creator")
    throw new ApiError(
      401,
      "unauthenticated",
      "this needs your creator token (you receive it with your first submission)",
    );
  return identity.creatorId;
}
