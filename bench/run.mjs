// The benchmark runner: drives /usr/bin/chromium with playwright-core against
// the pages that bench/server.mjs serves, and writes results.json, results.md
// and render-time.svg next to this file. `bench/run.sh` starts the server and
// runs this; see README.md for what is measured and how.
//
// Environment (all optional): BENCH_SIZES=100,1000  BENCH_SAMPLES=3
// BENCH_WIDGETS=ours,before,vis,tljs  BENCH_PORT=8092  BENCH_OUT=<dir>
// BENCH_TIMEOUT_MS=60000 (per case and per interaction phase)
// BENCH_BEFORE_DIST=<dist/ of another build>: "news-timeline before" (/before/)
// BENCH_EXTRAS=multi,list,live,lanes (ours only, at the largest size)
import { chromium } from "playwright-core";
import { createHash } from "node:crypto";
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { PORT, ROOTS, servedBytes } from "./server.mjs";
import { SIZES } from "./pages/data.mjs";
import { writeReport } from "./report.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const OUT = process.env.BENCH_OUT || here;
const BASE = `http://127.0.0.1:${PORT}`;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS || 60_000);
const STEPS = 30;
/** The interaction phases, in the order each page runs them. */
const PHASES = ["zoom", "wheel", "pan"];
const SAMPLES = Math.max(1, Number(process.env.BENCH_SAMPLES || 3));
const SIZES_RUN = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : SIZES;
const BEFORE = Boolean(ROOTS["/before/"]);
const WIDGETS = process.env.BENCH_WIDGETS ? process.env.BENCH_WIDGETS.split(",") : ["ours", ...(BEFORE ? ["before"] : []), "vis", "tljs"];
if (WIDGETS.includes("before") && !BEFORE) throw new Error("BENCH_WIDGETS has before, but BENCH_BEFORE_DIST is not set (the build to serve at /before/)");
const EXTRAS = process.env.BENCH_EXTRAS != null ? process.env.BENCH_EXTRAS.split(",").filter(Boolean) : ["multi", "list", "live", "lanes"];
const MULTI_SAMPLES = 3;
/** Live data: pages, timed addEvents calls per page, events per timed call,
 * and the one-event calls per round of the leak measurement (two rounds). */
const LIVE = { pages: 3, timed: 5, batch: 1000, ones: 100, rounds: 2 };
/** The widget folders the server serves: requests under them are the bundle. */
const FOLDERS = /^\/(ours|before|vis|tljs)\//;
const VIEWPORT = { width: 1200, height: 600 };
const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-precise-memory-info",
];

