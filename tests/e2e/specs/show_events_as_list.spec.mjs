// The list layout (`layout: "list"`): the filtered events in time order,
// grouped under a heading per period (day, month or year by the data's
// span), each with its date at its precision, title and tags; as tall as
// its events (the page scrolls, the widget does not); the same filter bar,
// card, keyboard (Up/Down, Home/End, Enter, Esc) and select/filterchange
// events as the timeline; 100,000 events with only the rows near the
// viewport in the DOM. An unknown layout warns and shows the timeline.
import { test, expect, mount, call, listen, logged, listRows, listGroups, FEW_EVENTS, FEW_TITLES } from "../fixtures/timeline.mjs";

const HOST = "#tl";

const STORY = {
  title: "War footing",
  events: [
    { id: "drone", start: "2019-07-19", title: "Drone destroyed", tags: ["military"] },
    { id: "carrier", start: "2019-05-05", title: "Carrier deployed", tags: ["military"], importance: 3 },
    { id: "tanker", start: "2019-07-19", title: "Tanker seized", tags: ["shipping"], text: "<p>In the Strait of Hormuz.</p>" },
    { id: "summer", start: "2019-06", title: "A month of incidents", tags: ["shipping"] },
    { id: "spies", start: "2019-07-22", title: "Spies arrested" },
  ],
};

/** `n` events a day apart from 2004, titled "Event 0" … */
function manyEvents(n) {
  return {
    events: Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      start: new Date(Date.UTC(2004, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      title: `Event ${i}`,
    })),
  };
}

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
});

test("events are listed in time order under month headings, each with its date, title and tags", async ({ page }) => {
  expect(await mount(page, HOST, STORY, { layout: "list" })).toEqual({ ok: true });
  await expect(listRows(page, HOST)).toHaveCount(5);
  expect(await listGroups(page, HOST)).toEqual([
    { period: "May 2019", titles: ["Carrier deployed"] },
    { period: "June 2019", titles: ["A month of incidents"] },
    { period: "July 2019", titles: ["Drone destroyed", "Tanker seized", "Spies arrested"] },
  ]);
  const summer = page.locator(`${HOST} [data-event-id='summer']`);
  await expect(summer.locator("time")).toHaveText("June 2019");
  await expect(summer.locator("time")).toHaveAttribute("datetime", "2019-06");
  await expect(summer.locator(".nt-list__tag")).toHaveText(["shipping"]);
  // Screen readers: a heading per period, then a list of its events.
  const host = page.locator(HOST);
  await expect(host.getByRole("heading", { level: 3 })).toHaveText(["May 2019", "June 2019", "July 2019"]);
  await expect(host.getByRole("list").filter({ has: page.locator("[data-event-id='drone']") }).getByRole("listitem")).toHaveCount(3);
  // The list has no track, no zoom and no overview.
  await expect(page.locator(`${HOST} .nt-track, ${HOST} .nt-zoom, ${HOST} .nt-overview`)).toHaveCount(0);
});

test("the period follows the data's span: days within a month, years over two", async ({ page }) => {
  const days = { events: FEW_EVENTS.events.map((e, i) => ({ ...e, start: `2019-05-0${i + 1}` })) };
  expect(await mount(page, HOST, days, { layout: "list" })).toEqual({ ok: true });
  await expect(page.locator(`${HOST} .nt-list__period`)).toHaveText(["May 1, 2019", "May 2, 2019", "May 3, 2019", "May 4, 2019"]);
  const years = {
    events: [
      { start: "2001", title: "A year" },
      { start: "2001-09-11", title: "A day" },
      { start: "2019-05", title: "A month" },
    ],
  };
  expect(await call(page, HOST, "setEvents", years)).toMatchObject({ ok: true });
  expect(await listGroups(page, HOST)).toEqual([
    { period: "2001", titles: ["A year", "A day"] },
    { period: "2019", titles: ["A month"] },
  ]);
});

