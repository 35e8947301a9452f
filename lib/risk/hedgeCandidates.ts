import type {OptionQuoteRow} from "../rows.js";
import type {PositionLeg, UnifiedPosition} from "../positions/unifiedPosition.js";
import {toUnifiedPositions, type RiskMarket} from "./positionGreeks.js";

/**
 * SPY puts from a chain snapshot as hedge candidates for suggestHedges: one long contract each (quantity 1,
 * multiplier 100), greeks computed locally (American model) from the vendor IV when it is positive, else implied
 * from the mid. Price is the mid of a two-sided quote, else the last sale; puts without a price are skipped.
 */
export function spyPutCandidates(quotes: readonly OptionQuoteRow[], market: RiskMarket): UnifiedPosition[] {
  const legs: PositionLeg[] = [];
  const ivs: Record<string, number> = {...market.ivs};
  for (const q of quotes) {
    if (q.right !== "P" || q.underlying !== "SPY") continue;
    const price = q.bid > 0 && q.ask >= q.bid ? (q.bid + q.ask) / 2 : q.last;
    if (!(price > 0)) continue;
    if (q.vendorIv > 0) ivs[q.symbol] = q.vendorIv;
    legs.push({
      broker: q.source, account: "hedge", symbol: q.symbol, instrumentType: "Option", underlying: "SPY", right: "P", strike: q.strike, expiry: q.expiry,
      quantity: 1, multiplier: 100, currency: "USD", price, costBasis: NaN, underlyingPrice: q.underlyingPrice,
      brokerDelta: NaN, brokerGamma: NaN, brokerVegaPerVolPt: NaN, brokerThetaPerDay: NaN, asOfMs: q.asOfMs
    });
  }
  return toUnifiedPositions(legs, {...market, ivs, betas: {...market.betas, SPY: 1}, spots: {SPY: market.spySpot, ...market.spots}});
}
