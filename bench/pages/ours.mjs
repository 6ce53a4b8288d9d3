// news-timeline: mount through the public API (the loader, as a news page does).
// The same script serves `before.html` (another build of ours, at /before/):
// the folder is the one the page's loader came from.
import { bench, frame, now, run, params, panWindow, zoomWindow, fullWindow, RANGE } from "./harness.mjs";
import { TAGS } from "./data.mjs";

const iso = (ms) => new Date(ms).toISOString();
const loader = document.querySelector('script[src$="/news-timeline.js"]');
const folder = new URL(".", loader.src);
const widget = folder.pathname.replace(/\//g, "") || "ours";

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

// Live data (run.mjs, at the largest size): events with ids no data set
// has, spread over the data's range like its own, made before the timed
// call. `__live.addTimed(n)` adds n of them in one `addEvents` call and times
// it to the next rendered frame; `__live.addOnes(n)` makes n calls of one
// event each, a frame between them (as a live story's updates arrive).
let liveCount = 0;
function liveEvents(count) {
  const days = Math.floor((RANGE[1] - RANGE[0]) / 86400000);
  const out = [];
  for (let i = 0; i < count; i++) {
    const k = ++liveCount;
    // Golden-ratio steps: spread over the range, never the same day twice in a row.
    const start = RANGE[0] + Math.floor(((k * 0.6180339887) % 1) * days) * 86400000;
    out.push({
      id: `live${String(k).padStart(6, "0")}`,
      start: iso(start).slice(0, 10),
      title: `Live update ${k}: the summit and the vote`,
      text: `<p>The talks and the deal: <b>update ${k}</b> after the vote.</p>`,
      tags: [TAGS[k % TAGS.length]],
    });
  }
  return out;
}
/** The task after the rendering of the next frame: [rAF start, end]. */
const nextFrame = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const tF = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve([tF, now()]);
      channel.port2.postMessage(0);
    })
  );
window.__live = {
  async addTimed(count) {
    const events = liveEvents(count);
    const t0 = now();
    const change = await window.__handle.addEvents(events);
    const tR = now();
    const [tF, t1] = await nextFrame();
    // wall: the call to the end of its frame (what the 50 ms is
    // about); busy: the same without the wait for vsync (as the steps).
    return { wall: t1 - t0, call: tR - t0, busy: tR - t0 + (t1 - tF), added: change.added.length, events: liveCount };
  },
  async addOnes(count) {
    const t0 = now();
    let added = 0;
    for (let i = 0; i < count; i++) {
      added += (await window.__handle.addEvents(liveEvents(1))).added.length;
      await frame();
    }
    return { added, ms: now() - t0 };
  },
};

run(widget, async (data) => {
  // `?layout=list`: the list layout (run.mjs measures its mount).
  // `?lanes=group|none` (with `?data=lanes`): lanes per group, or one track.
  const options = { height: 600 };
  if (params.get("layout")) options.layout = params.get("layout");
  if (params.get("lanes")) options.lanes = params.get("lanes");
  const handle = await NewsTimeline.mount("#tl", data, options);
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
    async inPageExtra(light) {
      const out = {};
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/news_timeline_bg.wasm"));
      if (wasm) out.wasmResource = { startTime: wasm.startTime, responseEnd: wasm.responseEnd, duration: wasm.duration };
      // The glue is an ES module: importing the loader's URL again gives the
      // same instance, and its init function returns the wasm exports.
      try {
        const glue = await import(new URL("news_timeline.js", folder).href);
        const exports = await glue.default();
        out.wasmMemoryBytes = exports.memory.buffer.byteLength;
      } catch (error) {
        out.wasmMemoryError = String(error);
      }
      if (!light) out.visibleEvents = handle.getVisibleEvents().length;
      // Named lanes drawn (0: one track): did the lanes pages get what they asked?
      out.lanes = document.querySelector("#tl").shadowRoot?.querySelectorAll(".nt-lane--named").length ?? null;
      return out;
    },
  };
}, () => ready, "ours");
