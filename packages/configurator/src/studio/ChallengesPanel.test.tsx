import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Challenge, NewChallenge } from "./api.ts";
import { apiError, fakeFetch, packRoutes, renderStudio } from "./testing.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("announcing a challenge", () => {
  it("posts the title, brief and dates for the pack, then lists it with a link", async () => {
    const challenges: Challenge[] = [];
    const api = fakeFetch({
      ...packRoutes,
      "GET /api/challenges": ({ query }) => ({
        challenges: challenges.filter((c) => c.pack === query.get("pack")),
        next: null,
      }),
      "POST /api/challenges": ({ body, token }) => {
        if (token !== "kb_team") return apiError(403, "forbidden", "team only");
        const created = {
          ...(body as NewChallenge),
          id: "ch_new",
          state: "upcoming" as const,
          createdAt: "2026-03-01T00:00:00.000Z",
        };
        challenges.push(created);
        return created;
      },
    });
    renderStudio({ teamKey: "kb_team", path: "/studio?tab=challenges" });
    expect(await screen.findByText("No challenges for this pack yet.")).toBeTruthy();
    const form = screen.getByRole("form", { name: "Announce a challenge" });
    fireEvent.change(within(form).getByLabelText("Title"), { target: { value: "Hallway heroes" } });
    fireEvent.change(within(form).getByLabelText("Brief"), { target: { value: "Shelves for narrow hallways." } });
    fireEvent.change(within(form).getByLabelText("Starts"), { target: { value: "2030-05-01T09:00" } });
    fireEvent.change(within(form).getByLabelText("Ends"), { target: { value: "2030-05-31T18:00" } });
    fireEvent.submit(form);

    expect((await within(form).findByRole("status")).textContent).toContain("The challenge is announced.");
    const [post] = api.to("POST", "/api/challenges");
    expect(post!.body).toEqual({
      pack: "acme/shelving",
      title: "Hallway heroes",
      brief: "Shelves for narrow hallways.",
      startsAt: new Date("2030-05-01T09:00").toISOString(),
      endsAt: new Date("2030-05-31T18:00").toISOString(),
    });
    expect(within(form).getByRole("link", { name: "Open its page" }).getAttribute("href")).toBe("/challenges/ch_new");
    const listed = await screen.findByRole("link", { name: "Hallway heroes" });
    expect(listed.getAttribute("href")).toBe("/challenges/ch_new");
    expect(listed.closest("li")!.textContent).toContain("Upcoming");
  });

  it("refuses an end before the start without asking the API", async () => {
    const api = fakeFetch({ ...packRoutes, "GET /api/challenges": () => ({ challenges: [], next: null }) });
    renderStudio({ teamKey: "kb_team", path: "/studio?tab=challenges" });
    const form = await screen.findByRole("form", { name: "Announce a challenge" });
    fireEvent.change(within(form).getByLabelText("Title"), { target: { value: "Backwards" } });
    fireEvent.change(within(form).getByLabelText("Brief"), { target: { value: "Time runs the other way." } });
    fireEvent.change(within(form).getByLabelText("Starts"), { target: { value: "2030-05-31T09:00" } });
    fireEvent.change(within(form).getByLabelText("Ends"), { target: { value: "2030-05-01T09:00" } });
    fireEvent.submit(form);
    await waitFor(() => expect(within(form).getByRole("alert").textContent).toBe("The end must be after the start."));
    expect(api.to("POST", "/api/challenges")).toHaveLength(0);
  });
});
