// Declarative embeds (/test/declarative.html, no page script): every
// `<news-timeline>` and `[data-news-timeline]` element is mounted on load and
// on insertion, with data from a child <script type="application/json"> or
// from `src` / `data-src` (JSON); each exposes its Handle
// as `element.newsTimeline` and dispatches `newstimeline:ready`.
import { test, expect, eventTitles, timelineEvents } from "../fixtures/timeline.mjs";

const STATIC_HOSTS = [
  ["custom", "<news-timeline> with a child JSON script", ["Custom 1", "Custom 2", "Custom 3"]],
  ["inline-json", "[data-news-timeline] with a child JSON script (bare array)", ["Inline 1", "Inline 2"]],
  ["remote-json", "[data-news-timeline] with data-src (JSON)", ["Remote 1", "Remote 2", "Remote 3"]],
];

/**
 * Scrolls the host into view (declarative mounts are lazy by default: the
 * wasm loads only near the viewport), then reads its rendered titles.
 */
async function titlesInView(page, id) {
  await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: "center" }), id);
  return eventTitles(page, `#${id}`);
}

/** What the element exposes once mounted. */
async function handleOf(page, id) {
  return page.evaluate((id) => {
    const h = document.getElementById(id).newsTimeline;
    return {
      type: h === null ? "null" : typeof h,
      getWindow: typeof h?.getWindow,
      visible: typeof h?.getVisibleEvents === "function" ? h.getVisibleEvents().length : null,
    };
  }, id);
}

async function expectMounted(page, id, titles) {
  await expect.poll(() => titlesInView(page, id), { message: `#${id} renders its events` }).toEqual(titles);
  await expect
    .poll(() => timelineEvents(page, { type: "newstimeline:ready", target: id }).then((e) => e.length), {
      message: `#${id} dispatched newstimeline:ready once`,
    })
    .toBe(1);
  expect(await handleOf(page, id)).toEqual({ type: "object", getWindow: "function", visible: titles.length });
}

test.beforeEach(async ({ page }) => {
  await page.goto("/test/declarative.html");
});

for (const [id, what, titles] of STATIC_HOSTS) {
  test(`mounts ${what} on load`, async ({ page }) => {
    await expectMounted(page, id, titles);
  });
}

test("mounts elements inserted after load", async ({ page }) => {
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.id = "late-div";
    div.setAttribute("data-news-timeline", "");
    div.setAttribute("data-height", "160");
    const json = document.createElement("script");
    json.type = "application/json";
    json.textContent = JSON.stringify({
      events: [
        { start: "2020-02-01", title: "Late 2" },
        { start: "2020-01-01", title: "Late 1" },
      ],
    });
    div.append(json);

    const element = document.createElement("news-timeline");
    element.id = "late-element";
    element.setAttribute("src", "/test/events.json");
    element.setAttribute("height", "160");

    document.body.prepend(div, element);
  });
  await expectMounted(page, "late-div", ["Late 1", "Late 2"]);
  await expectMounted(page, "late-element", ["Remote 1", "Remote 2", "Remote 3"]);
});
