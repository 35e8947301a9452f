import type {UnifiedPosition} from "../../../lib/positions/unifiedPosition.js";

/** A short SPY put with round greeks; override any field. */
export function position(over: Partial<UnifiedPosition>): UnifiedPosition {
  return {
    broker: "ibkr", account: "U1", symbol: "S", instrumentType: "Option", underlying: "SPY", right: "P", strike: 400, expiry: "2024-06-21",
    quantity: -1, multiplier: 100, currency: "USD", price: 1, costBasis: 1, underlyingPrice: 500, beta: 1,
    betaDelta: 10, betaGamma: -2, vegaPerVolPt: -30, thetaPerDay: 8, unitDelta: -0.1, unitGamma: 0.02, unitVegaPerVolPt: 0.3, unitThetaPerDay: -0.08,
    iv: 0.2, greeksSource: "local", strategyGroup: null, asOfMs: 0, ...over
  };
}
