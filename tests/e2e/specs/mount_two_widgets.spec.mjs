// Two widgets on one page (/test/two.html) share one wasm instance and do not
// interfere: window, data and listeners stay per widget, and destroying one
// leaves the other working.
import {
  test,
  expect,
  call,
  eventTitles,
  events,
  frames,
  getWindow,
  listen,
  listenDom,
  logged,
  mount,
  numberedEvents,
  numberedTitles,
} from "../fixtures/timeline.mjs";

const JUNE = { start: "2019-06-01T00:00:00.000Z", end: "2019-07-01T00:00:00.000Z" };
const MARCH = { start: "2019-03-01T00:00:00.000Z", end: "2019-04-01T00:00:00.000Z" };

test.beforeEach(async ({ page }) => {
  await page.goto("/test/two.html");
  expect(await mount(page, "#a", numberedEvents("A", 3))).toEqual({ ok: true });
  expect(await mount(page, "#b", numberedEvents("B", 5))).toEqual({ ok: true });
  await expect.poll(() => eventTitles(page, "#a")).toEqual(numberedTitles("A", 3));
  await expect.poll(() => eventTitles(page, "#b")).toEqual(numberedTitles("B", 5));
});

test("setWindow on A leaves B's window unchanged", async ({ page }) => {
  const windowB = await getWindow(page, "#b");
  expect(windowB).not.toEqual(JUNE);
  expect(await call(page, "#a", "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  expect(await getWindow(page, "#a")).toEqual(JUNE);
  await frames(page, 2);
  expect(await getWindow(page, "#b")).toEqual(windowB);
});

test("setEvents on A changes A's events only", async ({ page }) => {
  expect(await call(page, "#a", "setEvents", numberedEvents("New A", 2))).toMatchObject({ ok: true });
  await expect.poll(() => eventTitles(page, "#a")).toEqual(numberedTitles("New A", 2));
  expect(await eventTitles(page, "#b")).toEqual(numberedTitles("B", 5));
});

test("A's on() listener is not called for B's changes", async ({ page }) => {
  expect(await listen(page, "#a", "rangechange", "a")).toMatchObject({ ok: true });
  await listenDom(page, "#a", "newstimeline:rangechange", "a-dom");
  await listenDom(page, "#b", "newstimeline:rangechange", "b-dom");
  expect(await call(page, "#b", "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  await expect.poll(() => logged(page, "b-dom")).toEqual([JUNE]);
  expect(await call(page, "#b", "fit")).toMatchObject({ ok: true });
  await expect.poll(() => logged(page, "b-dom")).toHaveLength(2);
  await frames(page, 2);
  expect(await logged(page, "a"), "A's on() callback after B's changes").toEqual([]);
  expect(await logged(page, "a-dom"), "A's host events after B's changes").toEqual([]);
  // Positive control: A's own change does reach A's listener.
  expect(await call(page, "#a", "setWindow", MARCH.start, MARCH.end)).toMatchObject({ ok: true });
  await expect.poll(() => logged(page, "a")).toEqual([MARCH]);
  expect(await logged(page, "b-dom")).toHaveLength(2);
});

test("destroying A makes A's methods throw and leaves B working", async ({ page }) => {
  expect(await call(page, "#a", "destroy")).toMatchObject({ ok: true });
  await expect(events(page, "#a")).toHaveCount(0);

  const attempts = {
    setEvents: [numberedEvents("X", 1)],
    getWindow: [],
    setWindow: [JUNE.start, JUNE.end],
    fit: [],
    setFilter: [{ query: "A" }],
    getFilter: [],
    getVisibleEvents: [],
    getProblems: [],
    select: [null],
    on: ["rangechange", () => {}],
  };
  for (const [method, args] of Object.entries(attempts)) {
    const result =
      method === "on"
        ? await page.evaluate(() => {
            try {
              window.__ntTest.handles["#a"].on("rangechange", () => {});
              return { ok: true };
            } catch (e) {
              return { error: String(e?.message ?? e), isError: e instanceof Error };
            }
          })
        : await call(page, "#a", method, ...args);
    expect(result.isError, `${method}() after destroy() throws an Error: ${JSON.stringify(result)}`).toBe(true);
    expect(result.error.length, `${method}() error message`).toBeGreaterThan(0);
  }
  expect(await call(page, "#a", "destroy"), "destroy() again is a no-op").toMatchObject({ ok: true });

  const windowB = await getWindow(page, "#b");
  expect(Date.parse(windowB.start)).toBeLessThan(Date.parse(windowB.end));
  expect(await call(page, "#b", "setWindow", JUNE.start, JUNE.end)).toMatchObject({ ok: true });
  expect(await getWindow(page, "#b")).toEqual(JUNE);
  expect(await call(page, "#b", "setEvents", numberedEvents("New B", 4))).toMatchObject({ ok: true });
  await expect.poll(() => eventTitles(page, "#b")).toEqual(numberedTitles("New B", 4));
});

test("both widgets adopt one parsed stylesheet, which outlives destroying one", async ({ page }) => {
  const sheets = () =>
    page.evaluate(() => {
      const [a, b] = ["#a", "#b"].map((s) => document.querySelector(s).shadowRoot.adoptedStyleSheets);
      return { a: a.length, b: b.length, same: a[0] === b[0], rules: b[0]?.cssRules.length ?? 0 };
    });
  const both = await sheets();
  expect(both).toMatchObject({ a: 1, b: 1, same: true });
  expect(both.rules).toBeGreaterThan(50);
  expect(await call(page, "#a", "destroy")).toMatchObject({ ok: true });
  expect(await sheets()).toEqual({ a: 0, b: 1, same: false, rules: both.rules });
  // B still looks as styled as before: its labels are positioned absolutely.
  const position = await page.evaluate(
    () => getComputedStyle(document.querySelector("#b").shadowRoot.querySelector(".nt-event")).position,
  );
  expect(position).toBe("absolute");
});
