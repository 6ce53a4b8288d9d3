// The rest of filtering: the date range handles on the overview strip
// (pointer and keyboard), the importance choice, search matches marked in
// labels and the card, the `hash` option that puts selection and filter in
// the address, and every filter (and their combination) on 10,000 events.
import { test, expect, mount, call, listen, logged, eventIds, waitForApi } from "../fixtures/timeline.mjs";

const DATA = {
  events: [
    { id: "carrier", start: "2019-05-05", title: "Carrier deployed", tags: ["military"], importance: 3 },
    { id: "tankers", start: "2019-06-13", title: "Two tankers attacked", text: "<p>Two <b>tankers</b> hit</p>", tags: ["shipping"] },
    { id: "drone", start: "2019-06-20", title: "Drone over Téhéran", tags: ["military", "air"], importance: 3 },
    { id: "seized", start: "2019-07-19", title: "Tanker seized", tags: ["shipping"], importance: 1 },
  ],
};

test.describe("on four events", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/test/single.html");
    expect(await mount(page, "#tl", DATA, { height: 420 })).toEqual({ ok: true });
    await expect(page.locator("#tl [data-event-id]")).toHaveCount(4);
  });

  test("the range handles narrow the dates, by keyboard and by drag", async ({ page }) => {
    expect(await listen(page, "#tl", "filterchange", "changes")).toMatchObject({ ok: true });
    const from = page.locator("#tl").getByRole("slider", { name: "Show events from" });
    const until = page.locator("#tl").getByRole("slider", { name: "Show events until" });
    await expect(from).toHaveAttribute("aria-valuetext", "the first event");
    await from.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("PageUp");
    await expect.poll(() => eventIds(page, "#tl")).toEqual(["tankers", "drone", "seized"]);
    const filter = (await call(page, "#tl", "getFilter")).value;
    expect(filter.from).toMatch(/^2019-0[56]-\d\d$/);
    await expect(from).not.toHaveAttribute("aria-valuetext", "the first event");
    // Home opens the range again.
    await page.keyboard.press("Home");
    await expect.poll(() => eventIds(page, "#tl")).toHaveLength(4);
    expect((await call(page, "#tl", "getFilter")).value.from).toBeNull();

    // Drag the end handle to the middle of the strip: the July event goes.
    const strip = await page.locator("#tl .nt-overview").boundingBox();
    const handle = await until.boundingBox();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(strip.x + strip.width * 0.75, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => eventIds(page, "#tl")).toEqual(["carrier", "tankers", "drone"]);
    expect((await call(page, "#tl", "getFilter")).value.to).toMatch(/^2019-0[67]-\d\d$/);
    expect((await logged(page, "changes")).at(-1).count).toBe(3);
  });

  test("the importance choice keeps the key events", async ({ page }) => {
    const choice = page.locator("#tl").getByRole("combobox", { name: "Importance" });
    await choice.selectOption("3");
    await expect.poll(() => eventIds(page, "#tl")).toEqual(["carrier", "drone"]);
    expect((await call(page, "#tl", "getFilter")).value.minImportance).toBe(3);
    await choice.selectOption("2");
    await expect.poll(() => eventIds(page, "#tl")).toEqual(["carrier", "tankers", "drone"]);
    expect(await call(page, "#tl", "setFilter", { minImportance: 4 })).toMatchObject({
      error: "setFilter: minImportance: expected 1, 2 or 3, but found a number",
    });
  });

  test("search matches are marked in the labels and the card", async ({ page }) => {
    await page.locator("#tl").getByRole("searchbox", { name: "Search events" }).fill("TANKER");
    await expect.poll(() => eventIds(page, "#tl")).toEqual(["tankers", "seized"]);
    await expect(page.locator("#tl .nt-event__title mark")).toHaveText(["tanker", "Tanker"]);
    await page.locator("#tl [data-event-id='tankers'] button").click();
    await expect(page.locator("#tl .nt-card__title mark")).toHaveText("tanker");
    await expect(page.locator("#tl .nt-card__text mark")).toHaveText("tanker");
    // Accents fold both ways.
    await page.locator("#tl").getByRole("searchbox", { name: "Search events" }).fill("teheran");
    await expect(page.locator("#tl .nt-event__title mark")).toHaveText(["Téhéran"]);
  });
});

test("with the hash option the address holds the selection and filter, and restores them", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", DATA, { hash: true })).toEqual({ ok: true });
  await page.locator("#tl .nt-chip", { hasText: "shipping" }).click();
  await page.locator("#tl [data-event-id='seized'] button").click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe("#event-seized&tags=shipping");
  const history = await page.evaluate(() => history.length);

  // A reader opening the shared address sees the same view.
  await page.goto("/test/blank.html");
  await page.goto("/test/single.html#event-tankers&q=tanker&tags=shipping");
  expect(await mount(page, "#tl", DATA, { hash: true })).toEqual({ ok: true });
  await expect(page.locator("#tl .nt-card__title")).toHaveText("Two tankers attacked");
  expect((await call(page, "#tl", "getFilter")).value).toMatchObject({ query: "tanker", tags: ["shipping"] });
  expect(await eventIds(page, "#tl")).toEqual(["tankers", "seized"]);
  // Editing the address (or Back) changes the view.
  await page.evaluate(() => (location.hash = "#tags=military"));
  await expect.poll(() => eventIds(page, "#tl")).toEqual(["carrier", "drone"]);
  await expect(page.locator("#tl .nt-card")).toHaveCount(0);
  expect(history).toBeGreaterThan(0);
});

