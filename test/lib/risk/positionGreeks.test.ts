import {createRequire} from "node:module";
import {describe, expect, it} from "vitest";
import type {PositionLeg} from "../../../lib/positions/unifiedPosition.js";
import {bsmPrice} from "../../../lib/pricing/bsm.js";
import {toUnifiedPositions, type RiskMarket} from "../../../lib/risk/positionGreeks.js";

// independent reference: the "greeks" npm package (plain Black-Scholes, no dividends)
const greeks = createRequire(import.meta.url)("greeks") as {
  getDelta(s: number, k: number, t: number, v: number, r: number, cp: string): number;
  getGamma(s: number, k: number, t: number, v: number, r: number): number;
  getVega(s: number, k: number, t: number, v: number, r: number): number;
};

const AS_OF = Date.UTC(2024, 4, 22, 20); // 30 days before 2024-06-21 16:00 New York (20:00 UTC, EDT)
const T = 30 / 365;
const market: RiskMarket = {asOfMs: AS_OF, spySpot: 500, spots: {SPY: 500, QQQ: 440, SPX: 5000}, betas: {SPY: 1, QQQ: 1.2, SPX: 1, BTC: 1.5}, rate: 0.05};

function leg(over: Partial<PositionLeg>): PositionLeg {
  return {
    broker: "ibkr", account: "U1", symbol: "X", instrumentType: "Option", underlying: "SPY", right: "C", strike: 500, expiry: "2024-06-21",
    quantity: 1, multiplier: 100, currency: "USD", price: NaN, costBasis: NaN, underlyingPrice: NaN,
    brokerDelta: NaN, brokerGamma: NaN, brokerVegaPerVolPt: NaN, brokerThetaPerDay: NaN, asOfMs: AS_OF, ...over
  };
}

