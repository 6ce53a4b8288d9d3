// A news page is a hostile place. The widget must look and work the same on
//   hostile.html: a classic reset, `html {font-size: 62.5%}`, inherited
//     text styles on body (italic, uppercase, letter-spacing, line-height,
//     pre-line, justify…) and the aggressive global rules
//     `* {box-sizing: content-box; font-size: 30px}`,
//     `div {display: flex !important}`, `button {all: unset}`,
//     `svg {width: 100%}`, plus an AMD `define` and an old jQuery `$`;
//   rtl.html: a right-to-left page;
//   transformed.html: a parent with `transform: scale(0.9)`;
// as on clean.html (same frame, no hostile rules).
//
// Screenshots are compared pixel by pixel in node (pngjs): a pixel differs
// when any channel differs by more than 32 of 255; the images match when
// both have the same size and under 0.5% of their pixels differ.
import { test, expect, eventTitles } from "../fixtures/timeline.mjs";
import { PNG } from "pngjs";

const CHANNEL_TOLERANCE = 32;
const MAX_DIFFERING = 0.005;

/** Share of differing pixels between two PNG buffers (1 if the sizes differ). */
function pixelDiff(a, b) {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) {
    return { share: 1, size: [x.width, x.height, y.width, y.height] };
  }
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (
      Math.abs(x.data[i] - y.data[i]) > CHANNEL_TOLERANCE ||
      Math.abs(x.data[i + 1] - y.data[i + 1]) > CHANNEL_TOLERANCE ||
      Math.abs(x.data[i + 2] - y.data[i + 2]) > CHANNEL_TOLERANCE ||
      Math.abs(x.data[i + 3] - y.data[i + 3]) > CHANNEL_TOLERANCE
    ) {
      differing++;
    }
  }
  return { share: differing / (x.width * x.height), size: [x.width, x.height] };
}

const IDS = ["carrier", "sanctions", "tankers", "drone", "seized", "talks"];

