// V8 compiles each wasm function on its first call. So that a page's first
// mount() does not pay for that, the loader mounts a small timeline, once,
// in the first idle moment after the wasm has loaded, on an element that is
// never in the document, and destroys it at once. Nothing of it may reach
// the page: no node, no DOM event, no console message. A page that mounts
// before that idle moment gets no warm-up (its mount compiles the code).
import { test, expect, eventTitles, FEW_EVENTS, DOM_EVENTS } from "../fixtures/timeline.mjs";

/** Records every shadow root attached (and whether its host was in the
 * document), nodes added to the document, DOM events and console output. */
async function instrument(page) {
  const consoleMessages = [];
  page.on("console", (message) => {
    // Headless Chromium fetches /favicon.ico by itself; its 404 is nobody's fault.
    if (!(message.location()?.url ?? "").endsWith("/favicon.ico")) consoleMessages.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleMessages.push(`pageerror: ${error.message}`));
  await page.addInitScript((names) => {
    window.__shadows = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      window.__shadows.push({ host: this, root, connected: this.isConnected });
      return root;
    };
    window.__added = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) window.__added.push(node.nodeName);
    }).observe(document, { childList: true, subtree: true });
    window.__domEvents = [];
    for (const name of names) document.addEventListener(name, () => window.__domEvents.push(name), true);
  }, DOM_EVENTS);
  return consoleMessages;
}

/** Resolves after the idle callbacks queued so far have run. */
function afterIdle(page) {
  return page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));
}

test("once loaded, an idle moment mounts and destroys a timeline that never enters the page", async ({ page }) => {
  const consoleMessages = await instrument(page);
  await page.goto("/test/single.html");
  await page.waitForFunction(() => window.NewsTimeline);
  const addedBefore = await page.evaluate(() => window.__added.length);
  await page.evaluate(() => NewsTimeline.ready);
  await afterIdle(page);

  const warmUp = await page.evaluate(() =>
    window.__shadows.map(({ host, root, connected }) => ({
      tag: host.nodeName,
      connected,
      inDocumentNow: host.isConnected,
      childrenLeft: root.childElementCount,
      styleSheetsLeft: root.adoptedStyleSheets.length,
    })),
  );
  expect(warmUp).toEqual([{ tag: "DIV", connected: false, inDocumentNow: false, childrenLeft: 0, styleSheetsLeft: 0 }]);
  expect(await page.evaluate((before) => window.__added.slice(before), addedBefore)).toEqual([]);
  expect(await page.evaluate(() => window.__domEvents)).toEqual(["newstimeline:loaded"]);
  expect(consoleMessages).toEqual([]);

  // The page's own mount after it works as ever, and is the only widget.
  await page.evaluate((data) => NewsTimeline.mount("#tl", data).then(() => undefined), FEW_EVENTS);
  expect(await eventTitles(page, "#tl")).toEqual(["Carrier deployed", "More troops", "Drone shot down", "Spies arrested"]);
  expect(await page.evaluate(() => window.__shadows.filter((s) => s.host.isConnected).map((s) => s.host.id))).toEqual(["tl"]);
  expect(await page.evaluate(() => window.__domEvents)).toEqual(["newstimeline:loaded", "newstimeline:ready"]);
});

test("a mount before the first idle moment is not preceded by a warm-up", async ({ page }) => {
  const consoleMessages = await instrument(page);
  await page.goto("/test/single.html");
  await page.waitForFunction(() => window.NewsTimeline);
  // mount() itself starts the loading: it runs as soon as the wasm is in.
  await page.evaluate((data) => NewsTimeline.mount("#tl", data).then(() => undefined), FEW_EVENTS);
  await afterIdle(page);
  expect(await page.evaluate(() => window.__shadows.map((s) => ({ id: s.host.id, connected: s.connected })))).toEqual([
    { id: "tl", connected: true },
  ]);
  expect(consoleMessages).toEqual([]);
});
