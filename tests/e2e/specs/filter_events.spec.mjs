// Filtering: the search box and tag chips narrow the track and announce the
// count; setFilter/getFilter/getVisibleEvents and filterchange follow the
// contract (fields combine with AND, tags match ANY, query ignores case,
// accents and markup, from/to cover whole periods).
import { test, expect, mount, call, listen, logged, eventIds } from "../fixtures/timeline.mjs";

const DATA = {
  events: [
    { id: "carrier", start: "2019-05-05", title: "Carrier deployed", tags: ["military"] },
    { id: "tankers", start: "2019-06-13", title: "Two tankers attacked", text: "<p>In the Gulf of <b>Oman</b></p>", tags: ["shipping"] },
    { id: "drone", start: "2019-06-20", title: "Drone over Téhéran", tags: ["military", "air"] },
    { id: "seized", start: "2019-07", title: "Tanker seized", tags: ["shipping"] },
  ],
};

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", DATA)).toEqual({ ok: true });
  await expect(page.locator("#tl [data-event-id]")).toHaveCount(4);
});

test("typing in the search box narrows the events and announces the count", async ({ page }) => {
  expect(await listen(page, "#tl", "filterchange", "changes")).toMatchObject({ ok: true });
  await page.locator("#tl").getByRole("searchbox", { name: "Search events" }).fill("oman");
  await expect.poll(() => eventIds(page, "#tl")).toEqual(["tankers"]);
  await expect(page.locator("#tl .nt-filters__status")).toHaveText("1 of 4 events");
  const changes = await logged(page, "changes");
  expect(changes.at(-1)).toEqual({ filter: { query: "oman", tags: null, from: null, to: null, minImportance: null }, count: 1 });
});

test("tag chips show counts and combine as any-of", async ({ page }) => {
  const chips = page.locator("#tl .nt-chip");
  await expect(chips).toHaveText(["military2", "shipping2", "air1"]);
  await chips.nth(2).click();
  await expect.poll(() => eventIds(page, "#tl")).toEqual(["drone"]);
  await chips.nth(1).click();
  await expect.poll(() => eventIds(page, "#tl")).toEqual(["tankers", "drone", "seized"]);
  await expect(chips.nth(1)).toHaveAttribute("aria-pressed", "true");
  expect((await call(page, "#tl", "getFilter")).value.tags).toEqual(["air", "shipping"]);
});

test("the chips follow new data from setEvents", async ({ page }) => {
  const chips = page.locator("#tl .nt-chip");
  await expect(chips).toHaveText(["military2", "shipping2", "air1"]);
  const events = [
    { id: "a", start: "2020-01-01", title: "Vote", tags: ["politics"] },
    { id: "b", start: "2020-02-01", title: "Strike", tags: ["labour", "politics"] },
  ];
  expect(await call(page, "#tl", "setEvents", events)).toMatchObject({ ok: true });
  await expect(chips).toHaveText(["politics2", "labour1"]);
  expect(await call(page, "#tl", "setEvents", [{ start: "2020-03-01", title: "Untagged" }])).toMatchObject({ ok: true });
  await expect(chips).toHaveCount(0);
});

test("search follows data replaced while its index is still being folded", async ({ page }) => {
  const found = await page.evaluate(async () => {
    const handle = document.querySelector("#tl").newsTimeline;
    const set = (name) =>
      Array.from({ length: 12_000 }, (_, i) => ({ id: `${name}${i}`, start: "2020-01-01", title: `${name} report ${i}` }));
    const search = (query) => {
      handle.setFilter({ query });
      const ids = handle.getVisibleEvents();
      handle.setFilter({});
      return ids;
    };
    // Three data sets in a row, each replacing the last before its index is
    // folded; then a search at once, and one after the idle folding.
    handle.setEvents(set("first"));
    handle.setEvents(set("second"));
    handle.setEvents(set("third"));
    const atOnce = search("third report 11999");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    handle.setEvents(set("fourth"));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { atOnce, stale: search("third report 7"), later: search("fourth report 11998") };
  });
  expect(found).toEqual({ atOnce: ["third11999"], stale: [], later: ["fourth11998"] });
});

test("setFilter combines fields with AND and getVisibleEvents respects it", async ({ page }) => {
  expect(await call(page, "#tl", "setFilter", { query: "TEHERAN", tags: ["military"] })).toMatchObject({ ok: true });
  expect((await call(page, "#tl", "getVisibleEvents")).value).toEqual(["drone"]);
  expect(await call(page, "#tl", "setFilter", { from: "2019-06-20", to: "2019-07" })).toMatchObject({ ok: true });
  expect((await call(page, "#tl", "getVisibleEvents")).value).toEqual(["drone", "seized"]);
  expect((await call(page, "#tl", "getFilter")).value).toEqual({ query: null, tags: null, from: "2019-06-20", to: "2019-07", minImportance: null });
  expect(await call(page, "#tl", "setFilter", {})).toMatchObject({ ok: true });
  expect((await call(page, "#tl", "getVisibleEvents")).value).toEqual(["carrier", "tankers", "drone", "seized"]);
});

test("setFilter rejects wrong types and bad dates with clear errors", async ({ page }) => {
  const bad = async (arg) => (await call(page, "#tl", "setFilter", arg)).error;
  expect(await bad({ tags: "military" })).toContain("setFilter: tags: expected an array of strings");
  expect(await bad({ query: 5 })).toContain("setFilter: query: expected a string");
  expect(await bad({ from: "June" })).toContain("setFilter: from: expected a date");
  expect(await bad("x")).toContain("setFilter: expected an object");
  expect((await call(page, "#tl", "getFilter")).value).toEqual({ query: null, tags: null, from: null, to: null, minImportance: null });
});

test("no match shows a message and one click resets", async ({ page }) => {
  expect(await call(page, "#tl", "setFilter", { query: "nothing like this" })).toMatchObject({ ok: true });
  await expect(page.locator("#tl .nt-timeline__empty")).toContainText("No events match.");
  await page.locator("#tl").getByRole("button", { name: "Show all events" }).click();
  await expect(page.locator("#tl [data-event-id]")).toHaveCount(4);
  expect((await call(page, "#tl", "getFilter")).value.query).toBeNull();
});
