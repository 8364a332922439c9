import type { Design, DesignValue } from "@kitbash/rules";
import { temporal } from "zundo";
import { createJSONStorage, persist } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import type { Engine } from "../engine/engine.ts";
import type { PackInfo } from "../engine/info.ts";
import type { BlockedView, Snapshot } from "../engine/snapshot.ts";
import { moduleOperations } from "./modules.ts";

export interface Variant {
  readonly id: string;
  readonly name: string;
  readonly design: Design;
}

/** A blocked choice the customer tried: an innovation signal, and the seed of their wish. */
export interface BlockedSignal {
  readonly kind: "blocked";
  readonly pack: string;
  readonly version: string;
  readonly wanted: string;
  readonly blockedBy: readonly string[];
  readonly constraints: readonly string[];
}

export interface ConfiguratorState {
  readonly info: PackInfo;
  /** The customer's choices: the only state undo and redo move through. */
  design: Design;
  snapshot: Snapshot | null;
  language: string;
  /** The variable whose control is highlighted (clicked in 3D or focused in the panel). */
  selected: string | null;
  blocked: BlockedView | null;
  attempts: readonly BlockedSignal[];
  variants: readonly Variant[];
  activeVariant: string;
  /** The design this one remixes, when it came from "remix". */
  parent: string | null;

  choose(variable: string, value: DesignValue): void;
  clear(variable: string): void;
  showBlocked(variable: string, option: number): Promise<void>;
  applyRepair(): void;
  dismissBlocked(): void;
  addModule(module: string): void;
  removeModule(module: string, slot: number): void;
  moveModule(module: string, from: number, to: number): void;
  applyPreset(id: string): void;
  loadDesign(design: Design, parent?: string | null): void;
  select(variable: string | null): void;
  setLanguage(language: string): void;
  saveVariant(name: string): void;
  switchVariant(id: string): void;
  deleteVariant(id: string): void;
}

export interface StoreOptions {
  readonly engine: Engine;
  /** Where blocked attempts go (the API's signals route); nothing is sent when absent. */
  readonly onSignal?: (signal: BlockedSignal) => void;
  /** Autosave key; designs survive a reload. Absent: no autosave. */
  readonly storageKey?: string;
  readonly language?: string;
}

const MAX_UNDO = 200;

export type ConfiguratorStore = ReturnType<typeof createConfiguratorStore>;

/** A store per configurator: choices in, everything the engine derives from them out. */
export function createConfiguratorStore(options: StoreOptions) {
  const { engine } = options;
  const info = engine.info;
  let requested = 0;

  const store = createStore<ConfiguratorState>()(
    temporal(
      persist(
        (set, get) => {
          const update = (design: Design) => set({ design, blocked: null });
          const modules = moduleOperations(
            info,
            () => get().snapshot,
            () => get().design,
            update,
          );
          return {
            info,
            design: {},
            snapshot: null,
            language: options.language ?? info.languages[0] ?? "en",
            selected: null,
            blocked: null,
            attempts: [],
            variants: [{ id: "v1", name: "Variant 1", design: {} }],
            activeVariant: "v1",
            parent: null,

            choose(variable, value) {
              const state = get().snapshot?.variables.find((v) => v.id === variable);
              const meta = info.variables.find((v) => v.id === variable);
              if (state && meta && meta.kind !== "text") {
                const option = optionIndex(meta, value);
                if (option >= 0 && !state.possible[option]) {
                  void get().showBlocked(variable, option);
                  return;
                }
              }
              update({ ...get().design, [variable]: value });
            },
            clear(variable) {
              const { [variable]: _, ...rest } = get().design;
              update(rest);
            },
            async showBlocked(variable, option) {
              const view = await engine.blocked(get().design, variable, option);
              const meta = info.variables.find((v) => v.id === variable)!;
              const signal: BlockedSignal = {
                kind: "blocked",
                pack: info.id,
                version: info.version,
                wanted: literal(meta, option),
                blockedBy: view.blockedBy.map((c) => literalOf(info, c.variable, c.value)),
                constraints: view.constraints.map((c) => c.id),
              };
              set({ blocked: view, selected: variable, attempts: [...get().attempts, signal].slice(-20) });
              options.onSignal?.(signal);
            },
            applyRepair() {
              const repair = get().blocked?.repair;
              if (repair) update({ ...repair.design });
            },
            dismissBlocked() {
              set({ blocked: null });
            },
            addModule: modules.add,
            removeModule: modules.remove,
            moveModule: modules.move,
            applyPreset(id) {
              const preset = info.presets.find((p) => p.id === id);
              if (preset) update({ ...preset.choices });
            },
            loadDesign(design, parent = null) {
              set({ design: { ...design }, parent, blocked: null });
            },
            select(variable) {
              set({ selected: variable });
            },
            setLanguage(language) {
              set({ language });
            },
            saveVariant(name) {
              const id = `v${Date.now().toString(36)}`;
              const variants = syncActive(get());
              set({ variants: [...variants, { id, name, design: get().design }], activeVariant: id });
            },
            switchVariant(id) {
              const target = get().variants.find((v) => v.id === id);
              if (!target) return;
              set({ variants: syncActive(get()), activeVariant: id, design: target.design, blocked: null });
            },
            deleteVariant(id) {
              const variants = get().variants.filter((v) => v.id !== id);
              if (variants.length === 0) return;
              const active =
                get().activeVariant === id ? variants[0]! : get().variants.find((v) => v.id === get().activeVariant)!;
              set({ variants, activeVariant: active.id, design: active.design });
            },
          };
        },
        {
          name: options.storageKey ?? "kitbash:none",
          storage: createJSONStorage(() => (options.storageKey ? autosave() : memoryStorage())),
          partialize: (s) => ({
            design: s.design,
            variants: s.variants,
            activeVariant: s.activeVariant,
            parent: s.parent,
            language: s.language,
          }),
        },
      ),
      { partialize: (s) => ({ design: s.design }), limit: MAX_UNDO, equality: (a, b) => a.design === b.design },
    ),
  );
  store.temporal.getState().clear();

  const evaluate = async (design: Design) => {
    const ticket = ++requested;
    const snapshot = await engine.evaluate(design);
    if (ticket === requested) store.setState({ snapshot });
  };
  store.subscribe((state, previous) => {
    if (state.design !== previous.design) void evaluate(state.design);
  });
  void evaluate(store.getState().design);
  return store;
}

