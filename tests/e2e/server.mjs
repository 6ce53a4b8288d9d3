// Static server for the end-to-end tests. No dependencies.
//
//   /        -> the release bundle (../../dist, or $E2E_DIST)
//   /test/   -> tests/e2e/pages/ (test-only pages and data)
//   /live/<name>  -> a data file a test changes while the page runs (refresh):
//            PUT sets it ({body, contentType?, status?, etag?, lastModified?}),
//            GET serves it (200, or 304 when the request's If-None-Match /
//            If-Modified-Since match, or the status set), and
//            GET /live/<name>/log lists the requests it answered.
//
// Listens on 127.0.0.1:$E2E_PORT (default 8091). Every HTML response carries
// the strict Content-Security-Policy from the embed contract, so each page the
// tests load proves the widget works under it.
import { createServer } from "node:http";
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const port = Number(process.env.E2E_PORT || 8091);
const distRoot = resolve(process.env.E2E_DIST || join(here, "..", "..", "dist"));
const pagesRoot = resolve(here, "pages");

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** Maps a URL path to a file inside one of the two roots, or null. */
function locate(urlPath) {
  let root = distRoot;
  let rest = urlPath;
  if (urlPath === "/test" || urlPath.startsWith("/test/")) {
    root = pagesRoot;
    rest = urlPath.slice("/test".length);
  }
  // NUL bytes and backslashes have no business in our URLs.
  if (rest.includes("\0") || rest.includes("\\")) return null;
  const file = resolve(root, "." + (rest.startsWith("/") ? rest : "/" + rest));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
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

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) send(res, 500, "internal error\n");
    else res.destroy();
  });
});

/** The /live/ files, by name: what to answer and the requests answered. */
const liveFiles = new Map();

async function handleLive(req, res, name) {
  if (name.endsWith("/log")) {
    const log = liveFiles.get(name.slice(0, -4))?.log ?? [];
    send(res, 200, JSON.stringify(log), { "Content-Type": "application/json" });
    return;
  }
  if (req.method === "PUT") {
    let body = "";
    for await (const chunk of req) body += chunk;
    const file = liveFiles.get(name) ?? { log: [] };
    liveFiles.set(name, { ...file, ...JSON.parse(body) });
    send(res, 204, "");
    return;
  }
  const file = liveFiles.get(name);
  if (!file) {
    send(res, 404, "not found\n");
    return;
  }
  const ifNoneMatch = req.headers["if-none-match"] ?? null;
  const ifModifiedSince = req.headers["if-modified-since"] ?? null;
  let status = file.status ?? 200;
  const unchanged =
    (ifNoneMatch !== null && file.etag && ifNoneMatch === file.etag) ||
    (ifNoneMatch === null && ifModifiedSince !== null && file.lastModified && ifModifiedSince === file.lastModified);
  if (status === 200 && unchanged) status = 304;
  file.log.push({ ifNoneMatch, ifModifiedSince, status });
  const headers = { "Cache-Control": "no-cache" };
  if (file.etag) headers.ETag = file.etag;
  if (file.lastModified) headers["Last-Modified"] = file.lastModified;
  if (status === 304) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  send(res, status, status === 200 ? file.body : "server error\n", {
    ...headers,
    "Content-Type": status === 200 ? file.contentType ?? "application/json" : "text/plain; charset=utf-8",
  });
}

async function handle(req, res) {
  const live = /^\/live\/([\w.-]+(?:\/log)?)$/.exec(new URL(req.url, "http://127.0.0.1").pathname);
  if (live) {
    await handleLive(req, res, live[1]);
    return;
  }
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
  let file = locate(urlPath);
  if (file === null) {
    send(res, 404, "not found\n");
    return;
  }
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      if (!urlPath.endsWith("/")) {
        res.writeHead(301, { Location: encodeURI(urlPath + "/"), "Content-Length": 0 });
        res.end();
        return;
      }
      file = join(file, "index.html");
      info = await stat(file);
    }
    if (!info.isFile()) throw new Error("not a file");
  } catch {
    send(res, 404, "not found\n");
    return;
  }
  const type = MIME[extname(file).toLowerCase()] || "application/octet-stream";
  const headers = {
    "Content-Type": type,
    "Content-Length": info.size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (type.startsWith("text/html")) headers["Content-Security-Policy"] = CSP;
  res.writeHead(200, headers);
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

if (!existsSync(join(distRoot, "index.html"))) {
  console.error(
    `e2e server: ${join(distRoot, "index.html")} does not exist; ` +
      "build the bundle first (scripts/build.sh) or set E2E_DIST",
  );
  process.exit(1);
}

server.listen(port, "127.0.0.1", () => {
  console.log(`e2e server: http://127.0.0.1:${port}/ -> ${distRoot}, /test/ -> ${pagesRoot}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(0));
}
