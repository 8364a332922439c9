import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Activity, Pairs, Popularity } from "./api.ts";
import { apiError, fakeFetch, packRoutes, Reply, renderStudio } from "./testing.tsx";
import { addDays, presetWindow } from "./window.ts";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const meta = { pack: "acme/shelving", version: null, from: "2026-03-01T00:00:00.000Z", to: "2026-03-03T00:00:00.000Z" };

const activity: Activity = {
  ...meta,
  totals: { designs: 7, blocked: 3, wishes: 2 },
  days: [
    { day: "2026-03-01", designs: 2, blocked: 1, wishes: 0 },
    { day: "2026-03-02", designs: 5, blocked: 2, wishes: 2 },
  ],
};

const item = (variable: string, value: string, label: string, count: number) => ({ variable, value, label, count });
const oak = item("frame", "oak", "Frame: Solid oak", 20);
const oiled = item("finish", "oiled", "Finish: Natural oil", 24);
const wall = item("mounting", "wall", "Mounting: Wall-hung on rails", 40);

const pairs: Pairs = {
  ...meta,
  designs: 100,
  minCount: 1,
  pairs: [
    {
      a: oak,
      b: oiled,
      count: 12,
      support: 0.12,
      lift: 2.5,
      ruleAwareLift: 1.8,
      confidence: { aToB: 0.6, bToA: 0.5 },
      linked: true,
    },
    {
      a: oiled,
      b: wall,
      count: 6,
      support: 0.06,
      lift: 0.625,
      ruleAwareLift: 0.7,
      confidence: { aToB: 0.25, bToA: 0.15 },
      linked: false,
    },
  ],
  excluded: { commonValues: 2, forced: 5 },
};

const popularity: Popularity = {
  ...meta,
  designs: 3,
  variables: [
    {
      variable: "frame",
      label: "Frame",
      designs: 3,
      values: [
        { value: "oak", label: "Solid oak", count: 2, share: 2 / 3 },
        { value: "steel", label: "Steel", count: 1, share: 1 / 3 },
        { value: "ash", label: "Solid ash", count: 0, share: 0 },
      ],
    },
    {
      variable: "colour",
      label: "Frame colour",
      designs: 3,
      values: [
        { value: "white", label: "Traffic white RAL 9016", count: 3, share: 1 },
        ...["black", "anthracite", "sage", "ochre", "oxide"].map((value) => ({
          value,
          label: value,
          count: 0,
          share: 0,
        })),
        { value: "silver", label: "Natural anodised", count: 0, share: 0 },
      ],
    },
    {
      variable: "bays.1.type",
      label: "Bays 1",
      designs: 3,
      values: [{ value: "desk", label: "Desk bay", count: 3, share: 1 }],
    },
  ],
};

const insight = (what: string) => `GET /api/insights/acme/shelving/${what}`;

