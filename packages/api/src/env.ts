import type { Config } from "./config.ts";
import type { Database, Store } from "./db/store.ts";
import type { IdentityEnv } from "./auth/identity.ts";
import type { PackRegistry } from "./packs/registry.ts";

/** What every route can reach. */
export interface Services {
  readonly config: Config;
  readonly store: Store;
  readonly db: Database;
  readonly packs: PackRegistry;
  readonly adminKey: string;
}

export type AppEnv = IdentityEnv;
