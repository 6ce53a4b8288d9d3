// Languages: the widget's own words come from a small table chosen by the
// host page's lang (no locale file is fetched), numbers are written by
// Intl for that language, and Arabic lays the widget out right to left:
// the chrome is mirrored, the time axis keeps earlier on the left and the
// arrow keys follow it.
import { test, expect, mount, frames, watchPage, expectClean } from "../fixtures/timeline.mjs";

const ARABIC = {
  title: "توترات في الخليج",
  events: [
    { id: "drone", start: "2019-06-20", title: "إسقاط طائرة مسيّرة", tags: ["عسكري"] },
    { id: "carrier", start: "2019-05-05", title: "نشر حاملة طائرات", tags: ["عسكري"] },
    { id: "spies", start: "2019-07-22", title: "اعتقال جواسيس", tags: ["دبلوماسية"] },
    { id: "tanker", start: "2019-07-19", title: "احتجاز ناقلة نفط", tags: ["ملاحة"] },
  ],
};

const FEW = {
  events: [
    { id: "a", start: "2019-05-05", title: "Carrier deployed", tags: ["military"] },
    { id: "b", start: "2019-05-24", title: "More troops", tags: ["military"] },
    { id: "c", start: "2019-06-20", title: "Drone shot down", tags: ["military"] },
    { id: "d", start: "2019-07-22", title: "Spies arrested", tags: ["diplomacy"] },
  ],
};

/** One widget on a page whose <html lang> is `lang`. */
async function mountIn(page, lang, data, hostDir) {
  await page.goto("/test/single.html");
  await page.evaluate(
    ({ lang, hostDir }) => {
      document.documentElement.lang = lang;
      if (hostDir) document.querySelector("#tl").setAttribute("dir", hostDir);
    },
    { lang, hostDir },
  );
  expect(await mount(page, "#tl", data)).toEqual({ ok: true });
  await expect(page.locator("#tl [data-event-id]")).toHaveCount(data.events.length);
  await frames(page);
}

/** `n` as Intl writes it in `lang` in the page. */
function number(page, lang, n) {
  return page.evaluate(({ lang, n }) => new Intl.NumberFormat(lang).format(n), { lang, n });
}

test("an Arabic page gets Arabic words, Arabic digits and a right-to-left widget", async ({ page }) => {
  const watch = await watchPage(page);
  await mountIn(page, "ar", ARABIC);
  const tl = page.locator("#tl");
  const section = tl.locator(".nt-timeline");
  await expect(section).toHaveAttribute("dir", "rtl");
  await expect(section).toHaveAttribute("lang", "ar");
  await expect(tl.getByRole("button", { name: "تكبير", exact: true })).toBeVisible();
  await expect(tl.getByRole("button", { name: "تصغير" })).toBeVisible();
  await expect(tl.getByRole("button", { name: "عرض الكل" })).toBeVisible();
  await expect(tl.getByRole("searchbox", { name: "البحث في الأحداث" })).toBeVisible();
  await expect(tl.getByRole("slider", { name: "عرض الأحداث من" })).toHaveAttribute("aria-valuetext", "الحدث الأول");
  await expect(tl.locator(".nt-filters__status")).toHaveText(`${await number(page, "ar", 4)} أحداث`);
  // Arabic plural forms: two is its own form.
  await tl.locator(".nt-chip", { hasText: "عسكري" }).click();
  await expect(tl.locator(".nt-filters__status")).toHaveText(`${await number(page, "ar", 2)} من ${await number(page, "ar", 4)} أحداث`);
  await tl.locator(".nt-chip", { hasText: "عسكري" }).click();

  // The chrome is mirrored: the title on the right, the zoom buttons on the left.
  const box = async (selector) => tl.locator(selector).first().boundingBox();
  const [title, zoom] = [await box(".nt-timeline__title"), await box(".nt-zoom")];
  expect(zoom.x + zoom.width).toBeLessThan(title.x);
  // Time runs right to left (earlier on the right), and the arrow keys
  // follow what is seen: Left moves to the later event.
  const [carrier, spies] = [await box("[data-event-id='carrier']"), await box("[data-event-id='spies']")];
  expect(carrier.x).toBeGreaterThan(spies.x);
  await tl.locator("[data-event-id='carrier'] button").focus();
  await page.keyboard.press("ArrowLeft");
  await expect(tl.locator("[data-event-id='drone'] button")).toBeFocused();

  // The card: Arabic buttons, at the inline end (the left).
  await page.keyboard.press("Enter");
  const card = tl.locator(".nt-card");
  await expect(card).toBeVisible();
  await expect(card.getByRole("button", { name: "إغلاق" })).toBeFocused();
  await expect(card.getByRole("button", { name: "نسخ الرابط" })).toBeVisible();
  await expect(card.getByRole("button", { name: "السابق" })).toBeEnabled();
  await expect(card.getByRole("button", { name: "التالي" })).toBeEnabled();
  const [cardBox, trackBox] = [await box(".nt-card"), await box(".nt-timeline")];
  expect(cardBox.x - trackBox.x).toBeLessThan(trackBox.x + trackBox.width - (cardBox.x + cardBox.width));
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);
  expectClean(watch);
});

