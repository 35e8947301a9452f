import {bjerksundStensland2002Price, bjerksundStensland2002Pricer} from "../pricing/bjerksundStensland.js";
import {normalisedBlack} from "../pricing/normalisedBlack.js";
import {SCENARIO_KIND, type ScenarioBook} from "./scenarioBook.js";

/** Default grid: SPY moves in percent and IV shocks in vol points. */
export const DEFAULT_SPOT_MOVES_PCT: readonly number[] = [-20, -15, -10, -5, -2, 0, 2, 5, 10, 15, 20];
export const DEFAULT_VOL_SHOCKS_PTS: readonly number[] = [-10, -5, 0, 5, 10, 15, 20];

/** Lowest vol a negative shock can reach (1 vol point), unless the position's own vol is already lower. */
export const VOL_FLOOR = 0.01;
/** Lowest spot a beta-mapped move can reach, as a fraction of today's (a -20% SPY move at beta 5 is not -100%). */
export const SPOT_FLOOR_FRACTION = 1e-4;

/**
 * Scenario P&L. `pnlUsd[i * volShocksPts.length + j]` is the book's P&L in USD for SPY move `spotMovesPct[i]` and
 * IV shock `volShocksPts[j]`. `worstPnlUsd[p]` is position p's lowest P&L over the grid (positions in the order
 * given to prepareScenarioBook; NaN for positions it could not reprice).
 */
export type ScenarioGrid = {
  spotMovesPct: number[];
  volShocksPts: number[];
  pnlUsd: Float64Array;
  worstPnlUsd: Float64Array;
};

/**
 * Returns the P&L of the book over SPY moves x IV shocks by full repricing with the lib/pricing kernel (normalised
 * Black on the forward; Bjerksund-Stensland 2002 for American rows), never a Taylor expansion.
 *
 * A SPY move m (percent) moves each underlying by its beta: S' = S (1 + beta m / 100), floored at
 * SPOT_FLOOR_FRACTION x S. An IV shock adds vol points to every option's vol: vol' = vol + shock / 100, floored
 * at VOL_FLOOR (or the row's own vol if lower). Time stands still unless `horizonDays` > 0, which also ages every
 * option (expired ones pay intrinsic value). P&L per row = size x (V(S', vol', T - h) - V(S, vol, T)), so the
 * zero-move, zero-shock cell is exactly 0 at horizon 0; delta-one rows give exactly size x (S' - S).
 * Rows whose values are not finite contribute nothing (none are expected from prepareScenarioBook).
 */
export function scenarioGrid(
  book: ScenarioBook,
  {
    spotMovesPct = DEFAULT_SPOT_MOVES_PCT,
    volShocksPts = DEFAULT_VOL_SHOCKS_PTS,
    horizonDays = 0
  }: {spotMovesPct?: readonly number[]; volShocksPts?: readonly number[]; horizonDays?: number} = {}
): ScenarioGrid {
  if (!(horizonDays >= 0)) throw new RangeError(`scenarioGrid: horizonDays must be >= 0, got ${horizonDays}`);
  const ns = spotMovesPct.length;
  const nv = volShocksPts.length;
  const pnl = new Float64Array(ns * nv);
  const lowPerUnit = new Float64Array(book.n);
  const highPerUnit = new Float64Array(book.n);
  const cell = new Float64Array(ns * nv); // one row's P&L per cell, before it is added
  const growth = new Float64Array(ns);
  const lnGrowth = new Float64Array(ns);
  const sqrtGrowth = new Float64Array(ns);
  const shocks = Float64Array.from(volShocksPts, (v) => v / 100);
  const hYears = horizonDays / 365;
  for (let row = 0; row < book.n; ++row) {
    const kind = book.kind[row];
    const s = book.spot[row];
    const beta = book.beta[row];
    for (let i = 0; i < ns; ++i) {
      const g = Math.max(1 + (beta * spotMovesPct[i]) / 100, SPOT_FLOOR_FRACTION);
      growth[i] = g;
      lnGrowth[i] = Math.log(g);
      sqrtGrowth[i] = Math.sqrt(g);
    }
    if (kind === SCENARIO_KIND.deltaOne) {
      for (let i = 0; i < ns; ++i) {
        const v = s * growth[i] - s;
        for (let j = 0; j < nv; ++j) cell[i * nv + j] = v;
      }
    } else {
      const k = book.strike[row];
      const t = book.tYears[row];
      const r = book.rate[row];
      const vol = book.vol[row];
      const floor = Math.min(vol, VOL_FLOOR);
      const theta = book.isCall[row] === 1 ? 1 : -1;
      const t1 = Math.max(t - hYears, 0);
      const sqrtT1 = Math.sqrt(t1);
      if (kind === SCENARIO_KIND.american) {
        const call = theta === 1;
        const q = book.divYield[row];
        const base = bjerksundStensland2002Price(call, s, k, t, r, q, vol);
        // the same prices, the quadrature set up once per row
        const price = bjerksundStensland2002Pricer({isCall: call, strike: k, tYears: t1, rate: r, divYield: q});
        for (let i = 0; i < ns; ++i) {
          for (let j = 0; j < nv; ++j) {
            const v1 = Math.max(vol + shocks[j], floor);
            cell[i * nv + j] = (price(s * growth[i], v1) - base);
          }
        }
      } else {
        // V = D sqrt(F K) b(ln(F/K), vol sqrt(T)); F scales with the spot, so sqrt(F'K) = sqrt(FK) sqrt(g)
        const carry1 = t1 === t ? book.carry[row] : Math.exp((Math.log(book.carry[row]) / (t || 1)) * t1);
        const f = s * book.carry[row];
        const base = Math.exp(-r * t) * Math.sqrt(f * k) * normalisedBlack(Math.log(f / k), vol * Math.sqrt(t), theta);
        const f1 = s * carry1;
        const scale = Math.exp(-r * t1) * Math.sqrt(f1 * k);
        const x0 = Math.log(f1 / k);
        for (let i = 0; i < ns; ++i) {
          const x = x0 + lnGrowth[i];
          const a = scale * sqrtGrowth[i];
          for (let j = 0; j < nv; ++j) {
            const v1 = Math.max(vol + shocks[j], floor);
            cell[i * nv + j] = (a * normalisedBlack(x, v1 * sqrtT1, theta) - base);
          }
        }
      }
    }
    let low = Infinity;
    let high = -Infinity;
    const rowSize = book.size[row];
    for (let c = 0; c < ns * nv; ++c) {
      const v = cell[c];
      if (!Number.isFinite(v)) continue;
      pnl[c] += rowSize * v;
      if (v < low) low = v;
      if (v > high) high = v;
    }
    lowPerUnit[row] = low === Infinity ? NaN : low;
    highPerUnit[row] = high === -Infinity ? NaN : high;
  }
  const worst = new Float64Array(book.rowOf.length);
  for (let p = 0; p < worst.length; ++p) {
    const row = book.rowOf[p];
    const size = book.positionSize[p];
    worst[p] = row < 0 ? NaN : size === 0 ? 0 : size > 0 ? size * lowPerUnit[row] : size * highPerUnit[row];
  }
  return {spotMovesPct: [...spotMovesPct], volShocksPts: [...volShocksPts], pnlUsd: pnl, worstPnlUsd: worst};
}
