import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deskPack, submission } from "./testing/fixtures.ts";
import { adminKeyFor, spawnServer } from "./testing/process.ts";
import { freshDatabase } from "./testing/server.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The same data on every start: a PGlite folder, or a database on the project's PostgreSQL server. */
async function storage(): Promise<Record<string, string>> {
  if (process.env.KITBASH_TEST_DB === "postgres") return { DATABASE_URL: await freshDatabase() };
  const dir = mkdtempSync(join(tmpdir(), "kitbash-data-"));
  dirs.push(dir);
  return { KITBASH_DATA_DIR: dir };
}

/** Retries a request that fails at the network level: a server still compiling packs may drop an idle socket. */
async function patiently(request: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

const post = (url: string, path: string, body: unknown, token?: string) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe("reliability", () => {
  it("never loses a submission acknowledged with 201, even when the server is killed mid-stream", async () => {
    const env = {
      ...(await storage()),
      KITBASH_ADMIN_KEY: adminKeyFor(),
      KITBASH_RATE_LIMIT: "100000",
      KITBASH_RATE_LIMIT_ADDRESS: "100000",
    };
    const first = await spawnServer(env);
    expect((await patiently(() => post(first.url, "/api/packs", deskPack, env.KITBASH_ADMIN_KEY))).status).toBe(201);
    const acknowledged: string[] = [];
    let stop = false;
    const stream = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await post(first.url, "/api/designs", submission({ title: `w${worker}-${i}` }));
          if (response.status === 201)
            acknowledged.push(((await response.json()) as { design: { id: string } }).design.id);
        } catch {
          return; // the connection died with the server: not acknowledged
        }
      }
    };
    const workers = [0, 1, 2, 3].map(stream);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(workers);
    expect(await first.exited).toBe("SIGKILL");

    const second = await spawnServer(env);
    try {
      const missing: string[] = [];
      for (const id of acknowledged) {
        const response = await patiently(() => fetch(`${second.url}/api/designs/${id}`));
        if (response.status !== 200) missing.push(id);
      }
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);
      expect(missing).toEqual([]);
      const page = (await (await patiently(() => fetch(`${second.url}/api/designs?limit=100`))).json()) as {
        designs: unknown[];
      };
      expect(page.designs.length).toBeGreaterThanOrEqual(Math.min(acknowledged.length, 100));
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 180_000);

  it("shuts down gracefully on SIGTERM: requests in flight finish, then the process exits cleanly", async () => {
    const env = { ...(await storage()), KITBASH_ADMIN_KEY: adminKeyFor() };
    const server = await spawnServer(env);
    expect((await post(server.url, "/api/packs", deskPack, env.KITBASH_ADMIN_KEY)).status).toBe(201);
    const inFlight = Array.from({ length: 8 }, (_, i) =>
      post(server.url, "/api/designs", submission({ title: `last ${i}` })).then((r) => r.status),
    );
    await new Promise((r) => setTimeout(r, 20));
    server.child.kill("SIGTERM");
    const statuses = await Promise.all(inFlight.map((p) => p.catch(() => "refused" as const)));
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 201 || s === "refused")).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.output.join("")).toContain("SIGTERM: finishing requests in flight");
  }, 120_000);
});
