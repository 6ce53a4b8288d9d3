// Print: every widget prints as its list of the events passing the current
// filter (each with its date, title, tags, text and source), black on
// white, with no buttons, no track and no overview, links followed by their
// URL. Nothing of it is in the DOM on screen: it is built when the page is
// about to print (a PDF made by Chromium, or print media emulated) and
// dropped after. A list-layout widget prints all its events, not only those
// its screen list has near the viewport.
import { test, expect, mount, call, events, printedRows, listGroups, scrollIntoView } from "../fixtures/timeline.mjs";

const HOST = "#tl";

const STORY = {
  title: "War footing",
  events: [
    { id: "carrier", start: "2019-05-05", title: "Carrier deployed", tags: ["military"] },
    {
      id: "tankers",
      start: "2019-06-13",
      title: "Tankers attacked",
      tags: ["shipping"],
      text: '<p>Two tankers were hit, <a href="https://example.org/gulf">reports say</a>.</p>',
      source: { url: "https://example.org/source", name: "The wire" },
    },
    { id: "drone", start: "2019-06-20", title: "Drone downed", tags: ["military"] },
    { id: "seized", start: "2019-07-19", title: "Tanker seized", tags: ["shipping"] },
  ],
};

/** Whether `locator`'s element is displayed (print CSS hides with display: none). */
function shown(locator) {
  return locator.evaluate((el) => el.getClientRects().length > 0);
}

test("print media shows the list, black on white, without buttons, track or overview", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY)).toEqual({ ok: true });
  await expect(events(page, HOST)).toHaveCount(4);
  await expect(page.locator(`${HOST} .nt-list--print`)).toHaveCount(0);

  await page.emulateMedia({ media: "print" });
  await expect(printedRows(page, HOST)).toHaveCount(4);
  expect(await listGroups(page, HOST, true)).toEqual([
    { period: "May 2019", titles: ["Carrier deployed"] },
    { period: "June 2019", titles: ["Tankers attacked", "Drone downed"] },
    { period: "July 2019", titles: ["Tanker seized"] },
  ]);
  const tankers = page.locator(`${HOST} .nt-list--print [data-event-id='tankers']`);
  await expect(tankers.locator("time")).toHaveText("June 13, 2019");
  await expect(tankers.locator(".nt-list__text")).toHaveText("Two tankers were hit, reports say.");
  await expect(tankers.locator(".nt-list__source")).toHaveText("Source: The wire");
  // Links are followed by their URL.
  const after = await tankers.locator(".nt-list__text a").evaluate((a) => getComputedStyle(a, "::after").content);
  expect(after).toBe('" (https://example.org/gulf)"');
  // No buttons, no track, no overview; the title and the count stay.
  expect(await page.locator(`${HOST} button`).evaluateAll((all) => all.filter((b) => b.getClientRects().length > 0).length)).toBe(0);
  expect(await shown(page.locator(`${HOST} .nt-track`))).toBe(false);
  expect(await shown(page.locator(`${HOST} .nt-overview`))).toBe(false);
  expect(await shown(page.locator(`${HOST} .nt-timeline__title`))).toBe(true);
  await expect(page.locator(`${HOST} .nt-filters__status`)).toHaveText("4 events");
  // Black on white.
  const colors = await page.locator(`${HOST} .nt-timeline`).evaluate((root) => {
    const title = root.querySelector(".nt-list--print .nt-list__title");
    return { text: getComputedStyle(title).color, background: getComputedStyle(root).backgroundColor };
  });
  expect(colors).toEqual({ text: "rgb(0, 0, 0)", background: "rgb(255, 255, 255)" });

  // Back on screen, the printed list is gone.
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(`${HOST} .nt-list--print`)).toHaveCount(0);
  expect(await shown(page.locator(`${HOST} .nt-track`))).toBe(true);
});

