import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ApiError } from "./errors.ts";
import type { PackRegistry } from "./packs/registry.ts";

/** The example packs shipped with the engine. */
export const EXAMPLE_PACKS = new URL("../../rules/packs/", import.meta.url).pathname;

/** Publishes the example packs that are not published yet (bases before the packs that extend them). */
export async function seedPacks(registry: PackRegistry, directory = EXAMPLE_PACKS): Promise<string[]> {
  const bodies = readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .map(
      (name) =>
        JSON.parse(readFileSync(join(directory, name), "utf8")) as { id: string; version: string; extends?: unknown },
    );
  bodies.sort((a, b) => Number(a.extends !== undefined) - Number(b.extends !== undefined));
  const published: string[] = [];
  for (const body of bodies) {
    try {
      await registry.publish(body, null, "seed");
      published.push(`${body.id}@${body.version}`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
    }
  }
  return published;
}
