// The demo article and the API example run under the strict CSP served by
// server.mjs (default-src 'self'; script-src 'self' 'wasm-unsafe-eval';
// style-src 'self') with no console error, no uncaught error, no CSP
// violation, no failed request and no request to another host.
import { test, expect, events, frames, scrollIntoView, watchPage, expectClean } from "../fixtures/timeline.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const API_BUTTONS = ["btn-fit", "btn-june", "btn-get-window", "btn-replace", "btn-problems", "btn-destroy", "btn-remount"];

test("the demo article loads and mounts cleanly", async ({ page }) => {
  const watch = await watchPage(page);
  const response = await page.goto("/index.html");
  expect(response.headers()["content-security-policy"], "the page is served under the strict CSP").toBe(CSP);
  await scrollIntoView(page, "#war-footing");
  await expect(events(page, "#war-footing")).toHaveCount(14);
  await page.waitForLoadState("networkidle");
  await frames(page);
  expectClean(watch);
});

test("the API example's buttons all work cleanly", async ({ page }) => {
  const watch = await watchPage(page);
  const response = await page.goto("/examples/api.html");
  expect(response.headers()["content-security-policy"], "the page is served under the strict CSP").toBe(CSP);
  // The example mounts a widget from seed-events.json: wait for it before clicking.
  await expect(page.locator("[data-event-id]").first()).toBeAttached();
  const log = page.locator("#log > *");
  const before = await log.count();
  for (const id of API_BUTTONS) {
    const button = page.locator(`#${id}`);
    await expect(button, `#${id} exists and can be clicked`).toBeEnabled();
    await button.click();
    await frames(page, 2);
  }
  await expect.poll(() => log.count(), { message: "the log gained entries" }).toBeGreaterThan(before);
  // After btn-remount a widget is mounted again.
  await expect(page.locator("[data-event-id]").first()).toBeAttached();
  await page.waitForLoadState("networkidle");
  await frames(page);
  expectClean(watch);
});
