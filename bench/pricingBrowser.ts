/**
 * The 20,000-contract chain (IV + 8 greeks each: one pass with chainImpliedVolAndGreeks, and two passes) timed in
 * the browser: bundles the chain kernel with esbuild into a page served on 127.0.0.1, runs it in Debian's headless Chromium (playwright-core,
 * fresh profile, no network) and prints the median ms after warm-up. Same contracts as the Node chain bench.
 *   npx tsx -e 'import("./bench/pricingBrowser.ts").then((m) => m.runPricingBrowserBench())'
 */
import {mkdtempSync, rmSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";
import {chromium} from "playwright-core";
import type {ChainTiming} from "./chainTiming.js";
import {chainBenchInputs} from "./pricing.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const N_CONTRACTS = 20000;
const WARMUP = 5;
const ROUNDS = 21;
const COLUMNS = ["isCall", "underlying", "strike", "tYears", "rate", "price"] as const;

/** The page's module: reads the columns from /chain.bin, times the chain (bench/chainTiming.ts), leaves the result on window.__chainBench. */
const ENTRY = `
import {timeChain} from "./chainTiming.ts";
const buf = await (await fetch("/chain.bin")).arrayBuffer();
const n = ${N_CONTRACTS};
const col = (j) => new Float64Array(buf, j * n * 8, n);
const chain = {isCall: col(0), underlying: col(1), strike: col(2), tYears: col(3), rate: col(4)};
window.__chainBench = {...timeChain(chain, col(5), {warmup: ${WARMUP}, rounds: ${ROUNDS}}), isolated: crossOriginIsolated, userAgent: navigator.userAgent};
`;

type BrowserResult = ChainTiming & {isolated: boolean; userAgent: string};

/** Runs the chain in headless Chromium and returns its timings (medians in ms). */
export async function timeChainInBrowser(): Promise<BrowserResult> {
  const benchDir = dirname(fileURLToPath(import.meta.url));
  const bundle = await build({
    stdin: {contents: ENTRY, resolveDir: benchDir, sourcefile: "pricingBrowserEntry.ts", loader: "ts"},
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "warning"
  });
  const js = bundle.outputFiles[0].text;
  const inputs = chainBenchInputs(N_CONTRACTS);
  const data = new Float64Array(COLUMNS.length * N_CONTRACTS);
  COLUMNS.forEach((name, j) => data.set(inputs[name], j * N_CONTRACTS));
  const html = `<!doctype html><meta charset="utf-8"><title>VolDesk chain bench</title><script type="module" src="/bench.js"></script>`;
  // Cross-origin isolation gives performance.now() 5 us resolution instead of 100 us.
  const isolated = {"cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp"};
  const server = createServer((req, res) => {
    if (req.url === "/") res.writeHead(200, {"content-type": "text/html", ...isolated}).end(html);
    else if (req.url === "/bench.js") res.writeHead(200, {"content-type": "text/javascript", ...isolated}).end(js);
    else if (req.url === "/chain.bin") {
      res.writeHead(200, {"content-type": "application/octet-stream", ...isolated}).end(Buffer.from(data.buffer));
    }
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  const profile = mkdtempSync(join(tmpdir(), "voldesk-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS});
  try {
    await context.route("**/*", (route) => {
      const {hostname} = new URL(route.request().url());
      return hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/`, {waitUntil: "load"});
    await page.waitForFunction(() => "__chainBench" in window, undefined, {timeout: 120_000}).catch(() => {
      throw new Error(`bench/pricingBrowser: the page did not finish${errors.length ? ": " + errors.join("; ") : ""}`);
    });
    return (await page.evaluate(() => (window as unknown as {__chainBench: BrowserResult}).__chainBench)) as BrowserResult;
  } finally {
    await context.close();
    server.close();
    rmSync(profile, {recursive: true, force: true});
  }
}

/** Prints the browser chain time against the 10 ms goal. */
export async function runPricingBrowserBench(): Promise<void> {
  const r = await timeChainInBrowser();
  const version = /Chrome\/([\d.]+)/.exec(r.userAgent)?.[1] ?? r.userAgent;
  console.log(
    `\n20,000-contract chain (headless Chromium ${version}), IV + 8 greeks each, one pass (chainImpliedVolAndGreeks): ` +
      `median ${r.totalMs.toFixed(2)} ms (min ${r.minMs.toFixed(2)} ms; ${r.solved} IVs solved; timer ${r.isolated ? "5 us" : "100 us"}); ` +
      `two passes ${r.twoPassMs.toFixed(2)} ms (chainImpliedVol ${r.ivMs.toFixed(2)} ms + chainGreeks ${r.greeksMs.toFixed(2)} ms)`
  );
  console.log(`- 20,000-contract chain in the browser: ${r.totalMs.toFixed(2)} ms (goal < 10 ms): ${r.totalMs < 10 ? "met" : "SHORT"}`);
}
