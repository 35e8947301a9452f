/**
 * European Black-76 prices and greeks on a forward (index options such as SPX/XSP, Deribit), discounted at rate.
 * @see F. Black, "The pricing of commodity contracts", J. Financial Economics 3 (1976) 167-179
 */
import type {OptionRight} from "../rows.js";
import {emptyGreeks, generalisedGreeks, type Greeks} from "./greeks.js";
import {normalisedBlack} from "./normalisedBlack.js";

/** One European option on a forward: vol and rate as decimals, tYears ACT/365. */
export type Black76Inputs = {right: OptionRight; forward: number; strike: number; tYears: number; rate: number; vol: number};

/** Throws RangeError naming the function and parameter when a Black-76 input is outside its domain. */
export function checkBlack76Inputs(fn: string, inputs: Black76Inputs): void {
  const {right, forward, strike, tYears, rate, vol} = inputs;
  if (right !== "C" && right !== "P") throw new RangeError(`${fn}: right must be "C" or "P", got ${String(right)}`);
  if (!(forward > 0) || !Number.isFinite(forward)) throw new RangeError(`${fn}: forward must be > 0, got ${forward}`);
  if (!(strike > 0) || !Number.isFinite(strike)) throw new RangeError(`${fn}: strike must be > 0, got ${strike}`);
  if (!(tYears >= 0) || !Number.isFinite(tYears)) throw new RangeError(`${fn}: tYears must be >= 0, got ${tYears}`);
  if (!Number.isFinite(rate)) throw new RangeError(`${fn}: rate must be finite, got ${rate}`);
  if (!(vol >= 0) || !Number.isFinite(vol)) throw new RangeError(`${fn}: vol must be >= 0, got ${vol}`);
}

/**
 * Returns the Black-76 price e^{-rT} [F Phi(d1) - K Phi(d2)] (call) or the put, accurate to a few ulps relative.
 * tYears = 0 or vol = 0 gives the discounted intrinsic value. Throws RangeError on bad inputs.
 */
export function black76Price(inputs: Black76Inputs): number {
  checkBlack76Inputs("black76Price", inputs);
  const {right, forward, strike, tYears, rate, vol} = inputs;
  const theta = right === "C" ? 1 : -1;
  const df = Math.exp(-rate * tYears);
  return df * Math.sqrt(forward * strike) * normalisedBlack(Math.log(forward / strike), vol * Math.sqrt(tYears), theta);
}

/**
 * Returns the Black-76 price and greeks, delta and gamma with respect to the forward, rho with the forward held
 * fixed (rho = -T V), theta dV/dt per year and per calendar day with the forward held fixed.
 * Throws RangeError on bad inputs.
 */
export function black76Greeks(inputs: Black76Inputs): Greeks {
  checkBlack76Inputs("black76Greeks", inputs);
  const {right, forward, strike, tYears, rate, vol} = inputs;
  return generalisedGreeks(right === "C", forward, strike, tYears, rate, rate, vol, true, emptyGreeks());
}
