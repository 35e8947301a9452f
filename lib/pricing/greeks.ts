/**
 * The Greeks record shared by every European and American pricer, and the one place that fills it for a
 * generalised Black-Scholes model (spot or forward underlying).
 */
import {normCdf, normPdf} from "./normal.js";
import {normalisedBlack} from "./normalisedBlack.js";

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

/**
 * Fills `out` with the price and greeks of a generalised Black-Scholes option and returns it.
 * The underlying U (spot or forward) grows at `carry` (r - q on spot, 0 on a forward) and the payoff is discounted
 * at `rate`; `underlyingOnForward` selects Black-76 rho (the forward held fixed, so rho = -T V).
 * Degenerate inputs (tYears = 0 or vol = 0) give the discounted intrinsic value with delta 0/±e^{-qT}.
 */
export function generalisedGreeks(
  isCall: boolean,
  underlying: number,
  strike: number,
  tYears: number,
  rate: number,
  carry: number,
  vol: number,
  underlyingOnForward: boolean,
  out: Greeks
): Greeks {
  const theta = isCall ? 1 : -1;
  const df = Math.exp(-rate * tYears); // discount of the payoff
  const dfCarry = Math.exp((carry - rate) * tYears); // e^{-qT} on spot, e^{-rT} on a forward
  const forward = underlying * Math.exp(carry * tYears);
  const sqrtT = Math.sqrt(tYears);
  const s = vol * sqrtT;
  const x = Math.log(forward / strike);
  const uq = underlying * dfCarry; // S e^{-qT}
  if (!(s > 0)) {
    const itm = theta * (forward - strike) > 0;
    out.price = itm ? df * theta * (forward - strike) : 0;
    out.delta = itm ? theta * dfCarry : 0;
    out.gamma = out.vegaPerVol = out.vegaPerVolPt = out.vanna = out.volga = 0;
    // V = theta (U e^{(b-r)T} - K e^{-rT}) when in the money, so dV/dt = -dV/dT
    out.thetaPerYear = itm ? -theta * ((carry - rate) * uq + rate * strike * df) : 0;
    out.thetaPerDay = out.thetaPerYear / DAYS_PER_YEAR;
    out.rhoPerRate = itm ? (underlyingOnForward ? -tYears * out.price : theta * tYears * df * strike) : 0;
    out.rhoPerPct = out.rhoPerRate / 100;
    return out;
  }
  const d1 = x / s + 0.5 * s;
  const d2 = d1 - s;
  const nd1 = normPdf(d1);
  const cdfD1 = normCdf(theta * d1); // Phi(theta d1)
  const cdfD2 = normCdf(theta * d2);
  const price = df * Math.sqrt(forward * strike) * normalisedBlack(x, s, theta);
  const vega = uq * nd1 * sqrtT;
  out.price = price;
  out.delta = theta * dfCarry * cdfD1;
  out.gamma = (dfCarry * nd1) / (underlying * s);
  out.vegaPerVol = vega;
  out.vegaPerVolPt = vega / 100;
  // dV/dt = -dV/dT: -(U e^{(b-r)T} phi(d1) vol / (2 sqrtT)) - theta (b - r) U e^{(b-r)T} Phi(theta d1) + theta r K e^{-rT} Phi(theta d2)
  out.thetaPerYear =
    (-uq * nd1 * vol) / (2 * sqrtT) - theta * (carry - rate) * uq * cdfD1 - theta * rate * strike * df * cdfD2;
  out.thetaPerDay = out.thetaPerYear / DAYS_PER_YEAR;
  out.rhoPerRate = underlyingOnForward ? -tYears * price : theta * tYears * strike * df * cdfD2;
  out.rhoPerPct = out.rhoPerRate / 100;
  out.vanna = (-dfCarry * nd1 * d2) / vol;
  out.volga = (vega * d1 * d2) / vol;
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
