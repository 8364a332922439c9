import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeApi } from "./fake-api.ts";
import { renderWithApp } from "./testing.tsx";
import { VoteButton } from "./VoteButton.tsx";

const ME = { token: "ct_me", id: "cr_me000001" };
const DESIGN = { id: "d_theirs01", votes: 4, creator: { id: "cr_them0001" } };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The button with the count kept by its parent, as the design page does. */
function Voting({ design = DESIGN }: { design?: typeof DESIGN }) {
  const [votes, setVotes] = useState(design.votes);
  return <VoteButton design={{ ...design, votes }} onVotes={setVotes} />;
}

/** A fake vote table: one vote per creator, never for your own design. */
function votingApi() {
  const voters = new Set<string>();
  let votes = DESIGN.votes;
  return fakeApi({
    "POST /api/designs/:id/votes": ({ token }) => {
      if (voters.has(token!)) return apiError(409, "already_voted", "you already voted for this design");
      voters.add(token!);
      return { design: DESIGN.id, votes: ++votes, voted: true };
    },
    "DELETE /api/designs/:id/votes": ({ token }) => {
      if (!voters.delete(token!)) return apiError(404, "not_voted", "you have not voted for this design");
      return { design: DESIGN.id, votes: --votes, voted: false };
    },
  });
}

const button = () => screen.getByRole("button", { name: /Vote/ }) as HTMLButtonElement;

describe("voting", () => {
  it("is disabled with the reason when this browser has no creator token", () => {
    const api = votingApi();
    renderWithApp(<Voting />);
    expect(button().disabled).toBe(true);
    const why = document.getElementById(button().getAttribute("aria-describedby")!);
    expect(why?.textContent).toMatch(/Submit a design of your own to vote/);
    fireEvent.click(button());
    expect(api.calls).toHaveLength(0);
  });

  it("is disabled with the reason on the viewer's own design", () => {
    votingApi();
    renderWithApp(<Voting design={{ ...DESIGN, creator: { id: ME.id } }} />, { creator: ME });
    expect(button().disabled).toBe(true);
    expect(screen.getByText("This is your design, so you cannot vote for it.")).toBeTruthy();
  });

  it("votes and takes the vote back with the creator token, updating the count and the pressed state", async () => {
    const api = votingApi();
    renderWithApp(<Voting />, { creator: ME });
    expect(button().disabled).toBe(false);
    expect(button().getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByText("4 votes")).toBeTruthy();
    fireEvent.click(button());
    await waitFor(() => expect(button().getAttribute("aria-pressed")).toBe("true"));
    expect(screen.getByText("5 votes")).toBeTruthy();
    expect(button().textContent).toContain("Voted");
    expect(api.to("POST", "/api/designs/d_theirs01/votes")[0]!.token).toBe("ct_me");
    fireEvent.click(button());
    await waitFor(() => expect(button().getAttribute("aria-pressed")).toBe("false"));
    expect(screen.getByText("4 votes")).toBeTruthy();
    expect(api.to("DELETE", "/api/designs/d_theirs01/votes")).toHaveLength(1);
  });

  it("remembers a vote across visits, and believes the API's 409 when it forgot", async () => {
    const api = votingApi();
    const first = renderWithApp(<Voting />, { creator: ME });
    fireEvent.click(button());
    await waitFor(() => expect(button().getAttribute("aria-pressed")).toBe("true"));
    first.unmount();
    // The same browser, later: the vote shows as cast without asking the API.
    const again = renderWithApp(<Voting />, { creator: ME, keepStorage: true });
    expect(button().getAttribute("aria-pressed")).toBe("true");
    expect(api.calls).toHaveLength(1);
    again.unmount();
    // Another browser of the same creator does not know; the API's 409 says the vote exists.
    renderWithApp(<Voting />, { creator: ME });
    expect(button().getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(button());
    await waitFor(() => expect(button().getAttribute("aria-pressed")).toBe("true"));
    expect(screen.getByText("You had already voted for this design.")).toBeTruthy();
    // A refused vote changes no count.
    expect(screen.getByText("4 votes")).toBeTruthy();
  });

  it("shows an error the API gives and stays usable", async () => {
    fakeApi({
      "POST /api/designs/:id/votes": () => apiError(429, "rate_limited", "too many requests from this token"),
    });
    renderWithApp(<Voting />, { creator: ME });
    fireEvent.click(button());
    expect((await screen.findByRole("alert")).textContent).toBe("too many requests from this token");
    expect(button().disabled).toBe(false);
    expect(button().getAttribute("aria-pressed")).toBe("false");
  });
});
