// follow: when the window shows the latest event and later events arrive,
// the window moves to include them (keeping its zoom), unless the reader
// has moved the window away from the latest event; without follow it stays.
import { test, expect, call, eventIds, getWindow, mount } from "../fixtures/timeline.mjs";

const HOST = "#tl";
const STORY = [
  { id: "a", start: "2019-05-05", title: "Carrier deployed" },
  { id: "b", start: "2019-06-13", title: "Tankers attacked" },
  { id: "c", start: "2019-07-19", title: "Drone downed" },
];
const LATER = [{ id: "d", start: "2019-08-10", title: "Mine found" }];

const span = (w) => Date.parse(w.end) - Date.parse(w.start);

for (const [name, options, moves] of [
  ["with follow the window moves to later events", { follow: true }, true],
  ["without follow the window stays", {}, false],
]) {
  test(name, async ({ page }) => {
    await page.goto("/test/single.html");
    expect(await mount(page, HOST, STORY, options)).toEqual({ ok: true });
    await call(page, HOST, "setWindow", "2019-07", "2019-07");
    const before = await getWindow(page, HOST);
    await call(page, HOST, "addEvents", LATER);
    const after = await getWindow(page, HOST);
    if (moves) {
      expect(span(after)).toBe(span(before));
      expect(Date.parse(after.end)).toBeGreaterThan(Date.parse("2019-08-10"));
      expect((await call(page, HOST, "getVisibleEvents")).value).toContain("d");
      await expect(page.locator(`${HOST} .nt-new__button`)).toBeHidden();
    } else {
      expect(after).toEqual(before);
      await expect(page.locator(`${HOST} .nt-new__button`)).toHaveText("1 new event");
    }
  });
}

test("a reader who moved away from the latest event is not pulled back", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY, { follow: true })).toEqual({ ok: true });
  await call(page, HOST, "setWindow", "2019-05", "2019-05");
  const before = await getWindow(page, HOST);
  await call(page, HOST, "addEvents", LATER);
  expect(await getWindow(page, HOST)).toEqual(before);
  await expect(page.locator(`${HOST} .nt-new__button`)).toHaveText("1 new event");
});

test("follow is read from data-follow on a declarative widget", async ({ page }) => {
  await page.goto("/test/single.html");
  await page.evaluate((events) => {
    const el = document.createElement("div");
    el.id = "live";
    el.setAttribute("data-news-timeline", "");
    el.setAttribute("data-follow", "");
    el.setAttribute("data-loading", "eager");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = JSON.stringify(events);
    el.append(script);
    document.body.append(el);
  }, STORY);
  await expect.poll(() => eventIds(page, "#live")).toEqual(["a", "b", "c"]);
  const moved = await page.evaluate(async (later) => {
    const handle = document.querySelector("#live").newsTimeline;
    handle.setWindow("2019-07", "2019-07");
    await handle.addEvents(later);
    return handle.getVisibleEvents();
  }, LATER);
  expect(moved).toContain("d");
});
