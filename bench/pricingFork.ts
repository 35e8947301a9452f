/** One fresh process's contender rates for bench/pricing.ts: prints measureRates() as one JSON line. */
import {measureRates} from "./pricing.js";

console.log(JSON.stringify(measureRates()));
