import {
  allocGreeksColumns,
  allocIvGreeksColumns,
  chainGreeks,
  chainImpliedVol,
  chainImpliedVolAndGreeks,
  type ChainColumns
} from "../lib/pricing/chain.js";
import {median} from "./benchStats.js";

/** Medians in ms of the chain timings; `solved` counts the contracts with an implied vol. */
export type ChainTiming = {totalMs: number; minMs: number; twoPassMs: number; ivMs: number; greeksMs: number; solved: number};

/**
 * Times a whole chain's IV + greeks: one pass (chainImpliedVolAndGreeks) interleaved with the two-pass path
 * (chainImpliedVol then chainGreeks) and each of its halves; medians over `rounds` after `warmup`.
 * No Node APIs: bench/pricing.ts runs it in Node, bench/pricingBrowser.ts bundles it into a page.
 */
export function timeChain(chain: ChainColumns, price: Float64Array, {warmup = 5, rounds = 21} = {}): ChainTiming {
  const n = price.length;
  const iv = new Float64Array(n);
  const out = allocGreeksColumns(n);
  const onePassOut = allocIvGreeksColumns(n);
  const onePass: number[] = [];
  const twoPass: number[] = [];
  const ivOnly: number[] = [];
  const greeksOnly: number[] = [];
  for (let r = 0; r < warmup + rounds; ++r) {
    const t0 = performance.now();
    chainImpliedVolAndGreeks(chain, price, onePassOut);
    const t1 = performance.now();
    chainImpliedVol(chain, price, iv);
    const t2 = performance.now();
    chainGreeks(chain, iv, out);
    const t3 = performance.now();
    if (r >= warmup) {
      onePass.push(t1 - t0);
      twoPass.push(t3 - t1);
      ivOnly.push(t2 - t1);
      greeksOnly.push(t3 - t2);
    }
  }
  let solved = 0;
  for (let i = 0; i < n; ++i) if (onePassOut.iv[i] > 0) solved++;
  return {totalMs: median(onePass), minMs: Math.min(...onePass), twoPassMs: median(twoPass), ivMs: median(ivOnly), greeksMs: median(greeksOnly), solved};
}
