// The iframe form for CMSs that strip script tags: embed.html?src=…&height=…
// &lang=…&theme=…&title=… renders the widget edge to edge and posts
// {type: "newstimeline:resize", height} to its parent whenever its height
// changes; embed-host.js on the parent sizes the iframe that sent it
// (matched by event.source). The embed code page (examples/embed-code.html)
// previews a data URL and gives three snippets that work as pasted, under
// the strict CSP.
import { test, expect, eventTitles, watchPage, expectClean } from "../fixtures/timeline.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The CSS height of the iframe `id`, in px. */
const frameHeight = (page, id) => page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, id);

/** The Frame object of the iframe `id`. */
async function frameOf(page, id) {
  const handle = await page.locator(`#${id}`).elementHandle();
  return handle.contentFrame();
}

test("embed.html renders full-bleed and each iframe takes its own widget's height", async ({ page }) => {
  const watch = await watchPage(page);
  const frameErrors = [];
  page.on("console", (m) => m.type() === "error" && frameErrors.push(m.text()));
  await page.goto("/test/iframe-host.html");
  // height=300, 220 and the default 420, each for its own iframe.
  await expect.poll(() => frameHeight(page, "json")).toBe(300);
  await expect.poll(() => frameHeight(page, "csv")).toBe(220);
  await expect.poll(() => frameHeight(page, "tljs")).toBe(420);

  const json = await frameOf(page, "json");
  await expect.poll(() => eventTitles(json, ".embed-host")).toEqual(["Remote 1", "Remote 2", "Remote 3"]);
  const layout = await json.evaluate(() => {
    const host = document.querySelector(".embed-host");
    const widget = host.shadowRoot.querySelector(".nt-timeline").getBoundingClientRect();
    const body = getComputedStyle(document.body);
    return {
      bodyMargin: body.margin,
      bodyPadding: body.padding,
      widget: { x: widget.x, y: widget.y, width: widget.width, height: widget.height },
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
      scroll: { x: document.documentElement.scrollWidth, y: document.documentElement.scrollHeight },
      heading: host.shadowRoot.querySelector(".nt-timeline__title")?.textContent,
      lang: host.newsTimeline && document.documentElement.lang,
      title: document.title,
    };
  });
  expect(layout).toEqual({
    bodyMargin: "0px",
    bodyPadding: "0px",
    widget: { x: 0, y: 0, width: 700, height: 300 },
    viewport: { width: 700, height: 300 },
    scroll: { x: 700, y: 300 },
    heading: "From JSON",
    lang: "de",
    title: "From JSON",
  });
  // German dates from lang=de.
  expect((await json.locator(".embed-host time").allTextContents()).join(" ")).toMatch(/Mai|Juni|Juli/);

  // CSV (TimelineJS3's spreadsheet) and a TimelineJS3 document as data.
  const csv = await frameOf(page, "csv");
  await expect.poll(() => csv.evaluate(() => document.querySelector(".embed-host").newsTimeline?.getVisibleEvents().length ?? 0)).toBeGreaterThan(5);
  expect(await csv.evaluate(() => document.querySelector(".embed-host").getAttribute("data-theme"))).toBe("dark");
  const tljs = await frameOf(page, "tljs");
  await expect.poll(() => tljs.evaluate(() => document.querySelector(".embed-host").newsTimeline?.getVisibleEvents().length ?? 0)).toBeGreaterThan(2);

  // Without src: a message in the frame, one console error, and the iframe
  // shrinks to that message.
  const nosrc = await frameOf(page, "nosrc");
  await expect(nosrc.locator("[role=alert]")).toContainText('needs a "src" parameter');
  const message = await nosrc.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await expect.poll(() => frameHeight(page, "nosrc")).toBe(message);
  expect(message).toBeLessThan(150);
  expect(frameErrors.filter((e) => e.includes('needs a "src" parameter'))).toHaveLength(1);
  watch.consoleErrors = watch.consoleErrors.filter((e) => !e.includes('needs a "src" parameter'));
  expectClean(watch);
});

test("the iframe follows its content's height, and only its own frame's messages size it", async ({ page }) => {
  await page.goto("/test/iframe-host.html");
  await expect.poll(() => frameHeight(page, "json")).toBe(300);
  const json = await frameOf(page, "json");
  await expect.poll(() => json.evaluate(() => typeof document.querySelector(".embed-host").newsTimeline)).toBe("object");

  // Content grows inside the frame: the ResizeObserver reports, the iframe follows.
  await json.evaluate(() => {
    const extra = document.createElement("div");
    extra.id = "extra";
    extra.style.setProperty("height", "120px");
    document.body.append(extra);
  });
  await expect.poll(() => frameHeight(page, "json")).toBe(420);
  await json.evaluate(() => document.getElementById("extra").remove());
  await expect.poll(() => frameHeight(page, "json")).toBe(300);

  // A resize message from the page itself, or from a frame for another
  // frame, changes nothing.
  await page.evaluate(() => window.postMessage({ type: "newstimeline:resize", height: 999 }, "*"));
  const csv = await frameOf(page, "csv");
  await csv.evaluate(() => window.parent.postMessage({ type: "newstimeline:resize", height: 77 }, "*"));
  await expect.poll(() => frameHeight(page, "csv")).toBe(77);
  await page.waitForTimeout(200);
  expect(await frameHeight(page, "json")).toBe(300);
  expect(await frameHeight(page, "tljs")).toBe(420);
  // Nonsense heights are ignored.
  await csv.evaluate(() => {
    window.parent.postMessage({ type: "newstimeline:resize", height: "tall" }, "*");
    window.parent.postMessage({ type: "newstimeline:resize", height: -5 }, "*");
  });
  await page.waitForTimeout(200);
  expect(await frameHeight(page, "csv")).toBe(77);
});