describe("toUnifiedPositions", () => {
  it("beta-weights shares: 100 QQQ at 440, beta 1.2, SPY 500 -> 100 x 1.2 x 440/500 = 105.6 SPY shares", () => {
    const [p] = toUnifiedPositions([leg({instrumentType: "Equity", symbol: "QQQ", underlying: "QQQ", right: null, strike: null, expiry: null, quantity: 100, multiplier: 1, price: 440})], market);
    expect(p.betaDelta).toBeCloseTo(105.6, 12);
    expect(p).toMatchObject({betaGamma: 0, vegaPerVolPt: 0, thetaPerDay: 0, unitDelta: 1, beta: 1.2, greeksSource: "local"});
  });

  it("implies IV from the price and matches an independent Black-Scholes for a no-dividend American call", () => {
    // an American call without dividends is European: the greeks package is an exact reference
    const price = bsmPrice({right: "C", spot: 440, strike: 450, tYears: T, rate: 0.05, vol: 0.25});
    const [p] = toUnifiedPositions([leg({underlying: "QQQ", strike: 450, price, quantity: -3})], market);
    expect(p.iv).toBeCloseTo(0.25, 6);
    expect(p.unitDelta).toBeCloseTo(greeks.getDelta(440, 450, T, 0.25, 0.05, "call"), 3); // BS2002 vs BS: 1e-3
    expect(p.unitGamma).toBeCloseTo(greeks.getGamma(440, 450, T, 0.25, 0.05), 4);
    expect(p.unitVegaPerVolPt).toBeCloseTo(greeks.getVega(440, 450, T, 0.25, 0.05), 3);
    // betaDelta = delta x 100 x -3 x 1.2 x 440/500; betaGamma = gamma x 100 x -3 x (1.2 x 440/500)^2
    expect(p.betaDelta).toBeCloseTo(p.unitDelta * -300 * 1.2 * 0.88, 9);
    expect(p.betaGamma).toBeCloseTo(p.unitGamma * -300 * (1.2 * 0.88) ** 2, 9);
    expect(p.vegaPerVolPt).toBeCloseTo(p.unitVegaPerVolPt * -300, 9);
    expect(p.thetaPerDay).toBeGreaterThan(0); // short premium collects theta
  });

  it("prices SPX on the forward: Black-76 spot delta equals Black-Scholes delta with q = 0", () => {
    const [p] = toUnifiedPositions([leg({underlying: "SPX", symbol: "SPXW", strike: 4900, right: "P", quantity: 1})], {...market, ivs: {SPXW: 0.18}});
    expect(p.unitDelta).toBeCloseTo(greeks.getDelta(5000, 4900, T, 0.18, 0.05, "put"), 10);
    expect(p.unitGamma).toBeCloseTo(greeks.getGamma(5000, 4900, T, 0.18, 0.05), 10);
    // 1 SPX put: delta x 100 x 1 x 5000/500 SPY shares
    expect(p.betaDelta).toBeCloseTo(p.unitDelta * 100 * 10, 9);
  });

  it("uses fresh broker greeks and recomputes stale ones", () => {
    const brokerGreeks = {brokerDelta: -25, brokerGamma: 1.5, brokerVegaPerVolPt: 40, brokerThetaPerDay: -12, price: 5, strike: 500, right: "P" as const};
    const [fresh, stale] = toUnifiedPositions([leg(brokerGreeks), leg({...brokerGreeks, asOfMs: AS_OF - 3_600_000})], market);
    expect(fresh).toMatchObject({greeksSource: "broker", unitDelta: -0.25, unitGamma: 0.015, unitVegaPerVolPt: 0.4, unitThetaPerDay: -0.12, betaDelta: -25});
    expect(stale.greeksSource).toBe("local");
    expect(stale.unitDelta).toBeLessThan(0);
  });

  it("Deribit: coin quantities, broker greeks, beta-weighted by the BTC index", () => {
    // short 2 BTC of calls with position delta -1.0 coin: -1 x 1.5 x 60000/500 = -180 SPY shares
    const btc = leg({broker: "deribit", instrumentType: "CryptoOption", underlying: "BTC", symbol: "BTC-21JUN24-60000-C", strike: 60000, quantity: -2, multiplier: 1, currency: "BTC", price: 0.05, underlyingPrice: 60000, brokerDelta: 0.5, brokerGamma: 0.00002, brokerVegaPerVolPt: 60, brokerThetaPerDay: -80});
    const [p] = toUnifiedPositions([btc], market);
    expect(p.betaDelta).toBeCloseTo(-180, 9);
    expect(p.vegaPerVolPt).toBeCloseTo(-120, 9);
    // local: coin price x index = USD price; Black-76 on the index with rate 0, expiry 08:00 UTC
    const [local] = toUnifiedPositions([{...btc, brokerDelta: NaN}], market);
    expect(local.greeksSource).toBe("local");
    expect(local.iv).toBeGreaterThan(0.2);
    expect(local.unitDelta).toBeGreaterThan(0.3);
  });

  it("leaves greeks NaN when spot, beta or IV are missing", () => {
    const [noSpot, noBeta, noIv] = toUnifiedPositions(
      [leg({underlying: "XYZ", price: 1}), leg({instrumentType: "Equity", underlying: "ABC", right: null, strike: null, expiry: null, multiplier: 1, price: 10}), leg({price: NaN})],
      market
    );
    expect(noSpot.unitDelta).toBeNaN();
    expect(noBeta.unitDelta).toBe(1);
    expect(noBeta.betaDelta).toBeNaN();
    expect(noIv.betaDelta).toBeNaN();
  });

  it("gives expired options intrinsic delta and no other greeks", () => {
    const [p] = toUnifiedPositions([leg({expiry: "2024-05-17", strike: 490, quantity: 2, price: 10})], market);
    expect(p).toMatchObject({unitDelta: 1, unitGamma: 0, betaDelta: 200, vegaPerVolPt: 0});
  });
});