/** The active variant's saved design, brought up to date with the current one. */
function syncActive(state: ConfiguratorState): Variant[] {
  return state.variants.map((v) => (v.id === state.activeVariant ? { ...v, design: state.design } : v));
}

export function optionIndex(variable: PackInfo["variables"][number], value: DesignValue): number {
  if (variable.kind === "boolean") return value === true ? 0 : 1;
  if (variable.kind === "integer") return variable.numbers?.indexOf(Number(value)) ?? -1;
  return variable.options.findIndex((o) => o.id === value);
}

/** A choice as the engine's LITS text: `frame=oak`, `lights`, `!lights`. */
function literal(variable: PackInfo["variables"][number], option: number): string {
  if (variable.kind === "boolean" || variable.kind === "text") return option === 0 ? variable.id : `!${variable.id}`;
  return `${variable.id}=${variable.kind === "integer" ? variable.numbers![option] : variable.options[option]!.id}`;
}

function literalOf(info: PackInfo, variableId: string, value: string): string {
  const variable = info.variables.find((v) => v.id === variableId)!;
  if (variable.kind === "boolean" || variable.kind === "text")
    return value === "true" || (variable.kind === "text" && value !== "") ? variable.id : `!${variable.id}`;
  return `${variable.id}=${value}`;
}

/**
 * Autosave off the click's path: persist writes on every state change (two per click, the design
 * and then its snapshot), and a synchronous localStorage write costs a millisecond or more. Writes
 * wait for a quiet moment, an unchanged value is not written again, and everything pending is
 * written when the page is hidden or left, so a reload still finds the latest design.
 */
function deferredStorage(storage: Storage): Storage {
  const pending = new Map<string, string>();
  const written = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const [key, value] of pending) {
      if (written.get(key) !== value) storage.setItem(key, value);
      written.set(key, value);
    }
    pending.clear();
  };
  addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  return {
    get length() {
      return storage.length;
    },
    clear: () => {
      pending.clear();
      storage.clear();
    },
    getItem: (key) => pending.get(key) ?? storage.getItem(key),
    key: (index) => storage.key(index),
    removeItem: (key) => {
      pending.delete(key);
      written.delete(key);
      storage.removeItem(key);
    },
    setItem: (key, value) => {
      pending.set(key, value);
      timer ??= setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
  };
}

/** How long autosave waits after a change. */
const AUTOSAVE_DELAY_MS = 300;

let sharedAutosave: Storage | undefined;
/** One deferred localStorage for every store in the page, so that each reads the others' pending writes. */
function autosave(): Storage {
  sharedAutosave ??= deferredStorage(localStorage);
  return sharedAutosave;
}

/** Storage that lives and dies with one store (no autosave). */
function memoryStorage(): Storage {
  const memory = new Map<string, string>();
  return {
    get length() {
      return memory.size;
    },
    clear: () => memory.clear(),
    getItem: (key) => memory.get(key) ?? null,
    key: (index) => [...memory.keys()][index] ?? null,
    removeItem: (key) => void memory.delete(key),
    setItem: (key, value) => void memory.set(key, value),
  };
}
