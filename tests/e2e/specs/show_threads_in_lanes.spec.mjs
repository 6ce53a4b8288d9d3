// Lanes, colours and eras: a story's threads read side by side. Each group
// of the document is a lane (in the `groups` order, then "Other"), named
// at its start edge while the reader pans; screen readers hear each event's
// lane and place in it; Up/Down move between lanes; a filter that empties
// a lane collapses it. Group and tag colours mark lanes, labels and chips,
// adjusted (with a warning) where their contrast is too low, overridden by
// the page's `--nt-color-<slug>`; overlapping eras get bands of their own;
// bad groups, colours, eras and `lanes` values are warnings at their paths.
import { test, expect, mount, call, frames, eventIds, axeViolations } from "../fixtures/timeline.mjs";

/** A threads-like story (after www/examples/threads.json): four listed
 * groups whose colours pass 3:1 on both themes, events in no group (the
 * "Other" lane), tag colours and three overlapping eras. The first event
 * is a diplomacy one: the lanes follow `groups`, not the events' order. */
const THREADS = {
  title: "Threads of a story",
  groups: [
    { id: "military", label: "Military", color: "#d32f2f" },
    { id: "shipping", label: "Shipping", color: "#e65100" },
    { id: "nuclear", label: "Nuclear deal", color: "#2e7d32" },
    { id: "diplomacy", label: "Diplomacy", color: "#1e88e5" },
  ],
  colors: { escalation: "crimson", talks: "teal" },
  eras: [
    { start: "2019-05-02", end: "2019-09-20", title: "Maximum pressure" },
    { start: "2019-05-12", end: "2019-09-27", title: "Tanker war", color: "#e65100" },
    { start: "2019-07-01", end: "2019-09-07", title: "Steps away from the deal", color: "#2e7d32" },
  ],
  events: [
    { id: "talks-open", start: "2019-05-01", title: "Envoys meet in Oman", group: "diplomacy", tags: ["talks"] },
    { id: "carrier", start: "2019-05-05", title: "Carrier group sent", group: "military", tags: ["escalation"] },
    { id: "limits", start: "2019-05-08", title: "Iran drops some limits", group: "nuclear", tags: ["escalation"] },
    { id: "fujairah", start: "2019-05-12", title: "Ships sabotaged", group: "shipping" },
    { id: "troops", start: "2019-05-24", title: "More US troops", group: "military" },
    { id: "oil", start: "2019-06-03", title: "Oil prices jump" },
    { id: "abe", start: "2019-06-12", end: "2019-06-14", title: "Abe in Tehran", group: "diplomacy", tags: ["talks"] },
    { id: "tankers", start: "2019-06-13", title: "Tankers attacked", group: "shipping", tags: ["escalation"] },
    { id: "drone", start: "2019-06-20", title: "Drone shot down", group: "military", tags: ["escalation"] },
    { id: "stockpile", start: "2019-07-01", title: "Stockpile limit passed", group: "nuclear" },
    { id: "stena", start: "2019-07-19", end: "2019-08-20", title: "Stena Impero seized", group: "shipping" },
    { id: "biarritz", start: "2019-08-25", title: "Minister at the G7", group: "diplomacy", tags: ["talks"] },
    { id: "centrifuges", start: "2019-09-07", title: "Centrifuges started", group: "nuclear" },
    { id: "abqaiq", start: "2019-09-14", title: "Oil plants hit", group: "military", tags: ["escalation"] },
    { id: "markets", start: "2019-09-16", title: "Markets shaken" },
  ],
};

/** The lanes expected: the listed groups in order, then "Other" (""). */
const LANES = [
  { id: "military", name: "Military" },
  { id: "shipping", name: "Shipping" },
  { id: "nuclear", name: "Nuclear deal" },
  { id: "diplomacy", name: "Diplomacy" },
  { id: "", name: "Other" },
];

/** Each event's lane (its group, "" for none). */
const LANE_OF = Object.fromEntries(THREADS.events.map((e) => [e.id, e.group ?? ""]));

/** The ids of a lane's events, in time order (the data is in time order). */
const idsIn = (lane) => THREADS.events.filter((e) => (e.group ?? "") === lane).map((e) => e.id);

