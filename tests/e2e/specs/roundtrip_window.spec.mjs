// handle.setWindow / getWindow round-trip exactly, partial dates cover their
// whole period, bad arguments throw an Error naming them, and `rangechange`
// (handle.on and the host's DOM event) follows setWindow and fit, not mount.
import {
  test,
  expect,
  FEW_EVENTS,
  FEW_TITLES,
  call,
  eventTitles,
  frames,
  getWindow,
  listen,
  listenDom,
  logged,
  mount,
  timelineEvents,
  unlisten,
} from "../fixtures/timeline.mjs";

const HOST = "#tl";
const JUNE = { start: "2019-06-01T00:00:00.000Z", end: "2019-07-01T00:00:00.000Z" };

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, FEW_EVENTS)).toEqual({ ok: true });
  await expect.poll(() => eventTitles(page, HOST)).toEqual(FEW_TITLES);
});

test("setWindow then getWindow returns exactly the instants set", async ({ page }) => {
  expect(await call(page, HOST, "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  expect(await getWindow(page, HOST)).toEqual(JUNE);
});

for (const [start, end, expected] of [
  ["2019-06", "2019-07", { start: "2019-06-01T00:00:00.000Z", end: "2019-08-01T00:00:00.000Z" }],
  ["2019", "2019", { start: "2019-01-01T00:00:00.000Z", end: "2020-01-01T00:00:00.000Z" }],
  ["2019-06-10", "2019-06-10", { start: "2019-06-10T00:00:00.000Z", end: "2019-06-11T00:00:00.000Z" }],
]) {
  test(`setWindow("${start}", "${end}") makes the partial end cover its whole period`, async ({ page }) => {
    expect(await call(page, HOST, "setWindow", start, end)).toMatchObject({ ok: true });
    expect(await getWindow(page, HOST)).toEqual(expected);
  });
}

test("setWindow with the end before the start throws an Error and keeps the window", async ({ page }) => {
  expect(await call(page, HOST, "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  const result = await call(page, HOST, "setWindow", "2019-07-01T00:00:00.000Z", "2019-06-01T00:00:00.000Z");
  expect(result.isError, `rejected with an Error: ${JSON.stringify(result)}`).toBe(true);
  expect(result.error).toMatch(/\bend\b|2019-06-01/i);
  expect(await getWindow(page, HOST)).toEqual(JUNE);
});

test("setWindow with a garbage date throws an Error naming it and keeps the window", async ({ page }) => {
  expect(await call(page, HOST, "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  const badStart = await call(page, HOST, "setWindow", "not-a-date", "2019-07-01");
  expect(badStart.isError, `rejected with an Error: ${JSON.stringify(badStart)}`).toBe(true);
  expect(badStart.error).toContain("not-a-date");
  const badEnd = await call(page, HOST, "setWindow", "2019-06-01", "2019-13-45");
  expect(badEnd.isError, `rejected with an Error: ${JSON.stringify(badEnd)}`).toBe(true);
  expect(badEnd.error).toContain("2019-13-45");
  expect(await getWindow(page, HOST)).toEqual(JUNE);
});

test("rangechange fires after setWindow and fit, not on mount", async ({ page }) => {
  expect(await listen(page, HOST, "rangechange", "on")).toEqual({ ok: true, unsubscribeIsFunction: true });
  await listenDom(page, HOST, "newstimeline:rangechange", "dom");
  await frames(page, 3);
  expect(await logged(page, "on"), "no rangechange from mount").toEqual([]);
  expect(await timelineEvents(page, { type: "newstimeline:rangechange" }), "no DOM rangechange from mount").toEqual([]);

  expect(await call(page, HOST, "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  await expect.poll(() => logged(page, "on")).toEqual([JUNE]);
  await expect.poll(() => logged(page, "dom")).toEqual([JUNE]);

  expect(await call(page, HOST, "fit")).toMatchObject({ ok: true });
  const fitted = await getWindow(page, HOST);
  expect(fitted).not.toEqual(JUNE);
  await expect.poll(() => logged(page, "on")).toEqual([JUNE, fitted]);
  await expect.poll(() => logged(page, "dom")).toEqual([JUNE, fitted]);
});

test("the host's newstimeline:rangechange bubbles up to the document", async ({ page }) => {
  await listenDom(page, "body", "newstimeline:rangechange", "body");
  expect(await call(page, HOST, "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  await expect.poll(() => logged(page, "body")).toEqual([JUNE]);
  const recorded = await timelineEvents(page, { type: "newstimeline:rangechange" });
  expect(recorded).toEqual([{ type: "newstimeline:rangechange", target: "tl", detail: JUNE }]);
});

test("the function returned by on() unsubscribes", async ({ page }) => {
  expect(await listen(page, HOST, "rangechange", "on")).toMatchObject({ ok: true });
  await listenDom(page, HOST, "newstimeline:rangechange", "dom");
  expect(await call(page, HOST, "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  await expect.poll(() => logged(page, "on")).toHaveLength(1);
  await unlisten(page, "on");
  expect(await call(page, HOST, "setWindow", "2019-05", "2019-05")).toMatchObject({ ok: true });
  // The DOM event proves the change was dispatched; the unsubscribed callback must not have run.
  await expect.poll(() => logged(page, "dom")).toHaveLength(2);
  await frames(page, 2);
  expect(await logged(page, "on")).toEqual([JUNE]);
});
