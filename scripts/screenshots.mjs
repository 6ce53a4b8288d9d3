// The README's screenshots, made again from the built bundle:
//
//   docs/screenshots/timeline-375.png  the demo article on a 375 × 667 phone
//                                      (2x), scrolled to its timeline
//   docs/screenshots/list-375.png      the same with data-layout="list"
//   docs/screenshots/print-preview.png the demo article printed to PDF (A4) by
//                                      Chromium: the pages with the timeline,
//                                      from its title to the list's end
//
// Run from the repo root once dist/ holds a build (make serve, or
// scripts/build.sh), with the e2e test packages installed (npm ci in
// tests/e2e):
//
//   node scripts/screenshots.mjs
//
// It starts tests/e2e/server.mjs (dist/ under the strict CSP) on $E2E_PORT
// (default 8095) and drives the system Chromium (/usr/bin/chromium, or
// $CHROMIUM_PATH) with the Playwright of tests/e2e; never `playwright
// install`. The PDF page is drawn by pdftoppm (Debian's poppler-utils);
// without it the print preview is a print-media screenshot at 375 px. The
// PNGs are written with a 256-colour palette (no other tools needed), which
// keeps each under 150 KB.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const e2e = join(root, "tests", "e2e");
const out = join(root, "docs", "screenshots");
const require = createRequire(join(e2e, "package.json"));
const { chromium } = require("playwright");
const { PNG } = require("pngjs");

const port = Number(process.env.E2E_PORT || 8095);
const base = `http://127.0.0.1:${port}`;
const HOST = "#war-footing";
const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

if (!existsSync(join(root, "dist", "index.html"))) {
  console.error("screenshots: dist/index.html is missing; build the bundle first (scripts/build.sh)");
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({ ...PHONE, colorScheme: "light", reducedMotion: "reduce" });

  // (a) The time track, as a phone reader scrolls to it.
  let page = await openArticle(context);
  await scrollToBox(page);
  save("timeline-375.png", await page.screenshot());
  await page.close();

  // (b) The list layout: the attribute is set before the lazy widget loads.
  page = await openArticle(context, (host) => host.setAttribute("data-layout", "list"));
  await scrollToBox(page);
  save("list-375.png", await page.screenshot());
  await page.close();

  // (c) Print: Chromium's PDF (beforeprint builds the printed list), the
  // pages from the widget's title on; else the print media at 375 px.
  page = await openArticle(context);
  const pdf = await page.pdf({ format: "A4", margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" } });
  const preview = printPreview(pdf, await page.evaluate((h) => document.querySelector(h).dataset.title, HOST));
  if (preview) {
    save("print-preview.png", preview);
  } else {
    console.warn("screenshots: pdftoppm not found; print-preview.png is the print media at 375 px");
    await page.emulateMedia({ media: "print" });
    await scrollToBox(page);
    save("print-preview.png", await page.screenshot());
  }
  await page.close();
  await context.close();
} finally {
  await browser.close();
  server.kill();
}

/** Starts the e2e server and resolves once it listens. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["server.mjs"], {
      cwd: e2e,
      env: { ...process.env, E2E_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.on("exit", (code) => reject(new Error(`the e2e server exited (${code}); is port ${port} free? (E2E_PORT)`)));
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("e2e server:")) resolve(child);
    });
  });
}

/** The demo article with its timeline loaded (`before` runs on the host
 * element first, while the lazy widget still waits). */
async function openArticle(context, before) {
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.goto(`${base}/index.html`);
  if (before) await page.locator(HOST).evaluate(before);
  await page.locator(HOST).scrollIntoViewIfNeeded();
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot?.querySelector("[data-event-id]"), HOST);
  return page;
}

/** Scrolls the article so that its timeline box starts at the top. */
async function scrollToBox(page) {
  await page.evaluate(() => {
    const box = document.querySelector(".factbox");
    window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 8);
  });
  // Two frames for the layout after the scroll, then the fonts.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** The PDF pages holding the widget, as one picture: the first from a
 * little above the widget's title, the others to their last line, on grey
 * with a gap at each page break; null without pdftoppm. */
function printPreview(pdf, title) {
  const dir = mkdtempSync(join(tmpdir(), "nt-print-"));
  try {
    const file = join(dir, "article.pdf");
    writeFileSync(file, pdf);
    const words = spawnSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
    if (words.error || words.status !== 0) return null;
    // The title's first two words, and the caption after the list (its end).
    const pages = words.stdout.split("<page ").slice(1);
    const [one, two] = title.split(/\s+/).map((w) => w.replace(/[^\w:]/g, "."));
    const heading = new RegExp(`yMin="([\\d.]+)"[^>]*>${one}</word>\\s*<word[^>]*>${two}</word>`);
    const at = pages.findIndex((p) => heading.test(p));
    if (at < 0) return null;
    const dpi = 96;
    const yMin = Number(heading.exec(pages[at])[1]);
    const last = pages.findIndex((p, i) => i >= at && p.includes(">Timeline:</word>"));
    const to = last < 0 ? Math.min(at + 1, pages.length - 1) : last;
    const drawn = spawnSync("pdftoppm", ["-r", String(dpi), "-f", String(at + 1), "-l", String(to + 1), "-png", file, join(dir, "p")]);
    if (drawn.error || drawn.status !== 0) return null;
    const images = [];
    for (let n = at + 1; n <= to + 1; n++) {
      const name = [String(n), String(n).padStart(2, "0"), String(n).padStart(3, "0")]
        .map((s) => join(dir, `p-${s}.png`))
        .find(existsSync);
      images.push(PNG.sync.read(readFileSync(name)));
    }
    // Crops: the first page from 7 lines above the title, each page to its
    // last ink plus a margin.
    const top = Math.max(0, Math.round((yMin * dpi) / 72) - 150);
    const crops = images.map((img, i) => ({ img, y0: i === 0 ? top : 0, y1: Math.min(img.height, lastInk(img) + 40) }));
    const pad = 20;
    const gap = 24;
    const width = images[0].width + 2 * pad;
    const height = crops.reduce((h, c) => h + (c.y1 - c.y0), 0) + gap * (crops.length - 1) + 2 * pad;
    const sheet = new PNG({ width, height });
    sheet.data.fill(0xd6);
    for (let i = 3; i < sheet.data.length; i += 4) sheet.data[i] = 255;
    let y = pad;
    for (const { img, y0, y1 } of crops) {
      for (let row = y0; row < y1; row++) {
        const from = row * img.width * 4;
        img.data.copy(sheet.data, ((y + row - y0) * width + pad) * 4, from, from + img.width * 4);
      }
      y += y1 - y0 + gap;
    }
    return sheet;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The last row of `img` with a pixel that is not white. */
function lastInk(img) {
  for (let y = img.height - 1; y >= 0; y--) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i] < 240 || img.data[i + 1] < 240 || img.data[i + 2] < 240) return y;
    }
  }
  return img.height - 1;
}

