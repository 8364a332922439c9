import type { Config } from "./config.ts";
import type { Database, Store } from "./db/store.ts";
import type { IdentityEnv } from "./auth/identity.ts";
import type { SubmissionWriter } from "./designs/store-batch.ts";
import type { PackRegistry } from "./packs/registry.ts";

/** What every route can reach. */
export interface Services {
  readonly config: Config;
  readonly store: Store;
  readonly db: Database;
  readonly packs: PackRegistry;
  /** Stores accepted submissions, several to a statement under load. */
  readonly submissions: SubmissionWriter;
  readonly adminKey: string;
}

export type AppEnv = IdentityEnv;
