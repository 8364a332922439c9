import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeFetch, packRoutes, renderStudio } from "./testing.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The queue answers as the API does: 401 for an unknown key, 403 for a key of another role. */
const keyRoutes = {
  ...packRoutes,
  "GET /api/review/queue": ({ token }: { token: string | null }) =>
    token === "kb_team"
      ? { designs: [], next: null }
      : token === "kb_partner"
        ? apiError(403, "forbidden", "this needs a team key")
        : apiError(401, "unauthenticated", "the token is unknown or revoked"),
  "GET /api/insights/acme/shelving/activity": () => ({
    pack: "acme/shelving",
    version: null,
    from: "2026-03-01T00:00:00.000Z",
    to: "2026-03-02T00:00:00.000Z",
    totals: { designs: 0, blocked: 0, wishes: 0 },
    days: [{ day: "2026-03-01", designs: 0, blocked: 0, wishes: 0 }],
  }),
};

function signIn(key: string) {
  fireEvent.change(screen.getByLabelText("Product-team key"), { target: { value: key } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("signing in to the Studio", () => {
  it("says clearly when a key is refused, and stays signed out", async () => {
    const api = fakeFetch(keyRoutes);
    const { store } = renderStudio();
    expect(screen.getByRole("heading", { level: 1, name: "Sign in to the Studio" })).toBeTruthy();

    signIn("kb_revoked");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "This key was refused: it is unknown or has been revoked.",
    );
    expect(api.to("GET", "/api/review/queue")[0]!.token).toBe("kb_revoked");
    expect(screen.getByLabelText("Product-team key").getAttribute("aria-invalid")).toBe("true");

    signIn("kb_partner");
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "This key is valid but not a product-team key, so it cannot open the Studio.",
      ),
    );
    expect(store.getState().teamKey).toBeNull();
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it("keeps an accepted key in the app store, opens the Studio, and signing out forgets the key", async () => {
    fakeFetch(keyRoutes);
    const { store } = renderStudio();
    signIn("kb_team");
    expect(await screen.findByRole("tablist", { name: "Studio sections" })).toBeTruthy();
    expect(store.getState().teamKey).toBe("kb_team");
    expect(JSON.parse(localStorage.getItem("kitbash:app")!).state.teamKey).toBe("kb_team");
    expect(screen.getByRole("tab", { name: "Overview" }).getAttribute("aria-selected")).toBe("true");

    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    expect(store.getState().teamKey).toBeNull();
    expect(JSON.parse(localStorage.getItem("kitbash:app")!).state.teamKey).toBeNull();
    expect(screen.getByRole("heading", { name: "Sign in to the Studio" })).toBeTruthy();
  });

  it("speaks German", async () => {
    fakeFetch(keyRoutes);
    renderStudio({ language: "de" });
    fireEvent.change(screen.getByLabelText("Produktteam-Schlüssel"), { target: { value: "kb_nope" } });
    fireEvent.click(screen.getByRole("button", { name: "Anmelden" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/abgelehnt/);
  });
});
