import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe id with a readable prefix (`d_`, `cr_`...). */
export function newId(prefix: string, bytes = 9): string {
  return `${prefix}_${randomBytes(bytes).toString("base64url")}`;
}

/** A secret token: 32 random bytes; only its hash is stored. */
export function newToken(prefix: "kb" | "ct"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** Tokens are long random strings, so a plain SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashToken(a));
  const y = Buffer.from(hashToken(b));
  return timingSafeEqual(x, y);
}
