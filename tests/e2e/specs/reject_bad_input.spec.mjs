// Bad targets and bad data (/test/targets.html): API misuse rejects with an
// Error naming the problem; bad events are skipped with warnings at their
// paths while the good ones render; nothing breaks the shared wasm instance.
import {
  test,
  expect,
  FEW_EVENTS,
  FEW_TITLES,
  call,
  eventTitles,
  events,
  getWindow,
  logged,
  mount,
  numberedEvents,
  waitForApi,
  numberedTitles,
} from "../fixtures/timeline.mjs";

const MIXED = {
  events: [
    { start: "2019-05-05", title: "good" },
    { start: 5, title: "wrong type" },
    { start: "2019-13-45", title: "bad date" },
    { start: "2019-06-01", title: "good 2" },
  ],
};

/** Every rejected mount of this spec: [description, selector, data, what the message must contain]. */
const REJECTIONS = [
  ["a selector that matches nothing", "#missing", FEW_EVENTS, ["#missing"]],
  ["an <ol>", "#list", FEW_EVENTS, ["<ol>", "cannot host"]],
  ["a <table>", "#tbl", FEW_EVENTS, ["<table>", "cannot host"]],
  ["a number as data", "#ok", 42, ["expected", "a number"]],
  ["events that is not an array", "#ok", { events: "x" }, ["events"]],
];

test.beforeEach(async ({ page }) => {
  await page.goto("/test/targets.html");
  await waitForApi(page);
});

for (const [what, selector, data, fragments] of REJECTIONS) {
  test(`mount rejects ${what} with an Error naming it`, async ({ page }) => {
    const result = await mount(page, selector, data);
    expect(result.isError, `rejected with an Error: ${JSON.stringify(result)}`).toBe(true);
    expect(result.thrownSynchronously, "mount returns a rejected Promise rather than throwing").toBeUndefined();
    for (const fragment of fragments) expect(result.error).toContain(fragment);
    await expect(events(page, selector === "#missing" ? "body" : selector)).toHaveCount(0);
  });
}

test("mount skips bad events, renders the good ones and reports problems at their paths", async ({ page }) => {
  // Listen on the host before mounting: warnings found while mounting are
  // dispatched before mount() resolves.
  const outcome = await page.evaluate(async (data) => {
    const host = document.querySelector("#ok");
    let resolved = false;
    const warnings = [];
    host.addEventListener("newstimeline:warning", (e) => {
      warnings.push({ beforeResolve: !resolved, detail: JSON.parse(JSON.stringify(e.detail)) });
    });
    try {
      const handle = await window.NewsTimeline.mount(host, data).then((h) => {
        resolved = true;
        return h;
      });
      window.__ntTest = { handles: { "#ok": handle }, logs: {}, unsubs: {} };
      return { ok: true, warnings, problems: handle.getProblems() };
    } catch (e) {
      return { error: String(e?.message ?? e) };
    }
  }, MIXED);
  expect(outcome.error, "mount resolves").toBeUndefined();
  await expect.poll(() => eventTitles(page, "#ok")).toEqual(["good", "good 2"]);

  const paths = (problems) => problems.map((p) => p.path).sort();
  expect(paths(outcome.problems)).toEqual(["events[1].start", "events[2].start"]);
  for (const problem of outcome.problems) {
    expect(typeof problem.message).toBe("string");
    expect(problem.message.length, `message for ${problem.path}`).toBeGreaterThan(0);
  }
  expect(outcome.warnings, "one newstimeline:warning dispatched on the host").toHaveLength(1);
  expect(outcome.warnings[0].beforeResolve, "the warning came before mount() resolved").toBe(true);
  expect(outcome.warnings[0].detail.problems).toHaveLength(2);
  expect(paths(outcome.warnings[0].detail.problems)).toEqual(["events[1].start", "events[2].start"]);
});

test("mount accepts a bare array of events", async ({ page }) => {
  expect(await mount(page, "#ok", [{ start: "2019", title: "x" }])).toEqual({ ok: true });
  await expect.poll(() => eventTitles(page, "#ok")).toEqual(["x"]);
  expect(await call(page, "#ok", "getProblems")).toEqual({ ok: true, value: [] });
});

test("problems in a bare array are reported at [i] paths", async ({ page }) => {
  const data = [
    { start: "2019", title: "x" },
    { start: "nope", title: "y" },
  ];
  expect(await mount(page, "#ok", data)).toEqual({ ok: true });
  await expect.poll(() => eventTitles(page, "#ok")).toEqual(["x"]);
  const problems = await call(page, "#ok", "getProblems");
  expect(problems.value.map((p) => p.path)).toEqual(["[1].start"]);
});

