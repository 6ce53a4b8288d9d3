// Sharing a moment: the card's "Copy link" copies `#event-<id>`, and a page
// opened at that address opens the event's card in the widget that holds it.
import { test, expect } from "../fixtures/timeline.mjs";

test("a #event-<id> address opens that event's card on load", async ({ page }) => {
  await page.goto("/index.html#event-july-19-tanker");
  const card = page.locator("#war-footing .nt-card");
  await page.locator("#war-footing").scrollIntoViewIfNeeded();
  await expect(card.locator(".nt-card__title")).toHaveText("Iran seized a UK-flagged oil tanker in strategic waters.");
});

test("Copy link copies the event's address", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/index.html");
  await page.locator("#war-footing").scrollIntoViewIfNeeded();
  await page.locator("#war-footing [data-event-id='june-13-tankers'] button").click();
  await page.locator("#war-footing").getByRole("button", { name: "Copy link" }).click();
  await expect(page.locator("#war-footing .nt-card__copied")).toHaveText("Link copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).hash).toBe("#event-june-13-tankers");
});