test("a host snippet that runs after the frame has reported asks it again", async ({ page }) => {
  await page.goto("/test/blank.html");
  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    frame.id = "late";
    frame.src = "/embed.html?src=%2Ftest%2Fevents.json&height=250";
    frame.height = "100";
    frame.setAttribute("frameborder", "0");
    document.body.append(frame);
  });
  const late = await frameOf(page, "late");
  await expect.poll(() => late.evaluate(() => typeof document.querySelector(".embed-host")?.newsTimeline)).toBe("object");
  await page.waitForTimeout(200);
  expect(await frameHeight(page, "late")).toBe(100);
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.src = "/embed-host.js";
    document.head.append(script);
  });
  await expect.poll(() => frameHeight(page, "late")).toBe(250);
});

test.describe("the embed code page", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("previews a data URL and gives three snippets that work as pasted", async ({ page, baseURL }) => {
    const watch = await watchPage(page);
    const data = `${baseURL}/test/events.json`;
    await page.goto(`/examples/embed-code.html?src=${encodeURIComponent(data)}`);
    await expect(page.locator("#ec-src")).toHaveValue(data);
    await expect.poll(() => eventTitles(page, "#ec-preview news-timeline")).toEqual(["Remote 1", "Remote 2", "Remote 3"]);

    await page.locator("#ec-height").fill("260");
    await page.locator("#ec-title").fill('Gulf "tensions" & more');
    await page.locator("#ec-theme").selectOption("dark");
    await page.locator("#ec-apply").click();
    await expect.poll(() => page.locator("#ec-preview news-timeline").evaluate((el) => el.getBoundingClientRect().height)).toBe(260);
    await expect(page.locator("#ec-preview news-timeline .nt-timeline__title")).toHaveText('Gulf "tensions" & more');
    // The iframe preview follows.
    await expect.poll(() => page.locator("#ec-frame").evaluate((el) => el.getBoundingClientRect().height)).toBe(260);

    const snippets = {};
    for (const name of ["script", "element", "iframe"]) {
      snippets[name] = await page.locator(`#ec-code-${name}`).textContent();
      await page.locator(`button[data-copy="ec-code-${name}"]`).click();
      await expect(page.locator("#ec-copied")).toContainText("Copied");
      expect(await page.evaluate(() => navigator.clipboard.readText()), `the ${name} snippet is copied`).toBe(snippets[name]);
    }
    const base = `${baseURL}/`;
    expect(snippets.script).toBe(
      `<script src="${base}news-timeline.js" defer></script>\n` +
        `<div data-news-timeline data-src="${data}" data-height="260" data-theme="dark" data-title="Gulf &quot;tensions&quot; &amp; more"></div>`,
    );
    expect(snippets.element).toBe(
      `<script src="${base}news-timeline.js" defer></script>\n` +
        `<news-timeline src="${data}" height="260" theme="dark" data-title="Gulf &quot;tensions&quot; &amp; more"></news-timeline>`,
    );
    expect(snippets.iframe).toContain(`<iframe src="${base}embed.html?src=${encodeURIComponent(data)}&amp;height=260&amp;theme=dark&amp;title=`);
    expect(snippets.iframe).toContain(`<script src="${base}embed-host.js" defer></script>`);

    // Each snippet, pasted alone into a page served under the strict CSP, works.
    for (const [name, snippet] of Object.entries(snippets)) {
      const url = `${baseURL}/test/pasted-${name}.html`;
      await page.route(url, (route) =>
        route.fulfill({
          status: 200,
          headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP },
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title></head><body>\n${snippet}\n</body></html>`,
        }),
      );
      await page.goto(url);
      if (name === "iframe") {
        await expect.poll(() => page.locator("iframe").evaluate((el) => el.getBoundingClientRect().height), { message: "the pasted iframe is sized" }).toBe(260);
        const frame = await page.locator("iframe").elementHandle().then((h) => h.contentFrame());
        await expect.poll(() => eventTitles(frame, ".embed-host")).toEqual(["Remote 1", "Remote 2", "Remote 3"]);
      } else {
        const host = name === "script" ? "[data-news-timeline]" : "news-timeline";
        await expect.poll(() => eventTitles(page, host), { message: `the pasted ${name} snippet mounts` }).toEqual(["Remote 1", "Remote 2", "Remote 3"]);
        expect(await page.locator(host).evaluate((el) => el.getBoundingClientRect().height)).toBe(260);
      }
    }
    expectClean(watch);
  });

  test("refuses a URL that is not http(s) and keeps the last preview", async ({ page }) => {
    await page.goto("/examples/embed-code.html");
    await expect.poll(() => eventTitles(page, "#ec-preview news-timeline").then((t) => t.length)).toBeGreaterThan(5);
    const before = await page.locator("#ec-code-script").textContent();
    await page.locator("#ec-src").fill("javascript:alert(1)");
    await page.locator("#ec-apply").click();
    await expect(page.locator("#ec-problem")).toContainText("http(s) URL");
    expect(await page.locator("#ec-code-script").textContent()).toBe(before);
  });

  test("is linked from the examples index", async ({ page }) => {
    await page.goto("/examples/index.html");
    await page.getByRole("link", { name: "Embed code" }).click();
    await expect(page).toHaveURL(/\/examples\/embed-code\.html$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Embed code");
  });
});
