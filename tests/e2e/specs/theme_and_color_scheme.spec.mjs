// Theming: the theme option (auto follows the reader's system setting,
// live), and the page's --nt-* properties winning over both defaults.
import { test, expect, mount, FEW_EVENTS } from "../fixtures/timeline.mjs";

const background = (page) =>
  page.evaluate(() => getComputedStyle(document.querySelector("#tl").shadowRoot.querySelector(".nt-timeline")).backgroundColor);

const WHITE = "rgb(255, 255, 255)";
const DARK = "rgb(22, 22, 22)";

test("auto follows prefers-color-scheme, and changes with it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", FEW_EVENTS)).toEqual({ ok: true });
  expect(await background(page)).toBe(WHITE);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => background(page)).toBe(DARK);
});

test("light and dark hold whatever the system says", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", FEW_EVENTS, { theme: "light" })).toEqual({ ok: true });
  expect(await background(page)).toBe(WHITE);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", FEW_EVENTS, { theme: "dark" })).toEqual({ ok: true });
  expect(await background(page)).toBe(DARK);
  expect(await mount(page, "#tl", FEW_EVENTS, { theme: "sepia" })).toEqual({
    error: 'options.theme: expected "auto", "light" or "dark"',
    isError: true,
  });
});

test("the page's --nt-* properties win in both themes", async ({ page }) => {
  await page.goto("/test/single.html");
  await page.evaluate(() => document.querySelector("#tl").style.setProperty("--nt-bg", "rgb(1, 2, 3)"));
  expect(await mount(page, "#tl", FEW_EVENTS, { theme: "dark" })).toEqual({ ok: true });
  expect(await background(page)).toBe("rgb(1, 2, 3)");
});

test("mounting again on the same host keeps the widget styled", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", FEW_EVENTS, { theme: "light" })).toEqual({ ok: true });
  expect(await mount(page, "#tl", FEW_EVENTS, { theme: "dark" })).toEqual({ ok: true });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(await page.evaluate(() => document.querySelector("#tl").shadowRoot.querySelectorAll(".nt-timeline").length)).toBe(1);
  expect(await background(page)).toBe(DARK);
});
