// When the widget itself cannot load (the .wasm answers 404, is served with
// the wrong MIME type, or the browser has no WebAssembly) the page keeps
// working: the original content (the <ul> a host enhances) stays visible at
// its own size, an empty host says the timeline could not be loaded and
// links to its data, the console gets exactly one clear message from us,
// and the page's own scripts still run. A wrong MIME type is not a failure:
// the loader compiles the bytes instead of streaming them.
import { test, expect, eventTitles } from "../fixtures/timeline.mjs";

const WASM = "**/news_timeline_bg.wasm";

/** Console messages and uncaught errors, by kind. */
function collect(page) {
  const seen = { errors: [], warnings: [], pageErrors: [], requests: [] };
  page.on("console", (m) => {
    // Headless Chromium fetches /favicon.ico by itself; its 404 is nobody's fault.
    if (/\/favicon\.ico$/.test(m.location()?.url ?? "")) return;
    if (m.type() === "error") seen.errors.push(m.text());
    if (m.type() === "warning") seen.warnings.push(m.text());
  });
  page.on("pageerror", (e) => seen.pageErrors.push(String(e)));
  page.on("request", (r) => seen.requests.push(new URL(r.url()).pathname));
  return seen;
}

/** Our messages: the loader's all start with "news-timeline:". */
const ours = (messages) => messages.filter((m) => m.startsWith("news-timeline:"));
/** Chromium's own line for a failed request (network, not a script). */
const isNetworkLine = (m) => /^Failed to load resource/.test(m);

/** The list host shows its original list, unclipped, and holds no widget. */
async function expectOriginalContent(page) {
  const list = page.locator("#original");
  await expect(list).toBeVisible();
  await expect(page.locator("#original > li")).toHaveCount(3);
  const state = await page.evaluate(() => {
    const host = document.getElementById("list-host");
    const list = document.getElementById("original");
    return {
      shadowChildren: host.shadowRoot ? host.shadowRoot.childElementCount : 0,
      style: host.getAttribute("style"),
      hostHeight: host.getBoundingClientRect().height,
      listHeight: list.getBoundingClientRect().height,
      handle: typeof host.newsTimeline,
    };
  });
  // No shadow root content covers the list, and the placeholder's reserved
  // height (300px) is gone: the host is as tall as its list again.
  expect(state).toEqual({ shadowChildren: 0, style: null, hostHeight: state.listHeight, listHeight: state.listHeight, handle: "undefined" });
  expect(state.listHeight).toBeLessThan(300);
}

/** The page's own script still runs, and so do page-level APIs. */
async function expectPageWorks(page) {
  await page.locator("#page-button").click();
  await page.locator("#page-button").click();
  await expect(page.locator("#page-count")).toHaveText("2");
  await expect(page.locator("#after")).toBeVisible();
}

/** The empty host explains, and links to its data. */
async function expectEmptyHostExplains(page) {
  const alert = page.locator("#src-host [role=alert]");
  await expect(alert).toContainText("The timeline could not be loaded.");
  await expect(alert.getByRole("link")).toHaveAttribute("href", /\/test\/events\.json$/);
  await expect(alert.getByRole("button")).toHaveCount(0);
}

test("a 404 for the wasm leaves the original content and one clear console error", async ({ page }) => {
  await page.route(WASM, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "not found\n" }));
  const seen = collect(page);
  await page.goto("/test/failure.html");
  await expectEmptyHostExplains(page);
  await expectOriginalContent(page);
  await expectPageWorks(page);

  // A page script calling the API gets a rejected Promise with the reason,
  // and no second console error.
  const rejection = await page.evaluate(async () => {
    const div = document.createElement("div");
    document.body.append(div);
    try {
      await window.NewsTimeline.mount(div, [{ start: "2019", title: "x" }]);
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message };
    }
  });
  expect(rejection.isError).toBe(true);
  expect(rejection.message).toMatch(/could not be loaded .*404/);

  await page.waitForTimeout(200);
  expect(ours(seen.errors)).toHaveLength(1);
  expect(ours(seen.errors)[0]).toMatch(/^news-timeline: the widget could not be loaded from http:\/\/127\.0\.0\.1:\d+\/ \(.*news_timeline_bg\.wasm answered 404/);
  // Anything else is only Chromium's line for the 404 itself.
  expect(seen.errors.filter((m) => !m.startsWith("news-timeline:") && !isNetworkLine(m))).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  // Loaded once, not once per widget or per call.
  expect(seen.requests.filter((p) => p.endsWith(".wasm"))).toHaveLength(1);
});

test("a wasm served as text/plain still mounts, compiled from its bytes, with one warning", async ({ page }) => {
  await page.route(WASM, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "text/plain" } });
  });
  const seen = collect(page);
  await page.goto("/test/failure.html");
  await expect.poll(() => eventTitles(page, "#list-host")).toHaveLength(3);
  await expect.poll(() => eventTitles(page, "#src-host")).toEqual(["Remote 1", "Remote 2", "Remote 3"]);
  await expectPageWorks(page);
  expect(seen.errors).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  const warnings = seen.warnings.filter((w) => /application\/wasm/.test(w));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^news-timeline: .*news_timeline_bg\.wasm is served as "text\/plain"/);
});

test("a browser without WebAssembly keeps the original content, with one clear console error", async ({ page }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  const seen = collect(page);
  await page.goto("/test/failure.html");
  await expectEmptyHostExplains(page);
  await expectOriginalContent(page);
  await expectPageWorks(page);
  const ready = await page.evaluate(() =>
    window.NewsTimeline.ready.then(
      () => "resolved",
      (error) => (error instanceof Error ? error.message : "not an Error"),
    ),
  );
  expect(ready).toMatch(/could not be loaded .*this browser cannot run WebAssembly/);
  await page.waitForTimeout(200);
  expect(seen.errors).toHaveLength(1);
  expect(seen.errors[0]).toMatch(/^news-timeline: .*cannot run WebAssembly.*the page's own content stays in place/);
  expect(seen.pageErrors).toEqual([]);
  // Nothing was fetched for a widget that cannot run.
  expect(seen.requests.filter((p) => /news_timeline(_bg\.wasm|\.js)$/.test(p))).toEqual([]);
});

test("a glue module that cannot load is reported once too", async ({ page }) => {
  await page.route("**/news_timeline.js", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "not found\n" }));
  const seen = collect(page);
  await page.goto("/test/failure.html");
  await expectEmptyHostExplains(page);
  await expectOriginalContent(page);
  await expectPageWorks(page);
  await page.waitForTimeout(200);
  expect(ours(seen.errors)).toHaveLength(1);
  expect(ours(seen.errors)[0]).toMatch(/news_timeline\.js/);
  expect(seen.pageErrors).toEqual([]);
});