async function whenMounted(page) {
  await expect
    .poll(() => page.evaluate(() => document.getElementById("tl").newsTimeline?.getVisibleEvents() ?? null), { message: "the widget is mounted" })
    .toEqual(IDS);
  await expect.poll(() => eventTitles(page, "#tl").then((t) => t.length), { message: "the widget renders events" }).toBeGreaterThan(0);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Screenshot of the widget's host on `path` (optionally after `prepare` runs in the page). */
async function widgetShot(page, path, prepare) {
  await page.goto(path);
  await whenMounted(page);
  if (prepare) {
    await page.evaluate(prepare);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const box = await page.locator("#tl").boundingBox();
  if (!box || box.width < 1 || box.height < 1) return { box, png: null };
  return { box, png: await page.locator("#tl").screenshot({ animations: "disabled" }) };
}

async function compare(page, prepare) {
  const clean = await widgetShot(page, "/test/clean.html", prepare);
  const hostile = await widgetShot(page, "/test/hostile.html", prepare);
  expect(clean.png, "the widget is visible on the clean page").not.toBeNull();
  expect(hostile.box, "the widget keeps its size on the hostile page").toMatchObject({ width: clean.box.width, height: clean.box.height });
  const diff = pixelDiff(clean.png, hostile.png);
  test.info().annotations.push({ type: "pixel diff", description: `${(diff.share * 100).toFixed(3)}% of ${diff.size.join("×")} pixels differ` });
  expect(diff.share, "share of differing pixels, hostile vs clean").toBeLessThan(MAX_DIFFERING);
}

test.describe("on a hostile news page", () => {
  test.use({ viewport: { width: 900, height: 700 } });

  // Host rules must not reach the widget: the host is a flex item of a
  // `display: flex` parent (the host takes the full width), inherited text
  // styles (italic, uppercase, letter-spacing, …) stop at .nt-root
  // (`all: initial`), and sizes are px, not rem (which follows the page's
  // `html {font-size: 62.5%}`).
  test("looks the same as on a clean page", async ({ page }) => {
    await compare(page);
  });

  test("mounts and works beside an AMD define and an old jQuery, leaving both alone", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto("/test/hostile.html");
    await whenMounted(page);
    const state = await page.evaluate(() => ({
      amdCalls: window.__hostileAmdCalls.length,
      amd: typeof window.define === "function" && window.define.amd.jQuery === true,
      jquery: window.$ === window.jQuery && window.$.fn.jquery,
      version: window.NewsTimeline.version,
    }));
    expect(state).toEqual({ amdCalls: 0, amd: true, jquery: "1.4.2", version: "0.1.0" });
    // The API works there (select opens the card, filter narrows).
    await page.evaluate(() => document.getElementById("tl").newsTimeline.select("tankers"));
    await expect(page.locator("#tl [role=dialog], #tl .nt-card").first()).toBeAttached();
    await page.evaluate(() => document.getElementById("tl").newsTimeline.setFilter({ tags: ["shipping"] }));
    await expect.poll(() => page.evaluate(() => document.getElementById("tl").newsTimeline.getVisibleEvents())).toEqual(["tankers", "seized"]);
    expect(errors).toEqual([]);
  });
});

/** Clicks an event's label and expects its card and one `select`. */
async function clickOpensCard(page, id) {
  await page.evaluate(() => {
    if (!window.__selects) {
      document.getElementById("tl").addEventListener("newstimeline:select", (e) => window.__selects.push(e.detail.id));
    }
    window.__selects = [];
  });
  await page.locator(`#tl [data-event-id="${id}"]`).click();
  await expect.poll(() => page.evaluate(() => window.__selects)).toEqual([id]);
  await expect(page.locator("#tl .nt-card, #tl [role=dialog]").first()).toBeVisible();
}

test("on a right-to-left page it mounts, runs right to left in its text, and responds to clicks", async ({ page }) => {
  await page.goto("/test/rtl.html");
  await whenMounted(page);
  const direction = await page.evaluate(() => getComputedStyle(document.getElementById("tl").shadowRoot.querySelector(".nt-timeline")).direction);
  expect(direction).toBe("rtl");
  await clickOpensCard(page, "drone");
  const before = await page.evaluate(() => document.getElementById("tl").newsTimeline.getWindow());
  await page.locator("#tl").getByRole("button", { name: /zoom in/i }).click();
  await expect.poll(() => page.evaluate(() => document.getElementById("tl").newsTimeline.getWindow())).not.toEqual(before);
});

// The contract: on right-to-left pages time runs right to left (the
// track is drawn mirrored), and pointer gestures follow what is seen.
test("on a right-to-left page time runs right to left", async ({ page }) => {
  await page.goto("/test/rtl.html");
  await whenMounted(page);
  const x = await page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.getElementById("tl").shadowRoot.querySelectorAll("[data-event-id]"), (el) => [el.dataset.eventId, el.getBoundingClientRect().x]),
    ),
  );
  expect(x.carrier, "the earliest event is right of the latest").toBeGreaterThan(x.talks);
  // Dragging the content to the right brings later events in from the left.
  const windowNow = () => page.evaluate(() => document.getElementById("tl").newsTimeline.getWindow());
  const before = await windowNow();
  const track = await page.locator("#tl .nt-track").boundingBox();
  await page.mouse.move(track.x + 200, track.y + 8);
  await page.mouse.down();
  await page.mouse.move(track.x + 400, track.y + 8, { steps: 5 });
  await page.mouse.up();
  expect(Date.parse((await windowNow()).start)).toBeGreaterThan(Date.parse(before.start));
  // The overview's rectangle is mirrored too: the window's later end is its left edge.
  const strip = await page.locator("#tl .nt-overview").boundingBox();
  const rect = await page.locator("#tl .nt-overview__window").boundingBox();
  expect(rect.x + rect.width / 2).toBeLessThan(strip.x + strip.width / 2);
});

test("inside a parent with transform: scale(0.9) it mounts at the scaled size and responds to clicks", async ({ page }) => {
  await page.goto("/test/transformed.html");
  await whenMounted(page);
  const box = await page.locator("#tl").boundingBox();
  expect(box.width).toBeCloseTo(720, 0);
  expect(box.height).toBeCloseTo(324, 0);
  await clickOpensCard(page, "seized");
  await page.keyboard.press("Escape");
  const before = await page.evaluate(() => document.getElementById("tl").newsTimeline.getWindow());
  await page.locator("#tl").getByRole("button", { name: /zoom in/i }).click();
  await expect.poll(() => page.evaluate(() => document.getElementById("tl").newsTimeline.getWindow())).not.toEqual(before);
  // Back to all events; a click at the scaled position hits the right event.
  await page.evaluate(() => document.getElementById("tl").newsTimeline.fit());
  await clickOpensCard(page, "carrier");
});
