import {americanImpliedVol} from "../pricing/american.js";
import {bsmGreeks} from "../pricing/bsm.js";
import {impliedVolBlack76} from "../pricing/impliedVol.js";
import type {ExerciseModel} from "../pricing/model.js";
import type {OptionRight} from "../rows.js";

/** One quoted option's implied vol, as a point of its expiry's smile. */
export type SmilePoint = {
  strike: number;
  right: OptionRight;
  logMoneyness: number; // ln(K / F)
  mid: number;
  iv: number; // decimal; NaN when the mid has no implied vol (see ivFailure)
  delta: number; // BSM spot delta (with the expiry's dividend yield) at that iv; NaN without iv
  otm: boolean; // put with K < F or call with K >= F: the side the smile is built from
  ivFailure?: string;
};

/** The market inputs of one expiry. `divYield` is the continuous yield implied by the forward: r - ln(F/S)/T. */
export type ExpiryMarket = {spot: number; forward: number; tYears: number; rate: number; divYield: number; model: ExerciseModel};

/**
 * Implied vols of one expiry's quotes from their mids, with the pricing kernel: American (Bjerksund-Stensland
 * 2002 with the forward-implied continuous dividend yield) for equity/ETF options, Black-76 on the implied
 * forward for European index options. Deltas are BSM spot deltas at the solved vol (the listed-options
 * convention; for American options a European approximation). Sorted by strike, calls before puts.
 */
export function expirySmile(
  quotes: readonly {strike: number; right: OptionRight; mid: number}[],
  market: ExpiryMarket
): SmilePoint[] {
  const {spot, forward, tYears, rate, divYield, model} = market;
  const points = quotes.map(({strike, right, mid}): SmilePoint => {
    const result =
      model === "american"
        ? americanImpliedVol({right, price: mid, spot, strike, tYears, rate, divYield})
        : impliedVolBlack76({right, price: mid, forward, strike, tYears, rate});
    const iv = result.ok ? result.vol : NaN;
    const delta = result.ok ? bsmGreeks({right, spot, strike, tYears, rate, divYield, vol: iv}).delta : NaN;
    const otm = right === "P" ? strike < forward : strike >= forward;
    const point: SmilePoint = {strike, right, logMoneyness: Math.log(strike / forward), mid, iv, delta, otm};
    if (!result.ok) point.ivFailure = `${result.reason}: ${result.detail}`;
    return point;
  });
  return points.sort((a, b) => a.strike - b.strike || (a.right === "C" ? -1 : 1));
}
