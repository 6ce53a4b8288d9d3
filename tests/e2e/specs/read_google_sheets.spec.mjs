// A Google Sheets share, edit or publish URL given as data-src is read as
// the sheet's published CSV, and an unpublished sheet gets an error saying
// how to publish it. The rewrite is unit-tested on the loader's own
// function (no browser); the fetches are answered by page.route: no test
// reaches the internet.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect, eventTitles, scrollIntoView } from "../fixtures/timeline.mjs";

/** The loader's sheetsCsvUrl, taken from its source. */
function loaderFunction(name) {
  const source = readFileSync(fileURLToPath(new URL("../../../www/news-timeline.js", import.meta.url)), "utf8");
  const start = source.indexOf(`  function ${name}(`);
  const end = source.indexOf("\n  }\n", start);
  expect(start, `the loader defines ${name}`).toBeGreaterThan(0);
  return new Function(`${source.slice(start, end + 4)}\nreturn ${name};`)();
}

const KEY = "1AbC-dEf_123";
const PUBLISHED = `https://docs.google.com/spreadsheets/d/${KEY}/pub?output=csv`;

for (const [given, expected] of [
  [`https://docs.google.com/spreadsheets/d/${KEY}/edit?usp=sharing`, PUBLISHED],
  [`https://docs.google.com/spreadsheets/d/${KEY}/edit#gid=0`, `${PUBLISHED}&gid=0&single=true`],
  [`https://docs.google.com/spreadsheets/d/${KEY}/edit?gid=123456#gid=123456`, `${PUBLISHED}&gid=123456&single=true`],
  [`https://docs.google.com/spreadsheets/d/${KEY}`, PUBLISHED],
  [`https://docs.google.com/spreadsheets/d/${KEY}/htmlview`, PUBLISHED],
  [`https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml`, "https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pub?output=csv"],
  [
    `https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pub?gid=7&single=true&output=csv`,
    "https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pub?output=csv&gid=7&single=true",
  ],
  ["https://docs.google.com/document/d/abc/edit", null],
  ["https://example.com/spreadsheets/d/abc/edit", null],
  ["https://news.example/data/timeline.csv", null],
  ["not a url", null],
]) {
  test(`sheetsCsvUrl(${given})`, () => {
    expect(loaderFunction("sheetsCsvUrl")(given)).toBe(expected);
  });
}

const CSV = "Year,Month,Day,Headline\n2019,5,5,Carrier deployed\n2019,6,13,Tankers attacked\n";

async function mountSheet(page, src) {
  // A page that reads a sheet lets the browser fetch from Google (the
  // test server's strict policy allows only its own origin).
  await page.route("**/test/single.html", async (route) => {
    const response = await route.fetch();
    const policy = response.headers()["content-security-policy"] + "; connect-src 'self' https://docs.google.com";
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
  });
  await page.goto("/test/single.html");
  await page.evaluate((src) => {
    const el = document.createElement("news-timeline");
    el.id = "sheet";
    el.setAttribute("src", src);
    el.setAttribute("loading", "eager");
    document.body.append(el);
  }, src);
  await scrollIntoView(page, "#sheet");
}

test("an edit URL is read as the sheet's published CSV", async ({ page }) => {
  const asked = [];
  await page.route("https://docs.google.com/**", (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/csv", headers: { "Access-Control-Allow-Origin": "*" }, body: CSV });
  });
  await mountSheet(page, `https://docs.google.com/spreadsheets/d/${KEY}/edit#gid=0`);
  await expect.poll(() => eventTitles(page, "#sheet")).toEqual(["Carrier deployed", "Tankers attacked"]);
  expect(asked).toEqual([`${PUBLISHED}&gid=0&single=true`]);
});

for (const [what, answer] of [
  ["an HTML page", { status: 200, contentType: "text/html", body: "<!doctype html><p>Sign in</p>" }],
  ["a 404", { status: 404, contentType: "text/html", body: "<p>Not published</p>" }],
]) {
  test(`an unpublished sheet (${what}) gets an error saying how to publish it`, async ({ page }) => {
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.route("https://docs.google.com/**", (route) =>
      route.fulfill({ ...answer, headers: { "Access-Control-Allow-Origin": "*" } }),
    );
    await mountSheet(page, `https://docs.google.com/spreadsheets/d/${KEY}/edit`);
    await expect(page.locator("#sheet [role=alert]")).toContainText("The timeline could not be loaded.");
    await expect.poll(() => errors.join("\n")).toContain("is not published to the web");
    expect(errors.join("\n")).toContain("File > Share > Publish to web");
  });
}
