// Lazy loading (contract: the `loading` option and `ready`): declarative
// widgets fetch and compile the wasm only when one comes within about a
// viewport of view; until then each host keeps the widget's final height
// (its `height` option, default 420), so nothing on the page moves when the
// widget appears (cumulative layout shift 0, measured by a
// PerformanceObserver for 'layout-shift'). `loading="eager"` starts at once.
// One wasm instance, fetched and instantiated once, serves every widget.
import { test, expect, eventTitles, FEW_EVENTS } from "../fixtures/timeline.mjs";

/** Records layout shifts (not caused by input) and counts WebAssembly instantiations. */
async function instrument(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
          window.__shifts.push({
            value: entry.value,
            sources: (entry.sources || []).map((s) => (s.node && (s.node.id || s.node.nodeName)) || "?"),
          });
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
    window.__instantiations = 0;
    if (window.WebAssembly) {
      for (const name of ["instantiate", "instantiateStreaming"]) {
        const original = WebAssembly[name];
        WebAssembly[name] = function () {
          window.__instantiations++;
          return original.apply(this, arguments);
        };
      }
    }
  });
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  return {
    wasm: () => requests.filter((p) => p === "/news_timeline_bg.wasm").length,
    glue: () => requests.filter((p) => p === "/news_timeline.js").length,
  };
}

const cls = (page) => page.evaluate(() => window.__shifts.reduce((sum, s) => sum + s.value, 0));
const shifts = (page) => page.evaluate(() => window.__shifts);
const mounted = (page, id) => page.evaluate((id) => typeof document.getElementById(id).newsTimeline === "object", id);

/** Height and document offset of each element, by id. */
function geometry(page, ids) {
  return page.evaluate(
    (ids) =>
      Object.fromEntries(
        ids.map((id) => {
          const r = document.getElementById(id).getBoundingClientRect();
          return [id, { top: Math.round(r.top + scrollY), height: Math.round(r.height) }];
        }),
      ),
    ids,
  );
}

async function scrollTo(page, id) {
  await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: "center" }), id);
}

const HOSTS = { "lazy-json": 300, "lazy-src": 260, "lazy-list": 240 };
const TEXT_AFTER = ["after-json", "after-src", "after-list"];

test("lazy hosts load nothing until near the viewport, hold their final height, and mount with no layout shift", async ({ page }) => {
  const count = await instrument(page);
  await page.goto("/test/lazy.html");
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  expect(count.wasm(), "no wasm fetched while every widget is far below").toBe(0);
  expect(count.glue()).toBe(0);
  for (const id of Object.keys(HOSTS)) expect(await mounted(page, id)).toBe(false);

  // The placeholders already have the widgets' heights.
  const before = await geometry(page, [...Object.keys(HOSTS), ...TEXT_AFTER]);
  for (const [id, height] of Object.entries(HOSTS)) expect(before[id].height, `${id} reserves its height`).toBe(height);
  // The list is still there for readers (scrollable inside the placeholder).
  await expect(page.locator("#lazy-list li")).toHaveCount(12);

  for (const id of Object.keys(HOSTS)) {
    await scrollTo(page, id);
    await expect.poll(() => mounted(page, id), { message: `${id} mounts once in view` }).toBe(true);
  }
  await expect.poll(() => eventTitles(page, "#lazy-json")).toEqual(["Lazy 1", "Lazy 2", "Lazy 3"]);
  await expect.poll(() => eventTitles(page, "#lazy-src")).toEqual(["Remote 1", "Remote 2", "Remote 3"]);
  await expect.poll(() => eventTitles(page, "#lazy-list").then((t) => t.length)).toBeGreaterThan(0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  expect(await geometry(page, [...Object.keys(HOSTS), ...TEXT_AFTER]), "nothing moved or resized").toEqual(before);
  expect(await shifts(page), "no layout shift").toEqual([]);
  expect(await cls(page)).toBe(0);
  // The placeholder's inline styles are gone: the widget is that tall by itself.
  for (const id of Object.keys(HOSTS)) {
    expect(await page.evaluate((id) => document.getElementById(id).getAttribute("style"), id)).toBeNull();
  }
  expect(count.wasm(), "one wasm fetch for three widgets").toBe(1);
  expect(await page.evaluate(() => window.__instantiations)).toBe(1);

  // Control: the same observer does see a shift when a page script mounts
  // on an empty element in view (no placeholder there).
  await scrollTo(page, "control");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate((data) => window.NewsTimeline.mount("#control", data, { height: 200 }), FEW_EVENTS);
  await expect.poll(() => cls(page), { message: "the control mount shifts the text below it" }).toBeGreaterThan(0);
});

test("reading NewsTimeline.ready starts loading, but lazy hosts still wait for the viewport", async ({ page }) => {
  const count = await instrument(page);
  await page.goto("/test/lazy.html");
  await page.waitForTimeout(300);
  expect(count.wasm()).toBe(0);
  await page.evaluate(() => window.NewsTimeline.ready);
  expect(count.wasm()).toBe(1);
  await page.waitForTimeout(300);
  for (const id of Object.keys(HOSTS)) expect(await mounted(page, id)).toBe(false);
});

test("eager hosts load and mount at once, far below the viewport; one instance serves every widget", async ({ page }) => {
  const count = await instrument(page);
  await page.goto("/test/eager.html");
  await expect.poll(() => mounted(page, "eager-div"), { message: "an eager div mounts without scrolling" }).toBe(true);
  await expect.poll(() => mounted(page, "eager-element")).toBe(true);
  const offscreen = await page.evaluate(() => document.getElementById("eager-div").getBoundingClientRect().top > innerHeight * 2);
  expect(offscreen, "the eager hosts are more than a viewport away").toBe(true);
  await expect.poll(() => eventTitles(page, "#eager-element")).toEqual(["Eager 1", "Eager 2"]);
  // The lazy one beside them waits for the viewport even though the wasm is there.
  await page.waitForTimeout(300);
  expect(await mounted(page, "still-lazy")).toBe(false);
  await scrollTo(page, "still-lazy");
  await expect.poll(() => mounted(page, "still-lazy")).toBe(true);

  // More widgets through the API and more reads of `ready`: still one instance.
  await page.evaluate(async (data) => {
    await window.NewsTimeline.ready;
    await window.NewsTimeline.ready;
    for (let i = 0; i < 3; i++) {
      const div = document.createElement("div");
      document.body.append(div);
      await window.NewsTimeline.mount(div, data);
    }
  }, FEW_EVENTS);
  expect(count.wasm()).toBe(1);
  expect(count.glue()).toBe(1);
  expect(await page.evaluate(() => window.__instantiations)).toBe(1);
  // A second copy of the loader on the page changes nothing.
  const version = await page.evaluate(async () => {
    const before = window.NewsTimeline;
    await new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = "/news-timeline.js?again";
      script.onload = resolve;
      document.head.append(script);
    });
    return window.NewsTimeline === before;
  });
  expect(version).toBe(true);
  expect(count.wasm()).toBe(1);
});
