/**
 * The Greeks record shared by every European and American pricer, and the one place that fills it for a
 * generalised Black-Scholes model (spot or forward underlying).
 */
import {allocGreeksColumns, writeGreeks} from "./greeksKernel.js";

/** Price and sensitivities of one option; units are in the field names (vega per 1.00 vol, theta per year/day). */
export type Greeks = {
  price: number;
  /** dV/dS (or dV/dF for Black-76) */
  delta: number;
  /** d2V/dS2 */
  gamma: number;
  /** dV/dvol per 1.00 of vol */
  vegaPerVol: number;
  /** per 1 vol point (= vegaPerVol / 100) */
  vegaPerVolPt: number;
  /** dV/dt in calendar time, per year (negative = decay) */
  thetaPerYear: number;
  /** thetaPerYear / 365 (per calendar day) */
  thetaPerDay: number;
  /** dV/drate per 1.00 */
  rhoPerRate: number;
  /** per 1% rate (= rhoPerRate / 100) */
  rhoPerPct: number;
  /** d2V/dS dvol per 1.00 vol */
  vanna: number;
  /** d2V/dvol2 per 1.00 vol squared */
  volga: number;
};

/** Days per year for thetaPerDay (calendar days, ACT/365 as tYears). */
export const DAYS_PER_YEAR = 365;

const scratch = allocGreeksColumns(1);

/**
 * Fills `out` with the price and greeks of a generalised Black-Scholes option and returns it.
 * The underlying (spot, or a forward when `onForward`) has dividend yield divYield (ignored on a forward) and the
 * payoff is discounted at `rate`; on a forward, rho holds the forward fixed (rho = -T V).
 * Degenerate inputs (tYears = 0 or vol = 0) give the discounted intrinsic value and its exact derivatives.
 */
export function generalisedGreeks(
  isCall: boolean,
  underlying: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
  vol: number,
  onForward: boolean,
  out: Greeks
): Greeks {
  writeGreeks(isCall, underlying, strike, tYears, rate, divYield, vol, onForward, scratch, 0);
  out.price = scratch.price[0];
  out.delta = scratch.delta[0];
  out.gamma = scratch.gamma[0];
  out.vegaPerVol = scratch.vegaPerVol[0];
  out.vegaPerVolPt = out.vegaPerVol / 100;
  out.thetaPerYear = scratch.thetaPerYear[0];
  out.thetaPerDay = out.thetaPerYear / DAYS_PER_YEAR;
  out.rhoPerRate = scratch.rhoPerRate[0];
  out.rhoPerPct = out.rhoPerRate / 100;
  out.vanna = scratch.vanna[0];
  out.volga = scratch.volga[0];
  return out;
}

/** Returns a fresh zeroed Greeks record (for callers that reuse one record in a loop). */
export function emptyGreeks(): Greeks {
  return {
    price: 0,
    delta: 0,
    gamma: 0,
    vegaPerVol: 0,
    vegaPerVolPt: 0,
    thetaPerYear: 0,
    thetaPerDay: 0,
    rhoPerRate: 0,
    rhoPerPct: 0,
    vanna: 0,
    volga: 0
  };
}
