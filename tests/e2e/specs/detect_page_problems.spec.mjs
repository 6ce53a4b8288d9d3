// The harness's own canary: watchPage (fixtures/timeline.mjs) must see each
// kind of problem that load_without_violations.spec.mjs asserts is absent,
// or that spec could never fail. Needs no widget.
import { test, expect, watchPage, expectClean } from "../fixtures/timeline.mjs";

test("watchPage reports nothing on a clean page and each kind of problem otherwise", async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto("/test/blank.html");
  expectClean(watch);

  // An inline style attribute violates style-src 'self'.
  await page.evaluate(() => document.getElementById("blank").setAttribute("style", "color: red"));
  await expect.poll(() => watch.cspViolations.length, { message: "CSP violation seen" }).toBeGreaterThan(0);

  await page.evaluate(() => console.error("e2e canary: console error"));
  await expect.poll(() => watch.consoleErrors.join("\n")).toContain("e2e canary: console error");

  await page.evaluate(() => setTimeout(() => {
    throw new Error("e2e canary: uncaught");
  }));
  await expect.poll(() => watch.pageErrors.join("\n")).toContain("e2e canary: uncaught");

  await page.evaluate(() => fetch("/test/e2e-canary-missing.json").catch(() => {}));
  await expect.poll(() => watch.badResponses.join("\n")).toContain("404 http://127.0.0.1");

  // The server's 404 page is plain text without a CSP, so a fetch to another host leaves the page.
  await page.goto("/test/e2e-canary-missing.html");
  await page.evaluate(() => fetch("http://localhost:9/e2e-canary").catch(() => {}));
  await expect.poll(() => watch.foreignRequests).toContainEqual("http://localhost:9/e2e-canary");
});
