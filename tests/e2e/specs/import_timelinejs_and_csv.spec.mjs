// The data newsrooms already have: a TimelineJS3 document and a CSV export
// of TimelineJS3's spreadsheet template, mounted declaratively side by side
// (www/examples/import.html).
import { test, expect, eventTitles, eventDatetimes, shownCount, scrollIntoView, watchPage, expectClean } from "../fixtures/timeline.mjs";

test("shows a TimelineJS3 document with its title, eras, BC dates and groups as lanes", async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto("/examples/import.html");
  await scrollIntoView(page, "#tljs");
  // Its two groups are lanes (in the order they first appear), each
  // holding its events in time order.
  const lanes = page.locator("#tljs [data-lane]");
  await expect(lanes).toHaveCount(2);
  expect(await lanes.evaluateAll((els) => els.map((el) => el.getAttribute("data-lane")))).toEqual(["Civil war", "Politics"]);
  await expect
    .poll(() => eventTitles(page, "#tljs [data-lane='Civil war']"))
    .toEqual(["Caesar crosses the Rubicon", "Battle of Pharsalus", "Battle of Actium"]);
  await expect
    .poll(() => eventTitles(page, "#tljs [data-lane='Politics']"))
    .toEqual(["The Ides of March", "Octavian becomes Augustus", "Augustus dies at Nola"]);
  // TimelineJS3's year -44 is 44 BC: astronomical year -0043.
  const date = (id) => page.locator(`#tljs [data-event-id='${id}'] .nt-event__date`);
  await expect(date("ides")).toHaveAttribute("datetime", "-000043-03-15");
  await expect(date("ides")).toHaveText("March 15, 44 BC");
  await expect(date("augustus")).toHaveText("January 27 BC");
  await expect(page.locator("#tljs .nt-timeline__title")).toHaveText("From Republic to Empire");
  await expect(page.locator("#tljs .nt-era__label")).toHaveText(["Caesar's civil war", "Reign of Augustus"]);
  await page.locator("#tljs [data-event-id='ides'] button").click();
  await expect(page.locator("#tljs .nt-card__image")).toHaveAttribute("alt", /laurel wreath/);
  expectClean(watch);
});

test("shows a TimelineJS3 spreadsheet exported as CSV", async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto("/examples/import.html");
  await scrollIntoView(page, "#sheet");
  // Every row is on the track: labelled, or counted in a "+N" badge where
  // the 380 px side-by-side widget has no room left. Its five groups would
  // leave no label row per lane there, so "auto" keeps one track.
  await expect(page.locator("#sheet [data-lane]")).toHaveCount(0);
  await expect.poll(() => shownCount(page, "#sheet")).toBe(14);
  const dates = await eventDatetimes(page, "#sheet");
  expect(dates.length).toBeGreaterThan(6);
  expect([...dates].sort()).toEqual(dates);
  expect(dates[0]).toBe("2019-05-05");
  await expect(page.locator("#sheet .nt-timeline__title")).toHaveText("WAR FOOTING: Recent US and Iran tensions");
  expectClean(watch);
});
