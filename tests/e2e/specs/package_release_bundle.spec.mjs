// Packaging: the release bundle (dist/) carries a package.json (name
// "news-timeline", the crate's version) whose main/module/types/files/exports
// point at files that exist, `npm pack` packs exactly the bundle's files,
// and news-timeline.d.ts type-checks real usage of the whole JS API and
// rejects wrong usage (tsc --noEmit, typescript from this folder's
// devDependencies).
import { test, expect } from "@playwright/test";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const e2e = resolve(here, "..");
const repo = resolve(e2e, "..", "..");
const dist = resolve(process.env.E2E_DIST || join(repo, "dist"));
const tsc = join(e2e, "node_modules", "typescript", "bin", "tsc");

const BUNDLE = ["news-timeline.js", "news_timeline.js", "news_timeline_bg.wasm", "news-timeline.d.ts"];
const EMBED = ["embed.html", "embed.css", "embed.js", "embed-host.js"];

const pkg = () => JSON.parse(readFileSync(join(dist, "package.json"), "utf8"));

test("package.json names the bundle, at the crate's version, and points at files that exist", async ({ page }) => {
  const cargo = readFileSync(join(repo, "Cargo.toml"), "utf8");
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo)[1];
  const p = pkg();
  expect(p.name).toBe("news-timeline");
  expect(p.version).toBe(version);
  expect(p.main).toBe("news-timeline.js");
  expect(p.module).toBe("news-timeline.js");
  expect(p.types).toBe("news-timeline.d.ts");
  expect(p.files).toEqual(expect.arrayContaining([...BUNDLE, ...EMBED]));
  expect(p.exports["."]).toEqual({ types: "./news-timeline.d.ts", default: "./news-timeline.js" });
  const targets = [p.main, p.module, p.types, ...p.files, ...Object.values(p.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)))];
  for (const target of targets) expect(existsSync(join(dist, target)), `${target} is in dist/`).toBe(true);
  // The loader announces the same version (it ships minified: ask it).
  await page.goto("/");
  await page.waitForFunction(() => window.NewsTimeline);
  expect(await page.evaluate(() => window.NewsTimeline.version)).toBe(version);
});

test("npm pack packs exactly the bundle's files", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dist, encoding: "utf8", env: { ...process.env, npm_config_loglevel: "silent" } });
  const [packed] = JSON.parse(out);
  expect(packed.name).toBe("news-timeline");
  expect(packed.files.map((f) => f.path).sort()).toEqual([...BUNDLE, ...EMBED, "package.json"].sort());
});

const USAGE = `
import "news-timeline";
import type { Handle, MountOptions, TimelineData, Filter, Problem } from "news-timeline";

const data: TimelineData = { title: "T", events: [{ start: "2019-05-05", title: "A", tags: ["x"], importance: 3, media: { url: "a.jpg", alt: "a" } }] };
const options: MountOptions = { height: 420, lang: "de-CH", theme: "dark", loading: "eager", debug: true, hash: true, minSpan: 60000, title: "T", timeZone: "America/New_York",
  onWarning: ({ problems }) => problems.forEach((p: Problem) => p.path.length) };

async function main(): Promise<void> {
  await NewsTimeline.ready;
  const version: string = window.NewsTimeline.version;
  const handle: Handle = await NewsTimeline.mount("#tl", data, options);
  await NewsTimeline.mount(document.body, [{ start: "2019", title: "bare array" }]);
  await NewsTimeline.mount("#tl", { events: [{ start_date: { year: -44, month: 3 }, text: { headline: "Ides" }, unique_id: "ides" }] });
  handle.setEvents(data);
  const w: { start: string; end: string } = handle.getWindow();
  handle.setWindow("2019-06", "2019-07");
  handle.fit();
  handle.setFilter({ query: "tanker", tags: ["shipping"], from: "2019-06", to: null, minImportance: 2 });
  handle.setFilter(null);
  const f: Filter = handle.getFilter();
  const q: string | null = f.query;
  const visible: string[] = handle.getVisibleEvents();
  handle.select("may-5");
  handle.select(null);
  const off: () => void = handle.on("rangechange", ({ start, end }) => console.log(start.length + end.length));
  handle.on("select", ({ id }) => console.log(id === null ? "closed" : id.toUpperCase()));
  handle.on("filterchange", ({ filter, count }) => console.log(filter.tags, count.toFixed()));
  handle.on("warning", ({ problems }) => console.log(problems[0].message));
  off();
  const host = document.querySelector("news-timeline");
  host?.addEventListener("newstimeline:select", (e) => console.log(e.detail.id));
  document.addEventListener("newstimeline:filterchange", (e) => console.log(e.detail.count));
  document.addEventListener("newstimeline:ready", (e) => e.detail.handle.fit());
  host?.newsTimeline?.destroy();
  handle.destroy();
  console.log(version, w, q, visible);
}
main();
`;

