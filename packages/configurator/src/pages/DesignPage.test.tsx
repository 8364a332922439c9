import { readFileSync } from "node:fs";
import { cleanup, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DesignRecord } from "../api/client.ts";
import { apiError, designRecord, fakeApi } from "../community/fake-api.ts";
import { renderWithApp } from "../community/testing.tsx";
import DesignPage from "./DesignPage.tsx";

// No WebGL here: the 3D view is replaced by one that shows what the store evaluated from the design.
const viewer = vi.hoisted(() => ({ fails: false }));
vi.mock("../scene/Viewer.tsx", async () => {
  const { useConfigurator } = await import("../app/context.tsx");
  return {
    default: function FakeViewer({ preserveDrawingBuffer }: { preserveDrawingBuffer?: boolean }) {
      if (viewer.fails) throw new Error("WebGL is not available");
      const parts = useConfigurator((s) => s.snapshot?.scene.parts.length ?? 0);
      const design = useConfigurator((s) => s.design);
      return (
        <div data-testid="viewer" data-parts={parts} data-preserve={String(preserveDrawingBuffer)}>
          {JSON.stringify(design)}
        </div>
      );
    },
  };
});

// Compiling the real pack in the page's thread takes a moment, more so on a busy machine.
configure({ asyncUtilTimeout: 10_000 });

const shelving = JSON.parse(readFileSync(`${import.meta.dirname}/../../../rules/packs/acme-shelving.json`, "utf8"));
const homeOffice = shelving.presentation.presets.find((p: { id: string }) => p.id === "home_office").choices;
const ALICE = { token: "ct_alice", id: "cr_alice0001" };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  viewer.fails = false;
});

function designApi(design: DesignRecord, extra: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  const parent = designRecord({
    id: "d_parent001",
    title: "The original",
    creator: { id: "cr_bob000001", name: "Bob" },
  });
  const remix = designRecord({ id: "d_remix0001", title: "Remixed again", parent: design.id });
  return fakeApi({
    "GET /api/packs": () => ({ packs: [{ id: "acme/shelving", name: shelving.name, version: "1.0.0" }] }),
    "GET /api/packs/:ns/:name/bundle": () => ({ pack: shelving, bases: [] }),
    "GET /api/designs/:id": ({ params }) => (params.id === design.id ? design : apiError(404, "not_found", "gone")),
    "GET /api/designs/:id/lineage": () => ({ ancestors: [parent], remixes: [{ ...remix, depth: 1 }] }),
    "GET /api/designs/:id/bom": () => ({
      design: design.id,
      pack: design.pack,
      packVersion: design.packVersion,
      currency: "EUR",
      price: design.price,
      leadTime: design.leadTime,
      lines: [
        { sku: "FR-ST-200", label: "Steel upright 200 cm", quantity: 4 },
        { sku: "SH-OAK-80", label: "Oak veneer shelf 80 cm", quantity: 5 },
      ],
    }),
    "GET /api/designs/:id/comments": () => ({ comments: [], next: null }),
    "GET /api/designs/:id/history": ({ token }) =>
      token === ALICE.token
        ? {
            history: [
              { id: 1, from: null, to: "submitted", reason: "Submitted", by: "creator", at: design.createdAt },
              {
                id: 2,
                from: "submitted",
                to: "declined",
                reason: "Too deep for the hallway range",
                by: "team",
                at: design.updatedAt,
              },
            ],
          }
        : apiError(403, "forbidden", "only the creator"),
    "GET /api/challenges/:id": () => ({ id: "ch_hallway01", title: "Hallway heroes" }),
    ...extra,
  });
}

const office = (overrides: Partial<DesignRecord> = {}) =>
  designRecord({
    id: "d_office001",
    title: "Black desk wall",
    story: "A desk wall for a small flat.",
    fit: 7,
    toTen: "A fold-down desk.",
    wish: "lighting=led_strip",
    choices: homeOffice,
    price: 2150,
    leadTime: 21,
    licence: "CC-BY-SA-4.0",
    parent: "d_parent001",
    challenge: "ch_hallway01",
    status: "declined",
    votes: 3,
    ...overrides,
  });