/** Writes a screenshot (PNG bytes, or a pngjs image) as a palette PNG. */
function save(name, image) {
  const png = Buffer.isBuffer(image) ? PNG.sync.read(image) : image;
  const bytes = palettePng(png);
  writeFileSync(join(out, name), bytes);
  console.log(`docs/screenshots/${name}: ${png.width} × ${png.height}, ${Math.round(bytes.length / 1024)} KB`);
}

/** An 8-bit palette PNG of an opaque image: the 256 commonest colours
 * (counted at 5 bits a channel, each the mean of its pixels), every pixel
 * drawn in the nearest. Screenshots of flat UI and text lose nothing one
 * can see, and take about half the bytes of Chromium's own PNGs. */
function palettePng({ width, height, data }) {
  const key = (i) => ((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3);
  const count = new Uint32Array(32768);
  const sum = new Float64Array(32768 * 3);
  for (let i = 0; i < data.length; i += 4) {
    const k = key(i);
    count[k]++;
    sum[k * 3] += data[i];
    sum[k * 3 + 1] += data[i + 1];
    sum[k * 3 + 2] += data[i + 2];
  }
  const used = [];
  for (let k = 0; k < 32768; k++) if (count[k]) used.push(k);
  used.sort((a, b) => count[b] - count[a]);
  const palette = used.slice(0, 256).map((k) => [0, 1, 2].map((c) => Math.round(sum[k * 3 + c] / count[k])));
  const index = new Int16Array(32768).fill(-1);
  const nearest = (k) => {
    if (index[k] >= 0) return index[k];
    const [r, g, b] = [0, 1, 2].map((c) => sum[k * 3 + c] / count[k]);
    let best = 0;
    let bestD = Infinity;
    palette.forEach(([pr, pg, pb], p) => {
      const d = 2 * (pr - r) ** 2 + 4 * (pg - g) ** 2 + 3 * (pb - b) ** 2;
      if (d < bestD) [best, bestD] = [p, d];
    });
    return (index[k] = best);
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none (best for palette images)
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = nearest(key((y * width + x) * 4));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", Buffer.from(palette.flat())),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

function crc32(bytes) {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
