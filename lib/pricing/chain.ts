/**
 * Vector API for whole option chains over columns (Float64Array, arrays or Arrow `.toArray()`): price + greeks and
 * implied vols for every contract, written into preallocated Float64Arrays with no per-contract allocation.
 */
import {allocGreeksColumns, writeGreeksRow, writeGreeksRows, type GreeksColumns} from "./greeksKernel.js";
import {normalisedImpliedVol} from "./normalisedImpliedVol.js";

export {allocGreeksColumns, type GreeksColumns} from "./greeksKernel.js";

/**
 * Input columns, all the same length. `isCall` is 1 for calls and 0 for puts. `underlying` is the spot (BSM, with
 * `divYield`) or, with `{onForward: true}`, the forward (Black-76; `divYield` is then ignored).
 */
export type ChainColumns = {
  isCall: ArrayLike<number>;
  underlying: ArrayLike<number>;
  strike: ArrayLike<number>;
  tYears: ArrayLike<number>;
  rate: ArrayLike<number>;
  divYield?: ArrayLike<number>;
};

/** Status codes written by chainImpliedVol (one per contract). */
export const IV_STATUS = {
  ok: 0,
  "below-intrinsic": 1,
  "above-upper-bound": 2,
  "zero-time-value": 3,
  "bad-input": 4
} as const;

/**
 * Writes price, delta, gamma, vegaPerVol, thetaPerYear, rhoPerRate, vanna and volga of every contract into `out`
 * (see allocGreeksColumns) and returns it; `vol` is the annualised vol per contract. Invalid rows give NaN.
 * Units as in Greeks (vega per 1.00 vol, theta dV/dt per calendar year; with onForward delta is dV/dF and rho
 * holds the forward fixed).
 */
export function chainGreeks(
  cols: ChainColumns,
  vol: ArrayLike<number>,
  out: GreeksColumns = allocGreeksColumns(cols.strike.length),
  {onForward = false}: {onForward?: boolean} = {}
): GreeksColumns {
  const {isCall, underlying, strike, tYears, rate, divYield} = cols;
  writeGreeksRows(isCall, underlying, strike, tYears, rate, divYield, vol, onForward, out, 0, strike.length);
  return out;
}

/**
 * Writes the implied vol (annualised decimal) of every contract's European price into `out` and returns it;
 * failures write NaN and, when `status` is given, their IV_STATUS code (0 = ok). Same solver and accuracy as
 * impliedVol / impliedVolBlack76 (onForward).
 */
export function chainImpliedVol(
  cols: ChainColumns,
  price: ArrayLike<number>,
  out: Float64Array = new Float64Array(cols.strike.length),
  {onForward = false, status}: {onForward?: boolean; status?: Uint8Array} = {}
): Float64Array {
  const {isCall, underlying, strike, tYears, rate, divYield} = cols;
  const n = strike.length;
  for (let i = 0; i < n; ++i) {
    const t = tYears[i];
    const r = rate[i];
    const q = onForward ? r : divYield === undefined ? 0 : divYield[i];
    const p = price[i];
    const u = underlying[i];
    const k = strike[i];
    let code: number = IV_STATUS.ok;
    let vol = NaN;
    if (!(t > 0) || !(u > 0) || !(k > 0) || !(p >= 0) || !Number.isFinite(p + u + k + t + r + q)) {
      code = IV_STATUS["bad-input"];
    } else {
      const theta = isCall[i] === 1 ? 1 : -1;
      const uq = q === 0 ? u : u * Math.exp(-q * t);
      const kd = r === 0 ? k : k * Math.exp(-r * t);
      const intrinsic = Math.max(theta * (uq - kd), 0);
      const upper = theta > 0 ? uq : kd;
      if (p < intrinsic) code = IV_STATUS["below-intrinsic"];
      else if (p >= upper) code = IV_STATUS["above-upper-bound"];
      else {
        const timeValue = p - intrinsic;
        const s = timeValue > 0 ? normalisedImpliedVol(timeValue / Math.sqrt(uq * kd), -Math.abs(Math.log(uq / kd))) : NaN;
        if (s > 0 && s < Infinity) vol = s / Math.sqrt(t);
        else code = IV_STATUS["zero-time-value"];
      }
    }
    out[i] = vol;
    if (status !== undefined) status[i] = code;
  }
  return out;
}

