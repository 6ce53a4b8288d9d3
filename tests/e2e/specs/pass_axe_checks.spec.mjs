// Accessibility: axe-core (pinned in package.json; it reaches into open
// shadow roots) finds no WCAG 2.0/2.1/2.2 A and AA violation on the demo
// article, in light and dark, as loaded, with an event's card open and with
// a filter applied (tag chip + search, so search marks are checked too);
// an Arabic widget (right to left) with its card open; and a widget in the
// list layout, as loaded, searched and with its card open.
//
// axe is injected from node_modules (see axeViolations); the demo page's
// strict CSP forbids inline scripts, so this spec's pages bypass it
// (load_without_violations.spec.mjs proves the page works under it).
import { test, expect, events, frames, mount, scrollIntoView, axeViolations as violations } from "../fixtures/timeline.mjs";

const HOST = "#war-footing";

const ARABIC = {
  title: "توترات في الخليج",
  events: [
    { id: "carrier", start: "2019-05-05", title: "نشر حاملة طائرات", tags: ["عسكري"] },
    { id: "drone", start: "2019-06-20", title: "إسقاط طائرة مسيّرة", tags: ["عسكري"], text: "<p>أعلنت إيران إسقاط طائرة مسيّرة.</p>" },
    { id: "spies", start: "2019-07-22", title: "اعتقال جواسيس", tags: ["دبلوماسية"], importance: 3 },
  ],
};

const LIST = {
  title: "War footing",
  events: [
    { id: "carrier", start: "2019-05-05", title: "Carrier deployed", tags: ["military"], importance: 3 },
    { id: "summer", start: "2019-06", title: "A month of tanker incidents", tags: ["shipping"] },
    { id: "drone", start: "2019-07-19", end: "2019-07-20", title: "Drone downed", tags: ["military"], text: "<p>A <a href='https://example.org'>report</a>.</p>" },
    { id: "tanker", start: "2019-07-19", title: "Tanker seized", tags: ["shipping"] },
  ],
};

test.use({ bypassCSP: true });

/** The demo widget, mounted (it mounts lazily, when scrolled near). */
async function openDemo(page, colorScheme) {
  await page.emulateMedia({ colorScheme });
  await page.goto("/index.html");
  await scrollIntoView(page, HOST);
  await expect(events(page, HOST)).toHaveCount(14);
  const dark = await page.locator(`${HOST} .nt-timeline`).evaluate((el) => el.classList.contains("nt-timeline--dark"));
  expect(dark, `the widget follows prefers-color-scheme: ${colorScheme}`).toBe(colorScheme === "dark");
  await frames(page);
}

for (const colorScheme of ["light", "dark"]) {
  test.describe(`${colorScheme} theme`, () => {
    test("the demo page as loaded has no violation", async ({ page }) => {
      await openDemo(page, colorScheme);
      expect(await violations(page)).toEqual([]);
    });

    test("with an event's card open, no violation", async ({ page }) => {
      await openDemo(page, colorScheme);
      await page.locator(`${HOST} [data-event-id='june-13-tankers'] button`).click();
      await expect(page.locator(`${HOST} .nt-card`)).toBeVisible();
      await frames(page);
      expect(await violations(page)).toEqual([]);
    });

    test("with a filter applied, no violation", async ({ page }) => {
      await openDemo(page, colorScheme);
      const host = page.locator(HOST);
      await host.locator(".nt-chip", { hasText: "shipping" }).click();
      await host.getByRole("searchbox").fill("tanker");
      await expect(host.locator("[data-event-id]")).toHaveCount(2);
      await expect(host.locator(".nt-mark").first()).toBeVisible();
      await frames(page);
      expect(await violations(page)).toEqual([]);
    });

    test("an Arabic widget, right to left, with its card open: no violation", async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/test/single.html");
      await page.evaluate(() => (document.documentElement.lang = "ar"));
      expect(await mount(page, "#tl", ARABIC)).toEqual({ ok: true });
      await expect(page.locator("#tl .nt-timeline")).toHaveAttribute("dir", "rtl");
      await page.locator("#tl [data-event-id='drone'] button").click();
      await expect(page.locator("#tl .nt-card")).toBeVisible();
      await frames(page);
      expect(await violations(page)).toEqual([]);
    });

    test("a list-layout widget as loaded, searched and with its card open: no violation", async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/test/single.html");
      expect(await mount(page, "#tl", LIST, { layout: "list" })).toEqual({ ok: true });
      await expect(page.locator("#tl .nt-list [data-event-id]")).toHaveCount(4);
      await frames(page);
      expect(await violations(page)).toEqual([]);
      await page.locator("#tl").getByRole("searchbox").fill("tanker");
      await expect(page.locator("#tl .nt-list [data-event-id]")).toHaveCount(2);
      await expect(page.locator("#tl .nt-mark").first()).toBeVisible();
      await page.locator("#tl [data-event-id='tanker'] button").click();
      await expect(page.locator("#tl .nt-card")).toBeVisible();
      await frames(page);
      expect(await violations(page)).toEqual([]);
    });
  });
}
