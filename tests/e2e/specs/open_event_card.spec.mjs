// The event card: Enter or a click opens it with the date at its
// precision, Esc or the close button closes it and returns focus to the
// event; select() and the select event follow the contract.
import { test, expect, mount, call, listen, logged } from "../fixtures/timeline.mjs";

const DATA = {
  events: [
    {
      id: "carrier",
      start: "2019-05-05",
      title: "Carrier deployed <b>not bold</b>",
      text: '<p>A <b>strike group</b> moves in.<img src=x onerror="window.xss=1"></p><script>window.xss=1</script>',
      source: { url: "https://example.org/report", name: "Pentagon statement" },
      media: { url: "javascript:window.xss=1", caption: "bad" },
    },
    { id: "summer", start: "2019-06", title: "A month of incidents", tags: ["shipping"] },
    { id: "spies", start: "2019-07-22", title: "Spies arrested" },
  ],
};

test.beforeEach(async ({ page }) => {
  await page.goto("/test/single.html");
  expect(await mount(page, "#tl", DATA)).toEqual({ ok: true });
  await expect(page.locator("#tl [data-event-id]")).toHaveCount(3);
});

test("Enter opens the card and Esc closes it, returning focus", async ({ page }) => {
  expect(await listen(page, "#tl", "select", "select")).toMatchObject({ ok: true });
  const button = page.locator("#tl [data-event-id='summer'] button");
  await button.focus();
  await page.keyboard.press("Enter");
  const card = page.locator("#tl .nt-card");
  await expect(card).toBeVisible();
  await expect(card.locator(".nt-card__date")).toHaveText("June 2019");
  await expect(card.locator(".nt-card__title")).toHaveText("A month of incidents");
  await expect(card.locator(".nt-card__close")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect.poll(() => logged(page, "select")).toEqual([{ id: "summer" }, { id: null }]);
});

test("a click opens the card: sanitized text, plain-text title, safe links only", async ({ page }) => {
  await page.locator("#tl [data-event-id='carrier'] button").click();
  const card = page.locator("#tl .nt-card");
  await expect(card.locator(".nt-card__title")).toHaveText("Carrier deployed <b>not bold</b>");
  await expect(card.locator(".nt-card__text")).toHaveText("A strike group moves in.");
  expect(await card.locator(".nt-card__text b").count()).toBe(1);
  expect(await card.locator("script, img[onerror], .nt-card__media").count()).toBe(0);
  const source = card.getByRole("link", { name: "Pentagon statement" });
  await expect(source).toHaveAttribute("href", "https://example.org/report");
  await expect(source).toHaveAttribute("rel", "noopener noreferrer");
  expect(await page.evaluate(() => window.xss)).toBeUndefined();
  await card.getByRole("button", { name: "Close" }).click();
  await expect(card).toHaveCount(0);
});

test("select(id) opens the card and pans to the event; select(null) closes it", async ({ page }) => {
  expect(await call(page, "#tl", "setWindow", "2019-05-01", "2019-05-10")).toMatchObject({ ok: true });
  expect(await call(page, "#tl", "select", "spies")).toMatchObject({ ok: true });
  await expect(page.locator("#tl .nt-card__title")).toHaveText("Spies arrested");
  const window = (await call(page, "#tl", "getWindow")).value;
  const spies = Date.parse("2019-07-22");
  expect(Date.parse(window.start)).toBeLessThan(spies);
  expect(Date.parse(window.end)).toBeGreaterThan(spies);
  expect(await call(page, "#tl", "select", null)).toMatchObject({ ok: true });
  await expect(page.locator("#tl .nt-card")).toHaveCount(0);
  const unknown = await call(page, "#tl", "select", "nope");
  expect(unknown.isError).toBe(true);
  expect(unknown.error).toContain('"nope"');
});