test("a dir attribute on the host overrides the language's direction", async ({ page }) => {
  await mountIn(page, "ar", ARABIC, "ltr");
  await expect(page.locator("#tl .nt-timeline")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("#tl").getByRole("button", { name: "عرض الكل" })).toBeVisible();
});

test("a German page gets German buttons and German numbers", async ({ page }) => {
  await mountIn(page, "de-DE", FEW);
  const tl = page.locator("#tl");
  await expect(tl.locator(".nt-timeline")).toHaveAttribute("dir", "ltr");
  await expect(tl.locator(".nt-timeline")).toHaveAttribute("lang", "de-DE");
  await expect(tl.getByRole("button", { name: "Vergrößern" })).toBeVisible();
  await expect(tl.getByRole("button", { name: "Verkleinern" })).toBeVisible();
  await expect(tl.getByRole("button", { name: "Alle zeigen" })).toBeVisible();
  await expect(tl.getByRole("searchbox", { name: "Ereignisse durchsuchen" })).toBeVisible();
  await expect(tl.locator(".nt-filters__status")).toHaveText("4 Ereignisse");
  await tl.locator(".nt-chip", { hasText: "diplomacy" }).click();
  await expect(tl.locator(".nt-filters__status")).toHaveText("1 von 4 Ereignissen");
  await tl.locator("[data-event-id='d'] button").click();
  const card = tl.locator(".nt-card");
  await expect(card.getByRole("button", { name: "Schließen" })).toBeFocused();
  await expect(card.getByRole("button", { name: "Link kopieren" })).toBeVisible();
});

test("German counts group thousands as Germans write them", async ({ page }) => {
  const events = Array.from({ length: 1234 }, (_, i) => ({ start: new Date(Date.UTC(2019, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), title: `E ${i}` }));
  await page.goto("/test/single.html");
  await page.evaluate(() => (document.documentElement.lang = "de"));
  expect(await mount(page, "#tl", { events })).toEqual({ ok: true });
  await expect(page.locator("#tl .nt-filters__status")).toHaveText("1.234 Ereignisse");
});

for (const [lang, fit, status] of [
  ["en-GB", "Show all", "4 events"],
  ["fr", "Tout afficher", "4 événements"],
  ["es-MX", "Ver todo", "4 eventos"],
  ["ja", "Show all", "4 events"],
]) {
  test(`lang="${lang}": "${fit}", "${status}"`, async ({ page }) => {
    await mountIn(page, lang, FEW);
    await expect(page.locator("#tl").getByRole("button", { name: fit })).toBeVisible();
    await expect(page.locator("#tl .nt-filters__status")).toHaveText(status);
  });
}