const HOST = "#tl";

/** One widget with lanes by group, 560 px high, on a wide page. */
async function mountThreads(page, data = THREADS, options = {}, { url = "/test/single.html", host = HOST } = {}) {
  await page.setViewportSize({ width: 1280, height: 800 });
  if (page.url() === "about:blank") await page.goto(url);
  const result = await mount(page, host, data, { height: 560, lanes: "group", ...options });
  expect(result).toEqual({ ok: true });
  await frames(page);
}

/** The problems `getProblems()` reports for the widget in `host`. */
async function problems(page, host = HOST) {
  const result = await call(page, host, "getProblems");
  expect(result).toMatchObject({ ok: true });
  return result.value;
}

/** `data-lane` of every lane element of `host`, in DOM (top-down) order. */
async function laneIds(page, host = HOST) {
  return page.locator(`${host} .nt-lane[data-lane]`).evaluateAll((els) => els.map((el) => el.dataset.lane));
}

/** "rgb(r, g, b)" of a `#rrggbb` colour, as computed styles write it. */
function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Computed `property` of the element `selector` in `host`'s shadow root (or of its `pseudo`). */
async function computed(page, host, selector, property, pseudo = null) {
  return page.evaluate(
    ({ host, selector, property, pseudo }) => {
      const el = document.querySelector(host).shadowRoot.querySelector(selector);
      return el === null ? null : getComputedStyle(el, pseudo).getPropertyValue(property);
    },
    { host, selector, property, pseudo },
  );
}

