import {
  type CompiledPack,
  compilePack,
  type Diagnostic,
  lintModel,
  type Pack,
  parsePackValue,
  type SolutionSpace,
  createSpace,
  serializeSpace,
} from "@kitbash/rules";
import { and, eq } from "drizzle-orm";
import semver from "semver";
import type { Database } from "../db/store.ts";
import { packs } from "../db/schema.ts";
import { ApiError } from "../errors.ts";

/**
 * A published pack version, compiled and ready to validate designs. Its solution space (the d-DNNF,
 * seconds for a large pack) is compiled on first use only: accepting a valid design never needs it.
 */
export class LoadedPack {
  private compiledSpace: SolutionSpace | undefined;
  private bytes: Uint8Array | undefined | null = null;

  constructor(
    readonly id: string,
    readonly version: string,
    readonly body: unknown,
    readonly compiled: CompiledPack,
  ) {}

  get space(): SolutionSpace {
    this.compiledSpace ??= createSpace(this.compiled.model).space;
    return this.compiledSpace;
  }

  /** The compiled space as bytes, for configurators to load instead of compiling (undefined in search mode). */
  get spaceBytes(): Uint8Array | undefined {
    if (this.bytes === null) this.bytes = serializeSpace(this.space, this.compiled.model);
    return this.bytes;
  }
}

const MAX_CACHED = 64;
const MAX_CHAIN = 8;

/** Published packs: serves them, compiles them once per process, and checks new versions before they are kept. */
export class PackRegistry {
  private readonly cache = new Map<string, Promise<LoadedPack | undefined>>();
  /** Whether `warm` has compiled every pack (until then, a first request may wait for a compile). */
  warmed = false;

  constructor(private readonly db: Database) {}

  /** Every version of a pack id, newest first. */
  async versions(id: string): Promise<string[]> {
    const rows = await this.db.select({ version: packs.version }).from(packs).where(eq(packs.id, id));
    return rows.map((r) => r.version).sort(semver.rcompare);
  }

  /** A version (the newest when none is given), compiled. */
  async load(id: string, version?: string): Promise<LoadedPack | undefined> {
    const chosen = version ?? (await this.versions(id))[0];
    if (chosen === undefined) return undefined;
    const key = `${id}@${chosen}`;
    let entry = this.cache.get(key);
    if (entry === undefined) {
      entry = this.compile(id, chosen);
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  /**
   * Publishes a new version after the engine checks it: schema, composition with its base, rules,
   * and that at least one design is valid. Partners may only publish in their own namespace.
   */
  async publish(
    body: unknown,
    namespace: string | null,
    publisher: string,
  ): Promise<{ id: string; version: string; warnings: readonly Diagnostic[] }> {
    const parsed = parsePackValue(body);
    if (!parsed.ok)
      throw new ApiError(422, "invalid_pack", "the pack does not follow the pack format", parsed.diagnostics);
    const pack = parsed.pack;
    const packNamespace = pack.id.split("/")[0]!;
    if (namespace !== null && namespace !== packNamespace) {
      throw new ApiError(
        403,
        "forbidden",
        `your key publishes in the namespace "${namespace}", not "${packNamespace}"`,
      );
    }
    const compiled = await this.compilePack(pack);
    if (!compiled.ok) throw new ApiError(422, "invalid_pack", "the pack's rules do not compile", compiled.diagnostics);
    const lint = lintModel(compiled.compiled.model, { budgetMs: 0 });
    if (lint.contradiction)
      throw new ApiError(422, "invalid_pack", "no design satisfies every constraint", lint.findings);
    const inserted = await this.db
      .insert(packs)
      .values({
        id: pack.id,
        version: pack.version,
        namespace: packNamespace,
        body: body as object,
        publishedBy: publisher,
      })
      .onConflictDoNothing()
      .returning({ id: packs.id });
    if (inserted.length === 0)
      throw new ApiError(
        409,
        "version_exists",
        `${pack.id} ${pack.version} is already published; versions never change, publish a new one`,
      );
    return { id: pack.id, version: pack.version, warnings: compiled.warnings };
  }

  /** The raw body of a version. */
  async body(id: string, version: string): Promise<unknown | undefined> {
    const [row] = await this.db
      .select({ body: packs.body })
      .from(packs)
      .where(and(eq(packs.id, id), eq(packs.version, version)));
    return row?.body;
  }

  private async compile(id: string, version: string): Promise<LoadedPack | undefined> {
    const body = await this.body(id, version);
    if (body === undefined) return undefined;
    const parsed = parsePackValue(body);
    if (!parsed.ok) throw new Error(`stored pack ${id}@${version} no longer parses`);
    const result = await this.compilePack(parsed.pack);
    if (!result.ok)
      throw new Error(`stored pack ${id}@${version} no longer compiles: ${result.diagnostics[0]?.message}`);
    return new LoadedPack(id, version, body, result.compiled);
  }

  /** Loads the newest version of every pack and compiles its space, one pack per event-loop turn. */
  async warm(): Promise<void> {
    const rows = await this.db.selectDistinct({ id: packs.id }).from(packs);
    for (const { id } of rows) {
      await new Promise((resolve) => setImmediate(resolve));
      (await this.load(id))?.spaceBytes;
    }
    this.warmed = true;
  }

  /** Compiles with every base in its `extends` chain fetched first (the compiler resolves synchronously). */
  private async compilePack(pack: Pack) {
    const bases = new Map<string, Pack[]>();
    let next = pack.extends?.pack;
    for (let depth = 0; next !== undefined && depth < MAX_CHAIN && !bases.has(next); depth++) {
      const rows = await this.db.select({ body: packs.body }).from(packs).where(eq(packs.id, next));
      const versions = rows.flatMap((row) => {
        const parsed = parsePackValue(row.body);
        return parsed.ok ? [parsed.pack] : [];
      });
      bases.set(next, versions);
      next = versions.map((v) => v.extends?.pack).find((id) => id !== undefined);
    }
    return compilePack(pack, (id) => bases.get(id) ?? []);
  }
}
