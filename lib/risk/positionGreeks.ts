import {easternWallTimeToMs} from "../io/easternTime.js";
import {americanGreeks, americanImpliedVol} from "../pricing/american.js";
import {black76Greeks} from "../pricing/black76.js";
import {impliedVolBlack76} from "../pricing/impliedVol.js";
import {pricingModelFor} from "../pricing/model.js";
import type {GreeksSource, PositionLeg, UnifiedPosition} from "../positions/unifiedPosition.js";

/** Market data for risk-weighting positions. Prices in USD. */
export type RiskMarket = {
  asOfMs: number; // valuation instant, epoch ms UTC
  spySpot: number; // S_SPY
  spots?: Readonly<Record<string, number>>; // underlying -> price; for future options the future's price ("/ES")
  betas?: Readonly<Record<string, number>>; // underlying -> beta to SPY
  ivs?: Readonly<Record<string, number>>; // option symbol -> IV (decimal); else implied from the leg's price
  rate?: number; // continuous, decimal; default 0.04 (crypto options always use 0)
  divYields?: Readonly<Record<string, number>>; // underlying -> continuous yield, default 0
  staleAfterMs?: number; // broker greeks older than this before asOfMs are recomputed; default 15 minutes
};

const MS_PER_YEAR = 365 * 86_400_000;
const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

type UnitGreeks = {delta: number; gamma: number; vegaPerVolPt: number; thetaPerDay: number; iv: number; source: GreeksSource};

/**
 * Turns broker legs into UnifiedPositions: per-unit greeks (the broker's when all four are present and fresh,
 * else computed locally with lib/pricing), then beta-weighted position risk:
 *
 *   betaDelta    = unitDelta x multiplier x quantity x beta x S / S_SPY          (SPY-share equivalents)
 *   betaGamma    = unitGamma x multiplier x quantity x (beta x S / S_SPY)^2      (SPY-share eq. per 1 SPY point)
 *   vegaPerVolPt = unitVegaPerVolPt x multiplier x quantity                     (USD per vol point)
 *   thetaPerDay  = unitThetaPerDay x multiplier x quantity                      (USD per calendar day)
 *
 * A beta-weighted SPY move of dSPY implies dS = beta x S / S_SPY x dSPY (return beta), whence both scalings.
 *
 * S: `spots[underlying]`, else the broker's underlying price (Deribit index), else — for delta-one legs — the
 * leg's own price (a future's delta is on its own price). Local greeks: model from `pricingModelFor`
 * (American Bjerksund-Stensland for equities/ETFs; Black-76 for cash-settled index options on the forward
 * S e^{(r-q)t} and for Deribit on the index with rate 0); future options use Black-76 on the future price.
 * Expiry instants: 16:00 New York for US options, 08:00 UTC for Deribit. IV: `ivs[symbol]`, else implied from
 * the leg's price (Deribit coin prices x S). Expired options get intrinsic delta and zero gamma/vega/theta.
 * Anything that cannot be computed (no spot, no beta, no IV) is NaN, for aggregates to count as missing.
 */
export function toUnifiedPositions(legs: readonly PositionLeg[], market: RiskMarket): UnifiedPosition[] {
  if (!(market.spySpot > 0)) throw new RangeError(`toUnifiedPositions: spySpot must be > 0, got ${market.spySpot}`);
  return legs.map((leg) => toUnifiedPosition(leg, market));
}

function toUnifiedPosition(leg: PositionLeg, market: RiskMarket): UnifiedPosition {
  const deltaOne = leg.right === null;
  const spot = market.spots?.[leg.underlying] ?? (leg.underlyingPrice > 0 ? leg.underlyingPrice : deltaOne ? leg.price : NaN);
  // a future's delta is 1 per unit of its own price; shares and coins trade at the spot
  const s = leg.instrumentType === "Future" && leg.price > 0 ? leg.price : spot;
  const beta = market.betas?.[leg.underlying] ?? NaN;
  const unit: UnitGreeks = deltaOne
    ? {delta: 1, gamma: 0, vegaPerVolPt: 0, thetaPerDay: 0, iv: NaN, source: "local"}
    : optionUnitGreeks(leg, s, market);
  const size = leg.multiplier * leg.quantity;
  const weight = (beta * s) / market.spySpot;
  return {
    broker: leg.broker,
    account: leg.account,
    symbol: leg.symbol,
    instrumentType: leg.instrumentType,
    underlying: leg.underlying,
    right: leg.right,
    strike: leg.strike,
    expiry: leg.expiry,
    quantity: leg.quantity,
    multiplier: leg.multiplier,
    currency: leg.currency,
    price: leg.price,
    costBasis: leg.costBasis,
    underlyingPrice: s,
    beta,
    betaDelta: unit.delta * size * weight,
    betaGamma: unit.gamma * size * weight * weight,
    vegaPerVolPt: unit.vegaPerVolPt * size,
    thetaPerDay: unit.thetaPerDay * size,
    unitDelta: unit.delta,
    unitGamma: unit.gamma,
    unitVegaPerVolPt: unit.vegaPerVolPt,
    unitThetaPerDay: unit.thetaPerDay,
    iv: unit.iv,
    greeksSource: unit.source,
    strategyGroup: null,
    asOfMs: leg.asOfMs
  };
}

