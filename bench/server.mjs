// Static server for the benchmark. No dependencies; 127.0.0.1 only.
//
//   /ours/    -> the release bundle (/work/main/dist, or $BENCH_DIST)
//   /before/  -> another build of it ($BENCH_BEFORE_DIST; only when set)
//   /vis/     -> node_modules/vis-timeline/           (standalone build + styles)
//   /tljs/    -> node_modules/@knight-lab/timelinejs/dist/
//   /pages/   -> bench/pages/ (the benchmark pages and their scripts)
//   /data/<ours|vis|tljs>-<n>.json -> the deterministic data set of n events
//                in that widget's format (generated once per process, cached);
//                /data/lanes-<n>.json: ours with a group per event (8 groups)
//
// Listens on $BENCH_PORT (default 8092). Plain bytes (no Content-Encoding):
// the runner computes gzip/brotli sizes itself. `locate()` is exported so the
// runner can read exactly the bytes a URL served.
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { events, FORMATS } from "./pages/data.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
export const PORT = Number(process.env.BENCH_PORT || 8092);

export const ROOTS = {
  "/ours/": resolve(process.env.BENCH_DIST || join(here, "..", "dist")),
  "/vis/": resolve(here, "node_modules", "vis-timeline"),
  "/tljs/": resolve(here, "node_modules", "@knight-lab", "timelinejs", "dist"),
  "/pages/": resolve(here, "pages"),
};
// Another build of our widget ("before"), benchmarked like /ours/.
if (process.env.BENCH_BEFORE_DIST) ROOTS["/before/"] = resolve(process.env.BENCH_BEFORE_DIST);

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Maps a URL path to a file inside one of the roots, or null. */
export function locate(urlPath) {
  if (urlPath.includes("\0") || urlPath.includes("\\")) return null;
  for (const [prefix, root] of Object.entries(ROOTS)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = resolve(root, "." + urlPath.slice(prefix.length - 1));
    if (file !== root && !file.startsWith(root + sep)) return null;
    return file;
  }
  return null;
}

const dataCache = new Map();
/** The JSON text of /data/<widget>-<n>.json, or null. */
export function dataJson(urlPath) {
  const match = /^\/data\/(ours|vis|tljs|lanes)-(\d{1,7})\.json$/.exec(urlPath);
  if (!match) return null;
  const n = Number(match[2]);
  if (n < 1 || n > 1000000) return null;
  const key = `${match[1]}-${n}`;
  if (!dataCache.has(key)) dataCache.set(key, Buffer.from(JSON.stringify(FORMATS[match[1]](events(n)))));
  return dataCache.get(key);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(body);
}

async function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "method not allowed\n", { Allow: "GET, HEAD" });
    return;
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
  } catch {
    send(res, 400, "bad request\n");
    return;
  }
  if (urlPath === "/favicon.ico") {
    res.writeHead(204, { "Cache-Control": "no-store" });
    res.end();
    return;
  }
  const data = dataJson(urlPath);
  if (data) {
    res.writeHead(200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": data.length,
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : data);
    return;
  }
  let file = locate(urlPath);
  if (file === null) {
    send(res, 404, "not found\n");
    return;
  }
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file);
    }
    if (!info.isFile()) throw new Error("not a file");
  } catch {
    send(res, 404, "not found\n");
    return;
  }
  res.writeHead(200, {
    "Content-Type": MIME[extname(file).toLowerCase()] || "application/octet-stream",
    "Content-Length": info.size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

export function start(port = PORT) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "internal error\n");
      else res.destroy();
    });
  });
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveListen(server));
  });
}

/** The bytes a URL path served (for bundle sizes), or null. */
export function servedBytes(urlPath) {
  const file = locate(urlPath);
  if (!file || !existsSync(file)) return null;
  return readFileSync(file);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distIndex = join(ROOTS["/ours/"], "news-timeline.js");
  if (!existsSync(distIndex)) {
    console.error(`bench server: ${distIndex} does not exist; build the bundle first (make serve, or scripts/build.sh)`);
    process.exit(1);
  }
  start()
    .then(() => {
      const before = ROOTS["/before/"] ? `, /before/ -> ${ROOTS["/before/"]}` : "";
      console.log(`bench server: http://127.0.0.1:${PORT}/  (/ours/ -> ${ROOTS["/ours/"]}${before}, /vis/, /tljs/, /pages/, /data/)`);
    })
    .catch((error) => {
      console.error(`bench server: cannot listen on 127.0.0.1:${PORT} (${error.message})`);
      process.exit(1);
    });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
}
