// Events added outside the window are counted in a polite "N new events"
// control; activating it (click or keyboard) brings them into view, makes
// the earliest the current event and clears it; screen readers hear the
// count once each time it grows, not when the window moves.
import { test, expect, call, eventIds, getWindow, mount } from "../fixtures/timeline.mjs";

const HOST = "#tl";
const STORY = [
  { id: "carrier", start: "2019-05-05", title: "Carrier deployed" },
  { id: "tankers", start: "2019-06-13", title: "Tankers attacked" },
];

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY)).toEqual({ ok: true });
  await expect.poll(() => eventIds(page, HOST)).toEqual(["carrier", "tankers"]);
});

const chip = (page) => page.locator(`${HOST} .nt-new__button`);
const status = (page) => page.locator(`${HOST} .nt-new__status`);

test("additions outside the window are counted until activated, which shows them", async ({ page }) => {
  await expect(chip(page)).toBeHidden();
  await call(page, HOST, "addEvents", [
    { id: "drone", start: "2019-07-19", title: "Drone downed" },
    { id: "seized", start: "2019-07-20", title: "Tanker seized" },
    { id: "talks", start: "2019-06-01", title: "Talks" },
  ]);
  // Talks is inside the window: two are new and out of sight.
  await expect(chip(page)).toHaveText("2 new events");
  await expect(status(page)).toHaveText("2 new events");
  await expect(status(page)).toHaveAttribute("aria-live", "polite");
  await call(page, HOST, "addEvents", [{ id: "mine", start: "2019-08-02", title: "Mine found" }]);
  await expect(chip(page)).toHaveText("3 new events");
  await chip(page).click();
  await expect(chip(page)).toBeHidden();
  await expect(status(page)).toHaveText("");
  const visible = (await call(page, HOST, "getVisibleEvents")).value;
  expect(visible).toEqual(expect.arrayContaining(["drone", "seized", "mine"]));
  // The earliest new event is the current one, and has the focus.
  await expect(page.locator(`${HOST} [data-event-id="drone"] button`)).toBeFocused();
});

test("the count is said once: moving the window does not say it again", async ({ page }) => {
  await call(page, HOST, "addEvents", [{ id: "far", start: "2020-03-01", title: "Far away" }]);
  await expect(status(page)).toHaveText("1 new event");
  // Record what the live region says from now on.
  await page.evaluate(() => {
    const region = document.querySelector("#tl").shadowRoot.querySelector(".nt-new__status");
    window.__said = [];
    new MutationObserver(() => window.__said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await call(page, HOST, "setWindow", "2019-05", "2019-06");
  await call(page, HOST, "setWindow", "2019-06", "2019-07");
  await expect(chip(page)).toHaveText("1 new event");
  expect(await page.evaluate(() => window.__said)).toEqual([]);
  // Panning to it counts as seeing it.
  await call(page, HOST, "setWindow", "2020-02", "2020-04");
  await expect(chip(page)).toBeHidden();
});

test("the control works from the keyboard and in the reader's language", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY, { lang: "de" })).toEqual({ ok: true });
  const before = await getWindow(page, HOST);
  await call(page, HOST, "addEvents", [{ id: "late", start: "2019-09-01", title: "Late" }]);
  await expect(chip(page)).toHaveText("1 neues Ereignis");
  await chip(page).focus();
  await page.keyboard.press("Enter");
  await expect(chip(page)).toBeHidden();
  expect(await getWindow(page, HOST)).not.toEqual(before);
  expect((await call(page, HOST, "getVisibleEvents")).value).toContain("late");
});