// Each line is one mistake the declarations must catch.
const MISUSE = [
  `NewsTimeline.mount("#tl", data, { theme: "sepia" });`,
  `NewsTimeline.mount("#tl", data, { loading: "later" });`,
  `NewsTimeline.mount("#tl", data, { timeZone: -5 });`,
  `handle.setFilter({ minImportance: 5 });`,
  `handle.setFilter({ tags: "shipping" });`,
  `handle.on("zoom", () => {});`,
  `handle.on("select", ({ start }) => start);`,
  `handle.setWindow(2019, 2020);`,
  `NewsTimeline.mount("#tl", { events: [{ title: "no start" }] });`,
  `const v: number = handle.getVisibleEvents();`,
  `NewsTimeline.version = "2";`,
];

function typecheck(dir, source) {
  writeFileSync(join(dir, "usage.ts"), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { noEmit: true, strict: true, target: "es2020", module: "esnext", moduleResolution: "bundler", lib: ["es2020", "dom"], types: [] },
      files: ["usage.ts"],
    }),
  );
  return spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
}

test("news-timeline.d.ts types the whole API and rejects misuse (tsc --noEmit)", () => {
  test.skip(!existsSync(tsc), "typescript is not installed in tests/e2e (npm ci)");
  const dir = mkdtempSync(join(tmpdir(), "nt-types-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(dist, join(dir, "node_modules", "news-timeline"), "dir");
    const good = typecheck(dir, USAGE);
    expect(good.stdout + good.stderr, "the usage file type-checks").toBe("");
    expect(good.status).toBe(0);

    const prelude = `import "news-timeline";\nimport type { Handle } from "news-timeline";\ndeclare const handle: Handle;\nconst data = { events: [{ start: "2019", title: "x" }] };\n`;
    const bad = typecheck(dir, prelude + MISUSE.join("\n") + "\n");
    expect(bad.status).not.toBe(0);
    const lines = new Set([...bad.stdout.matchAll(/usage\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])));
    const first = prelude.split("\n").length;
    for (const [i, misuse] of MISUSE.entries()) expect(lines.has(first + i), `tsc rejects: ${misuse}`).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A bundler copies the loader into its own output, away from the glue and
// the wasm: <meta name="news-timeline-base"> tells the loader where they are.
test("a loader bundled elsewhere finds the glue and wasm through <meta name=news-timeline-base>", async ({ page, baseURL }) => {
  const loader = readFileSync(join(dist, "news-timeline.js"), "utf8");
  await page.route(`${baseURL}/assets/app-1234.js`, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: loader }));
  await page.route(`${baseURL}/app/page.html`, (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
      body:
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bundled</title>' +
        '<meta name="news-timeline-base" content="/">' +
        '<script src="/assets/app-1234.js" defer></script></head><body>' +
        '<news-timeline id="tl" src="/test/events.json" loading="eager"></news-timeline></body></html>',
    }),
  );
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${baseURL}/app/page.html`);
  await expect.poll(() => page.evaluate(() => document.getElementById("tl").newsTimeline?.getVisibleEvents() ?? null)).toEqual(expect.arrayContaining([expect.any(String)]));
  expect(fetched).toEqual(expect.arrayContaining(["/news_timeline.js", "/news_timeline_bg.wasm"]));
  expect(fetched.filter((p) => p.startsWith("/assets/") && p !== "/assets/app-1234.js")).toEqual([]);
});
