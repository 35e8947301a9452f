/**
 * Browser test of the built site: serves dist/ on 127.0.0.1, opens every page in Debian's headless Chromium
 * (playwright-core, fresh profile), and fails on any console error, page error, error cell, failed request or
 * request to a non-local host. Waits for each page's declared charts and query results (test/e2e/pages.ts),
 * runs its interactions, and saves a full-page screenshot to test/e2e/out/.
 *
 *   npm run test:e2e                      # against dist/ (run `npm run build` first)
 *   BASE_URL=http://127.0.0.1:3000 npm run test:e2e   # against `npm run dev`
 *   PAGES=/risk,/positions npm run test:e2e            # only these pages (while working on them)
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium, type Page} from "playwright-core";
import {auditDist} from "./distAudit.js";
import {PAGE_CHECKS} from "./pages.js";
import {serveStatic} from "./serve.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const distDir = join(projectRoot, "dist");
const outDir = join(projectRoot, "test", "e2e", "out");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];
const PAGE_TIMEOUT_MS = 90_000;

/** Every page of the built site, as a clean URL path ("/", "/risk", "/surface"). */
function builtPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith("_") || entry.startsWith(".")) continue;
      const full = join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(".html") && entry !== "404.html") {
        const path = "/" + relative(dir, full).replace(/\.html$/, "").replace(/(^|\/)index$/, "");
        pages.push(path === "/" ? "/" : path.replace(/\/$/, ""));
      }
    }
  };
  walk(dir);
  return pages.sort();
}

function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) return true;
  const {hostname} = new URL(url);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

async function checkPage(page: Page, baseUrl: string, path: string, problems: string[]): Promise<number> {
  const check = PAGE_CHECKS[path];
  const started = performance.now();
  const problem = (text: string) => problems.push(`${path}: ${text}`);
  page.on("console", (message) => {
    if (message.type() === "error") problem(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problem(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // tableFromIPC stops reading an Arrow stream early; Chromium reports the rest as aborted. Harmless.
    if (failure === "net::ERR_ABORTED" && /\.(arrow|parquet)$/.test(new URL(request.url()).pathname)) return;
    problem(`request failed: ${request.url()} ${failure}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problem(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(baseUrl + path, {waitUntil: "load", timeout: PAGE_TIMEOUT_MS});
  for (const selector of check.expect) {
    await page
      .locator(selector)
      .first()
      .waitFor({state: "attached", timeout: PAGE_TIMEOUT_MS})
      .catch(() => problem(`expected element never rendered: ${selector}`));
  }
  await page
    .waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: PAGE_TIMEOUT_MS})
    .catch(() => problem("cells still loading after timeout"));
  if (check.interact) {
    await check.interact(page).catch((error: Error) => problem(`interaction failed: ${error.message}`));
  }
  const errorCells = await page.locator(".observablehq--error").allInnerTexts();
  for (const text of errorCells) problem(`error cell: ${text.trim().slice(0, 300)}`);
  const name = path === "/" ? "index" : path.slice(1).replace(/\//g, "__");
  await page.screenshot({path: join(outDir, `${name}.png`), fullPage: true});
  return performance.now() - started;
}

async function main(): Promise<number> {
  const served = process.env.BASE_URL ? null : await serveStatic(distDir);
  const baseUrl = process.env.BASE_URL ?? served!.url;
  if (!process.env.BASE_URL && !existsSync(join(distDir, "index.html"))) {
    console.error("test:e2e: dist/ has no index.html; run `npm run build` first");
    return 1;
  }
  const only = process.env.PAGES ? new Set(process.env.PAGES.split(",")) : null;
  const allPages = process.env.BASE_URL ? Object.keys(PAGE_CHECKS).sort() : builtPages(distDir);
  const pages = only ? allPages.filter((p) => only.has(p)) : allPages;
  const problems: string[] = process.env.BASE_URL ? [] : auditDist(distDir);
  for (const path of pages) if (!PAGE_CHECKS[path]) problems.push(`${path}: built, but test/e2e/pages.ts declares no checks for it`);
  for (const path of Object.keys(PAGE_CHECKS)) if (!only && !pages.includes(path)) problems.push(`${path}: declared in test/e2e/pages.ts but not built`);
  mkdirSync(outDir, {recursive: true});
  const profile = mkdtempSync(join(tmpdir(), "voldesk-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: 1400, height: 1000}
  });
  const nonLocal: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    nonLocal.push(url);
    return route.abort("blockedbyclient");
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const path of pages.filter((p) => PAGE_CHECKS[p])) {
      const page = await context.newPage();
      const before = problems.length;
      const ms = await checkPage(page, baseUrl, path, problems);
      const ok = problems.length === before;
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? "ok  " : "FAIL"} ${path.padEnd(16)} ${(ms / 1000).toFixed(1)} s`);
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
    await served?.close();
  }
  for (const url of nonLocal) problems.push(`request to a non-local host was blocked: ${url}`);
  for (const text of problems) console.error(`  ${text}`);
  if (problems.length && failed === 0) failed = 1; // site-level problems (undeclared pages, blocked hosts)
  console.log(`\nscreenshots in ${relative(projectRoot, outDir)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
