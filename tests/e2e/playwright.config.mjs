// Playwright configuration for the news-timeline end-to-end tests.
//
// Uses the system Chromium (never `playwright install`): set CHROMIUM_PATH to
// use another binary. The static server (server.mjs) serves the release
// bundle in ../../dist (or $E2E_DIST) under the strict CSP of the contract.
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";

const port = Number(process.env.E2E_PORT || 8091);
const baseURL = `http://127.0.0.1:${port}`;

/** The system Chromium, never a downloaded one; specs that need more flags
 * extend these. */
export const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "specs",
  testMatch: "**/*.spec.mjs",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL,
    // Window changes land at once, so a spec can read them right after an
    // action; the motion specs opt back in to animations.
    reducedMotion: "reduce",
    launchOptions: LAUNCH_OPTIONS,
  },
  webServer: {
    command: "node server.mjs",
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    url: `${baseURL}/index.html`,
    reuseExistingServer: !process.env.CI,
    env: { E2E_PORT: String(port) },
    stdout: "ignore",
    stderr: "pipe",
  },
});