test("options.onWarning receives the problems found while mounting", async ({ page }) => {
  const mounted = await page.evaluate(async (data) => {
    const T = (window.__ntTest ||= { handles: {}, logs: {}, unsubs: {} });
    const calls = (T.logs.onWarning = []);
    try {
      await window.NewsTimeline.mount("#ok", data, { onWarning: (w) => calls.push(JSON.parse(JSON.stringify(w))) });
      return { ok: true };
    } catch (e) {
      return { error: String(e?.message ?? e) };
    }
  }, MIXED);
  expect(mounted).toEqual({ ok: true });
  await expect.poll(() => logged(page, "onWarning")).toHaveLength(1);
  const [received] = await logged(page, "onWarning");
  expect(received.problems.map((p) => p.path).sort()).toEqual(["events[1].start", "events[2].start"]);
});

test("a widget mounted earlier keeps working after every failure", async ({ page }) => {
  expect(await mount(page, "#survivor", FEW_EVENTS)).toEqual({ ok: true });
  await expect.poll(() => eventTitles(page, "#survivor")).toEqual(FEW_TITLES);

  for (const [what, selector, data] of REJECTIONS) {
    const result = await mount(page, selector, data);
    expect(result.isError, `${what} rejects with an Error: ${JSON.stringify(result)}`).toBe(true);
  }
  expect(await mount(page, "#ok", MIXED)).toEqual({ ok: true });
  for (const [args, what] of [
    [[42], "setEvents(42)"],
    [[{ events: "x" }], 'setEvents({events: "x"})'],
    [[null], "setEvents(null)"],
  ]) {
    const result = await call(page, "#survivor", "setEvents", ...args);
    expect(result.isError, `${what} rejects with an Error: ${JSON.stringify(result)}`).toBe(true);
  }
  for (const args of [
    ["garbage", "2019-07"],
    ["2019-07", "2019-06"],
    [42, {}],
  ]) {
    const result = await call(page, "#survivor", "setWindow", ...args);
    expect(result.isError, `setWindow(${JSON.stringify(args)}) throws an Error: ${JSON.stringify(result)}`).toBe(true);
  }
  expect(await eventTitles(page, "#survivor"), "failed setEvents left the data alone").toEqual(FEW_TITLES);

  const win = await getWindow(page, "#survivor");
  expect(Date.parse(win.start)).toBeLessThan(Date.parse(win.end));
  expect(await call(page, "#survivor", "setWindow", "2019-06", "2019-06")).toMatchObject({ ok: true });
  expect(await getWindow(page, "#survivor")).toEqual({
    start: "2019-06-01T00:00:00.000Z",
    end: "2019-07-01T00:00:00.000Z",
  });
  expect(await call(page, "#survivor", "setEvents", numberedEvents("After", 3))).toMatchObject({ ok: true });
  await expect.poll(() => eventTitles(page, "#survivor")).toEqual(numberedTitles("After", 3));
  // And a new mount still works too.
  expect(await mount(page, "#ok", [{ start: "2019-05", title: "fresh" }])).toEqual({ ok: true });
  await expect.poll(() => eventTitles(page, "#ok")).toEqual(["fresh"]);
});

// A BigInt anywhere in an event (`start: 10n`) rejected the whole mount
// with "Do not know how to serialize a BigInt": JSON.stringify throws on
// one. The event is skipped with a warning at its path; the others show,
// whether the data crosses to the wasm in one piece or in many.
for (const [what, count] of [
  ["a small array", 3],
  ["an array read in pieces", 9000],
]) {
  test(`a BigInt skips only its event, in ${what}`, async ({ page }) => {
    const outcome = await page.evaluate(async (count) => {
      const events = Array.from({ length: count }, (_, i) => ({
        start: `2019-05-${String((i % 28) + 1).padStart(2, "0")}`,
        title: `Event ${i}`,
      }));
      events[count - 2].start = 10n;
      events[count - 1].importance = 3n;
      try {
        const handle = await window.NewsTimeline.mount("#ok", { events });
        window.__ntTest = { handles: { "#ok": handle }, logs: {}, unsubs: {} };
        return { problems: handle.getProblems() };
      } catch (e) {
        return { error: String(e?.message ?? e) };
      }
    }, count);
    expect(outcome.error, "mount resolves").toBeUndefined();
    expect(outcome.problems).toEqual([
      {
        path: `events[${count - 2}].start`,
        message: 'expected a date string such as "2019-05-05", but found a BigInt (the event is skipped)',
      },
      {
        path: `events[${count - 1}].importance`,
        message: "expected 1, 2 or 3, but found a BigInt (the event is skipped)",
      },
    ]);
    await expect.poll(() => page.locator("#ok [data-event-id]").count()).toBeGreaterThan(0);
  });
}