test.describe("lanes", () => {
  test("one lane per group in the groups' order, then Other, each named, holding its events", async ({ page }) => {
    await mountThreads(page);
    expect(await problems(page)).toEqual([]);
    await expect.poll(() => laneIds(page)).toEqual(LANES.map((l) => l.id));
    for (const { id, name } of LANES) {
      const lane = page.locator(`${HOST} .nt-lane[data-lane='${id}']`);
      await expect(lane.locator(".nt-lane__name")).toHaveText(name);
      await expect(lane.locator(".nt-lane__name")).toBeVisible();
      // Its events are an ordered list named after it.
      await expect(lane.locator("ol.nt-track__events")).toHaveAttribute("aria-label", name);
    }
    // The lanes stack top-down in that order, none over another.
    const spans = await page
      .locator(`${HOST} .nt-lane[data-lane]`)
      .evaluateAll((els) => els.map((el) => [el.getBoundingClientRect().top, el.getBoundingClientRect().bottom]));
    for (let i = 1; i < spans.length; i++) expect(spans[i][0], `lane ${i} under lane ${i - 1}`).toBeGreaterThanOrEqual(spans[i - 1][1] - 0.5);
    // Every labelled event is inside its own lane's element.
    // (On a 1280 px page each lane has room to label all its events.)
    await expect.poll(async () => (await eventIds(page, HOST)).length).toBe(THREADS.events.length);
    const placed = await page.locator(`${HOST} [data-event-id]`).evaluateAll((els) =>
      els.map((el) => [el.dataset.eventId, el.closest(".nt-lane")?.dataset.lane ?? null]),
    );
    for (const [id, lane] of placed) expect(lane, `the lane holding ${id}`).toBe(LANE_OF[id]);
    // Each lane lists its events in time order.
    for (const { id } of LANES) {
      expect(await eventIds(page, `${HOST} .nt-lane[data-lane='${id}']`), `events of lane "${id}"`).toEqual(idsIn(id));
    }
  });

  test("the lanes' names stay in view when the reader pans", async ({ page }) => {
    await mountThreads(page);
    await expect.poll(() => laneIds(page)).toEqual(LANES.map((l) => l.id));
    const boxes = async () =>
      page.evaluate((host) => {
        const root = document.querySelector(host).shadowRoot;
        const track = root.querySelector(".nt-track").getBoundingClientRect();
        const names = [...root.querySelectorAll(".nt-lane__name")].map((n) => {
          const b = n.getBoundingClientRect();
          return { text: n.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width };
        });
        return { track: { left: track.left, right: track.right, top: track.top, bottom: track.bottom }, names };
      }, HOST);
    const inside = ({ track, names }) =>
      names.map((n) => ({
        text: n.text,
        inside: n.width > 0 && n.left >= track.left - 0.5 && n.right <= track.right + 0.5 && n.top >= track.top - 0.5 && n.bottom <= track.bottom + 0.5,
      }));
    const all = LANES.map((l) => ({ text: l.name, inside: true }));
    expect(inside(await boxes())).toEqual(all);
    // Pan to the story's end: September only.
    expect(await call(page, HOST, "setWindow", "2019-09-01", "2019-09-30")).toMatchObject({ ok: true });
    await frames(page);
    await expect.poll(async () => (await eventIds(page, HOST)).includes("abqaiq")).toBe(true);
    expect(inside(await boxes())).toEqual(all);
    // And far past it, where no event is in view.
    expect(await call(page, HOST, "setWindow", "2020-03-01", "2020-04-30")).toMatchObject({ ok: true });
    await frames(page);
    expect(inside(await boxes())).toEqual(all);
  });

  test("screen readers hear each event's lane and its place in it", async ({ page }) => {
    await mountThreads(page);
    const military = idsIn("military");
    const n = military.length;
    // The first military event, and the last, by their place in the lane.
    const first = page.locator(`${HOST} [data-event-id='${military[0]}'] button`);
    await expect(first.locator(".nt-event__lane")).toHaveText(`Military, 1 of ${n}`);
    await expect(first).toContainText(`Military, 1 of ${n}`);
    await expect(page.locator(`${HOST} [data-event-id='${military[0]}']`)).toHaveAttribute("aria-posinset", "1");
    await expect(page.locator(`${HOST} [data-event-id='${military[0]}']`)).toHaveAttribute("aria-setsize", String(n));
    const last = page.locator(`${HOST} [data-event-id='${military[n - 1]}'] button`);
    await expect(last.locator(".nt-event__lane")).toHaveText(`Military, ${n} of ${n}`);
    // An event in no group is in "Other".
    const other = idsIn("");
    await expect(page.locator(`${HOST} [data-event-id='${other[0]}'] .nt-event__lane`)).toHaveText(`Other, 1 of ${other.length}`);
    // The button's accessible name carries title, date and lane.
    const name = await first.evaluate((b) => b.textContent.replace(/\s+/g, " ").trim());
    expect(name).toContain("Carrier group sent");
    expect(name).toContain(`Military, 1 of ${n}`);
  });

  test("Up and Down move to the nearest event in the lane above and below", async ({ page }) => {
    await mountThreads(page);
    const focused = () =>
      page.evaluate((host) => {
        const active = document.querySelector(host).shadowRoot.activeElement;
        const row = active?.closest("[data-event-id]");
        return row ? { id: row.dataset.eventId, lane: row.closest(".nt-lane")?.dataset.lane ?? null } : null;
      }, HOST);
    await page.locator(`${HOST} [data-event-id='carrier'] button`).focus();
    await expect.poll(focused).toEqual({ id: "carrier", lane: "military" });
    // Down: Shipping, the event nearest 5 May there (12 May).
    await page.keyboard.press("ArrowDown");
    await expect.poll(focused).toEqual({ id: "fujairah", lane: "shipping" });
    // Down again: Nuclear deal, nearest 12 May (8 May).
    await page.keyboard.press("ArrowDown");
    await expect.poll(focused).toEqual({ id: "limits", lane: "nuclear" });
    // Up: back to Shipping, nearest 8 May.
    await page.keyboard.press("ArrowUp");
    await expect.poll(focused).toEqual({ id: "fujairah", lane: "shipping" });
    // Up: Military, nearest 12 May (5 May, 7 days, over 24 May).
    await page.keyboard.press("ArrowUp");
    await expect.poll(focused).toEqual({ id: "carrier", lane: "military" });
    // Up from the first lane stays there.
    await page.keyboard.press("ArrowUp");
    await expect.poll(focused).toEqual({ id: "carrier", lane: "military" });
  });

  test("Up and Down skip the lanes a filter has collapsed", async ({ page }) => {
    await mountThreads(page);
    // From September on: Military, Nuclear deal and Other are left.
    expect(await call(page, HOST, "setFilter", { from: "2019-09-01" })).toMatchObject({ ok: true });
    await expect.poll(() => laneIds(page)).toEqual(["military", "nuclear", ""]);
    const focused = () =>
      page.evaluate((host) => {
        const row = document.querySelector(host).shadowRoot.activeElement?.closest("[data-event-id]");
        return row ? { id: row.dataset.eventId, lane: row.closest(".nt-lane")?.dataset.lane ?? null } : null;
      }, HOST);
    await page.locator(`${HOST} [data-event-id='abqaiq'] button`).focus();
    await expect.poll(focused).toEqual({ id: "abqaiq", lane: "military" });
    await page.keyboard.press("ArrowDown");
    await expect.poll(focused).toEqual({ id: "centrifuges", lane: "nuclear" });
    await page.keyboard.press("ArrowDown");
    await expect.poll(focused).toEqual({ id: "markets", lane: "" });
    // Down from the last lane stays there.
    await page.keyboard.press("ArrowDown");
    await expect.poll(focused).toEqual({ id: "markets", lane: "" });
    await page.keyboard.press("ArrowUp");
    await expect.poll(focused).toEqual({ id: "centrifuges", lane: "nuclear" });
  });

  // A group first named by added events gets its lane after the listed
  // groups, before "Other", as setEvents or reload with the same data
  // would give; an event moved to it goes with it.
  test("events added with a group the data did not have get that group's lane", async ({ page }) => {
    await mountThreads(page);
    const added = await call(page, HOST, "addEvents", [
      { id: "cyber-1", start: "2019-06-05", title: "Cyber attack reported", group: "cyber" },
      { id: "troops", start: "2019-05-24", title: "More US troops", group: "cyber" },
    ]);
    expect(added).toEqual({ ok: true, value: { added: ["cyber-1"], updated: ["troops"] } });
    expect((await call(page, HOST, "getVisibleEvents")).value).toContain("cyber-1");
    await expect.poll(() => laneIds(page)).toEqual(["military", "shipping", "nuclear", "diplomacy", "cyber", ""]);
    expect(await call(page, HOST, "setWindow", "2019-05-20", "2019-06-10")).toMatchObject({ ok: true });
    await expect.poll(() => eventIds(page, `${HOST} .nt-lane[data-lane='cyber']`)).toEqual(["troops", "cyber-1"]);
    await expect(page.locator(`${HOST} [data-event-id='cyber-1'] .nt-event__lane`)).toHaveText("cyber, 2 of 2");
  });

  test("a lane collapses while the filter hides all its events, and comes back", async ({ page }) => {
    await mountThreads(page);
    await expect.poll(() => laneIds(page)).toEqual(LANES.map((l) => l.id));
    // "escalation" is carried by military, shipping and nuclear events only.
    expect(await call(page, HOST, "setFilter", { tags: ["escalation"] })).toMatchObject({ ok: true });
    await expect.poll(() => laneIds(page)).toEqual(["military", "shipping", "nuclear"]);
    await expect(page.locator(`${HOST} .nt-lane[data-lane='diplomacy']`)).toHaveCount(0);
    await expect(page.locator(`${HOST} .nt-lane[data-lane='']`)).toHaveCount(0);
    await expect(page.locator(`${HOST} .nt-lane__name`)).toHaveText(["Military", "Shipping", "Nuclear deal"]);
    // Shown events count per lane: the place is among the lane's shown events.
    await expect(page.locator(`${HOST} [data-event-id='tankers'] .nt-event__lane`)).toHaveText("Shipping, 1 of 1");
    // A search that only an event in no group matches: only "Other" is left.
    expect(await call(page, HOST, "setFilter", { query: "markets" })).toMatchObject({ ok: true });
    await expect.poll(() => laneIds(page)).toEqual([""]);
    // Cleared: every lane is back.
    expect(await call(page, HOST, "setFilter", {})).toMatchObject({ ok: true });
    await expect.poll(() => laneIds(page)).toEqual(LANES.map((l) => l.id));
    await expect(page.locator(`${HOST} .nt-lane__name`)).toHaveText(LANES.map((l) => l.name));
  });
});

