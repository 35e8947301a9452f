import type {UnifiedPosition} from "../positions/unifiedPosition.js";

/**
 * The most a structure can lose at expiry, in USD (positive numbers), from today's mark and from the entry price.
 * - "defined": bounded, exact from strikes (`worstSpot` is where the expiry payoff is lowest; 0 for long stock).
 * - "unbounded": the payoff falls without limit as the underlying rises (net short calls or shares).
 * - "multi-expiry": options of several expiries (calendars, diagonals): not computable from strikes alone.
 * - "unknown": a leg has no strike or no price; losses are NaN.
 */
export type MaxLoss = {
  status: "defined" | "unbounded" | "multi-expiry" | "unknown";
  fromMarkUsd: number; // further loss possible from today's mark; NaN unless "defined"
  fromEntryUsd: number; // loss versus the entry (cost basis); NaN unless "defined" with every cost basis known
  worstSpot: number | null; // underlying price (USD) of the worst expiry payoff
};

/** One leg of a structure: a position and the signed quantity of it that belongs to the structure. */
export type MaxLossLeg = {position: Pick<UnifiedPosition, "right" | "strike" | "expiry" | "multiplier" | "currency" | "price" | "costBasis" | "underlyingPrice">; quantity: number};

/**
 * Returns the maximum loss at expiry of legs on one underlying (a strategy group, or one position alone).
 *
 * The expiry value of each leg is linear between strikes (options: max(theta (S - K), 0); shares, coins and
 * futures: S), so the lowest value is at S = 0 or at a strike, unless the slope beyond the highest strike (net calls
 * plus net delta-one units) is negative: then the loss is unbounded. Loss from mark = sum of today's values minus the
 * lowest expiry value; from entry, the same with cost bases. Coin-quoted prices (Deribit, `currency` not USD/USDC)
 * are converted at today's underlying price, so a coin premium's USD value is as of now.
 */
export function maxLossAtExpiry(legs: readonly MaxLossLeg[]): MaxLoss {
  const unknown: MaxLoss = {status: "unknown", fromMarkUsd: NaN, fromEntryUsd: NaN, worstSpot: null};
  const expiries = new Set<string>();
  const kinks = [0];
  let slopeAtInfinity = 0;
  let markUsd = 0;
  let entryUsd = 0;
  for (const {position: p, quantity} of legs) {
    const size = quantity * p.multiplier;
    const usdPerUnit = p.currency === "USD" || p.currency === "USDC" ? 1 : p.underlyingPrice;
    const mark = p.price * usdPerUnit;
    if (!Number.isFinite(mark)) return unknown;
    markUsd += size * mark;
    entryUsd += size * p.costBasis * usdPerUnit;
    if (p.right === null) {
      slopeAtInfinity += size;
      continue;
    }
    if (!(p.strike !== null && p.strike > 0) || p.expiry === null) return unknown;
    expiries.add(p.expiry);
    kinks.push(p.strike);
    if (p.right === "C") slopeAtInfinity += size;
  }
  if (expiries.size > 1) return {status: "multi-expiry", fromMarkUsd: NaN, fromEntryUsd: NaN, worstSpot: null};
  if (slopeAtInfinity < -1e-12) return {status: "unbounded", fromMarkUsd: NaN, fromEntryUsd: NaN, worstSpot: null};
  let worst = Infinity;
  let worstSpot = 0;
  for (const s of kinks) {
    let value = 0;
    for (const {position: p, quantity} of legs) {
      const size = quantity * p.multiplier;
      value += size * (p.right === null ? s : p.right === "C" ? Math.max(s - p.strike!, 0) : Math.max(p.strike! - s, 0));
    }
    if (value < worst) {
      worst = value;
      worstSpot = s;
    }
  }
  return {
    status: "defined",
    fromMarkUsd: Math.max(0, markUsd - worst),
    fromEntryUsd: Number.isFinite(entryUsd) ? Math.max(0, entryUsd - worst) : NaN,
    worstSpot
  };
}