function optionUnitGreeks(leg: PositionLeg, spot: number, market: RiskMarket): UnitGreeks {
  const fresh = leg.asOfMs >= market.asOfMs - (market.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
  const broker = [leg.brokerDelta, leg.brokerGamma, leg.brokerVegaPerVolPt, leg.brokerThetaPerDay];
  if (fresh && broker.every(Number.isFinite)) {
    // broker greeks are per unit of quantity including the multiplier
    const m = leg.multiplier;
    return {delta: leg.brokerDelta / m, gamma: leg.brokerGamma / m, vegaPerVolPt: leg.brokerVegaPerVolPt / m, thetaPerDay: leg.brokerThetaPerDay / m, iv: NaN, source: "broker"};
  }
  return localUnitGreeks(leg, spot, market);
}

function localUnitGreeks(leg: PositionLeg, spot: number, market: RiskMarket): UnitGreeks {
  const missing: UnitGreeks = {delta: NaN, gamma: NaN, vegaPerVolPt: NaN, thetaPerDay: NaN, iv: NaN, source: "local"};
  const right = leg.right!;
  const strike = leg.strike!;
  if (!(spot > 0) || !(strike > 0) || leg.expiry === null) return missing;
  const crypto = leg.instrumentType === "CryptoOption" || leg.broker === "deribit";
  const expiryMs = crypto ? Date.parse(`${leg.expiry}T08:00:00Z`) : easternWallTimeToMs(leg.expiry, 16 * 60);
  const tYears = (expiryMs - market.asOfMs) / MS_PER_YEAR;
  if (!(tYears > 0)) {
    const itm = right === "C" ? spot > strike : spot < strike;
    return {delta: itm ? (right === "C" ? 1 : -1) : 0, gamma: 0, vegaPerVolPt: 0, thetaPerDay: 0, iv: NaN, source: "local"};
  }
  const rate = crypto ? 0 : (market.rate ?? 0.04);
  const divYield = market.divYields?.[leg.underlying] ?? 0;
  const american = !crypto && leg.instrumentType !== "FutureOption" && pricingModelFor({underlying: leg.underlying, venue: leg.broker}) === "american";
  // a forward-model contract on a spot index is priced on F = S e^{(r-q)t}; futures and Deribit on the quote itself
  const carry = !american && leg.instrumentType === "Option" ? Math.exp((rate - divYield) * tYears) : 1;
  const forward = spot * carry;
  const priceUsd = leg.currency === "USD" || leg.currency === "USDC" ? leg.price : leg.price * spot;
  let vol = market.ivs?.[leg.symbol] ?? NaN;
  if (!(vol > 0)) {
    const iv = american
      ? americanImpliedVol({right, spot, strike, tYears, rate, divYield, price: priceUsd})
      : impliedVolBlack76({right, price: priceUsd, forward, strike, tYears, rate});
    if (!iv.ok) return missing;
    vol = iv.vol;
  }
  if (american) {
    const g = americanGreeks({right, spot, strike, tYears, rate, divYield, vol});
    return {delta: g.delta, gamma: g.gamma, vegaPerVolPt: g.vegaPerVolPt, thetaPerDay: g.thetaPerDay, iv: vol, source: "local"};
  }
  const g = black76Greeks({right, forward, strike, tYears, rate, vol});
  // chain rule from forward to spot: dF/dS = carry
  return {delta: g.delta * carry, gamma: g.gamma * carry * carry, vegaPerVolPt: g.vegaPerVolPt, thetaPerDay: g.thetaPerDay, iv: vol, source: "local"};
}
