// The demo article (/index.html) enhances its "WAR FOOTING" list: the
// `[data-news-timeline]` host #war-footing wraps a <ul> of 14 dated <li>
// items in the article's (unsorted) order; the widget mounts by itself and
// shows them in time order, keeping the list in the light DOM.
import {
  test,
  expect,
  events,
  eventIds,
  eventTitles,
  eventDatetimes,
  scrollIntoView,
  timelineEvents,
} from "../fixtures/timeline.mjs";

const HOST = "#war-footing";

/** Dates of the 14 items in chronological order (ties keep article order). */
const CHRONOLOGICAL = [
  "2019-05-05",
  "2019-05-08",
  "2019-05-10",
  "2019-05-12",
  "2019-05-24",
  "2019-06-13",
  "2019-06-18",
  "2019-06-20",
  "2019-06-24",
  "2019-07-03",
  "2019-07-19",
  "2019-07-19",
  "2019-07-20",
  "2019-07-22",
];

/** The same dates in the article's order (May 24 before May 12, a July 19 before June 20). */
const ARTICLE_ORDER = [
  "2019-05-05",
  "2019-05-08",
  "2019-05-10",
  "2019-05-24",
  "2019-05-12",
  "2019-06-13",
  "2019-06-18",
  "2019-07-19",
  "2019-06-20",
  "2019-06-24",
  "2019-07-03",
  "2019-07-19",
  "2019-07-20",
  "2019-07-22",
];

test.beforeEach(async ({ page }) => {
  await page.goto("/index.html");
  await expect(page.locator(`${HOST}[data-news-timeline]`)).toHaveCount(1);
  // The list sits at the end of the article; declarative mounts are lazy.
  await scrollIntoView(page, HOST);
});

test("renders the 14 list items as events in chronological order", async ({ page }) => {
  await expect(events(page, HOST)).toHaveCount(14);
  const dates = await eventDatetimes(page, HOST);
  expect(dates.map((d) => (d === null ? null : d.slice(0, 10)))).toEqual(CHRONOLOGICAL);
  const ids = await eventIds(page, HOST);
  expect(new Set(ids).size, "every event has its own data-event-id").toBe(14);
  expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
});

test("keeps the two July 19 items in article order", async ({ page }) => {
  await expect(events(page, HOST)).toHaveCount(14);
  const titles = await eventTitles(page, HOST);
  expect(titles[10]).toMatch(/Trump said a US warship had destroyed an Iranian drone/);
  expect(titles[11]).toMatch(/Iran seized a UK-flagged oil tanker/);
});

test("renders inside an open shadow root and leaves the original list in the light DOM", async ({ page }) => {
  await expect(events(page, HOST)).toHaveCount(14);
  const light = await page.evaluate((host) => {
    const el = document.querySelector(host);
    return {
      hasShadowRoot: el.shadowRoot !== null,
      eventsInShadowRoot: el.shadowRoot ? el.shadowRoot.querySelectorAll("[data-event-id]").length : 0,
      listItems: el.querySelectorAll("ul > li").length,
      itemDates: [...el.querySelectorAll("ul > li time[datetime]")].map((t) => t.getAttribute("datetime").slice(0, 10)),
    };
  }, HOST);
  expect(light).toEqual({
    hasShadowRoot: true,
    eventsInShadowRoot: 14,
    listItems: 14,
    itemDates: ARTICLE_ORDER,
  });
});

test("exposes the Handle on the host and dispatches newstimeline:ready", async ({ page }) => {
  await expect(events(page, HOST)).toHaveCount(14);
  await expect
    .poll(() => timelineEvents(page, { type: "newstimeline:ready", target: HOST.slice(1) }).then((e) => e.length))
    .toBe(1);
  const handle = await page.evaluate((host) => {
    const h = document.querySelector(host).newsTimeline;
    return {
      type: h === null ? "null" : typeof h,
      getWindow: typeof h?.getWindow,
      setWindow: typeof h?.setWindow,
      destroy: typeof h?.destroy,
      window: h?.getWindow?.(),
    };
  }, HOST);
  expect(handle).toMatchObject({ type: "object", getWindow: "function", setWindow: "function", destroy: "function" });
  expect(handle.window).toEqual({ start: expect.any(String), end: expect.any(String) });
  expect(Date.parse(handle.window.start)).toBeLessThan(Date.parse(handle.window.end));
});

test("initial window (fit) shows all 14 events, in the rendered order", async ({ page }) => {
  await expect(events(page, HOST)).toHaveCount(14);
  const visible = await page.evaluate((host) => document.querySelector(host).newsTimeline.getVisibleEvents(), HOST);
  expect(visible).toEqual(await eventIds(page, HOST));
});