test("without the hash option the address is left alone", async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", DATA)).toEqual({ ok: true });
  await page.locator("#tl .nt-chip", { hasText: "shipping" }).click();
  await page.locator("#tl [data-event-id='seized'] button").click();
  await expect(page.locator("#tl .nt-card")).toHaveCount(1);
  expect(await page.evaluate(() => location.hash)).toBe("");
});

test("every filter and their combination on 10,000 events", async ({ page }) => {
  await page.goto("/test/single.html");
  await waitForApi(page);
  // Generated in the page; `expected` filters the same data in plain JS.
  await page.evaluate(async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      id: `e${i}`,
      start: new Date(Date.UTC(2019, 0, 1) + i * 3_600_000).toISOString(),
      title: i % 7 === 0 ? `Tánker incident ${i}` : `Event ${i}`,
      tags: [["military", "shipping", "diplomacy"][i % 3]],
      importance: 1 + (i % 3 === 0 ? 2 : i % 2),
    }));
    window.__events = events;
    window.__ntTest = { handles: { "#tl": await NewsTimeline.mount("#tl", { events }, { height: 500 }) }, logs: {}, unsubs: {} };
    window.__expected = ({ query, tags, from, to, minImportance }) =>
      events
        .filter(
          (e) =>
            (!query || e.title.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().includes(query)) &&
            (!tags || e.tags.some((t) => tags.includes(t))) &&
            (!from || e.start >= from) &&
            (!to || e.start < to) &&
            (!minImportance || e.importance >= minImportance),
        )
        .map((e) => e.id);
  });
  const count = () => page.locator("#tl .nt-filters__status").textContent();
  const expected = (f) => page.evaluate((f) => window.__expected(f).length, f);
  const en = (n) => n.toLocaleString("en");
  await expect(page.locator("#tl .nt-filters__status")).toHaveText("10,000 events");

  await page.locator("#tl").getByRole("searchbox", { name: "Search events" }).fill("tanker");
  await expect.poll(count).toBe(`${en(await expected({ query: "tanker" }))} of 10,000 events`);
  await page.locator("#tl .nt-chip", { hasText: "shipping" }).click();
  await expect.poll(count).toBe(`${en(await expected({ query: "tanker", tags: ["shipping"] }))} of 10,000 events`);
  await page.locator("#tl").getByRole("combobox", { name: "Importance" }).selectOption("2");
  const combined = { query: "tanker", tags: ["shipping"], minImportance: 2 };
  await expect.poll(count).toBe(`${en(await expected(combined))} of 10,000 events`);
  // A date range through the API: March 2019, whole month.
  expect(await call(page, "#tl", "setFilter", { ...combined, from: "2019-03", to: "2019-03" })).toMatchObject({ ok: true });
  const march = { ...combined, from: "2019-03-01T00:00:00.000Z", to: "2019-04-01T00:00:00.000Z" };
  const marchCount = await expected(march);
  expect(marchCount).toBeGreaterThan(5);
  await expect.poll(count).toBe(`${en(marchCount)} of 10,000 events`);
  await call(page, "#tl", "fit");
  const visible = (await call(page, "#tl", "getVisibleEvents")).value;
  expect(visible).toEqual(await page.evaluate((f) => window.__expected(f), march));
  // Every shown event is labelled or counted; the DOM stays small.
  expect(await page.evaluate(() => document.querySelector("#tl").shadowRoot.querySelectorAll("*").length)).toBeLessThan(3000);
  // One click resets.
  expect(await call(page, "#tl", "setFilter", {})).toMatchObject({ ok: true });
  await expect.poll(count).toBe("10,000 events");
});

test("a bad date in the address is ignored with a clear warning; the event still opens", async ({ page }) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto("/test/single.html#event-tankers&from=2019-13&tags=shipping&q=%E0%A4%A");
  expect(await mount(page, "#tl", DATA, { hash: true })).toEqual({ ok: true });
  await expect(page.locator("#tl .nt-card__title")).toHaveText("Two tankers attacked");
  // The filter as a whole is refused (a partial one would mislead), the
  // malformed %-escape is skipped, and every event still shows.
  expect(await eventIds(page, "#tl")).toEqual(["carrier", "tankers", "drone", "seized"]);
  expect((await call(page, "#tl", "getFilter")).value).toMatchObject({ tags: null, from: null });
  expect(warnings.join("\n")).toMatch(/the address's filter was ignored: setFilter: from: .*month 13/);
});
