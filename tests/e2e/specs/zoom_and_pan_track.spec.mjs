// Reader input on the track: Ctrl + wheel zooms at the pointer, a plain
// wheel scrolls the page (with a hint) and leaves the window alone, a
// horizontal wheel and a drag pan, keys zoom/pan/fit — and none of it
// reaches a second widget on the page.
import { test, expect, getWindow, mount, call, numberedEvents, frames } from "../fixtures/timeline.mjs";

const span = (w) => Date.parse(w.end) - Date.parse(w.start);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto("/test/tall.html");
  expect(await mount(page, "#tl", numberedEvents("A", 12), { height: 360 })).toEqual({ ok: true });
  expect(await mount(page, "#other", numberedEvents("B", 6), { height: 300 })).toEqual({ ok: true });
  await page.locator("#tl").scrollIntoViewIfNeeded();
  await expect(page.locator("#tl [data-event-id]").first()).toBeVisible();
});

async function trackCenter(page, host = "#tl") {
  const box = await page.locator(`${host} .nt-track`).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

test("Ctrl + wheel zooms in at the pointer, and B does not move", async ({ page }) => {
  const before = await getWindow(page, "#tl");
  const other = await getWindow(page, "#other");
  const { box } = await trackCenter(page);
  const x = box.x + box.width * 0.25;
  await page.mouse.move(x, box.y + box.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect.poll(async () => span(await getWindow(page, "#tl"))).toBeLessThan(span(before));
  const after = await getWindow(page, "#tl");
  // The instant under the pointer stays put (a quarter of the way across).
  const anchorBefore = Date.parse(before.start) + span(before) * 0.25;
  const anchorAfter = Date.parse(after.start) + span(after) * 0.25;
  expect(Math.abs(anchorAfter - anchorBefore)).toBeLessThan(span(before) * 0.02);
  expect(await getWindow(page, "#other")).toEqual(other);
});

test("a plain vertical wheel scrolls the page, shows the hint and keeps the window", async ({ page }) => {
  const before = await getWindow(page, "#tl");
  const { x, y } = await trackCenter(page);
  await page.mouse.move(x, y);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore);
  await expect(page.locator("#tl .nt-hint--visible")).toHaveText("Ctrl + scroll to zoom");
  expect(await getWindow(page, "#tl")).toEqual(before);
});

test("a horizontal wheel pans without changing the span", async ({ page }) => {
  const before = await getWindow(page, "#tl");
  const { x, y } = await trackCenter(page);
  await page.mouse.move(x, y);
  await page.mouse.wheel(200, 0);
  await expect.poll(async () => Date.parse((await getWindow(page, "#tl")).start)).toBeGreaterThan(Date.parse(before.start));
  expect(Math.abs(span(await getWindow(page, "#tl")) - span(before))).toBeLessThan(2);
});

test("dragging the track pans it, and the drag does not open a card", async ({ page }) => {
  const before = await getWindow(page, "#tl");
  const other = await getWindow(page, "#other");
  const { x, y, box } = await trackCenter(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 100, y, { steps: 5 });
  await page.mouse.move(x + box.width / 4, y, { steps: 5 });
  await page.mouse.up();
  const after = await getWindow(page, "#tl");
  // Dragging to the right reveals earlier time by the dragged fraction.
  const expected = Date.parse(before.start) - span(before) * (box.width / 4 / box.width);
  expect(Math.abs(Date.parse(after.start) - expected)).toBeLessThan(span(before) * 0.02);
  expect(await page.locator("#tl .nt-card").count()).toBe(0);
  expect(await getWindow(page, "#other")).toEqual(other);
});

test("keys zoom, pan and fit only the focused widget", async ({ page }) => {
  const fitted = await getWindow(page, "#tl");
  const other = await getWindow(page, "#other");
  await page.locator("#tl [data-event-id] button[tabindex='0']").focus();
  await page.keyboard.press("+");
  const zoomed = await getWindow(page, "#tl");
  expect(span(zoomed)).toBeLessThan(span(fitted));
  await page.keyboard.press("PageDown");
  const panned = await getWindow(page, "#tl");
  expect(Date.parse(panned.start)).toBeGreaterThan(Date.parse(zoomed.start));
  await page.keyboard.press("-");
  expect(span(await getWindow(page, "#tl"))).toBeGreaterThan(span(panned));
  await page.keyboard.press("0");
  expect(await getWindow(page, "#tl")).toEqual(fitted);
  await frames(page, 2);
  expect(await getWindow(page, "#other")).toEqual(other);
});

test("the zoom buttons zoom and Show all fits", async ({ page }) => {
  const fitted = await getWindow(page, "#tl");
  await page.locator("#tl").getByRole("button", { name: "Zoom in" }).click();
  expect(span(await getWindow(page, "#tl"))).toBeLessThan(span(fitted));
  await page.locator("#tl").getByRole("button", { name: "Show all" }).click();
  expect(await getWindow(page, "#tl")).toEqual(fitted);
});

test("arrow keys move between events in time order and the window follows", async ({ page }) => {
  expect(await call(page, "#tl", "setWindow", "2019-01", "2019-02")).toMatchObject({ ok: true });
  await page.locator("#tl [data-event-id] button[tabindex='0']").focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  const focused = () =>
    page.evaluate(() => document.querySelector("#tl").shadowRoot.activeElement?.closest("[data-event-id]")?.textContent);
  await expect.poll(focused).toContain("A 6");
  const window = await getWindow(page, "#tl");
  const june = Date.parse("2019-06-15");
  expect(Date.parse(window.start)).toBeLessThan(june);
  expect(Date.parse(window.end)).toBeGreaterThan(june);
  await page.keyboard.press("Home");
  await expect.poll(focused).toContain("A 1");
});

test("each label's stem stands at its event's instant and a range's bar spans it, after a zoom too", async ({ page }) => {
  const events = [
    { id: "talks", start: "2019-05-01", end: "2019-05-20", title: "Talks" },
    { id: "drone", start: "2019-06-10", title: "Drone over the strait" },
    { id: "again", start: "2019-06-10", title: "Second drone downed" },
    { id: "late", start: "2019-07-02", title: "Tanker seized near the coast" },
    // A year around them, so that zooming in at the middle keeps them.
    { id: "first", start: "2019-01-01", title: "Year opens" },
    { id: "last", start: "2019-12-31", title: "Year ends" },
  ];
  expect(await mount(page, "#tl", events, { height: 360 })).toEqual({ ok: true });
  const check = async () => {
    const window = await getWindow(page, "#tl");
    const { rows, stemCount } = await page.locator("#tl").evaluate((host, window) => {
      const root = host.shadowRoot;
      const track = root.querySelector(".nt-track").getBoundingClientRect();
      const from = Date.parse(window.start), span = Date.parse(window.end) - from;
      // The stems are one path under the rows ("M{x} 1v-{height}" each), in
      // the rows' coordinates: x from the drawing's left edge, which moves
      // with the rows, and y from its top, 1 px above its bottom edge.
      const drawing = root.querySelector(".nt-track__stems").getBoundingClientRect();
      const stems = root
        .querySelector(".nt-track__stem-lines")
        .getAttribute("d")
        .split("M")
        .filter(Boolean)
        .map((s) => {
          const [x, height] = s.split(" 1v-").map(Number);
          return { left: drawing.left + x, top: drawing.bottom - height, bottom: drawing.bottom };
        });
      const rows = [...root.querySelectorAll(".nt-event")].map((li) => {
        const start = Date.parse(li.querySelector("time").getAttribute("datetime"));
        const instant = track.left + ((start - from) / span) * track.width;
        const foot = li.getBoundingClientRect().bottom;
        // The stem that starts at this label's foot.
        const stem = stems.find((s) => Math.abs(s.top - foot) < 1.5 && Math.abs(s.left - instant) < 8);
        const bar = li.querySelector(".nt-event__bar");
        return {
          id: li.dataset.eventId,
          stemOff: stem ? stem.left - instant : null,
          stemToAxis: stem ? stem.bottom - (track.bottom - 36) : null,
          bar: bar && bar.getBoundingClientRect().width,
          barToEnd: bar && stem && bar.getBoundingClientRect().left - stem.left,
        };
      });
      return { rows, stemCount: stems.length };
    }, window);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(["talks", "drone", "again", "late"]));
    expect(stemCount, "a stem per label").toBe(rows.length);
    for (const r of rows) {
      expect(r.stemOff, `${r.id}: a stem from the label's foot`).not.toBeNull();
      expect(Math.abs(r.stemOff), `${r.id}: stem at the instant`).toBeLessThan(1.5);
      expect(Math.abs(r.stemToAxis), `${r.id}: stem reaches the axis`).toBeLessThan(1.5);
    }
    const talks = rows.find((r) => r.id === "talks");
    const days = (Date.parse(window.end) - Date.parse(window.start)) / 86_400_000;
    const trackWidth = (await page.locator("#tl .nt-track").boundingBox()).width;
    // "2019-05-20" ends with that day: 20 days.
    expect(Math.abs(talks.bar - (20 / days) * trackWidth)).toBeLessThan(1.5);
    expect(Math.abs(talks.barToEnd)).toBeLessThan(1.5);
    expect(rows.filter((r) => r.bar !== null).map((r) => r.id)).toEqual(["talks"]);
  };
  await check();
  const before = span(await getWindow(page, "#tl"));
  await page.locator("#tl .nt-track").focus();
  await page.keyboard.press("+");
  await expect.poll(async () => span(await getWindow(page, "#tl"))).toBeLessThan(before * 0.8);
  await frames(page, 2);
  await check();
});
