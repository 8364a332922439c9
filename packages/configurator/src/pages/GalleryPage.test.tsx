import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, designRecord, fakeApi } from "../community/fake-api.ts";
import { renderWithApp } from "../community/testing.tsx";
import GalleryPage from "./GalleryPage.tsx";

const PACKS = {
  packs: [
    {
      id: "acme/shelving",
      version: "1.0.0",
      versions: ["1.0.0"],
      name: { en: "Acme Linea wall shelving", de: "Acme Linea Wandregal" },
      description: null,
      extends: null,
    },
  ],
};
const CHALLENGES = {
  challenges: [
    {
      id: "ch_hallway01",
      pack: "acme/shelving",
      title: "Hallway heroes",
      brief: "Narrow hallways",
      startsAt: "2030-01-01T00:00:00.000Z",
      endsAt: "2030-02-01T00:00:00.000Z",
      state: "open",
      createdAt: "2030-01-01T00:00:00.000Z",
    },
  ],
  next: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** 30 designs served 24 at a time, newest first, with the API's cursor. */
function pagedApi(designs = Array.from({ length: 30 }, (_, i) => designRecord({ title: `Shelf ${i + 1}`, votes: i }))) {
  return fakeApi({
    "GET /api/packs": () => PACKS,
    "GET /api/challenges": () => CHALLENGES,
    "GET /api/designs": ({ query }) => {
      const start = query.get("cursor") ? Number(query.get("cursor")) : 0;
      const limit = Number(query.get("limit"));
      const page = designs.slice(start, start + limit);
      return { designs: page, next: start + limit < designs.length ? String(start + limit) : null };
    },
  });
}

const cards = () => screen.getAllByRole("article");

describe("the gallery", () => {
  it("shows designs as cards with picture, title, creator, product, price, votes and status", async () => {
    pagedApi([
      designRecord({
        id: "d_pictured01",
        title: "Hallway slim",
        creator: { id: "cr_bob000001", name: "Bob" },
        thumbnail: "/api/designs/d_pictured01/thumbnail",
        price: 1234,
        votes: 7,
        status: "shortlisted",
      }),
    ]);
    const { container } = renderWithApp(<GalleryPage />, { path: "/gallery" });
    const card = await screen.findByRole("article");
    expect(within(card).getByRole("link", { name: "Hallway slim" }).getAttribute("href")).toBe("/designs/d_pictured01");
    expect(within(card).getByRole("link", { name: "Bob" }).getAttribute("href")).toBe("/creators/cr_bob000001");
    expect(card.querySelector("img")?.getAttribute("src")).toBe("/api/designs/d_pictured01/thumbnail");
    await waitFor(() => expect(card.textContent).toContain("Acme Linea wall shelving"));
    expect(card.textContent).toContain("€1,234");
    expect(within(card).getByText("7 votes")).toBeTruthy();
    expect(within(card).getByText("Shortlisted")).toBeTruthy();
    expect(container.querySelector(".design-results__count")?.textContent).toBe("Showing 1 design");
  });

  it("loads more with the cursor, appends, moves focus to the first new design, and stops at the last page", async () => {
    const api = pagedApi();
    renderWithApp(<GalleryPage />, { path: "/gallery" });
    await waitFor(() => expect(cards()).toHaveLength(24));
    expect(api.to("GET", "/api/designs")[0]!.query.get("cursor")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Load more designs" }));
    await waitFor(() => expect(cards()).toHaveLength(30));
    const second = api.to("GET", "/api/designs")[1]!;
    expect(second.query.get("cursor")).toBe("24");
    expect(second.query.get("sort")).toBe("new");
    expect(cards()[24]!.textContent).toContain("Shelf 25");
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Shelf 25"));
    expect(screen.queryByRole("button", { name: "Load more designs" })).toBeNull();
    expect(screen.getByText(/Showing 30 designs/).textContent).toContain("That's all of them.");
  });

  it("filters and sorts through the query string and asks the API again from the first page", async () => {
    const api = pagedApi();
    const { location } = renderWithApp(<GalleryPage />, { path: "/gallery" });
    await waitFor(() => expect(cards()).toHaveLength(24));
    fireEvent.click(screen.getByRole("radio", { name: "Most voted" }));
    await waitFor(() => expect(api.to("GET", "/api/designs").at(-1)!.query.get("sort")).toBe("top"));
    await screen.findByRole("option", { name: "Hallway heroes" });
    fireEvent.change(screen.getByLabelText("Challenge"), { target: { value: "ch_hallway01" } });
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "shortlisted" } });
    await waitFor(() => expect(api.to("GET", "/api/designs").at(-1)!.query.get("status")).toBe("shortlisted"));
    const last = api.to("GET", "/api/designs").at(-1)!;
    expect(last.query.get("challenge")).toBe("ch_hallway01");
    expect(last.query.get("sort")).toBe("top");
    expect(last.query.get("cursor")).toBeNull();
    expect(location.history!.at(-1)).toBe("/gallery?status=shortlisted&challenge=ch_hallway01&sort=top");
    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(location.history!.at(-1)).toBe("/gallery?sort=top"));
  });

  it("reads its filters from the URL", async () => {
    const api = pagedApi();
    renderWithApp(<GalleryPage />, { path: "/gallery?pack=acme/shelving&sort=trending" });
    await waitFor(() => expect(cards()).toHaveLength(24));
    const first = api.to("GET", "/api/designs")[0]!;
    expect(first.query.get("pack")).toBe("acme/shelving");
    expect(first.query.get("sort")).toBe("trending");
    expect((screen.getByRole("radio", { name: "Trending" }) as HTMLInputElement).checked).toBe(true);
  });

  it("has an empty state that invites designing, and one that offers to clear filters", async () => {
    pagedApi([]);
    const first = renderWithApp(<GalleryPage />, { path: "/gallery" });
    expect(await screen.findByText("No designs here yet.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Start designing" }).getAttribute("href")).toBe("/");
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
    first.unmount();
    pagedApi([]);
    renderWithApp(<GalleryPage />, { path: "/gallery?status=declined" });
    expect(await screen.findByText("No designs match these filters.")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Clear filters" }).length).toBeGreaterThan(0);
  });

  it("shows the API's error and recovers on retry", async () => {
    let fail = true;
    fakeApi({
      "GET /api/packs": () => PACKS,
      "GET /api/challenges": () => CHALLENGES,
      "GET /api/designs": () =>
        fail ? apiError(503, "unavailable", "the database is resting") : { designs: [designRecord()], next: null },
    });
    renderWithApp(<GalleryPage />, { path: "/gallery" });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("the database is resting");
    fail = false;
    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Try again" })));
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps the loaded designs when loading more fails, and says why", async () => {
    const designs = Array.from({ length: 30 }, (_, i) => designRecord({ title: `Shelf ${i + 1}` }));
    fakeApi({
      "GET /api/packs": () => PACKS,
      "GET /api/challenges": () => CHALLENGES,
      "GET /api/designs": ({ query }) =>
        query.get("cursor")
          ? apiError(429, "rate_limited", "too many requests")
          : { designs: designs.slice(0, 24), next: "24" },
    });
    renderWithApp(<GalleryPage />, { path: "/gallery" });
    await waitFor(() => expect(cards()).toHaveLength(24));
    fireEvent.click(screen.getByRole("button", { name: "Load more designs" }));
    expect((await screen.findByRole("alert")).textContent).toContain("too many requests");
    expect(cards()).toHaveLength(24);
  });

  it("speaks German", async () => {
    pagedApi([designRecord({ votes: 1, price: 1234 })]);
    renderWithApp(<GalleryPage />, { path: "/gallery", language: "de" });
    expect(await screen.findByRole("heading", { level: 1, name: "Galerie" })).toBeTruthy();
    const card = await screen.findByRole("article");
    expect(within(card).getByText("1 Stimme")).toBeTruthy();
    expect(card.textContent).toMatch(/1\.234\s€/);
    expect(screen.getByRole("radio", { name: "Meiste Stimmen" })).toBeTruthy();
  });
});