test("out-of-order data is listed in time order", async ({ page }) => {
  expect(await mount(page, HOST, FEW_EVENTS, { layout: "list" })).toEqual({ ok: true });
  await expect(listRows(page, HOST).locator(".nt-list__title")).toHaveText(FEW_TITLES);
});

test("the list grows with the page: no inner scroll, whatever the height option", async ({ page }) => {
  expect(await mount(page, HOST, manyEvents(60), { layout: "list", height: 300 })).toEqual({ ok: true });
  await expect(listRows(page, HOST).first()).toBeVisible();
  const box = await page.locator(`${HOST} .nt-timeline`).evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    scrolls: el.scrollHeight > el.clientHeight + 1,
  }));
  expect(box.height).toBeGreaterThan(60 * 40);
  expect(box.scrolls).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(60 * 40);
});

test("the filter bar narrows the list and filterchange says how many pass", async ({ page }) => {
  expect(await mount(page, HOST, STORY, { layout: "list" })).toEqual({ ok: true });
  expect(await listen(page, HOST, "filterchange", "filters")).toMatchObject({ ok: true });
  const host = page.locator(HOST);
  await host.locator(".nt-chip", { hasText: "shipping" }).click();
  await expect(listRows(page, HOST)).toHaveCount(2);
  expect(await listGroups(page, HOST)).toEqual([
    { period: "June 2019", titles: ["A month of incidents"] },
    { period: "July 2019", titles: ["Tanker seized"] },
  ]);
  await host.getByRole("searchbox").fill("hormuz");
  await expect(listRows(page, HOST)).toHaveCount(1);
  await expect.poll(async () => (await logged(page, "filters")).map((d) => d.count)).toEqual([2, 1]);
  // The grouping stays by month when the filter leaves one month.
  await expect(page.locator(`${HOST} .nt-list__period`)).toHaveText(["July 2019"]);
  await host.getByRole("searchbox").fill("nothing like this");
  await expect(page.locator(`${HOST} .nt-timeline__empty`)).toContainText("No events match.");
  await page.locator(`${HOST} .nt-timeline__reset`).click();
  await expect(listRows(page, HOST)).toHaveCount(5);
});

