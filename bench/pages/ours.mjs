// news-timeline: mount through the public API (the loader, as a news page does).
import { bench, now, run, params, panWindow, zoomWindow, fullWindow } from "./harness.mjs";

const iso = (ms) => new Date(ms).toISOString();

// Reading NewsTimeline.ready starts loading the glue and the wasm while the
// page fetches its data (a page that knows it will mount does this).
bench.marks.readyStart = now();
const ready = NewsTimeline.ready.then(() => {
  bench.marks.readyResolved = now();
});

// Ours works in idle callbacks: the loader's warm-up mount before the first
// mount, and the search index, folded a slice of events at a time after
// it. Each callback is timed ([start, duration]), to show that none holds
// the page for long (the runner reads them when the page is done).
const idleSlices = (bench.idleSlices = []);
const requestIdle = window.requestIdleCallback;
window.requestIdleCallback = (callback, options) =>
  requestIdle.call(
    window,
    (deadline) => {
      const start = now();
      callback(deadline);
      idleSlices.push([start, now() - start]);
    },
    options
  );

run("ours", async (data) => {
  // `?layout=list`: the list layout (run.mjs measures its mount).
  const layout = params.get("layout");
  const handle = await NewsTimeline.mount("#tl", data, layout ? { height: 600, layout } : { height: 600 });
  bench.marks.mountResolved = now();
  window.__handle = handle;
  const setWindow = ([start, end]) => handle.setWindow(iso(start), iso(end));
  return {
    prepare(kind) {
      if (kind === "pan") setWindow(panWindow(0));
      else setWindow(fullWindow());
    },
    step(kind, i) {
      if (kind === "pan") setWindow(panWindow(i + 1));
      else setWindow(zoomWindow(i));
    },
    wheelTarget: "#tl .nt-track",
    wheelModifier: "Control",
    wheel: { deltaX: 0, zoom: true },
    async inPageExtra() {
      const out = {};
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/news_timeline_bg.wasm"));
      if (wasm) out.wasmResource = { startTime: wasm.startTime, responseEnd: wasm.responseEnd, duration: wasm.duration };
      // The glue is an ES module: importing the loader's URL again gives the
      // same instance, and its init function returns the wasm exports.
      try {
        const glue = await import(new URL("/ours/news_timeline.js", location.href).href);
        const exports = await glue.default();
        out.wasmMemoryBytes = exports.memory.buffer.byteLength;
      } catch (error) {
        out.wasmMemoryError = String(error);
      }
      out.visibleEvents = handle.getVisibleEvents().length;
      return out;
    },
  };
}, () => ready);
