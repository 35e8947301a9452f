/** Runs every VolDesk benchmark in turn: `npm run bench` (= `npx tsx bench/run.ts`). */
import {runPricingBench} from "./pricing.js";
import {runPricingBrowserBench} from "./pricingBrowser.js";

const benches: (() => Promise<void>)[] = [runPricingBench, runPricingBrowserBench];

for (const bench of benches) await bench();
await (await import("./pages.js")).runPagesBench();