describe("the Studio's sections", () => {
  it("shows an insight's error in the API's words and loads it again on request", async () => {
    let calls = 0;
    fakeFetch({
      ...packRoutes,
      [insight("activity")]: () =>
        ++calls === 1 ? apiError(503, "unavailable", "the database is starting up") : activity,
    });
    renderStudio({ teamKey: "kb_team" });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This could not be loaded");
    expect(alert.textContent).toContain("the database is starting up");
    expect(within(alert).queryByRole("button", { name: "Sign out" })).toBeNull();
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    const designs = await screen.findByText("Designs", { selector: "dt" });
    expect(designs.nextElementSibling!.textContent).toBe("7");
    expect(
      screen.getByText(/7 designs, 3 blocked attempts and 2 wishes over 2 days\. Busiest day: Mar 2, 2026/),
    ).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers to sign out when the server refuses the kept key", async () => {
    fakeFetch({
      ...packRoutes,
      [insight("activity")]: () => apiError(401, "unauthenticated", "the token is unknown or revoked"),
    });
    const { store } = renderStudio({ teamKey: "kb_revoked" });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("the token is unknown or revoked");
    fireEvent.click(within(alert).getByRole("button", { name: "Sign out" }));
    expect(store.getState().teamKey).toBeNull();
    expect(screen.getByRole("heading", { name: "Sign in to the Studio" })).toBeTruthy();
  });

  it("asks for the window the team picks: presets and custom dates, refusing a start after the end", async () => {
    const api = fakeFetch({ ...packRoutes, [insight("activity")]: () => activity });
    renderStudio({ teamKey: "kb_team" });
    await screen.findByRole("heading", { name: "Activity per day" });
    const last30 = presetWindow(30);
    const first = api.to("GET", "/api/insights/acme/shelving/activity")[0]!;
    expect([first.query.get("from"), first.query.get("to"), first.token]).toEqual([last30.from, last30.to, "kb_team"]);
    expect(screen.getByRole("button", { name: "Last 30 days" }).getAttribute("aria-pressed")).toBe("true");

    fireEvent.click(screen.getByRole("button", { name: "Last 7 days" }));
    const last7 = presetWindow(7);
    await waitFor(() => expect(api.to("GET", "/api/insights/acme/shelving/activity")).toHaveLength(2));
    expect(api.to("GET", "/api/insights/acme/shelving/activity")[1]!.query.get("from")).toBe(last7.from);
    expect(screen.getByRole("button", { name: "Last 7 days" }).getAttribute("aria-pressed")).toBe("true");

    fireEvent.change(screen.getByLabelText("From"), { target: { value: addDays(last7.to, 3) } });
    expect(screen.getByRole("alert").textContent).toBe("The start must be on or before the end.");
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-01-01" } });
    await waitFor(() => expect(api.to("GET", "/api/insights/acme/shelving/activity")).toHaveLength(3));
    expect(api.to("GET", "/api/insights/acme/shelving/activity")[2]!.query.get("from")).toBe("2026-01-01");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains lift, tabulates the heatmap and ranks pairs with support, confidence and lift", async () => {
    fakeFetch({
      ...packRoutes,
      [insight("pairs")]: () => pairs,
      [insight("bundles")]: () => ({ ...meta, designs: 100, minCount: 1, bundles: [], excluded: pairs.excluded }),
    });
    renderStudio({ teamKey: "kb_team", path: "/studio?tab=pairs" });
    expect(await screen.findByText(/Lift compares how often two values are chosen together/)).toBeTruthy();

    const figure = await screen.findByRole("figure", { name: "Lift between the top values" });
    fireEvent.click(within(figure).getByText("Show the data as a table"));
    const heatmap = within(figure).getByRole("table", { name: "Lift between the top values" });
    const rows = within(heatmap)
      .getAllByRole("row")
      .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["Values", "1 (Frame: Solid oak)", "2 (Finish: Natural oil)", "3 (Mounting: Wall-hung on rails)"],
      ["1. Frame: Solid oak", "", "2.50", "–"],
      ["2. Finish: Natural oil", "2.50", "", "0.63"],
      ["3. Mounting: Wall-hung on rails", "–", "0.63", ""],
    ]);

    const ranked = screen.getByRole("table", { name: "Pairs ranked by lift beyond the rules" });
    const first = within(ranked).getAllByRole("row")[1]!;
    expect([...first.querySelectorAll("th, td")].map((c) => c.textContent)).toEqual([
      "1",
      "Frame: Solid oak+ & Finish: Natural oil",
      "12",
      "12%",
      "60% / 50%",
      "2.50",
      "1.80",
    ]);
    expect(screen.getByText("Left out: 2 values nearly every design has, and 5 pairs the rules decide.")).toBeTruthy();
    expect(await screen.findByText("No bundles of three in this window.")).toBeTruthy();
  });

  it("shows popularity in German with the pack's own words, and says when a window has no designs", async () => {
    let empty = false;
    fakeFetch({
      ...packRoutes,
      [insight("popularity")]: () => (empty ? { ...meta, designs: 0, variables: [] } : popularity),
    });
    renderStudio({ teamKey: "kb_team", language: "de", path: "/studio?tab=popularity" });
    expect(await screen.findByRole("heading", { name: "Gestell" })).toBeTruthy();
    expect(screen.getByText(/^Am häufigsten: Eiche massiv \(67\s%\)\. Nie gewählt: Esche massiv\.$/)).toBeTruthy();
    // Long lists of values nobody chose are cut short in the summary (the table has them all).
    expect(
      screen.getByText(
        /^Am häufigsten: Verkehrsweiß RAL 9016 \(100\s%\)\. Nie gewählt: ([^,]+, ){3}[^,]+ und 2 weitere\.$/,
      ),
    ).toBeTruthy();
    const table = screen.getByRole("table", { name: "Gestell" });
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((c) => c.textContent),
    ).toEqual(["Eiche massiv", "Stahl", "Esche massiv"]);
    // The module's slots are one choice away.
    expect(screen.queryByRole("heading", { name: "Felder 1" })).toBeNull();
    fireEvent.change(screen.getByLabelText("Zeigen"), { target: { value: "bays" } });
    expect(screen.getByRole("heading", { name: "Felder 1" })).toBeTruthy();

    empty = true;
    fireEvent.click(screen.getByRole("button", { name: "Aktualisieren" }));
    expect(await screen.findByText(/In diesem Zeitraum gibt es noch keine Entwürfe/)).toBeTruthy();
  });

  it("downloads exports with the key for the pack and window, and shows a refusal", async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:export", revokeObjectURL: () => {} }));
    const api = fakeFetch({
      ...packRoutes,
      "GET /api/exports/designs.csv": () =>
        new Reply(200, "id,title\n", {
          "content-type": "text/csv",
          "content-disposition": 'attachment; filename="designs-acme-shelving.csv"',
        }),
      "GET /api/exports/signals.ndjson": () => apiError(403, "forbidden", "this needs an API key (team)"),
    });
    renderStudio({ teamKey: "kb_team", path: "/studio?tab=exports&from=2026-02-01&to=2026-02-28" });
    fireEvent.click(await screen.findByRole("button", { name: /Designs \(CSV\)/ }));
    expect(await screen.findByText("Downloaded designs-acme-shelving.csv.")).toBeTruthy();
    expect(saved).toEqual(["designs-acme-shelving.csv"]);
    const [request] = api.to("GET", "/api/exports/designs.csv");
    expect(request!.token).toBe("kb_team");
    expect(Object.fromEntries(request!.query)).toEqual({ pack: "acme/shelving", from: "2026-02-01", to: "2026-02-28" });

    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Signals \(NDJSON\)/ })));
    expect((await screen.findByRole("alert")).textContent).toBe("this needs an API key (team)");
    expect(saved).toHaveLength(1);
  });

  it("lists blocked choices with the rules that block them, wishes with examples, and lead customers' score parts", async () => {
    fakeFetch({
      ...packRoutes,
      [insight("unmet-demand")]: () => ({
        ...meta,
        blocked: {
          total: 9,
          sessions: 6,
          wanted: [
            {
              wanted: "finish=anodised",
              label: "Finish: Anodised",
              count: 9,
              sessions: 6,
              constraints: [{ id: "anodised-aluminium", count: 9, message: "Only aluminium can be anodised" }],
              blockedBy: [{ id: "frame=oak", count: 7 }],
            },
          ],
        },
        wishes: {
          total: 4,
          signals: 1,
          designWishes: 1,
          designToTen: 2,
          themes: [
            {
              theme: "walnut",
              count: 4,
              sources: { signals: 1, designWishes: 1, designToTen: 2 },
              related: [{ term: "darker", count: 2 }],
              examples: [{ source: "signal", text: "A walnut frame please" }],
            },
          ],
        },
      }),
      [insight("lead-customers")]: () => ({
        ...meta,
        formula: "score = 10·(noveltyIndex − 1) + …",
        weights: { novelty: 10, votes: 1, remixes: 3, shortlisted: 5, commercialized: 10 },
        meanNovelty: 0.8,
        creators: [
          {
            creator: { id: "cr_ada", name: "Ada" },
            score: 21.5,
            components: {
              designs: 3,
              novelty: 1,
              noveltyIndex: 1.25,
              votes: 3,
              remixesByOthers: 1,
              shortlisted: 2,
              commercialized: 0,
            },
            points: { novelty: 2.5, votes: 2, remixes: 3, shortlisted: 10, commercialized: 0 },
          },
        ],
      }),
    });
    const { location } = renderStudio({ teamKey: "kb_team", path: "/studio?tab=demand" });
    const wanted = await screen.findByRole("heading", { name: "Finish: Anodised" });
    const card = wanted.closest("li")!;
    expect(card.textContent).toContain("9 attempts in 6 sessions");
    expect(within(card).getByText("Only aluminium can be anodised")).toBeTruthy();
    expect(within(card).getByText(/Frame: Solid oak/)).toBeTruthy();
    expect(screen.getByText("Most wanted: Finish: Anodised, tried 9 times in 6 sessions.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "walnut" }).closest("li")!.textContent).toContain(
      "A walnut frame please",
    );

    fireEvent.click(screen.getByRole("tab", { name: "Lead customers" }));
    expect(location.history!.at(-1)).toBe("/studio?tab=leads");
    const link = await screen.findByRole("link", { name: "Ada" });
    expect(link.getAttribute("href")).toBe("/creators/cr_ada");
    const row = link.closest("tr")!;
    expect([...row.querySelectorAll("th, td")].map((c) => c.textContent)).toEqual([
      "1",
      "Ada",
      "21.5",
      "3",
      "1.25+2.50 pts",
      "3+2.00 pts",
      "1+3.00 pts",
      "2+10 pts",
      "00 pts",
    ]);
    expect(screen.getByText("Top: Ada with 21.5 points, most from Shortlisted.")).toBeTruthy();
  });
});