describe("the design page", () => {
  it("evaluates the stored choices with the engine on the design's pack version and shows them in 3D", async () => {
    const api = designApi(office());
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001?preserve=1" });
    const view = await screen.findByTestId("viewer");
    await waitFor(() => expect(Number(view.dataset.parts)).toBeGreaterThan(10));
    expect(JSON.parse(view.textContent!)).toEqual(homeOffice);
    expect(view.dataset.preserve).toBe("true");
    expect(api.to("GET", "/api/packs/acme/shelving/bundle")[0]!.query.get("version")).toBe("1.0.0");
    // The choices in the pack's words, from the same evaluation.
    const spec = await screen.findByRole("region", { name: "What's in it" });
    expect(within(spec).getByText("Frame").nextElementSibling?.textContent).toBe("Steel");
    expect(within(spec).getByText("Bays 3").nextElementSibling?.textContent).toMatch(/^Drawer unit · .*: 3\b/);
  });

  it("shows the story, fit, wish, price, delivery, licence, status, creator, challenge and bill of materials", async () => {
    designApi(office());
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001" });
    expect(await screen.findByRole("heading", { level: 1, name: "Black desk wall" })).toBeTruthy();
    expect(screen.getByText("A desk wall for a small flat.")).toBeTruthy();
    expect(screen.getByRole("meter", { name: "How well it meets the need" }).getAttribute("value")).toBe("7");
    expect(screen.getByText("A fold-down desk.")).toBeTruthy();
    expect(screen.getByText("lighting=led_strip")).toBeTruthy();
    expect(screen.getByText("€2,150")).toBeTruthy();
    expect(screen.getByText("21 days")).toBeTruthy();
    expect(screen.getByRole("link", { name: "CC BY-SA 4.0" })).toBeTruthy();
    expect(screen.getAllByText("Declined").length).toBeGreaterThan(0);
    expect(screen.getByRole("link", { name: "Alice" }).getAttribute("href")).toBe("/creators/cr_alice0001");
    expect((await screen.findByRole("link", { name: "Hallway heroes" })).getAttribute("href")).toBe(
      "/challenges/ch_hallway01",
    );
    const bill = await screen.findByRole("table");
    const rows = within(bill).getAllByRole("row");
    expect(rows[1]!.textContent).toContain("Steel upright 200 cm");
    expect(rows[1]!.textContent).toContain("FR-ST-200");
    expect(rows.at(-1)!.textContent).toContain("€2,150");
    expect(screen.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(
      "/api/designs/d_office001/bom?format=csv",
    );
  });

  it("links Remix to the configurator with the pack version and the parent", async () => {
    designApi(office());
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001" });
    const remix = await screen.findByRole("link", { name: /Remix/ });
    expect(remix.getAttribute("href")).toBe("/configure/acme/shelving?version=1.0.0&remix=d_office001");
  });

  it("draws the family tree: the parent above, this design, its remixes below", async () => {
    designApi(office());
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001" });
    const tree = await screen.findByRole("region", { name: "Family tree" });
    const parent = await within(tree).findByRole("link", { name: "The original" });
    expect(parent.getAttribute("href")).toBe("/designs/d_parent001");
    const current = within(tree).getByText((_, el) => el?.getAttribute("aria-current") === "page");
    expect(current.textContent).toContain("Black desk wall");
    // This design is nested in its parent's item, and the remix in this design's.
    expect(parent.closest("li")!.contains(current)).toBe(true);
    const remix = within(tree).getByRole("link", { name: "Remixed again" });
    expect(current.closest("li")!.contains(remix)).toBe(true);
  });

  it("shows its creator the review history with reasons", async () => {
    const api = designApi(office());
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001", creator: ALICE });
    const history = await screen.findByRole("region", { name: "Review history" });
    expect(await within(history).findByText("Too deep for the hallway range")).toBeTruthy();
    expect(api.to("GET", "/api/designs/d_office001/history")[0]!.token).toBe(ALICE.token);
    expect(screen.getByText("Your design")).toBeTruthy();
    expect((screen.getByRole("button", { name: /Vote/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps the review history from everyone else", async () => {
    const api = designApi(office());
    renderWithApp(<DesignPage id="d_office001" />, {
      path: "/designs/d_office001",
      creator: { token: "ct_bob", id: "cr_bob000001" },
    });
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByRole("region", { name: "Review history" })).toBeNull();
    expect(api.to("GET", "/api/designs/d_office001/history")).toHaveLength(0);
    expect((screen.getByRole("button", { name: /Vote/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("updates the count after a vote", async () => {
    designApi(office(), {
      "POST /api/designs/:id/votes": () => ({ design: "d_office001", votes: 4, voted: true }),
    });
    renderWithApp(<DesignPage id="d_office001" />, {
      path: "/designs/d_office001",
      creator: { token: "ct_bob", id: "cr_bob000001" },
    });
    expect(await screen.findByText("3 votes")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Vote/ }));
    expect(await screen.findByText("4 votes")).toBeTruthy();
  });

  it("says so when the design does not exist, with a way back", async () => {
    designApi(office());
    renderWithApp(<DesignPage id="d_missing01" />, { path: "/designs/d_missing01" });
    expect((await screen.findByRole("alert")).textContent).toContain("does not exist");
    expect(screen.getByRole("link", { name: "Back to the gallery" }).getAttribute("href")).toBe("/gallery");
  });

  it("says so when the 3D view cannot open, and shows the rest of the design", async () => {
    designApi(office(), {
      "GET /api/packs/:ns/:name/bundle": () => apiError(404, "not_found", "pack acme/shelving 1.0.0"),
    });
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001" });
    const stage = await screen.findByRole("region", { name: "3D view of the design" });
    expect((await within(stage).findByRole("alert")).textContent).toContain("pack acme/shelving 1.0.0");
    expect(screen.getByRole("heading", { level: 1, name: "Black desk wall" })).toBeTruthy();
  });

  it("keeps the page when the 3D view itself fails (no WebGL), and says so", async () => {
    designApi(office());
    viewer.fails = true;
    vi.spyOn(console, "error").mockImplementation(() => {});
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001" });
    const stage = await screen.findByRole("region", { name: "3D view of the design" });
    expect((await within(stage).findByRole("alert")).textContent).toContain("WebGL is not available");
    expect(screen.getByRole("heading", { level: 1, name: "Black desk wall" })).toBeTruthy();
    viewer.fails = false;
    fireEvent.click(within(stage).getByRole("button", { name: "Try again" }));
    expect(await within(stage).findByTestId("viewer")).toBeTruthy();
    vi.mocked(console.error).mockRestore();
  });

  it("speaks German", async () => {
    designApi(office());
    renderWithApp(<DesignPage id="d_office001" />, { path: "/designs/d_office001", language: "de" });
    expect(await screen.findByRole("link", { name: /Remixen/ })).toBeTruthy();
    expect(screen.getByText("21 Tage")).toBeTruthy();
    expect(screen.getByText("7 von 10")).toBeTruthy();
    expect(await screen.findByRole("region", { name: "Stückliste" })).toBeTruthy();
    const spec = await screen.findByRole("region", { name: "Ausstattung" });
    expect(within(spec).getByText("Gestell").nextElementSibling?.textContent).toBe("Stahl");
  });
});
