// Screen readers: the labelled events are a list whose items give their
// place in the whole filtered set (aria-posinset / aria-setsize), and a
// polite live region says what the window shows once it stops moving.
import { test, expect, mount, call, numberedEvents } from "../fixtures/timeline.mjs";

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", numberedEvents("A", 12), { lang: "en-GB" })).toEqual({ ok: true });
});

test("each event gives its place in the whole set", async ({ page }) => {
  expect(await call(page, "#tl", "setWindow", "2019-03", "2019-05")).toMatchObject({ ok: true });
  const items = page.locator("#tl li[data-event-id]");
  await expect(items).toHaveCount(3);
  expect(await items.evaluateAll((els) => els.map((el) => [el.getAttribute("aria-posinset"), el.getAttribute("aria-setsize")]))).toEqual([
    ["3", "12"],
    ["4", "12"],
    ["5", "12"],
  ]);
});

test("a window change is announced politely once it settles", async ({ page }) => {
  const region = page.locator("#tl .nt-track__announcement");
  await expect(region).toHaveAttribute("aria-live", "polite");
  await expect(region).toHaveText("");
  expect(await call(page, "#tl", "setWindow", "2019-01", "2019-01")).toMatchObject({ ok: true });
  expect(await call(page, "#tl", "setWindow", "2019-03", "2019-05")).toMatchObject({ ok: true });
  await expect(region).toHaveText("1 March 2019 – 31 May 2019: 3 events");
});
