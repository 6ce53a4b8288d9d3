// Phones first: on the demo article at 320, 375 and 414 px the widget's
// chrome takes at most a third of its height, the search, tags and
// importance fold behind one "Filter" control that opens them as a sheet
// and filters, touch targets are at least 44 px, the page never scrolls
// sideways, and axe finds nothing (with the sheet closed and open).
import { test, expect, events, frames, scrollIntoView, axeViolations } from "../fixtures/timeline.mjs";

const HOST = "#war-footing";

test.use({ bypassCSP: true });

/** Sizes of the demo widget's parts, in CSS px. */
async function parts(page) {
  return page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    const box = (s) => {
      const el = root.querySelector(s);
      if (!el || el.offsetParent === null) return null;
      const r = el.getBoundingClientRect();
      return { width: r.width, height: r.height };
    };
    const buttons = [...root.querySelectorAll(".nt-zoom__button, .nt-filter-toggle")].map((b) => {
      const r = b.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    return {
      widget: box(".nt-timeline"),
      track: box(".nt-track"),
      filters: box(".nt-filters"),
      toggle: box(".nt-filter-toggle"),
      buttons,
      sideways: document.documentElement.scrollWidth > window.innerWidth,
    };
  }, HOST);
}

for (const width of [320, 375, 414]) {
  test.describe(`at ${width} px`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width, height: 667 });
      await page.goto("/index.html");
      await scrollIntoView(page, HOST);
      await expect(events(page, HOST).first()).toBeVisible();
      await frames(page);
    });

    test("the chrome takes at most a third of the height and the filters fold away", async ({ page }) => {
      const p = await parts(page);
      expect(p.filters, "the filter bar is folded").toBeNull();
      expect(p.toggle, "the Filter control shows").not.toBeNull();
      const chrome = p.widget.height - p.track.height;
      expect(chrome, `chrome ${chrome} px of ${p.widget.height}`).toBeLessThanOrEqual(p.widget.height / 3);
      for (const b of p.buttons) {
        expect(b.width).toBeGreaterThanOrEqual(44);
        expect(b.height).toBeGreaterThanOrEqual(44);
      }
      expect(p.sideways, "the page scrolls sideways").toBe(false);
    });

    test("the Filter control opens the filters as a sheet, and they filter", async ({ page }) => {
      const host = page.locator(HOST);
      const toggle = host.locator(".nt-filter-toggle");
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      const search = host.getByRole("searchbox");
      await expect(search).toBeFocused();
      await search.fill("tanker");
      await host.locator(".nt-chip", { hasText: "shipping" }).click();
      await expect(host.locator(".nt-filters__status")).toHaveText("2 of 14 events");
      expect(await axeViolations(page), "with the sheet open").toEqual([]);
      await host.getByRole("button", { name: "Done" }).click();
      await expect(toggle).toBeFocused();
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      // The control says how many criteria are set.
      await expect(toggle).toHaveAccessibleName("Filter, 2 active");
      await expect(events(page, HOST)).toHaveCount(2);
      expect((await parts(page)).sideways).toBe(false);
      // Esc in the sheet closes it too.
      await toggle.click();
      await page.keyboard.press("Escape");
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
    });

    test("axe finds no violation with the sheet closed", async ({ page }) => {
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test("a wide widget shows its filters inline and no Filter control", async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto("/index.html");
  await scrollIntoView(page, HOST);
  await expect(events(page, HOST).first()).toBeVisible();
  const p = await parts(page);
  expect(p.toggle).toBeNull();
  expect(p.filters).not.toBeNull();
});
