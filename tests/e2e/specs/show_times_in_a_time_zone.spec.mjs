// Time zones (option `timeZone`): ticks on the zone's midnights across a
// daylight-saving change, date-times with an offset at their instant and
// shown on the zone's clock, calendar dates never shifted, the zone named
// once under the track, getWindow in UTC, and a warning for a zone the
// browser does not know.
import { test, expect, mount, call, getWindow, frames } from "../fixtures/timeline.mjs";

/** Events around New York's change to summer time (Sunday 10 March 2019,
 * 02:00 EST → 03:00 EDT). */
const SPRING = {
  events: [
    { id: "sat", start: "2019-03-09T00:00-05:00", title: "Saturday midnight" },
    { id: "sun", start: "2019-03-10T00:00-05:00", title: "Sunday midnight" },
    { id: "mon", start: "2019-03-11T00:00-04:00", title: "Monday midnight" },
    { id: "noon", start: "2019-03-10T16:00Z", title: "Noon in New York" },
    { id: "day", start: "2019-03-10", title: "A calendar day" },
  ],
};

/** One widget on a British English page (24-hour times). */
async function mountOne(page, data, options) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/test/single.html");
  await page.evaluate(() => (document.documentElement.lang = "en-GB"));
  const result = await mount(page, "#tl", data, { height: 360, ...options });
  expect(result).toEqual({ ok: true });
  await frames(page);
}

/** The left edge, in px, of each axis tick by its label, and of each event by id. */
async function positions(page) {
  return page.evaluate(() => {
    const root = document.querySelector("#tl").shadowRoot;
    const ticks = Object.fromEntries(
      [...root.querySelectorAll(".nt-axis__tick")].map((t) => [t.textContent.trim(), t.getBoundingClientRect().left]),
    );
    const events = Object.fromEntries(
      [...root.querySelectorAll("[data-event-id]")].map((e) => [e.dataset.eventId, e.getBoundingClientRect().left]),
    );
    const track = root.querySelector(".nt-track").getBoundingClientRect();
    return { ticks, events, track: { left: track.left, width: track.width } };
  });
}

test.describe("America/New_York", () => {
  test("day ticks fall on New York's midnights across the change to summer time", async ({ page }) => {
    await mountOne(page, SPRING, { timeZone: "America/New_York" });
    expect(await call(page, "#tl", "setWindow", "2019-03-05", "2019-03-14")).toMatchObject({ ok: true });
    await frames(page);
    // The calendar days of New York: 5 March 05:00 UTC (EST) to 15 March
    // 04:00 UTC (EDT).
    expect(await getWindow(page, "#tl")).toEqual({
      start: "2019-03-05T05:00:00.000Z",
      end: "2019-03-15T04:00:00.000Z",
    });
    const { ticks, events, track } = await positions(page);
    expect(Object.keys(ticks)).toEqual(["5 Mar", "6 Mar", "7 Mar", "8 Mar", "9 Mar", "10 Mar", "11 Mar", "12 Mar", "13 Mar", "14 Mar"]);
    // Each day is as wide as the next on the zone's clock, the short
    // Sunday too, and the first tick is the window's start: New York's
    // midnight.
    const day = track.width / 10;
    expect(ticks["5 Mar"]).toBeCloseTo(track.left, 0);
    for (const [a, b] of [["9 Mar", "10 Mar"], ["10 Mar", "11 Mar"], ["11 Mar", "12 Mar"]]) {
      expect(ticks[b] - ticks[a]).toBeCloseTo(day, 0);
    }
    // Events written at New York's midnight, with either offset, stand on
    // their day's tick.
    for (const [id, tick] of [["sat", "9 Mar"], ["sun", "10 Mar"], ["mon", "11 Mar"], ["day", "10 Mar"]]) {
      expect(Math.abs(events[id] - ticks[tick]), `${id} on ${tick}`).toBeLessThan(2);
    }
    // The events written at midnight with either offset carry their
    // instant in `time[datetime]`, and are shown at 00:00.
    const times = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelector("#tl").shadowRoot.querySelectorAll("[data-event-id]")].map((e) => [
          e.dataset.eventId,
          { datetime: e.querySelector("time").getAttribute("datetime"), text: e.querySelector("time").textContent },
        ]),
      ),
    );
    expect(times.sun).toEqual({ datetime: "2019-03-10T00:00-05:00", text: "10 March 2019 at 00:00" });
    expect(times.mon).toEqual({ datetime: "2019-03-11T00:00-04:00", text: "11 March 2019 at 00:00" });
    // 16:00 UTC is noon in New York once summer time has begun.
    expect(times.noon).toEqual({ datetime: "2019-03-10T12:00-04:00", text: "10 March 2019 at 12:00" });
    // A calendar date is the same day in every zone.
    expect(times.day).toEqual({ datetime: "2019-03-10", text: "10 March 2019" });
  });

  test("the zone is named once with the offset in force, and cards and range handles use its clock", async ({ page }) => {
    await mountOne(page, SPRING, { timeZone: "America/New_York" });
    const caption = page.locator("#tl .nt-timeline__zone");
    expect(await call(page, "#tl", "setWindow", "2019-03-01", "2019-03-08")).toMatchObject({ ok: true });
    await expect(caption).toHaveText("Times in Eastern Time (UTC\u22125)");
    expect(await call(page, "#tl", "setWindow", "2019-03-12", "2019-03-20")).toMatchObject({ ok: true });
    await expect(caption).toHaveText("Times in Eastern Time (UTC\u22124)");
    await expect(page.locator("#tl .nt-timeline__zone")).toHaveCount(1);

    expect(await call(page, "#tl", "select", "noon")).toMatchObject({ ok: true });
    await expect(page.locator("#tl .nt-card")).toContainText("10 March 2019 at 12:00");

    // A filter date with an offset is that instant on New York's clock.
    expect(await call(page, "#tl", "setFilter", { from: "2019-03-10T16:00Z" })).toMatchObject({ ok: true });
    expect((await call(page, "#tl", "getFilter")).value.from).toBe("2019-03-10T12:00");
    await expect(page.locator("#tl .nt-overview__handle--from")).toHaveAttribute("aria-valuetext", "10 March 2019 at 12:00");
    // The calendar day passes too: its period reaches past noon.
    expect((await call(page, "#tl", "getVisibleEvents")).value).toEqual(["day", "noon", "mon"]);
  });

  test("rangechange reports instants in UTC", async ({ page }) => {
    await mountOne(page, SPRING, { timeZone: "America/New_York" });
    await page.evaluate(() => {
      window.__ranges = [];
      window.__ntTest.handles["#tl"].on("rangechange", (detail) => window.__ranges.push(detail));
    });
    expect(await call(page, "#tl", "setWindow", "2019-11-03", "2019-11-04")).toMatchObject({ ok: true });
    await expect.poll(() => page.evaluate(() => window.__ranges.at(-1))).toEqual({
      // From a midnight in EDT to one in EST, two days and an hour later.
      start: "2019-11-03T04:00:00.000Z",
      end: "2019-11-05T05:00:00.000Z",
    });
  });
});

