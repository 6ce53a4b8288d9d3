// Labels a reader can read: a title that fits its box is never cut (the
// layout measures each title with the font it is drawn in), a title too
// long for any box is cut at the box's edge and shows whole on hover and
// focus, and no "+N" badge covers an axis tick's label.
import { test, expect, mount } from "../fixtures/timeline.mjs";

/** For every labelled event in `host`: its title, whether its text is
 * cut (drawn wider than its box), and its button's tooltip. */
async function labels(page, host = "#tl") {
  return page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    return [...root.querySelectorAll("[data-event-id]")].map((row) => {
      const title = row.querySelector(".nt-event__title");
      return {
        text: title.textContent,
        cut: title.scrollWidth > title.clientWidth,
        tooltip: row.querySelector("button").getAttribute("title"),
      };
    });
  }, host);
}

/** `n` events a day apart in 2019, titled by `title(i)`. */
function events(n, title) {
  return Array.from({ length: n }, (_, i) => ({
    start: new Date(Date.UTC(2019, 0, 1 + i * 3)).toISOString().slice(0, 10),
    title: title(i),
  }));
}

for (const width of [375, 1280]) {
  test(`at ${width} px no short title is cut`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/test/single.html");
    expect(await mount(page, "#tl", events(100, (i) => `Event ${i}`), { height: 500 })).toEqual({ ok: true });
    await expect(page.locator("#tl [data-event-id]").first()).toBeVisible();
    const shown = await labels(page);
    expect(shown.length, "some events get a label").toBeGreaterThan(3);
    expect(shown.filter((l) => l.cut), "cut labels").toEqual([]);
    expect(shown.every((l) => l.tooltip === null), "no tooltip where nothing is cut").toBe(true);
  });

  test(`at ${width} px a long title is cut at its box, says all in its tooltip and shows whole when focused`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/test/single.html");
    const long = "Iran says it has arrested 17 suspected spies working for the CIA and that some have been sentenced to death";
    const data = events(6, (i) => (i === 2 ? long : `Short ${i}`));
    expect(await mount(page, "#tl", data, { height: 500 })).toEqual({ ok: true });
    const row = page.locator('#tl [data-event-id]').filter({ hasText: "Iran says" });
    await expect(row).toBeVisible();
    const all = await labels(page);
    const cut = all.filter((l) => l.cut);
    expect(cut.map((l) => l.text)).toEqual([long]);
    expect(cut[0].tooltip).toBe(long);
    const whole = () => row.locator(".nt-event__title").evaluate((t) => t.scrollWidth <= t.clientWidth + 1);
    expect(await whole()).toBe(false);
    // Pointed at, the whole title is drawn.
    await row.hover();
    await expect.poll(whole).toBe(true);
    // And focused from the keyboard (arrows move the focus to it).
    await page.mouse.move(0, 0);
    await expect.poll(whole).toBe(false);
    await row.locator("button").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(whole).toBe(true);
  });
}

test("no cluster badge covers an axis tick's label", async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto("/test/single.html");
  // Crowded days: many more events than labels, so badges appear.
  const data = Array.from({ length: 400 }, (_, i) => ({
    start: new Date(Date.UTC(2019, 4, 1) + i * 3 * 3600e3).toISOString(),
    title: `Crowded ${i}`,
  }));
  expect(await mount(page, "#tl", data, { height: 300 })).toEqual({ ok: true });
  await expect(page.locator("#tl .nt-cluster").first()).toBeVisible();
  const overlaps = await page.evaluate(() => {
    const root = document.querySelector("#tl").shadowRoot;
    const boxes = (s) => [...root.querySelectorAll(s)].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    const badges = boxes(".nt-cluster");
    const ticks = boxes(".nt-axis__label");
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return { badges: badges.length, ticks: ticks.length, overlaps: badges.filter((b) => ticks.some((t) => hit(b, t))).length };
  });
  expect(overlaps.badges).toBeGreaterThan(0);
  expect(overlaps.ticks).toBeGreaterThan(0);
  expect(overlaps.overlaps).toBe(0);
});
