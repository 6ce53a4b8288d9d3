// Many and long-lived: twenty widgets on one page mount and stay
// independent; 200 mount/destroy cycles leave the JS heap within 5 MB of
// where it was, and leave no event listeners on window or document, no
// observers still watching, and no intervals; a host removed from the DOM
// destroys its widget (one moved within a task keeps it).
//
// Heap: `performance.memory.usedJSHeapSize` (Chromium with
// --enable-precise-memory-info) after CDP HeapProfiler.collectGarbage.
// Listeners: CDP DOMDebugger.getEventListeners on window and document.
// Observers and timers: counted by wrapping their constructors' methods in
// an init script (the wasm glue calls the globals at run time).
import { test, expect, eventTitles, numberedEvents, watchPage, expectClean } from "../fixtures/timeline.mjs";
import { LAUNCH_OPTIONS } from "../playwright.config.mjs";

const HEAP_BUDGET = 5 * 1024 * 1024;
const CYCLES = 200;

/** Counts live observations and intervals, and captures the wasm memory. */
async function instrument(page) {
  await page.addInitScript(() => {
    const live = (window.__observing = { ResizeObserver: new Map(), IntersectionObserver: new Map(), MutationObserver: new Map() });
    for (const name of Object.keys(live)) {
      const proto = window[name] && window[name].prototype;
      if (!proto) continue;
      const map = live[name];
      const observe = proto.observe;
      proto.observe = function (target, options) {
        if (!map.has(this)) map.set(this, new Set());
        map.get(this).add(target);
        return observe.call(this, target, options);
      };
      if (proto.unobserve) {
        const unobserve = proto.unobserve;
        proto.unobserve = function (target) {
          map.get(this)?.delete(target);
          return unobserve.call(this, target);
        };
      }
      const disconnect = proto.disconnect;
      proto.disconnect = function () {
        map.delete(this);
        return disconnect.call(this);
      };
    }
    window.__observationCounts = () =>
      Object.fromEntries(Object.entries(live).map(([name, map]) => [name, [...map.values()].reduce((n, set) => n + set.size, 0)]));
    const intervals = (window.__intervals = new Set());
    const setInterval_ = window.setInterval;
    const clearInterval_ = window.clearInterval;
    window.setInterval = function () {
      const id = setInterval_.apply(this, arguments);
      intervals.add(id);
      return id;
    };
    window.clearInterval = function (id) {
      intervals.delete(id);
      return clearInterval_.apply(this, arguments);
    };
    // The wasm instance's linear memory (not part of the JS heap).
    if (window.WebAssembly) {
      for (const name of ["instantiate", "instantiateStreaming"]) {
        const original = WebAssembly[name];
        WebAssembly[name] = function () {
          return original.apply(this, arguments).then((result) => {
            const instance = result.instance || result;
            window.__wasmMemory = instance.exports && instance.exports.memory;
            return result;
          });
        };
      }
    }
  });
}

/** Event listener types on window and on document, via CDP. */
async function listeners(cdp) {
  const out = {};
  for (const expression of ["window", "document"]) {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    out[expression] = listeners.map((l) => `${l.type}${l.useCapture ? " (capture)" : ""}`).sort();
    await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
  }
  return out;
}

async function collectGarbage(cdp, page) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
}

async function snapshot(cdp, page) {
  await collectGarbage(cdp, page);
  const page_ = await page.evaluate(() => ({
    heap: performance.memory.usedJSHeapSize,
    wasm: window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0,
    observing: window.__observationCounts(),
    intervals: window.__intervals.size,
  }));
  const counters = await cdp.send("Memory.getDOMCounters");
  return { ...page_, listeners: await listeners(cdp), nodes: counters.nodes, jsEventListeners: counters.jsEventListeners };
}

/** `n` cycles of mount, use, destroy on #tl; alternates the `hash` option. */
async function cycles(page, n) {
  await page.evaluate(
    async ({ n, data }) => {
      const host = document.getElementById("tl");
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      for (let i = 0; i < n; i++) {
        const handle = await window.NewsTimeline.mount(host, data, { height: 240, hash: i % 2 === 1 });
        const off = handle.on("rangechange", () => {});
        handle.on("select", () => {});
        handle.select(data.events[i % data.events.length].id);
        handle.setFilter({ query: "event" });
        await frame();
        off();
        handle.destroy();
        await frame();
      }
      history.replaceState(null, "", location.pathname);
    },
    { n, data: withIds(numberedEvents("Cycle", 12)) },
  );
}

function withIds(data) {
  return { events: data.events.map((e, i) => ({ ...e, id: `c${i}` })) };
}

// The config's launch options, plus exact heap figures (for the whole file:
// launch options cannot differ within a worker).
test.use({
  launchOptions: { ...LAUNCH_OPTIONS, args: [...LAUNCH_OPTIONS.args, "--enable-precise-memory-info"] },
});

