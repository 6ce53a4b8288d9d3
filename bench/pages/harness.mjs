// In-page side of the benchmark, shared by the three widget pages.
//
// A page imports this, then calls `run(widget, setup)`: `setup(data)` creates
// the widget and resolves when the widget itself says it has rendered; the
// harness adds the two animation frames, records the marks, and exposes the
// interaction steps the runner drives through `window.__bench`.
import { FIRST_DAY, LAST_DAY } from "./data.mjs";

const DAY = 86400000;
export const RANGE = [FIRST_DAY, LAST_DAY + DAY];
const FULL = RANGE[1] - RANGE[0];

export const params = new URLSearchParams(location.search);
export const size = Number(params.get("n") || 100);

export const bench = {
  widget: null,
  size,
  done: false,
  error: null,
  marks: {},
  extra: {},
  wheel: [],
};
window.__bench = bench;

export const now = () => performance.now();

export function frame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(now())));
}

export async function frames(count) {
  for (let i = 0; i < count; i++) await frame();
  return now();
}

/** Resolves in the first task after the current one (after its microtasks). */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(now());
    channel.port2.postMessage(0);
  });
}

/**
 * Times one step (see README, "Step time"):
 *   t0           the action starts (a plain task, not aligned to a frame)
 *   tM           the next task after it: the action's own JS and microtasks
 *                are done (and the rendering of a frame, if one ran first)
 *   t1           the task after the rendering of the next frame after tM:
 *                deferred work (vis schedules its redraw in rAF) plus style,
 *                layout and paint of the frame that shows the change
 * wall = t1 - t0 (includes waiting for the next vsync)
 * busy = (tM - t0) + (t1 - start of that frame's rAF callbacks): the same
 *        minus the idle wait for vsync. `busy` is the number compared.
 */
export function timeAfter(t0, runAction) {
  let tB = null;
  let tC = null;
  requestAnimationFrame(() => {
    tB = now();
  });
  runAction?.(); // after the rAF above: that callback marks the next frame's start
  return nextTask().then(
    (tM) =>
      new Promise((resolve) => {
        const frameBefore = tB !== null;
        requestAnimationFrame(() => {
          tC = now();
        });
        requestAnimationFrame(() => {
          nextTask().then((t1) => {
            const frameStart = frameBefore ? tC : tB;
            resolve({ wall: t1 - t0, busy: tM - t0 + (t1 - frameStart), script: tM - t0 });
          });
        });
      })
  );
}

export async function measureStep(action) {
  let syncMs = 0;
  const t0 = now();
  const timing = await timeAfter(t0, () => {
    action();
    syncMs = now() - t0;
  });
  return { ...timing, sync: syncMs };
}

/** The same timing for every wheel event the page receives (capture phase,
 * passive: it changes nothing for the widget's own listeners). */
window.addEventListener(
  "wheel",
  () => {
    const t0 = now();
    timeAfter(t0).then((timing) => bench.wheel.push(timing));
  },
  { capture: true, passive: true }
);

window.__waitWheel = (count, timeoutMs) =>
  new Promise((resolve) => {
    const deadline = now() + timeoutMs;
    (function poll() {
      if (bench.wheel.length >= count) resolve(bench.wheel[count - 1]);
      else if (now() > deadline) resolve(null);
      else setTimeout(poll, 5);
    })();
  });

/** Pan: a window of 1/8 of the data range (2.5 years), starting a quarter
 * in; step i (1..30) moves it by 10% of its span. */
export function panWindow(i) {
  const span = FULL / 8;
  const start = RANGE[0] + FULL / 4 + i * 0.1 * span;
  return [start, start + span];
}

/** Zoom: centered on the middle of the range; three cycles of five steps in
 * (span x 0.8 each) and five out (x 1.25), starting from the full range. */
export function zoomWindow(i) {
  const c = i % 10;
  const exponent = c < 5 ? c + 1 : 9 - c;
  const span = FULL * Math.pow(0.8, exponent);
  const mid = RANGE[0] + FULL / 2;
  return [mid - span / 2, mid + span / 2];
}
export const isZoomIn = (i) => i % 10 < 5;
export const fullWindow = () => [RANGE[0], RANGE[1]];

/** Nodes (all types) in a subtree, descending into open shadow roots. */
export function countNodes(root) {
  let nodes = 0;
  let elements = 0;
  const walk = (node) => {
    nodes++;
    if (node.nodeType === 1) {
      elements++;
      if (node.shadowRoot) for (let c = node.shadowRoot.firstChild; c; c = c.nextSibling) walk(c);
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return { nodes, elements };
}

/** The page's data set: `/data/<format>-<n>.json`, the format being the
 * widget's own unless `?data=` names another (ours: `lanes`). */
export async function fetchData(format) {
  bench.marks.dataStart = now();
  const response = await fetch(`/data/${params.get("data") || format}-${size}.json`);
  const data = await response.json();
  bench.marks.dataEnd = now();
  return data;
}

/**
 * Runs a page: fetch the data, await `before()` if given (ours: the wasm is
 * loaded, so `mount` times the widget, not the download), `setup(data)` (must resolve when the widget
 * reports its first render), two frames, done. `api` gives the runner the
 * interaction steps: { prepare(kind), step(kind, i), wheelTarget }.
 * `format`: the data set's format (the widget's name unless given: our
 * "before" build reads ours).
 */
export async function run(widget, setup, before, format = widget) {
  bench.widget = widget;
  try {
    const data = await fetchData(format);
    if (before) await before();
    bench.marks.mountCall = now();
    const api = await setup(data);
    bench.marks.widgetReady = now();
    bench.marks.complete = await frames(2);
    requestIdleCallback(() => {
      bench.marks.idle = now();
    });
    bench.api = api;
    window.__step = async (kind, i) => measureStep(() => api.step(kind, i));
    window.__prepare = async (kind) => {
      await api.prepare(kind);
      await frames(2);
      return true;
    };
  } catch (error) {
    bench.error = String((error && error.stack) || error);
  }
  bench.done = true;
}

/** Memory and DOM, read by the runner after a forced GC. `light`: only
 * what allocates nothing lasting (the live pages' leak readings: ours'
 * `getVisibleEvents()` grows the glue's table of JS values by an entry per
 * event, which stays allocated and would count as growth). */
window.__measureInPage = async (light = false) => {
  const host = document.getElementById("tl");
  const out = {
    widgetDom: countNodes(host),
    documentDom: countNodes(document.documentElement),
    usedJSHeapSize: performance.memory ? performance.memory.usedJSHeapSize : null,
    totalJSHeapSize: performance.memory ? performance.memory.totalJSHeapSize : null,
  };
  if (bench.api && bench.api.inPageExtra) Object.assign(out, await bench.api.inPageExtra(light));
  return out;
};
