// Live data through the API: addEvents adds or replaces by id, removeEvents
// removes by id, both emit `datachange` and keep the window, the filter, the
// reader's focus and an open card (showing the replaced event's new
// content; a removed one closes with select {id: null}); unchanged events
// keep their label rows. Bad input: a non-array rejects or throws naming
// it, bad events are skipped with warnings at `[i].field`, unknown ids are
// ignored. All three embed forms have the methods.
import {
  test,
  expect,
  call,
  eventIds,
  eventTitles,
  frames,
  getWindow,
  listen,
  listenDom,
  logged,
  mount,
  scrollIntoView,
} from "../fixtures/timeline.mjs";

const HOST = "#tl";
const STORY = {
  events: [
    { id: "carrier", start: "2019-05-05", title: "Carrier deployed", tags: ["military"] },
    { id: "tankers", start: "2019-06-13", title: "Tankers attacked", tags: ["shipping"] },
    { id: "drone", start: "2019-07-19", title: "Drone downed", tags: ["military"] },
    { id: "seized", start: "2019-07-20", title: "Tanker seized", tags: ["shipping"] },
  ],
};

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY)).toEqual({ ok: true });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["carrier", "tankers", "drone", "seized"]);
  await listen(page, HOST, "datachange");
  await listenDom(page, HOST, "newstimeline:datachange");
});

test("addEvents adds new ids, replaces known ones and tells what changed", async ({ page }) => {
  const result = await call(page, HOST, "addEvents", [
    { id: "drone", start: "2019-07-19", title: "US drone downed", tags: ["military"] },
    { id: "talks", start: "2019-06-01", title: "Talks in Oman" },
  ]);
  expect(result).toEqual({ ok: true, value: { added: ["talks"], updated: ["drone"] } });
  await expect.poll(() => eventTitles(page, HOST)).toEqual([
    "Carrier deployed",
    "Talks in Oman",
    "Tankers attacked",
    "US drone downed",
    "Tanker seized",
  ]);
  const change = { added: ["talks"], updated: ["drone"], removed: [] };
  expect(await logged(page, `${HOST}:datachange`)).toEqual([change]);
  expect(await logged(page, `${HOST}:newstimeline:datachange`)).toEqual([change]);
  // The same again changes nothing, and says nothing.
  const again = await call(page, HOST, "addEvents", [{ id: "talks", start: "2019-06-01", title: "Talks in Oman" }]);
  expect(again).toEqual({ ok: true, value: { added: [], updated: [] } });
  expect(await logged(page, `${HOST}:datachange`)).toHaveLength(1);
});

test("a merge keeps the window, the filter and an open card, which shows the new content", async ({ page }) => {
  expect(await call(page, HOST, "setWindow", "2019-06", "2019-07")).toMatchObject({ ok: true });
  expect(await call(page, HOST, "setFilter", { tags: ["shipping", "military"] })).toMatchObject({ ok: true });
  expect(await call(page, HOST, "select", "drone")).toMatchObject({ ok: true });
  const window = await getWindow(page, HOST);
  await call(page, HOST, "addEvents", [
    { id: "drone", start: "2019-07-19", title: "US drone downed", text: "<p>Over the strait.</p>", tags: ["military"] },
    { id: "mine", start: "2019-06-20", title: "Mine found", tags: ["shipping"] },
  ]);
  await frames(page);
  expect(await getWindow(page, HOST)).toEqual(window);
  expect((await call(page, HOST, "getFilter")).value.tags).toEqual(["shipping", "military"]);
  const card = page.locator(`${HOST} .nt-card`);
  await expect(card).toContainText("US drone downed");
  await expect(card).toContainText("Over the strait.");
});

test("a merge keeps the reader's focus and the rows of the events it did not add", async ({ page }) => {
  expect(await call(page, HOST, "setWindow", "2019-06", "2019-07")).toMatchObject({ ok: true });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["tankers", "drone", "seized"]);
  // Mark the rows, to see which survive.
  await page.evaluate(() => {
    for (const row of document.querySelector("#tl").shadowRoot.querySelectorAll("[data-event-id]")) row.__marked = true;
  });
  const drone = page.locator(`${HOST} [data-event-id="drone"] button`);
  await drone.focus();
  await call(page, HOST, "addEvents", [
    { id: "drone", start: "2019-07-19", title: "US drone downed", tags: ["military"] },
    { id: "mine", start: "2019-06-20", title: "Mine found", tags: ["shipping"] },
  ]);
  await expect.poll(() => eventTitles(page, HOST)).toEqual(["Tankers attacked", "Mine found", "US drone downed", "Tanker seized"]);
  // The replaced event's row shows its new title and keeps the focus.
  await expect(drone).toBeFocused();
  const survived = await page.evaluate(() =>
    Object.fromEntries([...document.querySelector("#tl").shadowRoot.querySelectorAll("[data-event-id]")].map((r) => [r.dataset.eventId, !!r.__marked])),
  );
  expect(survived).toEqual({ tankers: true, mine: false, drone: true, seized: true });
});

