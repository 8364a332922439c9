import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DesignRecord } from "../api/client.ts";
import type { HistoryEntry } from "./api.ts";
import { apiError, design, fakeFetch, packRoutes, renderStudio } from "./testing.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A review API over a few designs: the queue, history, and moves checked like the API checks them. */
function reviewApi(designs: DesignRecord[], options: { conflict?: "status_changed" } = {}) {
  const next: Record<string, string[]> = {
    submitted: ["under_review", "declined"],
    under_review: ["shortlisted", "declined"],
    shortlisted: ["commercialized", "declined"],
  };
  const history: Record<string, HistoryEntry[]> = {};
  const api = fakeFetch({
    ...packRoutes,
    "GET /api/review/queue": ({ token }) =>
      token === "kb_team" ? { designs, next: null } : apiError(401, "unauthenticated", "no"),
    "GET /api/designs/:id/history": ({ params }) => ({ history: history[params.id!] ?? [] }),
    "GET /api/designs/:id": ({ params }) => designs.find((d) => d.id === params.id),
    "POST /api/designs/:id/review": ({ params, body, token }) => {
      const { status, reason } = body as { status: string; reason: string };
      const index = designs.findIndex((d) => d.id === params.id);
      const current = designs[index]!;
      if (token !== "kb_team") return apiError(403, "forbidden", "team only");
      if (options.conflict === "status_changed") {
        designs[index] = { ...current, status: "declined", updatedAt: "2026-03-02T09:00:00.000Z" };
        return apiError(409, "status_changed", "the design's status changed meanwhile; reload it and decide again");
      }
      if (!next[current.status]?.includes(status))
        return apiError(409, "illegal_transition", `a ${current.status} design cannot become ${status}`);
      const entry = {
        id: Object.keys(history).length + 1,
        from: current.status,
        to: status,
        reason,
        by: "team" as const,
        at: "2026-03-02T10:00:00.000Z",
      };
      history[current.id] = [...(history[current.id] ?? []), entry];
      designs[index] = { ...current, status, updatedAt: entry.at };
      return designs[index];
    },
  });
  return api;
}

describe("the review queue", () => {
  it("lists designs awaiting a decision and moves one to an allowed status with a required reason", async () => {
    const shelf = design({ title: "Hallway shelf", creator: { id: "cr_bo", name: "Bo" }, price: 812 });
    const api = reviewApi([shelf, design({ title: "Desk wall", status: "under_review" })]);
    renderStudio({ teamKey: "kb_team", path: "/studio?tab=review" });

    const queue = await screen.findByRole("list", { name: "Designs awaiting a decision" });
    const items = within(queue).getAllByRole("button");
    expect(items.map((b) => b.textContent)).toEqual([
      expect.stringContaining("Hallway shelf"),
      expect.stringContaining("Desk wall"),
    ]);
    expect(items[0]!.textContent).toContain("by Bo · €812");
    expect(api.to("GET", "/api/review/queue")[0]!.query.get("pack")).toBe("acme/shelving");

    fireEvent.click(items[0]!);
    const detail = await screen.findByRole("article", { name: "Hallway shelf" });
    expect(within(detail).getByRole("link", { name: "Open the design page" }).getAttribute("href")).toBe(
      `/designs/${shelf.id}`,
    );
    expect(await within(detail).findByText("No decisions yet.")).toBeTruthy();
    // Only the statuses a submitted design may move to.
    const options = within(detail).getAllByRole("radio");
    expect(options.map((o) => o.closest("label")!.textContent)).toEqual(["Under review", "Declined"]);

    // Without a reason nothing is sent.
    fireEvent.click(within(detail).getByRole("button", { name: "Move the design" }));
    expect(within(detail).getByText("Give a reason: the creator reads it.")).toBeTruthy();
    expect(api.to("POST", `/api/designs/${shelf.id}/review`)).toHaveLength(0);

    fireEvent.change(within(detail).getByLabelText("Reason (the creator reads it)"), {
      target: { value: "  Lovely proportions; we will cost it.  " },
    });
    fireEvent.click(within(detail).getByRole("button", { name: "Move the design" }));
    expect((await within(detail).findByRole("status")).textContent).toBe("Moved to Under review.");
    const [move] = api.to("POST", `/api/designs/${shelf.id}/review`);
    expect(move!.body).toEqual({ status: "under_review", reason: "Lovely proportions; we will cost it." });
    expect(move!.token).toBe("kb_team");

    // The new status everywhere, the next allowed moves, and the history with the reason.
    const updated = screen.getByRole("article", { name: "Hallway shelf" });
    await within(updated).findByText("Lovely proportions; we will cost it.");
    expect(
      within(updated)
        .getAllByRole("radio")
        .map((o) => o.closest("label")!.textContent),
    ).toEqual(["Shortlisted", "Declined"]);
    expect(within(queue).getAllByRole("button")[0]!.textContent).toContain("Under review");
  });

  it("shows the API's 409 when the design moved meanwhile, and reloads it on request", async () => {
    const shelf = design({ title: "Contested shelf" });
    reviewApi([shelf], { conflict: "status_changed" });
    renderStudio({ teamKey: "kb_team", path: `/studio?tab=review&design=${shelf.id}` });

    const detail = await screen.findByRole("article", { name: "Contested shelf" });
    fireEvent.change(within(detail).getByLabelText("Reason (the creator reads it)"), { target: { value: "Yes" } });
    fireEvent.click(within(detail).getByRole("button", { name: "Move the design" }));
    const alert = await within(detail).findByRole("alert");
    expect(alert.textContent).toContain("the design's status changed meanwhile; reload it and decide again");

    fireEvent.click(within(alert).getByRole("button", { name: "Reload the design" }));
    await waitFor(() => expect(within(screen.getByRole("article")).getByText("Declined")).toBeTruthy());
    expect(screen.getByText("This design's status is final; there is no next step.")).toBeTruthy();
  });

  it("shows an illegal move's message in the API's words", async () => {
    const stored = [design({ title: "Popular shelf" })];
    reviewApi(stored);
    renderStudio({ teamKey: "kb_team", path: "/studio?tab=review" });
    fireEvent.click(await screen.findByRole("button", { name: /Popular shelf/ }));
    const detail = await screen.findByRole("article", { name: "Popular shelf" });
    // Another reviewer shortlisted it after the queue loaded: under review is no longer a legal move.
    stored[0] = { ...stored[0]!, status: "shortlisted" };
    fireEvent.change(within(detail).getByLabelText("Reason (the creator reads it)"), {
      target: { value: "Looks good" },
    });
    fireEvent.click(within(detail).getByRole("button", { name: "Move the design" }));
    expect((await within(detail).findByRole("alert")).textContent).toBe(
      "a shortlisted design cannot become under_review",
    );
    expect(within(detail).queryByRole("button", { name: "Reload the design" })).toBeNull();
    expect(within(detail).queryByRole("status")).toBeNull();
  });

  it("says so when nothing awaits a decision", async () => {
    reviewApi([]);
    renderStudio({ teamKey: "kb_team", path: "/studio?tab=review" });
    expect(await screen.findByText("Nothing is waiting for a decision.")).toBeTruthy();
  });
});
