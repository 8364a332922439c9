import { type RenderResult, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import type { StoreApi } from "zustand/vanilla";
import { type AppState, createAppStore } from "../app/app-store.ts";
import { AppProvider } from "../app/context.tsx";

/** Renders a page or component as the app does: app store (language, creator) and a router at `path`. */
export function renderWithApp(
  ui: ReactNode,
  options: { path?: string; language?: string; creator?: { token: string; id: string }; keepStorage?: boolean } = {},
): RenderResult & { store: StoreApi<AppState>; location: ReturnType<typeof memoryLocation> & { history?: string[] } } {
  if (!options.keepStorage) localStorage.clear();
  const store = createAppStore();
  store.setState({
    language: options.language ?? "en",
    creatorToken: options.creator?.token ?? null,
    creatorId: options.creator?.id ?? null,
  });
  const location = memoryLocation({ path: options.path ?? "/", record: true });
  const result = render(
    <AppProvider store={store}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        {ui}
      </Router>
    </AppProvider>,
  );
  return { ...result, store, location };
}