test("removeEvents removes known ids, ignores unknown ones and closes a removed card", async ({ page }) => {
  await listen(page, HOST, "select");
  expect(await call(page, HOST, "select", "tankers")).toMatchObject({ ok: true });
  const result = await call(page, HOST, "removeEvents", ["tankers", "nope", "drone"]);
  expect(result).toEqual({ ok: true, value: ["tankers", "drone"] });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["carrier", "seized"]);
  await expect(page.locator(`${HOST} .nt-card`)).toHaveCount(0);
  await expect.poll(() => logged(page, `${HOST}:select`)).toEqual([{ id: "tankers" }, { id: null }]);
  expect(await logged(page, `${HOST}:datachange`)).toEqual([{ added: [], updated: [], removed: ["tankers", "drone"] }]);
  expect(await call(page, HOST, "removeEvents", ["nope"])).toEqual({ ok: true, value: [] });
  expect(await logged(page, `${HOST}:datachange`)).toHaveLength(1);
});

test("setEvents tells what changed too", async ({ page }) => {
  await call(page, HOST, "setEvents", [
    { id: "carrier", start: "2019-05-05", title: "Carrier deployed", tags: ["military"] },
    { id: "talks", start: "2019-06-01", title: "Talks" },
  ]);
  expect(await logged(page, `${HOST}:datachange`)).toEqual([{ added: ["talks"], updated: [], removed: ["tankers", "drone", "seized"] }]);
});

test("bad input: a non-array rejects or throws naming it, bad events are skipped with warnings", async ({ page }) => {
  await listen(page, HOST, "warning");
  const notArray = await call(page, HOST, "addEvents", { events: [] });
  expect(notArray).toEqual({ error: "addEvents: expected an array of events, but found an object", isError: true });
  const bad = await call(page, HOST, "addEvents", [
    { id: "ok", start: "2019-08-01", title: "Fine" },
    { id: "x", start: "August", title: "Bad date" },
    7,
  ]);
  expect(bad).toEqual({ ok: true, value: { added: ["ok"], updated: [] } });
  const warnings = await logged(page, `${HOST}:warning`);
  expect(warnings.map((w) => w.problems.map((p) => p.path))).toEqual([["[1].start", "[2]"]]);
  const paths = (await call(page, HOST, "getProblems")).value.map((p) => p.path);
  expect(paths).toEqual(["[1].start", "[2]"]);
  for (const [ids, message] of [
    ["drone", "removeEvents: expected an array of event ids, but found a string"],
    [["drone", 5], "removeEvents: expected event ids (strings), but [1] is a number"],
  ]) {
    expect(await call(page, HOST, "removeEvents", ids)).toEqual({ error: message, isError: true });
  }
  expect(await call(page, HOST, "fit")).toMatchObject({ ok: true });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["carrier", "tankers", "drone", "seized", "ok"]);
  expect(await call(page, HOST, "reload")).toEqual({
    error: "reload: this timeline has no src or data-src to read again",
    isError: true,
  });
});

test("declarative and enhanced-list widgets have the live methods", async ({ page }) => {
  await page.goto("/test/declarative.html");
  for (const host of await page.evaluate(() => [...document.querySelectorAll("[data-news-timeline], news-timeline")].map((e) => "#" + e.id))) {
    await scrollIntoView(page, host);
    await expect.poll(() => page.evaluate((h) => !!document.querySelector(h).newsTimeline, host)).toBe(true);
    const added = await page.evaluate(async (h) => {
      const handle = document.querySelector(h).newsTimeline;
      const result = await handle.addEvents([{ id: "live-1", start: "2019-06-15", title: "Live" }]);
      return [result.added, handle.removeEvents(["live-1"])];
    }, host);
    expect(added, host).toEqual([["live-1"], ["live-1"]]);
  }
});