/** Output columns of chainImpliedVolAndGreeks: the implied vol (annualised decimal) and the greeks at it. */
export type IvGreeksColumns = GreeksColumns & {iv: Float64Array};

/** Returns freshly allocated output columns (iv and the greeks) for `n` contracts. */
export function allocIvGreeksColumns(n: number): IvGreeksColumns {
  return {iv: new Float64Array(n), ...allocGreeksColumns(n)};
}

/**
 * Implied vol and price + greeks at that vol of every contract in one pass: writes `out.iv` exactly as
 * chainImpliedVol and the greek columns exactly as chainGreeks at that vol would (bit-identical; the greeks reuse
 * the solve's discount factors, sqrt(T) and ln(F/K) instead of recomputing them). Contracts without an implied vol
 * get NaN in every column and, when `status` is given, their IV_STATUS code. Units as in chainGreeks.
 */
export function chainImpliedVolAndGreeks(
  cols: ChainColumns,
  price: ArrayLike<number>,
  out: IvGreeksColumns = allocIvGreeksColumns(cols.strike.length),
  {onForward = false, status}: {onForward?: boolean; status?: Uint8Array} = {}
): IvGreeksColumns {
  solveRows(cols, price, out.iv, status, onForward, out);
  return out;
}

/**
 * The loop of chainImpliedVolAndGreeks: chainImpliedVol's bounds and solve (same arithmetic; chainImpliedVol keeps
 * its own lean loop, measured faster) plus writeGreeksRow on the solved rows.
 */
function solveRows(
  cols: ChainColumns,
  price: ArrayLike<number>,
  ivOut: Float64Array,
  status: Uint8Array | undefined,
  onForward: boolean,
  greeks: GreeksColumns
): void {
  const {isCall, underlying, strike, tYears, rate, divYield} = cols;
  const n = strike.length;
  for (let i = 0; i < n; ++i) {
    const t = tYears[i];
    const r = rate[i];
    const q = onForward ? r : divYield === undefined ? 0 : divYield[i];
    const p = price[i];
    const u = underlying[i];
    const k = strike[i];
    const theta = isCall[i] === 1 ? 1 : -1;
    let code: number = IV_STATUS.ok;
    let vol = NaN;
    if (!(t > 0) || !(u > 0) || !(k > 0) || !(p >= 0) || !Number.isFinite(p + u + k + t + r + q)) {
      code = IV_STATUS["bad-input"];
    } else {
      // e^{-rT} and e^{-qT} as writeGreeksRows computes them, so the greeks below match chainGreeks bit for bit
      const df = r === 0 ? 1 : Math.exp(-r * t);
      const dq = q === r ? df : q === 0 ? 1 : Math.exp(-q * t);
      const uq = u * dq;
      const kd = k * df;
      const intrinsic = Math.max(theta * (uq - kd), 0);
      const upper = theta > 0 ? uq : kd;
      if (p < intrinsic) code = IV_STATUS["below-intrinsic"];
      else if (p >= upper) code = IV_STATUS["above-upper-bound"];
      else {
        const timeValue = p - intrinsic;
        const fk = uq / kd;
        const x = Math.log(fk);
        const sqrtT = Math.sqrt(t);
        const s = timeValue > 0 ? normalisedImpliedVol(timeValue / Math.sqrt(uq * kd), -Math.abs(x)) : NaN;
        if (s > 0 && s < Infinity) {
          vol = s / sqrtT;
          writeGreeksRow(theta, u, k, t, r, q, vol, sqrtT, df, dq, fk, x, onForward, greeks, i);
        } else code = IV_STATUS["zero-time-value"];
      }
    }
    ivOut[i] = vol;
    if (status !== undefined) status[i] = code;
    if (code !== IV_STATUS.ok) writeNaNRow(greeks, i);
  }
}

function writeNaNRow(out: GreeksColumns, i: number): void {
  out.price[i] = out.delta[i] = out.gamma[i] = out.vegaPerVol[i] = NaN;
  out.thetaPerYear[i] = out.rhoPerRate[i] = out.vanna[i] = out.volga[i] = NaN;
}
