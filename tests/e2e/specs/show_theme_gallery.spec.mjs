// The theme gallery (/examples/themes.html) and narrow screens: every
// widget mounts cleanly and takes its theme and the page's --nt-*
// properties; the demo article never scrolls sideways at 320 px, nor at
// the width a 200% browser zoom leaves on a 1280 px screen.
import { test, expect, scrollIntoView, watchPage, expectClean } from "../fixtures/timeline.mjs";

const style = (page, host, property) =>
  page.evaluate(
    ({ host, property }) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector(".nt-timeline"))[property],
    { host, property },
  );

test("each gallery widget mounts with its theme and custom properties", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const watch = await watchPage(page);
  await page.goto("/examples/themes.html");
  for (const id of ["theme-auto", "theme-light", "theme-dark", "theme-broadsheet", "theme-night"]) {
    await scrollIntoView(page, `#${id}`);
    await expect(page.locator(`#${id} [data-event-id]`).first()).toBeAttached();
  }
  expect(await style(page, "#theme-auto", "backgroundColor")).toBe("rgb(255, 255, 255)");
  expect(await style(page, "#theme-dark", "backgroundColor")).toBe("rgb(22, 22, 22)");
  expect(await style(page, "#theme-broadsheet", "backgroundColor")).toBe("rgb(251, 248, 241)");
  expect(await style(page, "#theme-broadsheet", "fontFamily")).toContain("Georgia");
  expect(await style(page, "#theme-night", "backgroundColor")).toBe("rgb(11, 22, 32)");
  expect(await style(page, "#theme-night", "borderTopLeftRadius")).toBe("12px");
  expectClean(watch);
});

for (const width of [320, 640]) {
  test(`the demo article does not scroll sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/index.html");
    await scrollIntoView(page, "#war-footing");
    await expect(page.locator("#war-footing [data-event-id]").first()).toBeAttached();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The controls stay on screen and work.
    const zoomIn = page.locator("#war-footing .nt-zoom__button").first();
    const box = await zoomIn.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  });
}
