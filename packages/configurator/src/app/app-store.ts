import { createJSONStorage, persist } from "zustand/middleware";
import { createStore } from "zustand/vanilla";

/** What the whole app shares: the language, the creator token kept in the browser, a product-team key. */
export interface AppState {
  language: string;
  creatorToken: string | null;
  creatorId: string | null;
  teamKey: string | null;
  setLanguage(language: string): void;
  setCreator(token: string, id: string): void;
  setTeamKey(key: string | null): void;
}

export function createAppStore() {
  return createStore<AppState>()(
    persist(
      (set) => ({
        language: typeof navigator !== "undefined" && navigator.language.startsWith("de") ? "de" : "en",
        creatorToken: null,
        creatorId: null,
        teamKey: null,
        setLanguage: (language) => set({ language }),
        setCreator: (creatorToken, creatorId) => set({ creatorToken, creatorId }),
        setTeamKey: (teamKey) => set({ teamKey }),
      }),
      { name: "kitbash:app", storage: createJSONStorage(() => localStorage) },
    ),
  );
}