test("a dark widget prints black on white too", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY, { theme: "dark" })).toEqual({ ok: true });
  await page.emulateMedia({ media: "print" });
  await expect(printedRows(page, HOST)).toHaveCount(4);
  const color = await page.locator(`${HOST} .nt-list--print .nt-list__title`).first().evaluate((el) => getComputedStyle(el).color);
  expect(color).toBe("rgb(0, 0, 0)");
});

test("the current filter applies to what prints", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, HOST, STORY)).toEqual({ ok: true });
  expect(await call(page, HOST, "setFilter", { tags: ["shipping"] })).toMatchObject({ ok: true });
  await page.emulateMedia({ media: "print" });
  await expect(printedRows(page, HOST)).toHaveCount(2);
  expect(await listGroups(page, HOST, true)).toEqual([
    { period: "June 2019", titles: ["Tankers attacked"] },
    { period: "July 2019", titles: ["Tanker seized"] },
  ]);
  await expect(page.locator(`${HOST} .nt-filters__status`)).toHaveText("2 of 4 events");
});

test("a list-layout widget prints every event, not only those near the viewport", async ({ page }) => {
  await page.goto("/test/single.html");
  const many = {
    events: Array.from({ length: 400 }, (_, i) => ({
      id: `e${i}`,
      start: new Date(Date.UTC(2019, 0, 1) + i * 3_600_000).toISOString().slice(0, 16) + "Z",
      title: `Event ${i}`,
    })),
  };
  expect(await mount(page, HOST, many, { layout: "list" })).toEqual({ ok: true });
  const onScreen = await page.locator(`${HOST} .nt-list [data-event-id]`).count();
  expect(onScreen).toBeLessThan(400);
  await page.emulateMedia({ media: "print" });
  await expect(printedRows(page, HOST)).toHaveCount(400);
  expect(await shown(page.locator(`${HOST} .nt-list:not(.nt-list--print)`))).toBe(false);
});

test("at most 1,000 events print, followed by how many more there are", async ({ page }) => {
  await page.goto("/test/single.html");
  const many = {
    events: Array.from({ length: 1234 }, (_, i) => ({
      start: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      title: `Event ${i}`,
    })),
  };
  expect(await mount(page, HOST, many)).toEqual({ ok: true });
  await page.emulateMedia({ media: "print" });
  await expect(printedRows(page, HOST)).toHaveCount(1000);
  await expect(page.locator(`${HOST} .nt-list__more`)).toHaveText("234 more events are not printed.");
});

test("the demo article prints as a document with the timeline as its list (page.pdf)", async ({ page }) => {
  await page.goto("/index.html");
  await scrollIntoView(page, "#war-footing");
  await expect(events(page, "#war-footing")).toHaveCount(14);
  // What the printed list holds while Chromium makes the PDF (a listener
  // added after the widget's runs after it).
  await page.evaluate(() => {
    window.addEventListener("beforeprint", () => {
      const root = document.querySelector("#war-footing").shadowRoot;
      window.__printed = [...root.querySelectorAll(".nt-list--print [data-event-id]")].map((row) => row.getAttribute("data-event-id"));
    });
  });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const printed = await page.evaluate(() => window.__printed);
  expect(printed).toHaveLength(14);
  expect(printed[0]).toBe("may-5-carrier");
  // After printing, the page is as it was.
  await expect(page.locator("#war-footing .nt-list--print")).toHaveCount(0);
  await expect(events(page, "#war-footing")).toHaveCount(14);
});

test("a widget still waiting to load prints the page's own list in full", async ({ page }) => {
  await page.goto("/index.html");
  const host = page.locator("#war-footing");
  // Lazy: far below the first screen, not mounted yet; its list scrolls
  // inside the reserved box.
  expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();
  expect(await host.evaluate((el) => el.style.maxHeight)).toBe("540px");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  expect(await host.evaluate((el) => el.style.maxHeight)).toBe("");
  const list = await host.evaluate((el) => ({ height: el.scrollHeight, box: el.clientHeight }));
  expect(list.height).toBeLessThanOrEqual(list.box + 1);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  expect(await host.evaluate((el) => el.style.maxHeight)).toBe("540px");
});
