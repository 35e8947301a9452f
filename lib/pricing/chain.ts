/**
 * Vector API for whole option chains over columns (Float64Array, arrays or Arrow `.toArray()`): price + greeks and
 * implied vols for every contract, written into preallocated Float64Arrays with no per-contract allocation.
 */
import {allocGreeksColumns, writeGreeksRows, type GreeksColumns} from "./greeksKernel.js";
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
 * Implied vol and price + greeks at that vol of every contract: chainImpliedVol into `out.iv`, then chainGreeks at
 * those vols (so the results are those two calls' exactly). Contracts without an implied vol get NaN in every
 * column and, when `status` is given, their IV_STATUS code. Units as in chainGreeks. A single fused loop was
 * measured no faster than the two passes, so there is one copy of each kernel.
 */
export function chainImpliedVolAndGreeks(
  cols: ChainColumns,
  price: ArrayLike<number>,
  out: IvGreeksColumns = allocIvGreeksColumns(cols.strike.length),
  {onForward = false, status}: {onForward?: boolean; status?: Uint8Array} = {}
): IvGreeksColumns {
  chainImpliedVol(cols, price, out.iv, {onForward, status});
  chainGreeks(cols, out.iv, out, {onForward});
  return out;
}
