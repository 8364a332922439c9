import { type DependencyList, useCallback, useEffect, useState } from "react";
import { ApiRequestError } from "../api/client.ts";

export type Loaded<T> =
  | { readonly status: "loading" }
  | { readonly status: "ok"; readonly data: T }
  | { readonly status: "error"; readonly error: LoadError };

export interface LoadError {
  readonly message: string;
  /** The HTTP status when the API answered, else null (offline, a bug). */
  readonly status: number | null;
}

export function loadError(error: unknown): LoadError {
  if (error instanceof ApiRequestError) return { message: error.message, status: error.status };
  return { message: error instanceof Error ? error.message : String(error), status: null };
}

/**
 * Loads data when the dependencies change; answers that arrive after a newer load started are dropped.
 * `set` replaces the data locally (after a vote, a comment), `reload` asks again.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on.
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    load().then(
      (data) => live && setState({ status: "ok", data }),
      (error: unknown) => live && setState({ status: "error", error: loadError(error) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback(
    (update: (data: T) => T) => setState((s) => (s.status === "ok" ? { status: "ok", data: update(s.data) } : s)),
    [],
  );
  return { state, reload, set };
}