const pkg = (path) => JSON.parse(readFileSync(join(here, "node_modules", path, "package.json"), "utf8"));
const cargoToml = readFileSync(join(here, "..", "Cargo.toml"), "utf8");
const WIDGET_INFO = {
  ours: { name: "news-timeline", version: (cargoToml.match(/^version\s*=\s*"([^"]+)"/m) || [])[1] || "?" },
  before: { name: "news-timeline before", version: process.env.BENCH_BEFORE_REV || "?" },
  vis: { name: "vis-timeline", version: pkg("vis-timeline").version },
  tljs: { name: "TimelineJS3 (@knight-lab/timelinejs)", version: pkg("@knight-lab/timelinejs").version },
};

const log = (...parts) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

class Timeout extends Error {}
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what}: no answer within ${Math.max(0, Math.round(ms / 1000))} s`)), Math.max(1, ms));
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---- statistics -------------------------------------------------------------

export function median(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
/** Nearest-rank percentile. */
export function percentile(values, p) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}
const round = (x, digits = 2) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

// ---- browser ---------------------------------------------------------------

let browser = null;
async function launch() {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return browser;
}
async function relaunch(why = "a page did not close") {
  log(`restarting Chromium (${why})`);
  const old = browser;
  browser = null;
  await withTimeout(old.close(), 15_000, "browser.close").catch(() => {
    try {
      old.process?.()?.kill("SIGKILL");
    } catch {}
  });
  await launch();
}

const isLocal = (url) => (url.protocol === "http:" || url.protocol === "https:") && url.hostname === "127.0.0.1" && url.port === String(PORT);

/** A fresh context (empty cache, no storage) and page, once the CPUs are
 * quiet (see settle); every request to anything but our server is
 * aborted and recorded. */
async function session() {
  await settle();
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const record = { requests: [], blocked: [], errors: [] };
  await context.route(
    (url) => !isLocal(url),
    (route) => {
      record.blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    }
  );
  const page = await context.newPage();
  page.on("request", (request) => record.requests.push(request.url()));
  page.on("pageerror", (error) => record.errors.push(String(error).slice(0, 500)));
  return { context, page, record };
}

/** Closes the page's context. A page that timed out goes with the whole
 * browser: its renderer, still running the page's script, went on using the
 * CPUs for longer than settle() waits (vis-timeline at 100,000 events), and
 * a sample of ours after it once took 1.2 s to mount instead of 0.3 s. */
async function closeSession(s, timedOut = false) {
  if (timedOut) {
    await relaunch("a page timed out");
    return;
  }
  try {
    await withTimeout(s.context.close(), 20_000, "context.close");
  } catch {
    await relaunch();
  }
}

// ---- measurements ------------------------------------------------------------

async function waitDone(page, deadline) {
  await withTimeout(
    page.waitForFunction(() => window.__bench && window.__bench.done, null, { polling: 50, timeout: 0 }),
    deadline - Date.now(),
    "first render"
  );
  return page.evaluate(() => ({
    marks: window.__bench.marks,
    extra: window.__bench.extra,
    error: window.__bench.error,
    resources: performance
      .getEntriesByType("resource")
      .filter((e) => /\/(ours|before|vis|tljs)\//.test(new URL(e.name).pathname))
      .map((e) => ({ name: new URL(e.name).pathname, startTime: e.startTime, responseEnd: e.responseEnd, duration: e.duration })),
  }));
}

/** JS heap after a forced GC (CDP), performance.memory, CDP metrics, DOM
 * counts and (ours) the wasm memory. */
async function measureMemory(s, light = false) {
  const cdp = await s.context.newCDPSession(s.page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  const inPage = await withTimeout(s.page.evaluate((l) => window.__measureInPage(l), light), TIMEOUT_MS, "in-page memory");
  await cdp.detach().catch(() => {});
  return {
    heapUsed: heap.usedSize,
    heapTotal: heap.totalSize,
    backingStorage: heap.backingStorageSize ?? null,
    metricsJSHeapUsed: metric.JSHeapUsedSize,
    metricsNodes: metric.Nodes,
    metricsLayoutObjects: metric.LayoutObjects ?? null,
    ...inPage,
  };
}

/** The phases that timed out on one of a case's pages: its later pages skip
 * them (more steps cannot undo a timeout, and each costs a minute). */
function timedOutPhases(pages) {
  return new Set(pages.flatMap((p) => Object.entries(p.phases || {}).filter(([, phase]) => phase.status === "timeout").map(([kind]) => kind)));
}

/** A case's phases over all its pages: each phase's steps pooled (the p95 of
 * 90 steps is not decided by two slow steps of one page, as that of 30 is),
 * with each page's own figures kept. */
function pooledPhases(pages) {
  const phases = {};
  for (const kind of PHASES) {
    const runs = pages.map((p) => p.phases?.[kind]).filter(Boolean);
    if (!runs.length) continue;
    const failed = runs.find((r) => r.status !== "ok");
    const steps = runs.flatMap((r) => r.steps);
    phases[kind] = {
      status: failed ? failed.status : "ok",
      note: failed ? failed.note : null,
      ...stepStats(steps),
      pages: runs.map((r) => ({ status: r.status, n: r.n, busyMedian: r.busyMedian, busyP95: r.busyP95 })),
      steps,
    };
  }
  return phases;
}

function stepStats(steps) {
  const busy = steps.map((s) => s.busy);
  const wall = steps.map((s) => s.wall);
  return {
    n: steps.length,
    busyMedian: round(median(busy)),
    busyP95: round(percentile(busy, 95)),
    wallMedian: round(median(wall)),
    wallP95: round(percentile(wall, 95)),
    syncMedian: round(median(steps.map((s) => s.sync).filter((x) => x != null))),
  };
}

async function interactions(s, skip = new Set()) {
  const phases = {};
  const api = await s.page.evaluate(() => ({
    wheelTarget: window.__bench.api.wheelTarget,
    wheelModifier: window.__bench.api.wheelModifier,
    wheel: window.__bench.api.wheel,
  }));
  let stuck = null;
  for (const kind of PHASES) {
    if (stuck) {
      phases[kind] = { status: "timeout", note: stuck, steps: [] };
      continue;
    }
    if (skip.has(kind)) continue;
    const deadline = Date.now() + TIMEOUT_MS;
    const left = () => deadline - Date.now();
    const steps = [];
    let status = "ok";
    let note = null;
    try {
      await withTimeout(s.page.evaluate((k) => window.__prepare(k), kind), left(), `${kind} prepare`);
      if (kind === "wheel") {
        const box = await withTimeout(s.page.locator(api.wheelTarget).first().boundingBox(), left(), "wheel target");
        if (!box) throw new Error(`wheel target ${api.wheelTarget} not found`);
        await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const before = await s.page.evaluate(() => window.__bench.wheel.length);
        if (api.wheelModifier) await s.page.keyboard.down(api.wheelModifier);
        try {
          for (let i = 0; i < STEPS; i++) {
            const forward = i % 10 < 5;
            const dy = api.wheel.zoom ? (forward ? -100 : 100) : 0;
            const dx = api.wheel.zoom ? 0 : forward ? api.wheel.deltaX : -api.wheel.deltaX;
            await withTimeout(s.page.mouse.wheel(dx, dy), left(), "wheel");
            const timing = await withTimeout(
              s.page.evaluate(([count, ms]) => window.__waitWheel(count, ms), [before + i + 1, Math.max(1, Math.min(left(), 15_000))]),
              left() + 1000,
              "wheel frame"
            );
            if (!timing) throw new Timeout("wheel: the event's frame did not arrive in time");
            steps.push(timing);
          }
        } finally {
          if (api.wheelModifier) await s.page.keyboard.up(api.wheelModifier).catch(() => {});
        }
      } else {
        for (let i = 0; i < STEPS; i++) {
          steps.push(await withTimeout(s.page.evaluate(([k, index]) => window.__step(k, index), [kind, i]), left(), kind));
        }
      }
    } catch (error) {
      status = error instanceof Timeout ? "timeout" : "error";
      note =
        error instanceof Timeout
          ? `${steps.length} of ${STEPS} steps done within ${TIMEOUT_MS / 1000} s (${error.message})`
          : String(error.message || error).slice(0, 300);
    }
    if (status === "timeout") {
      // The step that crossed the deadline still runs in the page; go on
      // once the page answers again, or give up on this page.
      const alive = await withTimeout(s.page.evaluate(() => true), 30_000, "ping").catch(() => false);
      if (!alive) stuck = `page unresponsive after ${kind} timed out`;
    }
    phases[kind] = { status, note, ...stepStats(steps), steps: steps.map((t) => ({ busy: round(t.busy), wall: round(t.wall), sync: round(t.sync) })) };
    log(`    ${kind}: ${status}${note ? ` (${note})` : ""} busy median ${phases[kind].busyMedian} ms, p95 ${phases[kind].busyP95} ms (${steps.length} steps)`);
  }
  return phases;
}

/** The machine's busy share of CPU time over `ms` (Linux /proc/stat), or
 * null where that cannot be read. */
async function busyShare(ms) {
  const read = () => {
    const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    const idle = ticks[3] + (ticks[4] || 0);
    return { idle, total: ticks.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = read();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const b = read();
    return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
  } catch {
    return null;
  }
}

/** Waits (at most 10 s) until the CPUs are mostly idle, and says how long
 * that took: a page closed just before (vis-timeline's at 10,000 events and
 * more) goes on using them for seconds while its renderer is torn down, and
 * would slow whichever sample comes next; after a load, V8 goes on compiling
 * the page's hot code in background threads for about half a second, which
 * on two cores slowed the first interaction steps of every widget. */
async function settle() {
  const started = Date.now();
  const until = started + 10_000;
  while (Date.now() < until) {
    const busy = await busyShare(250);
    if (busy === null || busy < 0.15) break;
  }
  return Date.now() - started;
}

/** One fresh page: load, first render, the interaction phases (but those
 * in `skip`); on the last sample also memory and DOM, measured first.
 * `query` adds to the page's URL (the lanes pages: `&data=lanes&lanes=group`). */
async function sample(widget, n, full, skip, query = "") {
  const s = await session();
  const out = { status: "ok" };
  const deadline = Date.now() + TIMEOUT_MS;
  try {
    await withTimeout(s.page.goto(`${BASE}/pages/${widget}.html?n=${n}${query}`, { waitUntil: "commit" }), TIMEOUT_MS, "navigation");
    const bench = await waitDone(s.page, deadline);
    // The first idle period after "complete" (requestIdleCallback): when the
    // widget has stopped working, not only drawn. Null: not idle by the deadline.
    bench.marks.idle = await withTimeout(
      s.page.waitForFunction(() => window.__bench.marks.idle != null, null, { polling: 50, timeout: 0 }),
      Math.max(1000, deadline - Date.now()),
      "idle"
    ).then(
      () => s.page.evaluate(() => window.__bench.marks.idle),
      () => null
    );
    out.marks = bench.marks;
    out.extra = bench.extra;
    out.resources = bench.resources;
    if (bench.error) {
      out.status = "error";
      out.note = bench.error.slice(0, 500);
    } else {
      if (full) out.memory = await withTimeout(measureMemory(s), TIMEOUT_MS, "memory").catch((error) => ({ error: String(error.message || error) }));
      // Interactions start on a quiet machine too (see settle).
      out.settledMs = await settle();
      out.phases = await interactions(s, skip);
      // Ours: its idle callbacks, timed by the page (bench/pages/ours.mjs).
      out.idleSlices = await s.page.evaluate(() => window.__bench.idleSlices ?? null);
    }
  } catch (error) {
    out.status = error instanceof Timeout ? "timeout" : "error";
    out.note = String(error.message || error).slice(0, 500);
  }
  out.requests = s.record.requests;
  out.blocked = s.record.blocked;
  out.pageErrors = s.record.errors;
  await closeSession(s, out.status === "timeout");
  return out;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Live data on one fresh page of ours at n events (see README, "Live
 * data"): once it rendered and the CPUs are quiet, LIVE.timed calls of
 * `addEvents` with LIVE.batch new events each, timed in the page to the
 * next rendered frame, the CPUs quiet before each; then the leak rounds:
 * memory (as measureMemory: forced GCs, JS heap, wasm memory, DOM), then
 * LIVE.ones calls of one event each, memory again, LIVE.rounds times. */
async function livePage(n) {
  const s = await session();
  const out = { status: "ok", timed: [], memory: [], rounds: [] };
  const deadline = Date.now() + TIMEOUT_MS;
  try {
    await withTimeout(s.page.goto(`${BASE}/pages/ours.html?n=${n}`, { waitUntil: "commit" }), TIMEOUT_MS, "navigation");
    const bench = await waitDone(s.page, deadline);
    if (bench.error) throw new Error(bench.error);
    out.marks = bench.marks;
    await withTimeout(
      s.page.waitForFunction(() => window.__bench.marks.idle != null, null, { polling: 50, timeout: 0 }),
      Math.max(1000, deadline - Date.now()),
      "idle"
    ).catch(() => {});
    for (let i = 0; i < LIVE.timed; i++) {
      await settle();
      out.timed.push(await withTimeout(s.page.evaluate((count) => window.__live.addTimed(count), LIVE.batch), TIMEOUT_MS, "addEvents (timed)"));
    }
    // The 150 ms layout after a change, the search index's idle slices: done
    // before the memory is read.
    const quiet = async () => {
      await sleep(500);
      await settle();
    };
    await quiet();
    out.memory.push(await withTimeout(measureMemory(s, true), TIMEOUT_MS, "memory"));
    for (let round = 0; round < LIVE.rounds; round++) {
      out.rounds.push(await withTimeout(s.page.evaluate((count) => window.__live.addOnes(count), LIVE.ones), TIMEOUT_MS, "addEvents (one event each)"));
      await quiet();
      out.memory.push(await withTimeout(measureMemory(s, true), TIMEOUT_MS, "memory"));
    }
  } catch (error) {
    out.status = error instanceof Timeout ? "timeout" : "error";
    out.note = String(error.message || error).slice(0, 500);
  }
  out.pageErrors = s.record.errors;
  await closeSession(s, out.status === "timeout");
  return out;
}

/** The live pages' figures: the timed calls pooled, and each leak round's
 * growth (JS heap, wasm memory, DOM nodes) per page and median. */
function summarizeLive(pages, size) {
  const timed = pages.flatMap((p) => p.timed);
  const stat = (key) => (timed.length ? { median: round(median(timed.map((t) => t[key]))), max: round(Math.max(...timed.map((t) => t[key]))) } : null);
  const rounds = [];
  for (let r = 0; r < LIVE.rounds; r++) {
    const deltas = pages
      .filter((p) => p.memory.length > r + 1)
      .map((p) => {
        const [a, b] = [p.memory[r], p.memory[r + 1]];
        return {
          heap: b.heapUsed - a.heapUsed,
          performanceMemory: b.usedJSHeapSize != null && a.usedJSHeapSize != null ? b.usedJSHeapSize - a.usedJSHeapSize : null,
          wasm: (b.wasmMemoryBytes ?? 0) - (a.wasmMemoryBytes ?? 0),
          nodes: b.widgetDom.nodes - a.widgetDom.nodes,
          heapBefore: a.heapUsed,
          heapAfter: b.heapUsed,
          wasmBefore: a.wasmMemoryBytes ?? null,
          wasmAfter: b.wasmMemoryBytes ?? null,
          callsMs: p.rounds[r]?.ms ?? null,
        };
      });
    rounds.push({
      round: r + 1,
      calls: LIVE.ones,
      pages: deltas,
      heapMedian: median(deltas.map((d) => d.heap)),
      wasmMedian: median(deltas.map((d) => d.wasm)),
      nodesMedian: median(deltas.map((d) => d.nodes)),
      callMsMedian: round(median(deltas.map((d) => (d.callsMs == null ? null : d.callsMs / LIVE.ones)))),
    });
  }
  return {
    size,
    settings: LIVE,
    status: pages.every((p) => p.status === "ok") ? "ok" : pages.map((p) => p.status).join(","),
    notes: pages.filter((p) => p.note).map((p) => p.note),
    addTimed: { n: timed.length, wall: stat("wall"), call: stat("call"), busy: stat("busy"), pageWallMedians: pages.map((p) => round(median(p.timed.map((t) => t.wall)))) },
    rounds,
    pages,
  };
}

function bundle(urls) {
  const paths = [...new Set(urls.map((u) => new URL(u).pathname))].filter((p) => FOLDERS.test(p)).sort();
  const files = paths.map((path) => {
    const bytes = servedBytes(path);
    if (!bytes) return { path, raw: null, gzip: null, brotli: null };
    return {
      path,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    };
  });
  const sum = (key) => files.reduce((acc, f) => acc + (f[key] || 0), 0);
  return { files, total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } };
}

function sha256(file) {
  return existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex") : null;
}

// ---- main ------------------------------------------------------------------

async function main() {
  const started = new Date();
  const wasmFile = join(ROOTS["/ours/"], "news_timeline_bg.wasm");
  const meta = {
    date: started.toISOString(),
    machine: {
      nproc: Number(execSync("nproc").toString().trim()),
      cpuModel: (readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) || [])[1] || "unknown",
      memTotalGiB: round(os.totalmem() / 2 ** 30, 1),
      loadavgStart: os.loadavg().map((x) => round(x)),
    },
    node: process.version,
    playwrightCore: pkg("playwright-core").version,
    widgets: WIDGET_INFO,
    settings: { sizes: SIZES_RUN, samples: SAMPLES, steps: STEPS, timeoutMs: TIMEOUT_MS, viewport: VIEWPORT, chromium: CHROMIUM, args: ARGS },
    dist: ROOTS["/ours/"],
    distSource: process.env.BENCH_DIST_SOURCE || ROOTS["/ours/"],
    distWasmSha256: sha256(wasmFile),
    distWasmBuilt: existsSync(wasmFile) ? statSync(wasmFile).mtime.toISOString() : null,
  };
  const beforeWasm = BEFORE ? join(ROOTS["/before/"], "news_timeline_bg.wasm") : null;
  if (BEFORE) {
    meta.before = {
      dist: ROOTS["/before/"],
      source: process.env.BENCH_BEFORE_SOURCE || ROOTS["/before/"],
      rev: process.env.BENCH_BEFORE_REV || null,
      wasmSha256: sha256(beforeWasm),
      wasmBuilt: existsSync(beforeWasm) ? statSync(beforeWasm).mtime.toISOString() : null,
    };
  }
  await launch();
  meta.chromium = browser.version();
  log(`Chromium ${meta.chromium}, ${meta.machine.nproc} CPUs (${meta.machine.cpuModel}), load ${meta.machine.loadavgStart.join(" ")}`);

  // Heap and DOM of the harness alone.
  log("baseline: blank page");
  let baseline = null;
  {
    const s = await session();
    try {
      await s.page.goto(`${BASE}/pages/blank.html`);
      await withTimeout(s.page.waitForFunction(() => window.__bench && window.__bench.done), TIMEOUT_MS, "blank");
      baseline = await measureMemory(s);
    } catch (error) {
      baseline = { error: String(error) };
    }
    await closeSession(s);
  }

  const cases = [];
  const caseOf = {};
  for (const widget of WIDGETS) {
    for (const n of SIZES_RUN) {
      const c = { widget, size: n, status: "ok", note: null, samples: [] };
      cases.push(c);
      caseOf[`${widget}-${n}`] = c;
    }
  }
  const gaveUp = {}; // widget -> size whose render timed out

  for (const n of SIZES_RUN) {
    for (let i = 0; i < SAMPLES; i++) {
      for (const widget of WIDGETS) {
        const c = caseOf[`${widget}-${n}`];
        if (gaveUp[widget] && gaveUp[widget] < n) {
          if (i === 0) {
            c.status = "timeout";
            c.note = `not attempted: ${gaveUp[widget].toLocaleString("en")} events already timed out`;
            log(`${widget} ${n}: skipped (${c.note})`);
          }
          continue;
        }
        if (c.status !== "ok") continue;
        const full = i === SAMPLES - 1 && !c.samples.some((x) => x.memory);
        log(`${widget} ${n}: sample ${i + 1}/${SAMPLES}${full ? " (+ memory, DOM)" : ""}`);
        const result = await sample(widget, n, full, timedOutPhases(c.samples));
        c.samples.push(result);
        if (result.status === "ok") {
          log(`  -> complete at ${round(result.marks.complete, 1)} ms (mount -> complete ${round(result.marks.complete - result.marks.mountCall, 1)} ms), idle at ${round(result.marks.idle, 1)} ms`);
          continue;
        }
        log(`  -> ${result.status}: ${result.note}`);
        if (result.status === "error") {
          c.status = "error";
          c.note = result.note;
        } else if (c.samples.filter((x) => x.status === "timeout").length > SAMPLES / 2) {
          // A timed-out sample counts as "longer than 60 s": once most samples
          // did, the median is a timeout and more samples cannot change it.
          c.status = "timeout";
          c.note = result.note;
          gaveUp[widget] = n;
        }
      }
    }
    // The memory/interaction page was the last sample; if that one failed,
    // one more page does them (its render time is not a sample).
    for (const widget of WIDGETS) {
      const c = caseOf[`${widget}-${n}`];
      if (c.status !== "ok" || c.samples.some((x) => x.memory) || !c.samples.length) continue;
      log(`${widget} ${n}: extra page for memory and DOM (the last sample did not finish)`);
      c.measurePage = await sample(widget, n, true, timedOutPhases(c.samples));
    }
  }

  // Ours: twenty widgets of 100 events on one page.
  const multi = [];
  if (WIDGETS.includes("ours") && EXTRAS.includes("multi")) {
    for (let i = 0; i < MULTI_SAMPLES; i++) {
      log(`ours: 20 widgets x 100 events, sample ${i + 1}/${MULTI_SAMPLES}`);
      const s = await session();
      try {
        await withTimeout(s.page.goto(`${BASE}/pages/ours-multi.html`, { waitUntil: "commit" }), TIMEOUT_MS, "navigation");
        const r = await waitDone(s.page, Date.now() + TIMEOUT_MS);
        multi.push({ status: r.error ? "error" : "ok", note: r.error, marks: r.marks, extra: r.extra });
      } catch (error) {
        multi.push({ status: error instanceof Timeout ? "timeout" : "error", note: String(error.message || error) });
      }
      await closeSession(s);
    }
  }

  // Ours: the list layout (`layout: "list"`) at the largest size, mount only
  // (its rows are not on a time axis: pan, zoom and wheel do not apply).
  const list = [];
  const listSize = Math.max(...SIZES_RUN);
  if (WIDGETS.includes("ours") && EXTRAS.includes("list")) {
    for (let i = 0; i < MULTI_SAMPLES; i++) {
      log(`ours: list layout x ${listSize} events, sample ${i + 1}/${MULTI_SAMPLES}`);
      await settle();
      const s = await session();
      try {
        await withTimeout(s.page.goto(`${BASE}/pages/ours.html?n=${listSize}&layout=list`, { waitUntil: "commit" }), TIMEOUT_MS, "navigation");
        const r = await waitDone(s.page, Date.now() + TIMEOUT_MS);
        const nodes = await s.page.evaluate(() => {
          let count = 0;
          const walk = (node) => {
            count += 1;
            if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
            node.childNodes.forEach(walk);
          };
          document.querySelector("#tl").childNodes.forEach(walk);
          walk(document.querySelector("#tl").shadowRoot);
          return count - 1;
        });
        list.push({ status: r.error ? "error" : "ok", note: r.error, marks: r.marks, nodes });
      } catch (error) {
        list.push({ status: error instanceof Timeout ? "timeout" : "error", note: String(error.message || error) });
      }
      await closeSession(s);
    }
  }

  // Ours: live data at the largest size (addEvents; see livePage).
  let live = null;
  if (WIDGETS.includes("ours") && EXTRAS.includes("live")) {
    const pages = [];
    for (let i = 0; i < LIVE.pages; i++) {
      log(`ours: live data at ${listSize} events, page ${i + 1}/${LIVE.pages}`);
      const p = await livePage(listSize);
      pages.push(p);
      if (p.status !== "ok") log(`  -> ${p.status}: ${p.note}`);
      else {
        const walls = p.timed.map((t) => round(t.wall, 1)).join(", ");
        const heap = p.memory.map((m) => round(m.heapUsed / 2 ** 20, 2)).join(" -> ");
        const wasm = p.memory.map((m) => round((m.wasmMemoryBytes || 0) / 2 ** 20, 2)).join(" -> ");
        log(`  -> addEvents(${LIVE.batch}) to the frame: ${walls} ms; JS heap ${heap} MB, wasm ${wasm} MB`);
      }
    }
    live = summarizeLive(pages, listSize);
  }

  // Ours: the same events in 8 lanes (`lanes: "group"`) and in one track
  // (`lanes: "none"`), fresh pages alternating, at the largest size: as
  // the main cases (first render, mount, phases; memory and DOM on the last).
  const lanesCases = [];
  if (WIDGETS.includes("ours") && EXTRAS.includes("lanes")) {
    for (const lanes of ["group", "none"]) lanesCases.push({ widget: "ours", size: listSize, lanes, status: "ok", note: null, samples: [] });
    for (let i = 0; i < SAMPLES; i++) {
      for (const c of lanesCases) {
        if (c.status !== "ok") continue;
        const full = i === SAMPLES - 1 && !c.samples.some((x) => x.memory);
        log(`ours: ${listSize} events in lanes "${c.lanes}", sample ${i + 1}/${SAMPLES}${full ? " (+ memory, DOM)" : ""}`);
        const result = await sample("ours", listSize, full, timedOutPhases(c.samples), `&data=lanes&lanes=${c.lanes}`);
        c.samples.push(result);
        if (result.status === "ok") log(`  -> mount -> complete ${round(result.marks.complete - result.marks.mountCall, 1)} ms`);
        else {
          log(`  -> ${result.status}: ${result.note}`);
          if (result.status === "error" || c.samples.filter((x) => x.status === "timeout").length > SAMPLES / 2) {
            c.status = result.status;
            c.note = result.note;
          }
        }
      }
    }
    for (const c of lanesCases) {
      if (c.status !== "ok" || c.samples.some((x) => x.memory) || !c.samples.length) continue;
      log(`ours: lanes "${c.lanes}": extra page for memory and DOM (the last sample did not finish)`);
      c.measurePage = await sample("ours", listSize, true, timedOutPhases(c.samples), `&data=lanes&lanes=${c.lanes}`);
    }
  }

  await browser.close();
  meta.machine.loadavgEnd = os.loadavg().map((x) => round(x));
  meta.distWasmSha256End = sha256(wasmFile);
  meta.distSourceWasmSha256End = sha256(join(meta.distSource, "news_timeline_bg.wasm"));
  if (meta.before) meta.before.wasmSha256End = sha256(beforeWasm);
  meta.finished = new Date().toISOString();
  meta.durationS = Math.round((Date.now() - started.getTime()) / 1000);

  const results = summarize({ meta, baseline, cases, multi, list, listSize, live, lanesCases });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "results.json"), JSON.stringify(results, null, 2) + "\n");
  writeReport(results, OUT);
  log(`wrote results.json, results.md, render-time.svg in ${meta.durationS} s`);
}

/** A case's figures from its samples: render, mount and idle medians,
 * (ours and before) the wasm's load, the pooled phases, memory and DOM. */
function summarizeCase(c) {
  const ok = c.samples.filter((s) => s.status === "ok");
  // Timed-out samples count as longer than any finished one.
  const withTimeouts = (values) => [...values, ...c.samples.filter((s) => s.status === "timeout").map(() => Infinity)];
  const medianOrNull = (values) => {
    const m = median(withTimeouts(values).map((x) => (x === Infinity ? Number.MAX_VALUE : x)));
    return m == null || m === Number.MAX_VALUE ? null : round(m);
  };
  const renders = ok.map((s) => s.marks.complete);
  const mounts = ok.map((s) => s.marks.complete - s.marks.mountCall);
  const idles = ok.map((s) => (s.marks.idle == null ? Number.MAX_VALUE : s.marks.idle));
  const sampleList = (f) => c.samples.map((s) => (s.status === "ok" ? round(f(s)) : s.status));
  c.render = {
    samples: sampleList((s) => s.marks.complete),
    median: c.status === "ok" ? medianOrNull(renders) : null,
    mountSamples: sampleList((s) => s.marks.complete - s.marks.mountCall),
    mountMedian: c.status === "ok" ? medianOrNull(mounts) : null,
    idleSamples: c.samples.map((s) => (s.status === "ok" ? (s.marks.idle == null ? "not idle by the deadline" : round(s.marks.idle)) : s.status)),
    idleMedian: c.status === "ok" ? medianOrNull(idles) : null,
    dataMedian: round(median(ok.map((s) => s.marks.dataEnd - s.marks.dataStart))),
    timedOut: c.samples.filter((s) => s.status === "timeout").length,
  };
  if (c.widget === "ours" || c.widget === "before") {
    const wasm = ok.map((s) => (s.resources || []).find((r) => r.name.endsWith("/news_timeline_bg.wasm"))).filter(Boolean);
    c.wasm = {
      fetchMedian: round(median(wasm.map((r) => r.responseEnd - r.startTime))),
      readyMedian: round(median(ok.map((s) => s.marks.readyResolved - s.marks.readyStart))),
      readyAtMedian: round(median(ok.map((s) => s.marks.readyResolved))),
      instantiateAfterFetchMedian: round(
        median(
          ok.map((s) => {
            const r = (s.resources || []).find((x) => x.name.endsWith("/news_timeline_bg.wasm"));
            return r ? s.marks.readyResolved - r.responseEnd : null;
          })
        )
      ),
    };
  }
  c.phases = pooledPhases([...c.samples, c.measurePage].filter((s) => s && s.status === "ok" && s.phases));
  const measured = [...c.samples, c.measurePage].find((s) => s && s.status === "ok" && s.memory);
  if (measured) {
    c.memory = measured.memory.error ? null : measured.memory;
    c.memoryError = measured.memory.error || null;
    if (measured.idleSlices) {
      const durations = (beforeMount) =>
        measured.idleSlices.filter(([start]) => start < measured.marks.mountCall === beforeMount).map(([, took]) => took);
      const after = durations(false);
      c.idleSlices = { warmUp: round(Math.max(0, ...durations(true))), count: after.length, longest: round(Math.max(0, ...after)), median: round(median(after)) };
    }
  }
}

function summarize({ meta, baseline, cases, multi, list = [], listSize = null, live = null, lanesCases = [] }) {
  const bundles = {};
  const blocked = {};
  for (const widget of WIDGETS) {
    const mine = cases.filter((c) => c.widget === widget).flatMap((c) => [...c.samples, ...(c.measurePage ? [c.measurePage] : [])]);
    bundles[widget] = bundle(mine.flatMap((s) => s.requests || []));
    const counts = {};
    for (const url of mine.flatMap((s) => s.blocked || [])) counts[url] = (counts[url] || 0) + 1;
    blocked[widget] = Object.entries(counts).map(([url, count]) => ({ url, count }));
  }
  for (const c of [...cases, ...lanesCases]) summarizeCase(c);
  const okMulti = multi.filter((m) => m.status === "ok");
  const oursMulti = {
    samples: multi.map((m) => (m.status === "ok" ? round(m.marks.complete - m.marks.mountCall) : m.status)),
    median: okMulti.length ? round(median(okMulti.map((m) => m.marks.complete - m.marks.mountCall))) : null,
    mountResolvedMedian: okMulti.length ? round(median(okMulti.map((m) => m.marks.widgetReady - m.marks.mountCall))) : null,
    dom: okMulti[0]?.extra?.dom ?? null,
    status: multi.length && okMulti.length === multi.length ? "ok" : multi.map((m) => m.status).join(","),
    notes: multi.filter((m) => m.note).map((m) => m.note),
  };
  const okList = list.filter((m) => m.status === "ok");
  const oursList = list.length
    ? {
        size: listSize,
        samples: list.map((m) => (m.status === "ok" ? round(m.marks.complete - m.marks.mountCall) : m.status)),
        median: okList.length ? round(median(okList.map((m) => m.marks.complete - m.marks.mountCall))) : null,
        mountResolvedMedian: okList.length ? round(median(okList.map((m) => m.marks.widgetReady - m.marks.mountCall))) : null,
        nodes: okList[0]?.nodes ?? null,
        status: okList.length === list.length ? "ok" : list.map((m) => m.status).join(","),
        notes: list.filter((m) => m.note).map((m) => m.note),
      }
    : null;
  const oursLanes = lanesCases.length ? { size: listSize, groups: 8, cases: lanesCases } : null;
  return { meta, baseline, bundles, blocked, cases, oursMulti, oursList, oursLive: live, oursLanes };
}

main().catch(async (error) => {
  console.error(error);
  try {
    await browser?.close();
  } catch {}
  process.exit(1);
});
