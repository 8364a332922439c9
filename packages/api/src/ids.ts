import { createHash, randomFillSync, timingSafeEqual } from "node:crypto";

/**
 * Random bytes drawn from the system's CSPRNG 4 KiB at a time: a submission needs three ids, and one
 * system call per id showed in profiles (as Node's randomUUID does, with its own entropy cache).
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

function random(bytes: number): Buffer {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  // Copied out, so the pool's bytes are never handed out twice.
  const out = Buffer.from(pool.subarray(used, used + bytes));
  used += bytes;
  return out;
}

/** A random, URL-safe id with a readable prefix (`d_`, `cr_`...). */
export function newId(prefix: string, bytes = 9): string {
  return `${prefix}_${random(bytes).toString("base64url")}`;
}

/** A secret token: 32 random bytes; only its hash is stored. */
export function newToken(prefix: "kb" | "ct"): string {
  return `${prefix}_${random(32).toString("base64url")}`;
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
