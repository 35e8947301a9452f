/**
 * Implied volatility of European options (BSM on spot, Black-76 on a forward), with a typed reason instead of
 * NaN/0/throw for prices outside the no-arbitrage range.
 */
import type {OptionRight} from "../rows.js";
import {normalisedImpliedVol} from "./normalisedImpliedVol.js";

/** Why no implied vol exists for a price. */
export type IvFailureReason = "below-intrinsic" | "above-upper-bound" | "zero-time-value" | "bad-input";

/** An implied vol (annualised decimal) or the reason there is none, with a human-readable detail. */
export type IvResult = {ok: true; vol: number} | {ok: false; reason: IvFailureReason; detail: string};

function fail(reason: IvFailureReason, detail: string): IvResult {
  return {ok: false, reason, detail};
}

function badNumber(name: string, value: number, needPositive: boolean): string | undefined {
  if (!Number.isFinite(value)) return `${name} must be finite, got ${value}`;
  if (needPositive && !(value > 0)) return `${name} must be > 0, got ${value}`;
  return undefined;
}

/**
 * Returns the implied vol of a discounted European option price on a forward: solves
 * price = D sqrt(F K) b(ln(F/K), vol sqrt(T)) with D = e^{-rT}. `discountedForward` is D F, `discountedStrike` D K;
 * both are what the no-arbitrage bounds are made of (call: max(DF - DK, 0) < price < DF).
 */
export function impliedVolFromDiscounted(
  isCall: boolean,
  price: number,
  discountedForward: number,
  discountedStrike: number,
  tYears: number
): IvResult {
  const theta = isCall ? 1 : -1;
  const intrinsic = Math.max(theta * (discountedForward - discountedStrike), 0);
  const upper = isCall ? discountedForward : discountedStrike;
  if (price < intrinsic) return fail("below-intrinsic", `price ${price} < intrinsic value ${intrinsic}`);
  if (price >= upper) return fail("above-upper-bound", `price ${price} >= upper bound ${upper}`);
  // Time value of the out-of-the-money counterpart: the in-the-money option minus its intrinsic value.
  const otmPrice = price - intrinsic;
  if (!(otmPrice > 0)) return fail("zero-time-value", `price ${price} equals the intrinsic value ${intrinsic}`);
  const x = Math.log(discountedForward / discountedStrike);
  const beta = otmPrice / Math.sqrt(discountedForward * discountedStrike);
  const s = normalisedImpliedVol(beta, -Math.abs(x));
  if (!(s > 0) || !Number.isFinite(s)) {
    return fail("zero-time-value", `time value ${otmPrice} is below the resolution of a double for this strike`);
  }
  return {ok: true, vol: s / Math.sqrt(tYears)};
}

/**
 * Returns the BSM implied vol (annualised decimal) of a European option price on spot with continuous rate and
 * dividend yield, or a typed failure: "bad-input" (non-finite or non-positive spot/strike/tYears, negative price),
 * "below-intrinsic", "zero-time-value" (price equals the intrinsic value, or its time value is below double
 * resolution), "above-upper-bound" (call >= S e^{-qT}, put >= K e^{-rT}). Accurate to the conditioning of the
 * inputs (about 1e-15 relative for out-of-the-money prices).
 */
export function impliedVol(inputs: {
  right: OptionRight;
  price: number;
  spot: number;
  strike: number;
  tYears: number;
  rate: number;
  divYield?: number;
}): IvResult {
  const {right, price, spot, strike, tYears, rate, divYield = 0} = inputs;
  if (right !== "C" && right !== "P") return fail("bad-input", `right must be "C" or "P", got ${String(right)}`);
  const bad =
    badNumber("price", price, false) ??
    badNumber("spot", spot, true) ??
    badNumber("strike", strike, true) ??
    badNumber("tYears", tYears, true) ??
    badNumber("rate", rate, false) ??
    badNumber("divYield", divYield, false);
  if (bad) return fail("bad-input", `impliedVol: ${bad}`);
  if (price < 0) return fail("bad-input", `impliedVol: price must be >= 0, got ${price}`);
  return impliedVolFromDiscounted(
    right === "C",
    price,
    spot * Math.exp(-divYield * tYears),
    strike * Math.exp(-rate * tYears),
    tYears
  );
}

/**
 * Returns the Black-76 implied vol of a European option price on a forward discounted at `rate`, or a typed
 * failure as for impliedVol (bounds: call in [e^{-rT} max(F-K, 0), e^{-rT} F), put in [e^{-rT} max(K-F, 0), e^{-rT} K)).
 */
export function impliedVolBlack76(inputs: {
  right: OptionRight;
  price: number;
  forward: number;
  strike: number;
  tYears: number;
  rate: number;
}): IvResult {
  const {right, price, forward, strike, tYears, rate} = inputs;
  if (right !== "C" && right !== "P") return fail("bad-input", `right must be "C" or "P", got ${String(right)}`);
  const bad =
    badNumber("price", price, false) ??
    badNumber("forward", forward, true) ??
    badNumber("strike", strike, true) ??
    badNumber("tYears", tYears, true) ??
    badNumber("rate", rate, false);
  if (bad) return fail("bad-input", `impliedVolBlack76: ${bad}`);
  if (price < 0) return fail("bad-input", `impliedVolBlack76: price must be >= 0, got ${price}`);
  const df = Math.exp(-rate * tYears);
  return impliedVolFromDiscounted(right === "C", price, df * forward, df * strike, tYears);
}
