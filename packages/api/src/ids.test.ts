import { describe, expect, it } from "vitest";
import { hashToken, newId, newToken, sameSecret } from "./ids.ts";

describe("ids and tokens", () => {
  it("are URL-safe, prefixed, and never repeat across many pool refills", () => {
    const seen = new Set<string>();
    // 20,000 ids of 9 bytes and tokens of 32 bytes span dozens of 4 KiB pool refills.
    for (let i = 0; i < 10_000; i++) {
      seen.add(newId("d"));
      seen.add(newToken("ct"));
    }
    expect(seen.size).toBe(20_000);
    for (const value of [...seen].slice(0, 50)) expect(value).toMatch(/^(d_[A-Za-z0-9_-]{12}|ct_[A-Za-z0-9_-]{43})$/);
  });

  it("compares secrets by their hashes", () => {
    const token = newToken("kb");
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token, newToken("kb"))).toBe(false);
    expect(hashToken(token)).not.toContain(token.slice(3));
  });
});
