// Labels a reader can read: a title that fits its box is never cut (the
// layout measures each title with the font it is drawn in), a title too
// long for any box is cut at the box's edge and shows whole on hover and
// focus, and no "+N" badge covers an axis tick's label.
import { test, expect, mount } from "../fixtures/timeline.mjs";

/** For every labelled event in `host`: its title, whether its text is
 * cut (drawn wider than its box), and its button's tooltip. */
async function labels(page, host = "#tl") {
  return page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    return [...root.querySelectorAll("[data-event-id]")].map((row) => {
      const title = row.querySelector(".nt-event__title");
      return {
        text: title.textContent,
        cut: title.scrollWidth > title.clientWidth,
        tooltip: row.querySelector("button").getAttribute("title"),
      };
    });
  }, host);
}

/** `n` events a day apart in 2019, titled by `title(i)`. */
function events(n, title) {
  return Array.from({ length: n }, (_, i) => ({
    start: new Date(Date.UTC(2019, 0, 1 + i * 3)).toISOString().slice(0, 10),
    title: title(i),
  }));
}

for (const width of [375, 1280]) {
  test(`at ${width} px no short title is cut`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/test/single.html");
    expect(await mount(page, "#tl", events(100, (i) => `Event ${i}`), { height: 500 })).toEqual({ ok: true });
    await expect(page.locator("#tl [data-event-id]").first()).toBeVisible();
    const shown = await labels(page);
    expect(shown.length, "some events get a label").toBeGreaterThan(3);
    expect(shown.filter((l) => l.cut), "cut labels").toEqual([]);
    expect(shown.every((l) => l.tooltip === null), "no tooltip where nothing is cut").toBe(true);
  });

  test(`at ${width} px a long title is cut at its box, says all in its tooltip and shows whole when focused`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/test/single.html");
    const long = "Iran says it has arrested 17 suspected spies working for the CIA and that some have been sentenced to death";
    const data = events(6, (i) => (i === 2 ? long : `Short ${i}`));
    expect(await mount(page, "#tl", data, { height: 500 })).toEqual({ ok: true });
    const row = page.locator('#tl [data-event-id]').filter({ hasText: "Iran says" });
    await expect(row).toBeVisible();
    const all = await labels(page);
    const cut = all.filter((l) => l.cut);
    expect(cut.map((l) => l.text)).toEqual([long]);
    expect(cut[0].tooltip).toBe(long);
    const whole = () => row.locator(".nt-event__title").evaluate((t) => t.scrollWidth <= t.clientWidth + 1);
    expect(await whole()).toBe(false);
    // Pointed at, the whole title is drawn.
    await row.hover();
    await expect.poll(whole).toBe(true);
    // And focused from the keyboard (arrows move the focus to it).
    await page.mouse.move(0, 0);
    await expect.poll(whole).toBe(false);
    await row.locator("button").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(whole).toBe(true);
  });
}

test("no cluster badge covers an axis tick's label", async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto("/test/single.html");
  // Crowded days: many more events than labels, so badges appear.
  const data = Array.from({ length: 400 }, (_, i) => ({
    start: new Date(Date.UTC(2019, 4, 1) + i * 3 * 3600e3).toISOString(),
    title: `Crowded ${i}`,
  }));
  expect(await mount(page, "#tl", data, { height: 300 })).toEqual({ ok: true });
  await expect(page.locator("#tl .nt-cluster").first()).toBeVisible();
  const overlaps = await page.evaluate(() => {
    const root = document.querySelector("#tl").shadowRoot;
    const boxes = (s) => [...root.querySelectorAll(s)].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    const badges = boxes(".nt-cluster");
    const ticks = boxes(".nt-axis__label");
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return { badges: badges.length, ticks: ticks.length, overlaps: badges.filter((b) => ticks.some((t) => hit(b, t))).length };
  });
  expect(overlaps.badges).toBeGreaterThan(0);
  expect(overlaps.ticks).toBeGreaterThan(0);
  expect(overlaps.overlaps).toBe(0);
});

/** The demo article's events (its first words): on a narrow track the
 * labels of the later ones are pulled back from their instants to fit. */
const WAR_FOOTING = [
  ["2019-05-05", "USS Abraham Lincoln carrier strike group is deployed"],
  ["2019-05-08", "Iran vows to enrich its uranium stockpile"],
  ["2019-05-10", "The US says it will move a Patriot missile battery"],
  ["2019-05-12", "The UAE says four commercial ships were sabotaged"],
  ["2019-05-24", "President Trump says the US will bolster its presence"],
  ["2019-06-13", "Two oil tankers are attacked in the Gulf of Oman"],
  ["2019-06-18", "US sends more than 1,000 additional troops"],
  ["2019-06-20", "Iran shoots down American 'spy' drone"],
  ["2019-06-24", "Trump imposes additional sanctions on Iranian leaders"],
  ["2019-07-03", "Iran confirmed its threat to increase uranium enrichment"],
  ["2019-07-19", "Trump said a US warship had destroyed an Iranian drone"],
  ["2019-07-19", "Iran seized a UK-flagged oil tanker"],
  ["2019-07-20", "The Pentagon said US troops are being deployed to Saudi Arabia"],
  ["2019-07-22", "Iran says it has arrested 17 spies"],
].map(([start, title], i) => ({ id: `e${i}`, start, title }));

