import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Challenge } from "../community/api.ts";
import { apiError, designRecord, fakeApi } from "../community/fake-api.ts";
import { renderWithApp } from "../community/testing.tsx";
import ChallengesPage from "./ChallengesPage.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const challenge = (id: string, state: Challenge["state"], title: string): Challenge => ({
  id,
  pack: "acme/shelving",
  title,
  brief: `The brief of ${title}.`,
  startsAt: "2030-03-01T12:00:00.000Z",
  endsAt: "2030-04-01T12:00:00.000Z",
  state,
  createdAt: "2030-01-01T00:00:00.000Z",
});

const PACKS = { packs: [{ id: "acme/shelving", name: { en: "Acme shelving", de: "Acme Regal" }, version: "1.0.0" }] };

describe("the challenges list", () => {
  it("groups challenges by state with their dates, and offers entry only while open", async () => {
    fakeApi({
      "GET /api/packs": () => PACKS,
      "GET /api/challenges": () => ({
        challenges: [
          challenge("ch_later0001", "upcoming", "Kids' rooms"),
          challenge("ch_now000001", "open", "Hallway heroes"),
          challenge("ch_past00001", "closed", "Tiny kitchens"),
        ],
        next: null,
      }),
    });
    renderWithApp(<ChallengesPage id={null} />, { path: "/challenges" });
    const groups = await screen.findAllByRole("region");
    expect(groups.map((g) => within(g).getByRole("heading", { level: 2 }).textContent)).toEqual([
      "Open now",
      "Coming up",
      "Past challenges",
    ]);
    const open = within(groups[0]!).getByRole("article");
    expect(within(open).getByRole("link", { name: "Hallway heroes" }).getAttribute("href")).toBe(
      "/challenges/ch_now000001",
    );
    expect(open.textContent).toContain("Open until Apr 1, 2030");
    expect(
      within(open)
        .getByRole("link", { name: /Enter this challenge/ })
        .getAttribute("href"),
    ).toBe("/configure/acme/shelving?challenge=ch_now000001");
    expect(groups[1]!.textContent).toContain("Opens Mar 1, 2030");
    expect(within(groups[1]!).queryByRole("link", { name: /Enter this challenge/ })).toBeNull();
    expect(within(groups[2]!).queryByRole("link", { name: /Enter this challenge/ })).toBeNull();
  });

  it("says when there are none", async () => {
    fakeApi({ "GET /api/packs": () => PACKS, "GET /api/challenges": () => ({ challenges: [], next: null }) });
    renderWithApp(<ChallengesPage id={null} />, { path: "/challenges" });
    expect(await screen.findByText("No challenges yet. Check back soon.")).toBeTruthy();
  });
});

describe("a challenge", () => {
  const entries = [
    designRecord({ id: "d_top000001", title: "Most voted", votes: 9 }),
    designRecord({ id: "d_second001", title: "Runner-up", votes: 4 }),
  ];

  it("shows its brief, entries top first, and the way in while open", async () => {
    fakeApi({
      "GET /api/packs": () => PACKS,
      "GET /api/challenges/:id": () => ({
        ...challenge("ch_now000001", "open", "Hallway heroes"),
        entries,
        entryCount: 2,
        winners: [],
      }),
    });
    renderWithApp(<ChallengesPage id="ch_now000001" />, { path: "/challenges/ch_now000001" });
    expect(await screen.findByRole("heading", { level: 1, name: "Hallway heroes" })).toBeTruthy();
    expect(screen.getByText("The brief of Hallway heroes.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Enter this challenge" }).getAttribute("href")).toBe(
      "/configure/acme/shelving?challenge=ch_now000001",
    );
    const list = screen.getByRole("list", { name: "Entries" });
    expect(
      within(list)
        .getAllByRole("heading")
        .map((h) => h.textContent),
    ).toEqual(["Most voted", "Runner-up"]);
    expect(screen.queryByRole("region", { name: "Winners" })).toBeNull();
  });

  it("shows winners with rank and note once closed, and no way in", async () => {
    fakeApi({
      "GET /api/packs": () => PACKS,
      "GET /api/challenges/:id": () => ({
        ...challenge("ch_past00001", "closed", "Tiny kitchens"),
        entries,
        entryCount: 2,
        winners: [{ rank: 1, note: "Clever corner use", design: entries[1] }],
      }),
    });
    renderWithApp(<ChallengesPage id="ch_past00001" />, { path: "/challenges/ch_past00001" });
    const winners = await screen.findByRole("region", { name: "Winners" });
    expect(within(winners).getByRole("link", { name: "Runner-up" })).toBeTruthy();
    expect(within(winners).getByText("#1")).toBeTruthy();
    expect(within(winners).getByText("Clever corner use")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Enter this challenge" })).toBeNull();
    expect(screen.getByText(/Closed/, { selector: ".challenge-dates" })).toBeTruthy();
  });

  it("says when it does not exist", async () => {
    fakeApi({
      "GET /api/packs": () => PACKS,
      "GET /api/challenges/:id": () => apiError(404, "not_found", "there is no challenge ch_nothing01"),
    });
    renderWithApp(<ChallengesPage id="ch_nothing01" />, { path: "/challenges/ch_nothing01" });
    expect((await screen.findByRole("alert")).textContent).toContain("does not exist");
  });
});
