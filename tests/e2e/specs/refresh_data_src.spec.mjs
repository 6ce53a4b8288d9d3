// refresh: a data-src widget reads its file again every N seconds (>= 15)
// while the page is visible, with conditional requests, so an unchanged file
// costs a 304; the file is the truth (events no longer in it are removed);
// the window, filter and card stay. A failed refresh (an HTTP error, invalid
// data) keeps what is shown, says so once in the console and the debug
// notice, and the next tick tries again. reload() does the same on demand.
// The server is local (/live/<name>, tests/e2e/server.mjs); the page's clock
// is Playwright's, so a refresh period passes at once.
import { test, expect, eventIds, eventTitles, listenDom, logged } from "../fixtures/timeline.mjs";

const HOST = "#live";
const PERIOD = 15_000;

// Each event's date comes from its id ("a" in January, "b" in February…),
// so an event read again is the same unless its title changed.
const doc = (titles) => ({
  events: Object.entries(titles).map(([id, title]) => ({ id, start: `2019-0${"abcdefgh".indexOf(id) + 1}-10`, title })),
});

/** Sets what /live/<name> answers. */
async function serve(request, name, file) {
  const response = await request.put(`/live/${name}`, { data: { contentType: "application/json", ...file } });
  expect(response.status()).toBe(204);
}

async function served(request, name) {
  return (await request.get(`/live/${name}/log`)).json();
}

/** Runs the page's clock until the widget has asked for the file the
 * `count`th time. A refresh is scheduled once the last one is handled,
 * which may be after the server logged its request: the clock moves a
 * third of a period at a time, so no refresh is skipped or doubled. */
async function refreshed(page, request, name, count, period = PERIOD) {
  await expect
    .poll(async () => {
      await page.clock.fastForward(period / 3);
      return (await served(request, name)).length;
    })
    .toBe(count);
}

// The window opens on the months the events may fall in, so events the
// file gains are labelled (a live change never refits the window).
const YEAR = { "data-start": "2019-01", "data-end": "2019-09" };

async function mountLive(page, name, extra = {}) {
  await page.goto("/test/single.html");
  await page.evaluate(
    ({ name, extra }) => {
      const el = document.createElement("div");
      el.id = "live";
      el.setAttribute("data-news-timeline", "");
      el.setAttribute("data-src", `/live/${name}`);
      el.setAttribute("data-loading", "eager");
      el.setAttribute("data-debug", "");
      for (const [key, value] of Object.entries(extra)) el.setAttribute(key, value);
      document.body.append(el);
    },
    { name, extra },
  );
  await listenDom(page, HOST, "newstimeline:datachange");
}

test("refreshes a changed file, costs a 304 when unchanged, and keeps the view", async ({ page, request }, info) => {
  const name = `refresh-${info.workerIndex}-${Date.now()}.json`;
  await serve(request, name, { body: JSON.stringify(doc({ a: "A", b: "B", c: "C" })), etag: '"v1"' });
  await page.clock.install();
  await mountLive(page, name, { "data-refresh": "15" });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["a", "b", "c"]);
  // The reader's view: a filter and an open card.
  await page.evaluate(() => {
    const handle = document.querySelector("#live").newsTimeline;
    handle.setFilter({ query: "a" });
    handle.select("a");
  });
  const windowBefore = await page.evaluate(() => document.querySelector("#live").newsTimeline.getWindow());

  await serve(request, name, { body: JSON.stringify(doc({ a: "A again", c: "C", d: "D" })), etag: '"v2"' });
  await refreshed(page, request, name, 2);
  await expect.poll(() => page.evaluate(() => document.querySelector("#live").newsTimeline.getFilter().query)).toBe("a");
  await expect.poll(() => logged(page, `${HOST}:newstimeline:datachange`)).toEqual([
    { added: ["d"], updated: ["a"], removed: ["b"] },
  ]);
  await expect(page.locator(`${HOST} .nt-card`)).toContainText("A again");
  expect(await page.evaluate(() => document.querySelector("#live").newsTimeline.getWindow())).toEqual(windowBefore);

  // Unchanged: the request is conditional and answered 304; nothing changes.
  await refreshed(page, request, name, 3);
  expect(await served(request, name)).toEqual([
    { ifNoneMatch: null, ifModifiedSince: null, status: 200 },
    { ifNoneMatch: '"v1"', ifModifiedSince: null, status: 200 },
    { ifNoneMatch: '"v2"', ifModifiedSince: null, status: 304 },
  ]);
  expect(await logged(page, `${HOST}:newstimeline:datachange`)).toHaveLength(1);
});

