/**
 * European Black-Scholes-Merton prices and greeks on spot, with continuous rate and dividend yield.
 * @see F. Black, M. Scholes (1973); R. Merton (1973); E. G. Haug, "The Complete Guide to Option Pricing
 * Formulas", 2nd ed. (2007), ch. 1-2 (generalised BSM with cost of carry b = r - q)
 */
import type {OptionRight} from "../rows.js";
import {emptyGreeks, generalisedGreeks, type Greeks} from "./greeks.js";
import {normalisedBlack} from "./normalisedBlack.js";

export type {Greeks} from "./greeks.js";

/** One European option on spot: vol and rates as decimals (0.2 = 20%), tYears ACT/365, divYield continuous. */
export type BsmInputs = {
  right: OptionRight;
  spot: number;
  strike: number;
  tYears: number;
  rate: number;
  divYield?: number;
  vol: number;
};

/** Throws RangeError naming the function and parameter when a BSM input is outside its domain. */
export function checkBsmInputs(fn: string, inputs: BsmInputs): void {
  const {right, spot, strike, tYears, rate, divYield = 0, vol} = inputs;
  if (right !== "C" && right !== "P") throw new RangeError(`${fn}: right must be "C" or "P", got ${String(right)}`);
  if (!(spot > 0) || !Number.isFinite(spot)) throw new RangeError(`${fn}: spot must be > 0, got ${spot}`);
  if (!(strike > 0) || !Number.isFinite(strike)) throw new RangeError(`${fn}: strike must be > 0, got ${strike}`);
  if (!(tYears >= 0) || !Number.isFinite(tYears)) throw new RangeError(`${fn}: tYears must be >= 0, got ${tYears}`);
  if (!Number.isFinite(rate)) throw new RangeError(`${fn}: rate must be finite, got ${rate}`);
  if (!Number.isFinite(divYield)) throw new RangeError(`${fn}: divYield must be finite, got ${divYield}`);
  if (!(vol >= 0) || !Number.isFinite(vol)) throw new RangeError(`${fn}: vol must be >= 0, got ${vol}`);
}

/**
 * Returns the European BSM price S e^{-qT} Phi(d1) - K e^{-rT} Phi(d2) (call) or its put counterpart,
 * accurate to a few ulps relative, including far out of the money (no cancellation between the two terms).
 * tYears = 0 or vol = 0 gives the discounted intrinsic value of the forward. Throws RangeError on bad inputs.
 */
export function bsmPrice(inputs: BsmInputs): number {
  checkBsmInputs("bsmPrice", inputs);
  const {right, spot, strike, tYears, rate, divYield = 0, vol} = inputs;
  const forward = spot * Math.exp((rate - divYield) * tYears);
  const df = Math.exp(-rate * tYears);
  const theta = right === "C" ? 1 : -1;
  return df * Math.sqrt(forward * strike) * normalisedBlack(Math.log(forward / strike), vol * Math.sqrt(tYears), theta);
}

/**
 * Returns the BSM price and greeks: delta dV/dS, gamma, vega per 1.00 vol and per vol point, theta dV/dt per
 * calendar year and per calendar day (/365), rho per 1.00 and per 1% of rate, vanna, volga.
 * Throws RangeError on bad inputs.
 */
export function bsmGreeks(inputs: BsmInputs): Greeks {
  checkBsmInputs("bsmGreeks", inputs);
  const {right, spot, strike, tYears, rate, divYield = 0, vol} = inputs;
  return generalisedGreeks(right === "C", spot, strike, tYears, rate, divYield, vol, false, emptyGreeks());
}
