import { localize, type Text } from "@kitbash/rules";
import { createContext, type ReactNode, useContext } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import { type Strings, stringsFor } from "../i18n/strings.ts";
import type { ConfiguratorState, ConfiguratorStore } from "../store/configurator.ts";
import type { AppState } from "./app-store.ts";

const AppContext = createContext<StoreApi<AppState> | null>(null);
const ConfiguratorContext = createContext<ConfiguratorStore | null>(null);

export function AppProvider({ store, children }: { store: StoreApi<AppState>; children: ReactNode }) {
  return <AppContext.Provider value={store}>{children}</AppContext.Provider>;
}

export function ConfiguratorProvider({ store, children }: { store: ConfiguratorStore; children: ReactNode }) {
  return <ConfiguratorContext.Provider value={store}>{children}</ConfiguratorContext.Provider>;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppContext);
  if (store === null) throw new Error("useApp needs an AppProvider");
  return useStore(store, selector);
}

export function useConfigurator<T>(selector: (state: ConfiguratorState) => T): T {
  const store = useContext(ConfiguratorContext);
  if (store === null) throw new Error("useConfigurator needs a ConfiguratorProvider");
  return useStore(store, selector);
}

/** The store itself, for actions and for reading fast-changing state without re-rendering. */
export function useConfiguratorStore(): ConfiguratorStore {
  const store = useContext(ConfiguratorContext);
  if (store === null) throw new Error("useConfiguratorStore needs a ConfiguratorProvider");
  return store;
}

/** The UI's words in the current language. */
export function useStrings(): Strings {
  return stringsFor(useApp((s) => s.language));
}

/** Pack text (labels, messages) in the current language, falling back to the pack's first language. */
export function useLocalize(): (text: Text | null | undefined) => string {
  const language = useApp((s) => s.language);
  return (text) => (text === null || text === undefined ? "" : localize(text, [], language));
}
