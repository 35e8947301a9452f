import type {ChainAnalysis} from "./analyzeChain.js";
import {deltaStrike} from "./deltaStrike.js";

/** One cell of a delta × expiry grid: the smile's vol (decimal) at the strike with that delta. */
export type DeltaGridCell = {
  expiry: string;
  days: number;
  bucket: string; // "10ΔP", ..., "ATM", ..., "10ΔC"
  column: number; // left-to-right order: deep puts first, ATM in the middle, deep calls last
  delta: number; // target BSM spot delta (puts negative); NaN for ATM (taken at the forward)
  strike: number;
  iv: number; // NaN when the listed strikes do not reach that delta
};

/** The default columns: 10- to 40-delta puts, ATM, 40- to 10-delta calls. */
export const DELTA_GRID_DELTAS: readonly number[] = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4];

/**
 * The implied-vol surface on a delta grid: for every analysed expiry, the vol at the strikes whose BSM spot delta
 * (at the smile's own vol, with the expiry's forward-implied dividend yield) equals each of `absDeltas` on the put
 * side and the call side (deltaStrike on the out-of-the-money smile), plus ATM at the forward (the expiry's atmIv).
 * Unlike a strike grid, every expiry fills the same columns. Cells the smile does not reach are NaN, never
 * extrapolated. Row-major: expiries in the analysis' order, columns from deep puts to deep calls.
 */
export function deltaGrid(analysis: ChainAnalysis, {absDeltas = DELTA_GRID_DELTAS}: {absDeltas?: readonly number[]} = {}): DeltaGridCell[] {
  const puts = [...absDeltas].sort((a, b) => a - b);
  const calls = [...puts].reverse();
  const cells: DeltaGridCell[] = [];
  for (const e of analysis.expiries) {
    const nodes = analysis.surface.filter((p) => p.expiry === e.expiry && p.otm && Number.isFinite(p.iv));
    const market = {spot: analysis.spot, forward: e.forward, tYears: e.tYears, rate: analysis.rate, divYield: e.divYield};
    let column = 0;
    const push = (bucket: string, delta: number, strike: number, iv: number) =>
      cells.push({expiry: e.expiry, days: e.days, bucket, column: column++, delta, strike, iv});
    for (const d of puts) {
      const s = deltaStrike(nodes, {...market, right: "P", targetDelta: -d});
      push(`${Math.round(d * 100)}ΔP`, -d, s.strike, s.iv);
    }
    push("ATM", NaN, e.forward, e.atmIv);
    for (const d of calls) {
      const s = deltaStrike(nodes, {...market, right: "C", targetDelta: d});
      push(`${Math.round(d * 100)}ΔC`, d, s.strike, s.iv);
    }
  }
  return cells;
}