test.describe("colours", () => {
  test("a group's colour marks its lane's name, its events' labels and stems; a tag's marks its chip", async ({ page }) => {
    await mountThreads(page, THREADS, { theme: "light" });
    expect(await problems(page)).toEqual([]);
    await expect(page.locator(`${HOST} [data-event-id='carrier']`)).toHaveCount(1);
    for (const group of THREADS.groups) {
      const lane = `.nt-lane[data-lane='${group.id}']`;
      await expect(page.locator(`${HOST} ${lane}`)).toHaveClass(/nt-lane--colored/);
      // The legend dot before the lane's name.
      expect(await computed(page, HOST, `${lane} .nt-lane__name`, "background-color", "::before"), group.id).toBe(rgb(group.color));
      // Its events' labels.
      const first = idsIn(group.id)[0];
      expect(await computed(page, HOST, `[data-event-id='${first}'] .nt-event__title`, "border-left-color"), first).toBe(rgb(group.color));
      // Its stems' dots.
      expect(await computed(page, HOST, `${lane} .nt-track__stem-dots`, "stroke"), group.id).toBe(rgb(group.color));
    }
    // "Other" has no colour: no dot, and its labels use the accent.
    await expect(page.locator(`${HOST} .nt-lane[data-lane='']`)).not.toHaveClass(/nt-lane--colored/);
    // The tags' colours on their chips (the chips are their legend).
    const chip = (tag) => `.nt-chip[data-tag='${tag}']`;
    await expect(page.locator(`${HOST} ${chip("escalation")}`)).toHaveClass(/nt-chip--colored/);
    expect(await computed(page, HOST, chip("escalation"), "background-color", "::before")).toBe("rgb(220, 20, 60)"); // crimson
    expect(await computed(page, HOST, chip("talks"), "background-color", "::before")).toBe("rgb(0, 128, 128)"); // teal
  });

  test("a colour with too little contrast is adjusted, with a warning at its path", async ({ page }) => {
    const data = structuredClone(THREADS);
    data.groups[1].color = "#ffeb3b"; // yellow: about 1.2:1 on white
    await mountThreads(page, data, { theme: "light" });
    const found = await problems(page);
    expect(found.map((p) => p.path)).toEqual(["groups[1].color"]);
    const message = found[0].message;
    const match = message.match(
      /^"#ffeb3b" has too little contrast \(3:1 is needed\): (\d\.\d):1 against the light background \(darkened to (#[0-9a-f]{6}) there\)$/,
    );
    expect(match, message).not.toBeNull();
    expect(Number(match[1])).toBeLessThan(3);
    const used = match[2];
    expect(used).not.toBe("#ffeb3b");
    // The darkened colour is what the light theme draws.
    const lane = ".nt-lane[data-lane='shipping']";
    await expect(page.locator(`${HOST} ${lane}`)).toHaveCount(1);
    expect(await computed(page, HOST, `${lane} .nt-lane__name`, "background-color", "::before")).toBe(rgb(used));
    expect(await computed(page, HOST, `[data-event-id='fujairah'] .nt-event__title`, "border-left-color")).toBe(rgb(used));
  });

  test("yellow stays as written on the dark theme, where it has contrast enough", async ({ page }) => {
    const data = structuredClone(THREADS);
    data.groups[1].color = "#ffeb3b";
    await mountThreads(page, data, { theme: "dark" });
    await expect(page.locator(`${HOST} .nt-timeline`)).toHaveClass(/nt-timeline--dark/);
    // The warning names only the light background.
    const [problem] = await problems(page);
    expect(problem.path).toBe("groups[1].color");
    expect(problem.message).not.toContain("dark background");
    const lane = ".nt-lane[data-lane='shipping']";
    await expect(page.locator(`${HOST} ${lane}`)).toHaveCount(1);
    expect(await computed(page, HOST, `${lane} .nt-lane__name`, "background-color", "::before")).toBe(rgb("#ffeb3b"));
  });

  test("a colour that is no colour is a warning, and the default colour is used", async ({ page }) => {
    const data = structuredClone(THREADS);
    data.groups[2].color = "blurple";
    await mountThreads(page, data, { theme: "light" });
    expect(await problems(page)).toEqual([
      { path: "groups[2].color", message: 'expected a CSS colour such as "#b22222", but found "blurple" (the default colour is used)' },
    ]);
    const lane = page.locator(`${HOST} .nt-lane[data-lane='nuclear']`);
    await expect(lane).toHaveCount(1);
    await expect(lane).not.toHaveClass(/nt-lane--colored/);
    await expect(lane.locator(".nt-lane__name")).toHaveText("Nuclear deal");
    // Its labels are drawn in the accent, as those of "Other" (no colour)...
    const nuclear = await computed(page, HOST, "[data-event-id='stockpile'] .nt-event__title", "border-left-color");
    const other = await computed(page, HOST, "[data-event-id='oil'] .nt-event__title", "border-left-color");
    expect(nuclear).toBe(other);
    expect(nuclear).not.toBe("rgba(0, 0, 0, 0)");
    expect(nuclear).not.toBe(rgb("#2e7d32"));
    // ...except where a tag of the event has a colour: "limits" is an
    // "escalation" (crimson).
    expect(await computed(page, HOST, "[data-event-id='limits'] .nt-event__title", "border-left-color")).toBe("rgb(220, 20, 60)");
    // The other groups keep theirs.
    expect(await computed(page, HOST, "[data-event-id='carrier'] .nt-event__title", "border-left-color")).toBe(rgb("#d32f2f"));
  });

  test("the page's --nt-color-<slug> overrides a group's colour in both themes, as written", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/test/two.html");
    // Page CSS (a constructed sheet: the page's CSP allows no inline style).
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync("#a, #b { --nt-color-military: #ffeb3b; --nt-color-escalation: rgb(1, 2, 3); }");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    await mountThreads(page, THREADS, { theme: "light" }, { host: "#a" });
    await mountThreads(page, THREADS, { theme: "dark" }, { host: "#b" });
    for (const host of ["#a", "#b"]) {
      await expect(page.locator(`${host} .nt-lane[data-lane='military']`)).toHaveCount(1);
      // No contrast check for the page's colour: yellow as written.
      expect(await computed(page, host, ".nt-lane[data-lane='military'] .nt-lane__name", "background-color", "::before"), host).toBe(
        rgb("#ffeb3b"),
      );
      expect(await computed(page, host, "[data-event-id='carrier'] .nt-event__title", "border-left-color"), host).toBe(rgb("#ffeb3b"));
      // A tag's colour too.
      expect(await computed(page, host, ".nt-chip[data-tag='escalation']", "background-color", "::before"), host).toBe("rgb(1, 2, 3)");
      // The groups the page leaves alone keep the data's colour.
      expect(await computed(page, host, ".nt-lane[data-lane='shipping'] .nt-lane__name", "background-color", "::before"), host).toBe(
        rgb("#e65100"),
      );
      expect(await problems(page, host)).toEqual([]);
    }
  });

  test("the slug of a group with spaces and capitals is lowercase with dashes", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/test/single.html");
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync("#tl { --nt-color-middle-east: rgb(10, 20, 30); }");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const data = {
      groups: [
        { id: "Middle East", color: "#d32f2f" },
        { id: "Europe", color: "#1e88e5" },
      ],
      events: [
        { id: "a", start: "2019-05-01", title: "Talks in Doha", group: "Middle East" },
        { id: "b", start: "2019-06-01", title: "Summit in Brussels", group: "Europe" },
      ],
    };
    await mountThreads(page, data, { theme: "light" });
    const lane = ".nt-lane[data-lane='Middle East']";
    await expect(page.locator(`${HOST} ${lane} .nt-lane__name`)).toHaveText("Middle East");
    expect(await computed(page, HOST, `${lane} .nt-lane__name`, "background-color", "::before")).toBe("rgb(10, 20, 30)");
    expect(await computed(page, HOST, ".nt-lane[data-lane='Europe'] .nt-lane__name", "background-color", "::before")).toBe(rgb("#1e88e5"));
  });
});

