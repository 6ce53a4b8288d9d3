// Arrays of more than 4,000 events cross into wasm a piece at a time (one
// 20 MB string would stay in wasm memory for good): what the reader and the
// page see must be the same as for one string. Problems keep their paths
// across pieces, a value JSON cannot hold still rejects the mount, and a
// large TimelineJS3 document (read whole) still shows.
import { test, expect, call, waitForApi } from "../fixtures/timeline.mjs";

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
  await waitForApi(page);
});

/** Mounts what `make(n)` builds in the page (the data never crosses the
 * test protocol); returns `{ ok, problems, shown }` or `{ error }`. */
async function mountBuilt(page, n, make) {
  return page.evaluate(
    async ({ n, make }) => {
      const data = new Function("n", `return (${make})(n)`)(n);
      try {
        const handle = await NewsTimeline.mount("#tl", data, { height: 400 });
        (window.__ntTest ||= { handles: {}, logs: {}, unsubs: {} }).handles["#tl"] = handle;
        return { ok: true, problems: handle.getProblems(), shown: handle.getVisibleEvents().length };
      } catch (e) {
        return { error: String(e?.message ?? e), isError: e instanceof Error };
      }
    },
    { n, make: make.toString() },
  );
}

test("problems in later pieces keep their paths, and every good event shows", async ({ page }) => {
  const result = await mountBuilt(page, 10_001, (n) => {
    const day = (i) => new Date(Date.UTC(2000, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    const events = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, start: day(i), title: `Event ${i}` }));
    events[4500] = 7;
    events[9000].start = "2019-13-45";
    events[10_000].id = "e10";
    return { title: "Pieces", events };
  });
  expect(result.ok).toBe(true);
  expect(result.problems.map((p) => p.path)).toEqual(["events[4500]", "events[9000].start", "events[10000].id"]);
  expect(result.problems[2].message).toContain('duplicate id "e10"');
  expect(result.shown).toBe(9_999);
  await expect(page.locator("#tl .nt-timeline__title")).toHaveText("Pieces");
  // setEvents takes the same path.
  const replaced = await page.evaluate(() => {
    const handle = window.__ntTest.handles["#tl"];
    const events = Array.from({ length: 5000 }, (_, i) => ({ start: `2001-01-01T00:${String(i % 60).padStart(2, "0")}:00Z`, title: `Late ${i}` }));
    events[4999] = { title: "no start" };
    handle.setEvents(events);
    handle.fit();
    return { problems: handle.getProblems().map((p) => p.path), shown: handle.getVisibleEvents().length };
  });
  expect(replaced).toEqual({ problems: ["[4999].start"], shown: 4999 });
});

// Loaded, the piece is written while the wasm reads (the error crosses the
// wasm side); still loading, it is written at once, in mount() itself.
for (const loaded of [false, true]) {
  test(`a value JSON cannot hold in a later piece rejects the mount with the data error (wasm ${loaded ? "loaded" : "still loading"})`, async ({ page }) => {
    if (loaded) await page.evaluate(() => NewsTimeline.ready);
    const result = await mountBuilt(page, 9000, (n) => {
      const events = Array.from({ length: n }, (_, i) => ({ start: "2019-05-05", title: `Event ${i}` }));
      events[8000].self = events[8000];
      return events;
    });
    expect(result.isError).toBe(true);
    expect(result.error).toMatch(/^data: cannot be read as JSON \(/);
    expect(result.error).not.toMatch(/\(data: cannot be read/);
    await expect(page.locator("#tl .nt-event")).toHaveCount(0);
  });
}

test("a TimelineJS3 document of 5,000 slides is read whole and shows", async ({ page }) => {
  const result = await mountBuilt(page, 5000, (n) => ({
    title: { text: { headline: "Slides" } },
    events: Array.from({ length: n }, (_, i) => ({
      start_date: { year: String(2000 + Math.floor(i / 365)), month: String(1 + (i % 12)), day: String(1 + (i % 28)) },
      text: { headline: `Slide ${i}` },
    })),
  }));
  expect(result).toMatchObject({ ok: true, problems: [], shown: 5000 });
  await expect(page.locator("#tl .nt-timeline__title")).toHaveText("Slides");
  expect(await call(page, "#tl", "getWindow")).toMatchObject({ ok: true });
});

// mount() reads the data before it returns once the wasm is loaded (each
// piece written as the wasm side asks for it), and writes it all at once
// when the mount has to wait for the wasm: either way, what was passed is
// what shows.
for (const loaded of [false, true]) {
  test(`changing the array after mount() is called does not change what shows (wasm ${loaded ? "loaded" : "still loading"})`, async ({ page }) => {
    const result = await page.evaluate(async (loaded) => {
      if (loaded) await NewsTimeline.ready;
      const events = Array.from({ length: 8000 }, (_, i) => ({ start: "2019-05-05", title: `Event ${i}` }));
      const mounted = NewsTimeline.mount("#tl", events, { height: 400 });
      const mountedAtOnce = Boolean(document.querySelector("#tl").newsTimeline);
      events.length = 10;
      events.push({ start: "2020-01-01", title: "Late" });
      const handle = await mounted;
      return { mountedAtOnce, shown: handle.getVisibleEvents().length };
    }, loaded);
    expect(result).toEqual({ mountedAtOnce: loaded, shown: 8000 });
  });
}

test("a page that listens right after calling mount() hears ready and the warning", async ({ page }) => {
  const heard = await page.evaluate(async () => {
    await NewsTimeline.ready;
    const host = document.querySelector("#tl");
    const events = Array.from({ length: 5000 }, (_, i) => ({ start: "2019-05-05", title: `Event ${i}` }));
    events[4500].start = "someday";
    const mounted = NewsTimeline.mount(host, events, { height: 400 });
    const heard = [];
    host.addEventListener("newstimeline:ready", (e) => heard.push(["ready", e.detail.handle === host.newsTimeline]));
    host.addEventListener("newstimeline:warning", (e) => heard.push(["warning", e.detail.problems.map((p) => p.path)]));
    await mounted;
    return heard;
  });
  expect(heard).toEqual([
    ["warning", ["[4500].start"]],
    ["ready", true],
  ]);
});

test("text beyond ASCII reads the same in every piece", async ({ page }) => {
  const ids = await page.evaluate(async () => {
    // Accents (2 bytes in UTF-8), CJK (3 bytes) and an emoji (a surrogate
    // pair, 4 bytes) between ASCII: each piece's UTF-8 is longer than its
    // UTF-16 length, so its buffer must grow while it is read.
    const id = (i) => `Ünïcødé-${i}-東京-😀-“end”`;
    const events = Array.from({ length: 8001 }, (_, i) => ({ id: id(i), start: "2019-05-05", title: "Event" }));
    const handle = await NewsTimeline.mount("#tl", events, { height: 400 });
    const shown = handle.getVisibleEvents();
    return { count: shown.length, same: shown.every((s, i) => s === id(i)), samples: [shown[0], shown[4000], shown[8000]] };
  });
  expect(ids).toEqual({
    count: 8001,
    same: true,
    samples: ["Ünïcødé-0-東京-😀-“end”", "Ünïcødé-4000-東京-😀-“end”", "Ünïcødé-8000-東京-😀-“end”"],
  });
});
