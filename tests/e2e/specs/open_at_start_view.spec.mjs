// The opening view: start/end give the window; startAt opens on all events
// ("fit"), the first or last ones, today, or an event whose card opens; a
// value it cannot use is a warning at its option and the default is used.
// showNow draws a labelled "Today" line (data-now) where the window shows the
// present, and an event ending "now" is an ongoing range reaching it.
import { test, expect, call, getWindow, listen, logged, mount } from "../fixtures/timeline.mjs";

const HOST = "#tl";
const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  id: `m${i + 1}`,
  start: `2019-${String(i + 1).padStart(2, "0")}-01`,
  title: `Month ${i + 1}`,
}));

async function open(page, options, events = MONTHS) {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, events, options)).toEqual({ ok: true });
  return (await call(page, HOST, "getVisibleEvents")).value;
}

test("start and end give the opening window", async ({ page }) => {
  await open(page, { start: "2019-03", end: "2019-04" });
  expect(await getWindow(page, HOST)).toEqual({ start: "2019-03-01T00:00:00.000Z", end: "2019-05-01T00:00:00.000Z" });
});

test("startAt first and last open on the first and last events", async ({ page }) => {
  expect(await open(page, { startAt: "first" })).toEqual(["m1", "m2", "m3", "m4", "m5"]);
  expect(await open(page, { startAt: "last" })).toEqual(["m8", "m9", "m10", "m11", "m12"]);
  expect(await open(page, {})).toHaveLength(12);
});

test("startAt an event id opens around it with its card", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, MONTHS, { startAt: "m6" })).toEqual({ ok: true });
  await expect(page.locator(`${HOST} .nt-card`)).toContainText("Month 6");
  const visible = (await call(page, HOST, "getVisibleEvents")).value;
  expect(visible).toEqual(["m4", "m5", "m6", "m7", "m8"]);
});

test("startAt now opens around the present, with the Today line", async ({ page }) => {
  const year = new Date().getUTCFullYear();
  const events = [-400, -30, -2, 3, 20].map((days, i) => ({
    id: `e${i}`,
    start: new Date(Date.now() + days * 86400000).toISOString().slice(0, 10),
    title: `Event ${i}`,
  }));
  await open(page, { startAt: "now" }, events);
  const window = await getWindow(page, HOST);
  const middle = (Date.parse(window.start) + Date.parse(window.end)) / 2;
  expect(Math.abs(middle - Date.now())).toBeLessThan(86400000);
  const line = page.locator(`${HOST} [data-now]`);
  await expect(line).toBeVisible();
  await expect(line).toContainText("Today");
  expect(await line.getAttribute("data-now")).toMatch(new RegExp(`^${year}-`));
});

test("showNow false draws no line; a window without the present hides it", async ({ page }) => {
  await open(page, { startAt: "now", showNow: false }, [{ start: "2019-05-05", title: "Old" }]);
  await expect(page.locator(`${HOST} .nt-now`)).toHaveCount(0);
  await open(page, {}, MONTHS);
  await expect(page.locator(`${HOST} .nt-now`)).toBeHidden();
});

test("an event ending now is an ongoing range that reaches the present", async ({ page }) => {
  await open(page, { start: "2019-01", end: "now" }, [{ id: "war", start: "2019-02-01", end: "now", title: "The war" }]);
  const window = await getWindow(page, HOST);
  expect(Math.abs(Date.parse(window.end) - Date.now())).toBeLessThan(60000);
  const row = page.locator(`${HOST} [data-event-id="war"]`);
  await expect(row).toHaveClass(/nt-event--ongoing/);
  await expect(row.locator(".nt-event__bar")).toBeVisible();
  await expect(row.locator("time")).toHaveText(/ongoing$/);
  expect((await call(page, HOST, "getProblems")).value).toEqual([]);
});

test("values it cannot use are warnings at the option, and the default is used", async ({ page }) => {
  await page.goto("/test/single.html");
  await page.evaluate(() => {
    window.__warnings = [];
    document.querySelector("#tl").addEventListener("newstimeline:warning", (e) => window.__warnings.push(e.detail));
  });
  expect(
    await mount(page, HOST, MONTHS, { startAt: "nope", start: "2019-06", end: "2019-05", refresh: 5, follow: "yes", showNow: 1 }),
  ).toEqual({ ok: true });
  const problems = (await call(page, HOST, "getProblems")).value;
  expect(problems.map((p) => p.path)).toEqual(["options.refresh", "options.follow", "options.showNow", "options.end", "options.startAt"]);
  expect(problems.find((p) => p.path === "options.startAt").message).toBe(
    'expected "fit", "first", "last", "now" or the id of an event, but found "nope" (the timeline opens fitted)',
  );
  expect(problems[0].message).toBe(
    "expected a number of seconds of at least 15, such as 60, but found a number below 15 (the data is not refreshed)",
  );
  // Fitted: every event shows, no card.
  expect((await call(page, HOST, "getVisibleEvents")).value).toHaveLength(12);
  await expect(page.locator(`${HOST} .nt-card`)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__warnings.length)).toBe(1);
});