/** For every labelled event: where its stem and its label's accent are,
 * in px across the page (`left`, `right`), whether its label is pulled
 * back from its instant (its stem inside the box), and its accent's
 * colour. The stems are one path per lane ("M{x} 1v-{height}" each, x
 * from the drawing's left edge, mirrored with it right to left); the
 * accent is the title's start border, or its ::before where the label is
 * pulled back. */
async function accentsAndStems(page, host = "#tl") {
  return page.locator(host).evaluate((host) => {
    const root = host.shadowRoot;
    const rtl = root.querySelector(".nt-track").classList.contains("nt-track--rtl");
    const px = (v) => parseFloat(v) || 0;
    return [...root.querySelectorAll(".nt-lane")].flatMap((lane) => {
      const drawing = lane.querySelector(".nt-track__stems").getBoundingClientRect();
      const stems = lane
        .querySelector(".nt-track__stem-lines")
        .getAttribute("d")
        .split("M")
        .filter(Boolean)
        .map((s) => {
          const [x, height] = s.split(" 1v-").map(Number);
          // A 1 px line on the column [x, x + 1].
          const left = rtl ? drawing.right - x - 1 : drawing.left + x;
          return { left, right: left + 1, top: drawing.bottom - height };
        });
      return [...lane.querySelectorAll(".nt-event")].map((li) => {
        const box = li.getBoundingClientRect();
        const foot = box.bottom;
        const found = stems.filter((s) => Math.abs(s.top - foot) < 1.5 && s.left > box.left - 1.5 && s.right < box.right + 1.5);
        const title = li.querySelector(".nt-event__title");
        const t = title.getBoundingClientRect();
        const style = getComputedStyle(title);
        const mark = getComputedStyle(title, "::before");
        const start = rtl ? "Right" : "Left";
        let accent;
        if (mark.content !== "none" && mark.content !== "normal") {
          const left = t.left + px(style.borderLeftWidth) + px(mark.left);
          const borders = mark.boxSizing === "border-box" ? 0 : px(mark.borderLeftWidth) + px(mark.borderRightWidth);
          const width = px(mark.width) + borders;
          const color = px(mark.borderLeftWidth) ? mark.borderLeftColor : mark.borderRightColor;
          accent = { left, right: left + width, color, by: "::before" };
        } else {
          const width = px(style[`border${start}Width`]);
          const left = rtl ? t.right - width : t.left;
          accent = { left, right: left + width, color: style[`border${start}Color`], by: "border" };
        }
        return {
          id: li.dataset.eventId,
          stems: found.length,
          stem: found[0] ?? null,
          accent,
          startBorder: px(style[`border${start}Width`]),
          pulled: found.length > 0 && (rtl ? found[0].right < t.right - 1.5 : found[0].left > t.left + 1.5),
        };
      });
    });
  });
}

for (const dir of ["ltr", "rtl"]) {
  test(`at 375 px (${dir}) each label's accent stands on its stem, where a label is pulled back from the track's end too`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/test/single.html");
    await page.evaluate((dir) => (document.documentElement.dir = dir), dir);
    expect(await mount(page, "#tl", { title: "War footing", events: WAR_FOOTING }, { height: 540 })).toEqual({ ok: true });
    await expect(page.locator("#tl .nt-track")).toHaveClass(dir === "rtl" ? /nt-track--rtl/ : /^(?!.*nt-track--rtl)/);
    await expect(page.locator("#tl [data-event-id]").first()).toBeVisible();
    const check = async (what) => {
      const rows = await accentsAndStems(page);
      expect(rows.length, `${what}: labels`).toBeGreaterThan(8);
      // The later events' labels are pulled back (the bug's setting).
      expect(rows.filter((r) => r.pulled).length, `${what}: labels pulled back`).toBeGreaterThanOrEqual(3);
      const color = rows.find((r) => !r.pulled).accent.color;
      for (const r of rows) {
        expect(r.stems, `${what}: ${r.id} has one stem from its foot`).toBe(1);
        // The accent's side toward the label's start (left, or right to
        // left its right) is the stem's.
        const off = dir === "rtl" ? r.accent.right - r.stem.right : r.accent.left - r.stem.left;
        expect(Math.abs(off), `${what}: ${r.id}'s accent (${r.accent.by}) on its stem`).toBeLessThanOrEqual(2);
        expect(r.accent.right - r.accent.left, `${what}: ${r.id}'s accent is 3 px wide`).toBeCloseTo(3, 0);
        expect(r.accent.color, `${what}: ${r.id}'s accent colour`).toBe(color);
        // A pulled-back label has no accent at its start too.
        if (r.pulled) expect(r.startBorder, `${what}: ${r.id} has no accent at its start`).toBe(0);
      }
      expect(color).not.toBe("rgba(0, 0, 0, 0)");
      return rows;
    };
    const rows = await check("as loaded");
    // Shown whole while pointed at, a pulled-back label keeps its accent
    // on its stem (its box grows from its start, toward later).
    const pulled = rows.filter((r) => r.pulled).at(-1);
    const title = page.locator(`#tl [data-event-id='${pulled.id}'] .nt-event__title`);
    const width = (await title.boundingBox()).width;
    await page.locator(`#tl [data-event-id='${pulled.id}'] button`).hover();
    await expect.poll(async () => (await title.boundingBox()).width).toBeGreaterThan(width + 10);
    const hovered = (await accentsAndStems(page)).find((r) => r.id === pulled.id);
    const off = dir === "rtl" ? hovered.accent.right - hovered.stem.right : hovered.accent.left - hovered.stem.left;
    expect(Math.abs(off), `pointed at, ${pulled.id}'s accent on its stem`).toBeLessThanOrEqual(2);
  });
}