test("auto shows data written in one offset as written, and names that offset", async ({ page }) => {
  const tehran = {
    events: [
      { id: "open", start: "2019-05-05T14:30+04:30", title: "Talks open" },
      { id: "close", start: "2019-05-05T18:00+04:30", title: "Talks close" },
    ],
  };
  await mountOne(page, tehran);
  await expect(page.locator("#tl .nt-timeline__zone")).toHaveText("Times in UTC+4:30");
  await expect(page.locator("#tl [data-event-id=open] time")).toHaveText("5 May 2019 at 14:30");
  await expect(page.locator("#tl [data-event-id=open] time")).toHaveAttribute("datetime", "2019-05-05T14:30+04:30");
  expect(await call(page, "#tl", "setWindow", "2019-05-05", "2019-05-05")).toMatchObject({ ok: true });
  expect(await getWindow(page, "#tl")).toEqual({ start: "2019-05-04T19:30:00.000Z", end: "2019-05-05T19:30:00.000Z" });
});

test("calendar dates alone name no zone", async ({ page }) => {
  await mountOne(page, { events: [{ start: "2019-05-05", title: "a" }, { start: "2019-05-09", title: "b" }] }, { timeZone: "Asia/Tehran" });
  await expect(page.locator("#tl [data-event-id]")).toHaveCount(2);
  await expect(page.locator("#tl .nt-timeline__zone")).toBeHidden();
});

test.describe("the reader's zone", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test('"reader" shows times on the browser\'s clock', async ({ page }) => {
    await mountOne(page, { events: [{ id: "a", start: "2019-05-05T10:00Z", title: "Vote count begins" }] }, { timeZone: "reader" });
    await expect(page.locator("#tl [data-event-id=a] time")).toHaveText("5 May 2019 at 15:30");
    await expect(page.locator("#tl .nt-timeline__zone")).toHaveText("Times in India Standard Time (UTC+5:30)");
  });
});

test("an unknown zone is a warning at options.timeZone, and the default is used", async ({ page }) => {
  await mountOne(page, { events: [{ id: "a", start: "2019-05-05T14:30+04:30", title: "a" }] }, { timeZone: "Mars/Olympus" });
  const problems = (await call(page, "#tl", "getProblems")).value;
  expect(problems).toEqual([
    {
      path: "options.timeZone",
      message:
        'expected "auto", "UTC", "reader" or a time zone name such as "America/New_York", but found "Mars/Olympus" ("auto" is used)',
    },
  ]);
  await expect(page.locator("#tl .nt-timeline__zone")).toHaveText("Times in UTC+4:30");
});

test("a declarative embed takes its zone from data-time-zone", async ({ page }) => {
  await page.goto("/test/single.html");
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "zoned";
    host.setAttribute("data-news-timeline", "");
    host.setAttribute("data-loading", "eager");
    host.setAttribute("data-time-zone", "UTC");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = JSON.stringify([{ start: "2019-05-05T14:30+04:30", title: "Talks open" }]);
    host.append(script);
    document.body.append(host);
  });
  await expect(page.locator("#zoned .nt-timeline__zone")).toHaveText("Times in UTC");
  await expect(page.locator("#zoned [data-event-id] time")).toHaveAttribute("datetime", "2019-05-05T10:00Z");
});
