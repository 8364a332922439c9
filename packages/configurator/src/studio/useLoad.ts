import { useCallback, useEffect, useRef, useState } from "react";

/**
 * What a loader shows: the data (kept, dimmed, while a new answer loads, so charts do not flash), whether
 * it is loading, and the error of the last attempt.
 */
export interface Loaded<T> {
  readonly data: T | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  reload(): void;
}

/** Answers by request key for this page's life: switching sections shows them at once. Refresh clears it. */
const cache = new Map<string, unknown>();
const MAX_CACHED = 60;
/** Cached requests under way, so two views (or React's strict double effects) asking at once share one. */
const pending = new Map<string, Promise<unknown>>();

export function clearStudioCache() {
  cache.clear();
  pending.clear();
}

function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = pending.get(key) as Promise<T> | undefined;
  if (promise === undefined) {
    promise = load();
    pending.set(key, promise);
    const done = () => {
      if (pending.get(key) === promise) pending.delete(key);
    };
    promise.then(done, done);
  }
  return promise;
}

/**
 * Loads `load()` whenever `key` changes (null: nothing to load). With `cached`, an answer already fetched
 * for the same key is shown without asking again. Answers to superseded keys are dropped.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>, options: { cached?: boolean } = {}): Loaded<T> {
  const cached = options.cached ?? false;
  const initial = key !== null && cached ? (cache.get(key) as T | undefined) : undefined;
  const [state, setState] = useState<{ key: string | null; data: T | undefined; loading: boolean; error: unknown }>(
    () => ({ key, data: initial, loading: key !== null && initial === undefined, error: null }),
  );
  const [attempt, setAttempt] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const handled = useRef(0);

  useEffect(() => {
    if (key === null) {
      setState({ key, data: undefined, loading: false, error: null });
      return;
    }
    const forced = attempt !== handled.current;
    handled.current = attempt;
    const hit = cached && !forced ? (cache.get(key) as T | undefined) : undefined;
    if (hit !== undefined) {
      setState({ key, data: hit, loading: false, error: null });
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, key, loading: true, error: null }));
    (cached && !forced ? shared(key, loader.current) : loader.current()).then(
      (data) => {
        if (!live) return;
        if (cached) {
          if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
          cache.set(key, data);
        }
        setState({ key, data, loading: false, error: null });
      },
      (error: unknown) => live && setState({ key, data: undefined, loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt, cached]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, loading: state.loading, error: state.error, reload };
}