test.describe("eras", () => {
  test("overlapping eras are drawn in bands of their own, labelled with their titles", async ({ page }) => {
    await mountThreads(page);
    const eras = page.locator(`${HOST} .nt-era`);
    await expect(eras).toHaveCount(3);
    await expect(page.locator(`${HOST} .nt-era__label`)).toHaveText(["Maximum pressure", "Tanker war", "Steps away from the deal"]);
    const bands = await eras.evaluateAll((els) =>
      els.map((el) => {
        const b = el.getBoundingClientRect();
        return { era: el.dataset.era, label: el.textContent, top: Math.round(b.top), bottom: Math.round(b.bottom), left: b.left, right: b.right };
      }),
    );
    expect(bands.map((b) => b.era)).toEqual(["0", "1", "2"]);
    // All three overlap in time, so each has a band (a vertical place) of its own.
    const tops = bands.map((b) => b.top);
    expect(new Set(tops).size).toBe(3);
    for (let i = 0; i < bands.length; i++) {
      for (let j = i + 1; j < bands.length; j++) {
        const [a, b] = [bands[i], bands[j]];
        expect(a.left < b.right && b.left < a.right, `${a.label} and ${b.label} overlap in time`).toBe(true);
        expect(a.bottom <= b.top || b.bottom <= a.top, `${a.label} and ${b.label} in separate bands`).toBe(true);
      }
    }
    // An era with a colour is tinted and edged with it.
    await expect(eras.nth(1)).toHaveClass(/nt-era--colored/);
    expect(await computed(page, HOST, ".nt-era[data-era='1']", "border-left-color")).toBe(rgb("#e65100"));
    await expect(eras.nth(0)).not.toHaveClass(/nt-era--colored/);
  });

  test("eras that do not overlap share one band", async ({ page }) => {
    const data = {
      ...THREADS,
      eras: [
        { start: "2019-05-01", end: "2019-06-15", title: "Spring" },
        { start: "2019-07-01", end: "2019-09-30", title: "Summer" },
      ],
    };
    await mountThreads(page, data);
    const eras = page.locator(`${HOST} .nt-era`);
    await expect(eras).toHaveCount(2);
    const tops = await eras.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(tops[0]).toBe(tops[1]);
  });

  test("an era that ends before it starts is skipped with a warning at its path", async ({ page }) => {
    const data = {
      ...THREADS,
      eras: [
        { start: "2019-05-12", end: "2019-09-27", title: "Tanker war" },
        { start: "2019-09-01", end: "2019-06-01", title: "Backwards" },
      ],
    };
    await mountThreads(page, data);
    expect(await problems(page)).toEqual([
      { path: "eras[1]", message: '"2019-06-01" is before the start "2019-09-01" (the era is skipped)' },
    ]);
    await expect(page.locator(`${HOST} .nt-era__label`)).toHaveText(["Tanker war"]);
  });
});

