import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Comment } from "./api.ts";
import { Comments } from "./Comments.tsx";
import { apiError, fakeApi } from "./fake-api.ts";
import { renderWithApp } from "./testing.tsx";

const ME = { token: "ct_me", id: "cr_me000001" };
const DESIGN = "d_theirs01";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const comment = (n: number, author = { id: "cr_them0001", name: "Them" }): Comment => ({
  id: `cm_comment${String(n).padStart(3, "0")}`,
  design: DESIGN,
  author,
  body: `Comment ${n}`,
  createdAt: new Date(Date.UTC(2030, 0, 1, 12, n)).toISOString(),
});

/** Comments stored in memory, paged oldest first; posting needs a token; only authors delete. */
function commentsApi(stored: Comment[], pageSize = 50) {
  return fakeApi({
    "GET /api/designs/:id/comments": ({ query }) => {
      const start = Number(query.get("cursor") ?? 0);
      return {
        comments: stored.slice(start, start + pageSize),
        next: start + pageSize < stored.length ? String(start + pageSize) : null,
      };
    },
    "POST /api/designs/:id/comments": ({ token, body }) => {
      if (token !== ME.token) return apiError(401, "unauthenticated", "this needs your creator token");
      const text = (body as { body: string }).body;
      if (text.length > 2000) return apiError(400, "malformed", "body: at most 2000 characters");
      const posted = { ...comment(stored.length + 1, { id: ME.id, name: "Me" }), body: text };
      stored.push(posted);
      return posted;
    },
    "DELETE /api/designs/:id/comments/:commentId": ({ token, params }) => {
      const found = stored.find((c) => c.id === params.commentId);
      if (!found) return apiError(404, "not_found", "no such comment");
      if (token !== ME.token || found.author.id !== ME.id) return apiError(403, "forbidden", "only its author");
      stored.splice(stored.indexOf(found), 1);
      return found;
    },
  });
}

const list = () => screen.getByRole("list");
const box = () => screen.getByRole("textbox", { name: "Add a comment" }) as HTMLTextAreaElement;
const postButton = () => screen.getByRole("button", { name: "Post comment" }) as HTMLButtonElement;

describe("comments", () => {
  it("lists the conversation oldest first, each with its author linked", async () => {
    commentsApi([comment(1), comment(2)]);
    renderWithApp(<Comments designId={DESIGN} />);
    await waitFor(() => expect(within(list()).getAllByRole("listitem")).toHaveLength(2));
    const [first, second] = within(list()).getAllByRole("listitem");
    expect(first!.textContent).toContain("Comment 1");
    expect(second!.textContent).toContain("Comment 2");
    expect(within(first!).getByRole("link", { name: "Them" }).getAttribute("href")).toBe("/creators/cr_them0001");
    expect(screen.getByRole("heading", { name: "Comments (2)" })).toBeTruthy();
  });

  it("posts with the creator token, shows the new comment at the end, clears the box and announces it", async () => {
    const api = commentsApi([comment(1)]);
    renderWithApp(<Comments designId={DESIGN} />, { creator: ME });
    await screen.findByText("Comment 1");
    expect(postButton().disabled).toBe(true);
    fireEvent.change(box(), { target: { value: "  Love the oak!  " } });
    fireEvent.click(postButton());
    await waitFor(() => expect(within(list()).getAllByRole("listitem")).toHaveLength(2));
    expect(within(list()).getAllByRole("listitem")[1]!.textContent).toContain("Love the oak!");
    const posted = api.to("POST", `/api/designs/${DESIGN}/comments`)[0]!;
    expect(posted.token).toBe(ME.token);
    expect(posted.body).toEqual({ body: "Love the oak!" });
    expect(box().value).toBe("");
    expect(screen.getByText("Comment posted.")).toBeTruthy();
  });

  it("lets authors delete their own comments only", async () => {
    const api = commentsApi([comment(1), comment(2, { id: ME.id, name: "Me" })]);
    renderWithApp(<Comments designId={DESIGN} />, { creator: ME });
    await screen.findByText("Comment 2");
    const deletes = screen.getAllByRole("button", { name: "Delete your comment" });
    expect(deletes).toHaveLength(1);
    expect(within(list()).getAllByRole("listitem")[1]!.contains(deletes[0]!)).toBe(true);
    fireEvent.click(deletes[0]!);
    await waitFor(() => expect(screen.queryByText("Comment 2")).toBeNull());
    expect(api.to("DELETE", `/api/designs/${DESIGN}/comments/cm_comment002`)).toHaveLength(1);
    expect(screen.getByText("Comment 1")).toBeTruthy();
    expect(screen.getByText("Comment deleted.")).toBeTruthy();
  });

  it("explains that a creator token is needed, with the box disabled", async () => {
    const api = commentsApi([]);
    renderWithApp(<Comments designId={DESIGN} />);
    expect(await screen.findByText(/No comments yet/)).toBeTruthy();
    expect(box().disabled).toBe(true);
    expect(document.getElementById(box().getAttribute("aria-describedby")!)?.textContent).toMatch(
      /Submit a design of your own/,
    );
    expect(postButton().disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Delete your comment" })).toBeNull();
    expect(api.to("POST", `/api/designs/${DESIGN}/comments`)).toHaveLength(0);
  });

  it("shows the API's message when posting fails and keeps what was written", async () => {
    fakeApi({
      "GET /api/designs/:id/comments": () => ({ comments: [], next: null }),
      "POST /api/designs/:id/comments": () => apiError(413, "too_large", "the request body is larger than 64 KiB"),
    });
    renderWithApp(<Comments designId={DESIGN} />, { creator: ME });
    await screen.findByText(/No comments yet/);
    fireEvent.change(box(), { target: { value: "Hello" } });
    fireEvent.click(postButton());
    expect((await screen.findByRole("alert")).textContent).toBe("the request body is larger than 64 KiB");
    expect(box().value).toBe("Hello");
  });

  it("pages through a long conversation with the cursor", async () => {
    const api = commentsApi(
      Array.from({ length: 5 }, (_, i) => comment(i + 1)),
      3,
    );
    renderWithApp(<Comments designId={DESIGN} />);
    await waitFor(() => expect(within(list()).getAllByRole("listitem")).toHaveLength(3));
    fireEvent.click(screen.getByRole("button", { name: "Show more comments" }));
    await waitFor(() => expect(within(list()).getAllByRole("listitem")).toHaveLength(5));
    expect(api.to("GET", `/api/designs/${DESIGN}/comments`)[1]!.query.get("cursor")).toBe("3");
    expect(screen.queryByRole("button", { name: "Show more comments" })).toBeNull();
  });

  it("shows a load error with a retry", async () => {
    let fail = true;
    fakeApi({
      "GET /api/designs/:id/comments": () =>
        fail ? apiError(500, "internal", "something went wrong on our side") : { comments: [comment(1)], next: null },
    });
    renderWithApp(<Comments designId={DESIGN} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("something went wrong on our side");
    fail = false;
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Comment 1")).toBeTruthy();
  });
});
