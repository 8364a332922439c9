import { readFileSync } from "node:fs";
import type { TestServer } from "./server.ts";

/** The engine's small desk fixture: choices, a module, a table, an arithmetic rule, prices. */
export const deskPack = JSON.parse(
  readFileSync(new URL("../../../rules/src/pack/fixtures/desk.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

/** A complete, valid desk design. */
export const validDesk = {
  top: "oak",
  lamp: true,
  height: 80,
  engraving: "Ada",
  "drawers.1.type": "large",
  "drawers.1.handle": "bar",
  "drawers.2.type": "empty",
  "drawers.2.handle": "knob",
} as const;

export function submission(overrides: Record<string, unknown> = {}) {
  return {
    pack: "test/desk",
    choices: validDesk,
    title: "My desk",
    story: "For writing letters",
    fit: 8,
    toTen: "A wider top",
    licence: "CC-BY-4.0",
    ...overrides,
  };
}

/** Publishes the desk pack and creates a team key and a partner key (namespace "test"). */
export async function setUp(server: TestServer) {
  const published = await server.call("POST", "/api/packs", { token: server.adminKey, body: deskPack });
  if (published.status !== 201) throw new Error(`publishing the desk failed: ${published.text}`);
  const team = await server.call("POST", "/api/keys", {
    token: server.adminKey,
    body: { role: "team", label: "Product team" },
  });
  const partner = await server.call("POST", "/api/keys", {
    token: server.adminKey,
    body: { role: "partner", namespace: "test", label: "Desk maker" },
  });
  return { teamKey: team.body.key as string, partnerKey: partner.body.key as string };
}

/** Submits a design and returns it with the creator token it came with (or the one given). */
export async function submit(server: TestServer, overrides: Record<string, unknown> = {}, token?: string) {
  const response = await server.call("POST", "/api/designs", { token, body: submission(overrides) });
  if (response.status !== 201) throw new Error(`submission failed: ${response.status} ${response.text}`);
  return { design: response.body.design, token: (response.body.creatorToken as string | undefined) ?? token! };
}