test.describe("long-lived", () => {
  test(`${CYCLES} mount/destroy cycles grow the heap by under 5 MB and leave no listeners, observers or intervals`, async ({ page }) => {
    test.setTimeout(120_000);
    await instrument(page);
    const watch = await watchPage(page);
    await page.goto("/test/single.html");
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate(() => window.NewsTimeline.ready);
    const pristine = await snapshot(cdp, page);

    // Warm-up: lazily created shared state (the instance's first allocations,
    // Leptos's one-time setup) is not a leak.
    await cycles(page, 10);
    const before = await snapshot(cdp, page);
    await cycles(page, CYCLES);
    const after = await snapshot(cdp, page);

    const growth = after.heap - before.heap;
    test.info().annotations.push(
      { type: "JS heap growth", description: `${(growth / 1024 / 1024).toFixed(2)} MB over ${CYCLES} cycles (${before.heap} -> ${after.heap} bytes)` },
      { type: "wasm memory", description: `${before.wasm} -> ${after.wasm} bytes` },
      { type: "DOM nodes", description: `${pristine.nodes} pristine, ${before.nodes} before, ${after.nodes} after` },
    );
    console.log(test.info().annotations.map((a) => `${a.type}: ${a.description}`).join("\n"));
    expect(growth).toBeLessThan(HEAP_BUDGET);
    expect(after.listeners, "no listeners left on window or document").toEqual(pristine.listeners);
    expect(after.jsEventListeners, "no JS event listeners left anywhere").toBeLessThanOrEqual(before.jsEventListeners);
    expect(after.observing, "no observer still watching anything").toEqual(pristine.observing);
    expect(after.intervals).toBe(0);
    // The host's shadow root is empty again.
    expect(await page.evaluate(() => document.getElementById("tl").shadowRoot.childElementCount)).toBe(0);
    expect(after.nodes, "no DOM nodes pile up").toBeLessThanOrEqual(before.nodes + 50);
    expectClean(watch);
  });
});

test("twenty widgets on one page mount, with one wasm instance, and do not interfere", async ({ page }) => {
  test.setTimeout(60_000);
  const watch = await watchPage(page);
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.goto("/test/many.html");
  const ids = Array.from({ length: 20 }, (_, i) => `w${i + 1}`);
  for (const id of ids) {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: "center" }), id);
    await expect.poll(() => eventTitles(page, `#${id}`), { message: `${id} renders its own events` }).toEqual(
      [1, 2, 3].map((k) => `Widget ${id.slice(1)} event ${k}`),
    );
  }
  expect(wasm).toHaveLength(1);

  // Each widget answers for itself.
  const states = await page.evaluate((ids) => ids.map((id) => document.getElementById(id).newsTimeline.getVisibleEvents().join(",")), ids);
  expect(states).toEqual(ids.map((id) => [1, 2, 3].map((k) => `${id}-e${k}`).join(",")));
  await page.evaluate(() => {
    window.__selects = [];
    document.addEventListener("newstimeline:select", (e) => window.__selects.push([e.target.id, e.detail.id]));
  });
  await page.locator('#w7 [data-event-id="w7-e2"]').click();
  await expect.poll(() => page.evaluate(() => window.__selects)).toEqual([["w7", "w7-e2"]]);
  await page.evaluate(() => document.getElementById("w8").newsTimeline.setFilter({ query: "event 3" }));
  const after = await page.evaluate((ids) => ids.map((id) => document.getElementById(id).newsTimeline.getVisibleEvents().length), ids);
  expect(after).toEqual(ids.map((id) => (id === "w8" ? 1 : 3)));
  expectClean(watch);
});

test("a host removed from the page destroys its widget; one moved within a task keeps it", async ({ page }) => {
  await instrument(page);
  await page.goto("/test/two.html");
  await page.evaluate(() => window.NewsTimeline.ready);
  const baseline = await page.evaluate(() => window.__observationCounts());
  const data = numberedEvents("Kept", 4);
  const state = await page.evaluate(async (data) => {
    const a = document.getElementById("a");
    const b = document.getElementById("b");
    const ha = await window.NewsTimeline.mount(a, data);
    const hb = await window.NewsTimeline.mount(b, data);
    const watching = window.__observationCounts().ResizeObserver;
    a.remove();
    // b moves: removed and re-inserted in the same task.
    document.body.prepend(b);
    await new Promise((r) => setTimeout(r, 50));
    let aError = null;
    try {
      ha.getWindow();
    } catch (error) {
      aError = error.message;
    }
    return {
      watchingWhileMounted: watching,
      aError,
      aHandle: typeof a.newsTimeline,
      aShadowChildren: a.shadowRoot.childElementCount,
      bVisible: hb.getVisibleEvents().length,
      bHandle: b.newsTimeline === hb,
      observing: window.__observationCounts(),
    };
  }, data);
  expect(state.aError).toMatch(/destroyed/);
  expect(state).toMatchObject({ aHandle: "undefined", aShadowChildren: 0, bVisible: 4, bHandle: true });
  // a's observers are released; b's still watch.
  expect(state.watchingWhileMounted).toBeGreaterThan(baseline.ResizeObserver);
  expect(state.observing.ResizeObserver).toBeLessThan(state.watchingWhileMounted);
  expect(state.observing.ResizeObserver).toBeGreaterThan(baseline.ResizeObserver);
});

test("a lazy host removed before it mounts is no longer watched, and mounts if it comes back", async ({ page }) => {
  await instrument(page);
  await page.goto("/test/lazy.html");
  const watched = () => page.evaluate(() => window.__observationCounts().IntersectionObserver);
  expect(await watched()).toBe(3);
  const json = await page.evaluate(() => {
    const host = document.getElementById("lazy-json");
    window.__removed = host;
    host.remove();
    return host.getAttribute("style");
  });
  await expect.poll(watched).toBe(2);
  // Its placeholder style is gone with it.
  expect(await page.evaluate(() => window.__removed.getAttribute("style"))).toBeNull();
  expect(json).not.toBeNull();
  await page.evaluate(() => document.body.prepend(window.__removed));
  await expect.poll(() => eventTitles(page, "#lazy-json")).toEqual(["Lazy 1", "Lazy 2", "Lazy 3"]);
});
