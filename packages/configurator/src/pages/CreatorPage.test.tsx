import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CreatorProfile } from "../community/api.ts";
import { designRecord, fakeApi } from "../community/fake-api.ts";
import { renderWithApp } from "../community/testing.tsx";
import CreatorPage from "./CreatorPage.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PROFILE: CreatorProfile = {
  id: "cr_alice0001",
  name: "Alice",
  joined: "2030-01-01T00:00:00.000Z",
  designs: [],
  credits: [
    {
      design: { id: "d_alice0001", title: "Oak original" },
      commercialized: { id: "d_product01", title: "The bestseller", creator: { id: "cr_bob000001", name: "Bob" } },
      generations: 2,
    },
  ],
  totals: { designs: 2, votes: 11, remixes: 3 },
};

function profileApi() {
  let profile = PROFILE;
  return fakeApi({
    "GET /api/packs": () => ({ packs: [] }),
    "GET /api/creators/:id": () => profile,
    "PATCH /api/creators/me": ({ body }) => {
      profile = { ...profile, name: (body as { name: string }).name };
      return profile;
    },
    "GET /api/designs": ({ query }) => ({
      designs: query.get("creator") === "cr_alice0001" ? [designRecord({ title: "Oak original" })] : [],
      next: null,
    }),
  });
}

describe("a creator's page", () => {
  it("shows their name, totals, designs and credits with generations", async () => {
    const api = profileApi();
    renderWithApp(<CreatorPage id="cr_alice0001" />, { path: "/creators/cr_alice0001" });
    expect(await screen.findByRole("heading", { level: 1, name: "Alice" })).toBeTruthy();
    const totals = Object.fromEntries(
      [...document.querySelectorAll(".totals__item")].map((item) => [
        item.querySelector("dt")!.textContent,
        item.querySelector("dd")!.textContent,
      ]),
    );
    expect(totals).toEqual({ Designs: "2", "Votes received": "11", "Remixed by others": "3", Credits: "1" });
    const designs = await screen.findByRole("list", { name: "Designs" });
    expect(within(designs).getByRole("link", { name: "Oak original" })).toBeTruthy();
    expect(api.to("GET", "/api/designs")[0]!.query.get("creator")).toBe("cr_alice0001");
    const credits = screen.getByRole("region", { name: "Credits" });
    expect(within(credits).getByRole("link", { name: "The bestseller" }).getAttribute("href")).toBe(
      "/designs/d_product01",
    );
    expect(within(credits).getByText("2 generations back")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Your display name" })).toBeNull();
  });

  it("lets creators rename themselves on their own page", async () => {
    const api = profileApi();
    renderWithApp(<CreatorPage id="cr_alice0001" />, {
      path: "/creators/cr_alice0001",
      creator: { token: "ct_alice", id: "cr_alice0001" },
    });
    const name = (await screen.findByRole("textbox", { name: "Your display name" })) as HTMLInputElement;
    fireEvent.change(name, { target: { value: "Alice the Maker" } });
    fireEvent.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Alice the Maker" })).toBeTruthy();
    const patch = api.to("PATCH", "/api/creators/me")[0]!;
    expect(patch.token).toBe("ct_alice");
    expect(patch.body).toEqual({ name: "Alice the Maker" });
    await waitFor(() => expect(screen.getByText("Saved.")).toBeTruthy());
  });
});
