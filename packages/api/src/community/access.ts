import type { Context } from "hono";
import { type Identity, type IdentityEnv, requireCreator, requireKey } from "../auth/identity.ts";

/** The calling creator: 401 without a token, 403 with an API key. */
export function creatorOnly(c: Context<IdentityEnv>, message: string): string {
  return requireCreator(c, message);
}

/** The calling team (or admin) key: 401 without a token, 403 with a creator token or partner key. */
export function teamOnly(c: Context<IdentityEnv>) {
  return requireKey(c, "team");
}

/** Product teams (and the admin) decide on designs, moderate comments and see review history. */
export function isTeam(identity: Identity): boolean {
  return identity.kind === "key" && (identity.role === "team" || identity.role === "admin");
}