test("keyboard: Tab reaches the list, Up/Down/Home/End move, Enter opens the card, Esc closes it", async ({ page }) => {
  expect(await mount(page, HOST, STORY, { layout: "list" })).toEqual({ ok: true });
  expect(await listen(page, HOST, "select", "select")).toMatchObject({ ok: true });
  const button = (id) => page.locator(`${HOST} [data-event-id='${id}'] button`);
  // One tab stop: from the search box, past the chips, to the first event.
  await page.locator(HOST).getByRole("searchbox").focus();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await button("carrier").evaluate((el) => el.matches(":focus"))) break;
  }
  await expect(button("carrier")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(button("summer")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(button("tanker")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(button("drone")).toBeFocused();
  await page.keyboard.press("End");
  await expect(button("spies")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(button("carrier")).toBeFocused();
  await expect(page.locator(`${HOST} .nt-list__button[tabindex='0']`)).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const card = page.locator(`${HOST} .nt-card`);
  await expect(card).toBeVisible();
  await expect(card.locator(".nt-card__title")).toHaveText("A month of incidents");
  await expect(card.locator(".nt-card__close")).toBeFocused();
  await expect(button("summer")).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);
  await expect(button("summer")).toBeFocused();
  await expect(button("summer")).toHaveAttribute("aria-expanded", "false");
  await expect.poll(() => logged(page, "select")).toEqual([{ id: "summer" }, { id: null }]);
});

test("a click opens the same card, which steps through the listed events and stays in view", async ({ page }) => {
  expect(await mount(page, HOST, manyEvents(120), { layout: "list" })).toEqual({ ok: true });
  expect(await listen(page, HOST, "select", "select")).toMatchObject({ ok: true });
  await page.locator(`${HOST} [data-event-id='e5'] button`).click();
  const card = page.locator(`${HOST} .nt-card`);
  await expect(card.locator(".nt-card__title")).toHaveText("Event 5");
  await expect(card).toBeInViewport();
  await card.getByRole("button", { name: "Next" }).click();
  await expect(card.locator(".nt-card__title")).toHaveText("Event 6");
  await expect.poll(() => logged(page, "select")).toEqual([{ id: "e5" }, { id: "e6" }]);
  // select() from the page opens it too.
  expect(await call(page, HOST, "select", "e100")).toMatchObject({ ok: true });
  await expect(card.locator(".nt-card__title")).toHaveText("Event 100");
  await expect(card).toBeInViewport();
});

test("100,000 events: only the rows near the viewport are in the DOM, and the keys reach every event", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  const mounted = await page.evaluate(async () => {
    await window.NewsTimeline.ready;
    const events = Array.from({ length: 100_000 }, (_, i) => ({
      id: `e${i}`,
      start: new Date(Date.UTC(1990, 0, 1) + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10),
      title: `Event ${i}`,
    }));
    const started = performance.now();
    window.__list = await window.NewsTimeline.mount("#tl", { events }, { layout: "list" });
    return performance.now() - started;
  });
  // Mounting includes reading the 100,000 events (the bench measures it).
  expect(mounted).toBeLessThan(5000);
  const rows = listRows(page, HOST);
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(300);
  await expect(page.locator(`${HOST} .nt-list__period`).first()).toHaveText("1990");
  // Scrolling far down renders the rows there, and drops those left behind.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect.poll(() => page.evaluate(() => {
    const root = document.querySelector("#tl").shadowRoot;
    return [...root.querySelectorAll(".nt-list:not(.nt-list--print) [data-event-id]")].some((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
  })).toBe(true);
  expect(await rows.count()).toBeLessThan(300);
  await page.evaluate(() => {
    const root = document.querySelector("#tl").shadowRoot;
    const rows = [...root.querySelectorAll(".nt-list:not(.nt-list--print) [data-event-id]")];
    rows.find((row) => row.getBoundingClientRect().top >= 0).querySelector("button").focus();
  });
  await page.keyboard.press("End");
  await expect(page.locator(`${HOST} [data-event-id='e99999'] button`)).toBeFocused();
  await expect(page.locator(`${HOST} [data-event-id='e99999']`)).toBeInViewport();
  await page.keyboard.press("ArrowUp");
  await expect(page.locator(`${HOST} [data-event-id='e99998'] button`)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(page.locator(`${HOST} [data-event-id='e0'] button`)).toBeFocused();
  await expect(page.locator(`${HOST} [data-event-id='e0']`)).toBeInViewport();
  expect(await rows.count()).toBeLessThan(300);
});

test("declaratively: data-layout=\"list\"", async ({ page }) => {
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "declared";
    host.setAttribute("data-news-timeline", "");
    host.setAttribute("data-layout", "list");
    host.setAttribute("data-loading", "eager");
    host.setAttribute("data-src", "/test/events.json");
    document.body.append(host);
  });
  await expect(page.locator("#declared .nt-list [data-event-id]").first()).toBeVisible();
  await expect(page.locator("#declared .nt-track")).toHaveCount(0);
});

test("an unknown layout warns at options.layout and shows the timeline", async ({ page }) => {
  expect(await mount(page, HOST, STORY, { layout: "grid" })).toEqual({ ok: true });
  await expect(page.locator(`${HOST} .nt-track`)).toBeVisible();
  await expect(page.locator(`${HOST} .nt-list`)).toHaveCount(0);
  const problems = await call(page, HOST, "getProblems");
  expect(problems.value).toContainEqual({
    path: "options.layout",
    message: 'expected "auto", "timeline" or "list", but found "grid" ("auto" is used)',
  });
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY, { layout: 2 })).toEqual({ ok: true });
  expect((await call(page, HOST, "getProblems")).value).toContainEqual({
    path: "options.layout",
    message: 'expected "auto", "timeline" or "list", but found a number ("auto" is used)',
  });
});
