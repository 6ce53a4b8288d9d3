// A data-src that cannot be loaded shows readers a plain message with a
// retry button (the developer detail goes to the console); the retry mounts
// the widget once the data is there.
import { test, expect, eventTitles } from "../fixtures/timeline.mjs";

for (const [what, respond] of [
  ["an HTTP error", (route) => route.fulfill({ status: 503, body: "busy" })],
  ["invalid JSON", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "{\"events\": [" })],
  ["an HTML page instead of data", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>Login</p>" })],
  ["a network error", (route) => route.abort("connectionrefused")],
]) {
  test(`recovers from ${what} with the retry button`, async ({ page }) => {
    let failing = true;
    await page.route("**/test/flaky.json", (route) =>
      failing
        ? respond(route)
        : route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify([{ start: "2019-05-05", title: "Back" }]) }),
    );
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/test/single.html");
    await page.evaluate(() => {
      const el = document.createElement("news-timeline");
      el.id = "flaky";
      el.setAttribute("src", "/test/flaky.json");
      el.setAttribute("loading", "eager");
      document.body.append(el);
    });
    const alert = page.locator("#flaky [role=alert]");
    await expect(alert).toContainText("The timeline could not be loaded.");
    expect(errors.some((e) => e.includes("news-timeline:"))).toBe(true);
    failing = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => eventTitles(page, "#flaky")).toEqual(["Back"]);
    await expect(page.locator("#flaky [role=alert]")).toHaveCount(0);
  });
}
