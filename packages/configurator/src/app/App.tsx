import { lazy, Suspense, useEffect, useId } from "react";
import { Link, Route, Switch } from "wouter";
import type { StoreApi } from "zustand/vanilla";
import { UI_LANGUAGES } from "../i18n/strings.ts";
import ConfigurePage from "../pages/ConfigurePage.tsx";
import { HomePage } from "../pages/HomePage.tsx";
import type { AppState } from "./app-store.ts";
import { AppProvider, useApp, useStrings } from "./context.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";

const GalleryPage = lazy(() => import("../pages/GalleryPage.tsx"));
const DesignPage = lazy(() => import("../pages/DesignPage.tsx"));
const ChallengesPage = lazy(() => import("../pages/ChallengesPage.tsx"));
const CreatorPage = lazy(() => import("../pages/CreatorPage.tsx"));
const StudioPage = lazy(() => import("../pages/StudioPage.tsx"));

export function App({ store }: { store: StoreApi<AppState> }) {
  return (
    <AppProvider store={store}>
      <Shell />
    </AppProvider>
  );
}

function Shell() {
  const t = useStrings();
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  const id = useId();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <>
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {t.appName}
        </Link>
        <nav aria-label="Main">
          <Link href="/">{t.navConfigure}</Link>
          <Link href="/gallery">{t.navGallery}</Link>
          <Link href="/challenges">{t.navChallenges}</Link>
          <Link href="/studio">{t.navStudio}</Link>
        </nav>
        <label htmlFor={id} className="visually-hidden">
          {t.language}
        </label>
        <select id={id} value={language} onChange={(e) => setLanguage(e.target.value)}>
          {UI_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === "en" ? "English" : "Deutsch"}
            </option>
          ))}
        </select>
      </header>
      <main id="main">
        <ErrorBoundary message={t.errorLoading} retry={t.reload}>
          <Suspense fallback={<p className="page-status">{t.loading}</p>}>
            <Switch>
              <Route path="/">{() => <HomePage />}</Route>
              <Route path="/configure/:namespace/:name">
                {(params) => (
                  <ConfigurePage
                    key={`${params.namespace}/${params.name}`}
                    namespace={params.namespace}
                    name={params.name}
                  />
                )}
              </Route>
              <Route path="/gallery">{() => <GalleryPage />}</Route>
              <Route path="/designs/:id">{(params) => <DesignPage id={params.id} />}</Route>
              <Route path="/challenges/:id?">{(params) => <ChallengesPage id={params.id ?? null} />}</Route>
              <Route path="/creators/:id">{(params) => <CreatorPage id={params.id} />}</Route>
              <Route path="/studio">{() => <StudioPage />}</Route>
              <Route>{() => <p className="page-status">Not found</p>}</Route>
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