test.describe("bad input", () => {
  test("a group that is not a string is a warning, and its event goes to Other", async ({ page }) => {
    const data = structuredClone(THREADS);
    const at = data.events.findIndex((e) => e.id === "troops");
    data.events[at].group = 7;
    await mountThreads(page, data);
    expect(await problems(page)).toEqual([
      { path: `events[${at}].group`, message: "expected a string, but found a number (the event goes to no group)" },
    ]);
    await expect(page.locator(`${HOST} .nt-lane[data-lane=''] [data-event-id='troops']`)).toHaveCount(1);
    await expect(page.locator(`${HOST} [data-event-id='troops'] .nt-event__lane`)).toHaveText("Other, 1 of 3");
  });

  test("in a bare array of events, the warning is at [i].group", async ({ page }) => {
    const events = [
      { id: "a", start: "2019-05-01", title: "Sea", group: "sea" },
      { id: "b", start: "2019-06-01", title: "Air", group: "air" },
      { id: "c", start: "2019-07-01", title: "Land", group: ["land"] },
    ];
    await mountThreads(page, events);
    expect(await problems(page)).toEqual([
      { path: "[2].group", message: "expected a string, but found an array (the event goes to no group)" },
    ]);
    await expect.poll(() => laneIds(page)).toEqual(["sea", "air", ""]);
    await expect(page.locator(`${HOST} .nt-lane[data-lane=''] [data-event-id='c']`)).toHaveCount(1);
  });

  test('13 groups with lanes "auto": one track, and a warning suggesting lanes "group"', async ({ page }) => {
    const events = Array.from({ length: 13 }, (_, i) => ({
      id: `e${i}`,
      start: `2019-${String((i % 12) + 1).padStart(2, "0")}-10`,
      title: `Event ${i + 1}`,
      group: `g${i + 1}`,
    }));
    await mountThreads(page, { events }, { lanes: "auto" });
    expect(await problems(page)).toEqual([
      {
        path: "options.lanes",
        message:
          '"auto" shows lanes for 2 to 12 groups, but the data has 13 (no lanes are shown; set lanes to "group" to show one per group)',
      },
    ]);
    await expect.poll(async () => (await eventIds(page, HOST)).length).toBeGreaterThan(0);
    await expect(page.locator(`${HOST} .nt-lane[data-lane]`)).toHaveCount(0);
    await expect(page.locator(`${HOST} .nt-lane__name`)).toHaveCount(0);
    await expect(page.locator(`${HOST} .nt-event__lane`)).toHaveCount(0);
  });

  test('13 groups with lanes "group": a lane each', async ({ page }) => {
    const events = Array.from({ length: 13 }, (_, i) => ({
      id: `e${i}`,
      start: `2019-${String((i % 12) + 1).padStart(2, "0")}-10`,
      title: `Event ${i + 1}`,
      group: `g${i + 1}`,
    }));
    await mountThreads(page, { events }, { lanes: "group", height: 800 });
    expect(await problems(page)).toEqual([]);
    await expect.poll(() => laneIds(page)).toEqual(events.map((e) => e.group));
  });

  test("an unknown lanes value is a warning at options.lanes, and auto is used", async ({ page }) => {
    await mountThreads(page, THREADS, { lanes: "grid" });
    expect(await problems(page)).toEqual([
      { path: "options.lanes", message: 'expected "auto", "group" or "none", but found "grid" ("auto" is used)' },
    ]);
    // "auto" with four groups and room for them: lanes.
    await expect.poll(() => laneIds(page)).toEqual(LANES.map((l) => l.id));
  });

  test('lanes "none" is one track', async ({ page }) => {
    await mountThreads(page, THREADS, { lanes: "none" });
    expect(await problems(page)).toEqual([]);
    await expect.poll(async () => (await eventIds(page, HOST)).length).toBeGreaterThan(0);
    await expect(page.locator(`${HOST} .nt-lane[data-lane]`)).toHaveCount(0);
    await expect(page.locator(`${HOST} .nt-event__lane`)).toHaveCount(0);
  });
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true });

  for (const theme of ["light", "dark"]) {
    test(`lanes, colours and eras pass axe in the ${theme} theme`, async ({ page }) => {
      // Yellow (adjusted on the light theme) and a colour that is none
      // (the default), so the adjusted and default colours are checked too.
      const data = structuredClone(THREADS);
      data.groups[1].color = "#ffeb3b";
      data.groups[2].color = "blurple";
      await mountThreads(page, data, { theme });
      expect((await problems(page)).map((p) => p.path)).toEqual(["groups[1].color", "groups[2].color"]);
      const root = page.locator(`${HOST} .nt-timeline`);
      if (theme === "dark") await expect(root).toHaveClass(/nt-timeline--dark/);
      else await expect(root).not.toHaveClass(/nt-timeline--dark/);
      await expect.poll(() => laneIds(page)).toEqual(LANES.map((l) => l.id));
      await frames(page);
      expect(await axeViolations(page)).toEqual([]);
      // With a lane collapsed by a filter and an event's card open.
      await page.locator(`${HOST} .nt-chip[data-tag='escalation']`).click();
      await expect.poll(() => laneIds(page)).toEqual(["military", "shipping", "nuclear"]);
      await page.locator(`${HOST} [data-event-id='carrier'] button`).click();
      await expect(page.locator(`${HOST} .nt-card`)).toBeVisible();
      await frames(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