test("uses Last-Modified when there is no ETag", async ({ page, request }, info) => {
  const name = `modified-${info.workerIndex}-${Date.now()}.json`;
  const lastModified = "Wed, 01 May 2024 10:00:00 GMT";
  await serve(request, name, { body: JSON.stringify(doc({ a: "A" })), lastModified });
  await page.clock.install();
  await mountLive(page, name, { "data-refresh": "20" });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["a"]);
  await refreshed(page, request, name, 2, 20_000);
  expect((await served(request, name))[1]).toEqual({ ifNoneMatch: null, ifModifiedSince: lastModified, status: 304 });
});

test("a failed refresh keeps the data, says so once, and the next one recovers", async ({ page, request }, info) => {
  const name = `failing-${info.workerIndex}-${Date.now()}.json`;
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && m.text().includes("news-timeline") && warnings.push(m.text()));
  await serve(request, name, { body: JSON.stringify(doc({ a: "A", b: "B" })), etag: '"v1"' });
  await page.clock.install();
  await mountLive(page, name, { "data-refresh": "15", ...YEAR });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["a", "b"]);

  await serve(request, name, { status: 500 });
  await refreshed(page, request, name, 2);
  const notice = page.locator(`${HOST} .nt-debug`);
  await expect(notice).toContainText("could not be refreshed");
  await expect(notice).toContainText("500");
  await refreshed(page, request, name, 3);
  expect(warnings).toHaveLength(1);
  expect(await eventIds(page, HOST)).toEqual(["a", "b"]);

  // Invalid data is a failure too: the old data stays.
  await serve(request, name, { status: 200, body: '{"events": [', etag: '"broken"' });
  await refreshed(page, request, name, 4);
  expect(await eventIds(page, HOST)).toEqual(["a", "b"]);
  expect(warnings).toHaveLength(1);

  await serve(request, name, { body: JSON.stringify(doc({ a: "A", b: "B", c: "C" })), etag: '"v2"' });
  await refreshed(page, request, name, 5);
  await expect(notice).toHaveCount(0);
  await expect.poll(() => eventIds(page, HOST)).toEqual(["a", "b", "c"]);
  const statuses = (await served(request, name)).map((r) => r.status);
  expect(statuses).toEqual([200, 500, 500, 200, 200]);
});

test("a hidden page waits, and refreshes once it is shown again", async ({ page, request }, info) => {
  const name = `hidden-${info.workerIndex}-${Date.now()}.json`;
  await serve(request, name, { body: JSON.stringify(doc({ a: "A" })), etag: '"v1"' });
  await page.clock.install();
  await mountLive(page, name, { "data-refresh": "15", ...YEAR });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["a"]);
  const visibility = (hidden) =>
    page.evaluate((hidden) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await visibility(true);
  await page.clock.fastForward(PERIOD * 3);
  expect(await served(request, name)).toHaveLength(1);
  await serve(request, name, { body: JSON.stringify(doc({ a: "A", b: "B" })), etag: '"v2"' });
  await visibility(false);
  await expect.poll(() => eventIds(page, HOST)).toEqual(["a", "b"]);
  expect(await served(request, name)).toHaveLength(2);
});

test("reload() reads the file again on demand, and rejects when it cannot", async ({ page, request }, info) => {
  const name = `reload-${info.workerIndex}-${Date.now()}.json`;
  await serve(request, name, { body: JSON.stringify(doc({ a: "A", b: "B" })) });
  await mountLive(page, name, YEAR);
  await expect.poll(() => eventIds(page, HOST)).toEqual(["a", "b"]);
  await serve(request, name, { body: JSON.stringify(doc({ b: "B", c: "C" })) });
  const change = await page.evaluate(() => document.querySelector("#live").newsTimeline.reload());
  expect(change).toEqual({ added: ["c"], updated: [], removed: ["a"] });
  await expect.poll(() => eventTitles(page, HOST)).toEqual(["B", "C"]);
  await serve(request, name, { status: 500 });
  const failed = await page.evaluate(() =>
    document
      .querySelector("#live")
      .newsTimeline.reload()
      .then(
        () => "resolved",
        (e) => e instanceof Error && e.message,
      ),
  );
  expect(failed).toMatch(/^reload: .*\/live\/.* answered 500/);
  expect(await eventTitles(page, HOST)).toEqual(["B", "C"]);
  // A failed reload is the caller's to report: no notice.
  await expect(page.locator(`${HOST} .nt-debug`)).toHaveCount(0);
});
