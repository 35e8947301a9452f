import {describe, expect, it} from "vitest";
import {constantMaturityIv} from "../../../lib/chain/constantMaturityIv.js";
import {deltaStrike} from "../../../lib/chain/deltaStrike.js";
import {expiryTime} from "../../../lib/chain/expiryTime.js";
import {impliedForward} from "../../../lib/chain/impliedForward.js";
import {cleanQuotes} from "../../../lib/chain/quoteHygiene.js";
import {smileVolAt} from "../../../lib/chain/smileVolAt.js";
import {bsmGreeks} from "../../../lib/pricing/bsm.js";
import type {OptionQuoteRow} from "../../../lib/rows.js";

const quote = (bid: number, ask: number): OptionQuoteRow => ({
  underlying: "SPY", symbol: "S", expiry: "2023-10-20", strike: 450, right: "C", bid, ask, last: NaN, volume: 0,
  openInterest: 0, vendorIv: NaN, vendorDelta: NaN, vendorGamma: NaN, underlyingPrice: 450, asOfMs: 0, source: "file"
});

describe("cleanQuotes", () => {
  it("drops zero bids, crossed, locked, sentinel and missing quotes with the reason; flags wide spreads", () => {
    const {kept, dropped} = cleanQuotes([quote(1, 1.1), quote(0, 0.05), quote(1.2, 1.1), quote(1, 1), quote(1, 99999.99), quote(NaN, 1), quote(0.1, 0.2)]);
    expect(dropped.map((d) => d.reason)).toEqual(["zero-bid", "crossed", "locked", "sentinel", "missing"]);
    expect(kept.map((k) => [k.mid, k.wideSpread])).toEqual([[1.05, false], [0.15000000000000002, true]]);
  });

  it("keeps real quotes above 99,999 when the underlying is worth more (deep ITM BTC calls in USD)", () => {
    const btc = (bid: number, ask: number): OptionQuoteRow => ({...quote(bid, ask), underlying: "BTC", strike: 40_000, underlyingPrice: 150_000});
    const {kept, dropped} = cleanQuotes([btc(109_900, 110_100), btc(1, 214_748.36), {...quote(1, 99_999.99), underlyingPrice: NaN}]);
    expect(kept.map((k) => k.mid)).toEqual([110_000]);
    expect(dropped.map((d) => d.reason)).toEqual(["sentinel", "sentinel"]);
  });
});

describe("expiryTime", () => {
  it("counts minutes to 16:00 New York, across the November DST change", () => {
    const asOfMs = Date.UTC(2023, 8, 14, 20, 31); // 16:31 EDT
    // 2023-10-13 16:00 EDT: 29 days less 31 minutes
    expect(expiryTime({expiry: "2023-10-13", root: "SPY", asOfMs}).minutes).toBe(29 * 1440 - 31);
    // 2023-11-17 16:00 EST = 21:00 UTC: one more hour
    expect(expiryTime({expiry: "2023-11-17", root: "SPY", asOfMs}).minutes).toBe(64 * 1440 - 31 + 60);
    // AM-settled SPX monthly: 9:30 ET
    expect(expiryTime({expiry: "2023-10-20", root: "SPX", asOfMs}).minutes).toBe(36 * 1440 - 31 - 390);
  });
});

describe("impliedForward", () => {
  it("recovers F and D from exact parity by regression, and F at a given rate", () => {
    // C - P = D (F - K) with F = 101, D = 0.99
    const pairs = [95, 100, 105, 110].map((strike) => ({strike, callMid: 5 + 0.99 * (101 - strike), putMid: 5}));
    const reg = impliedForward(pairs, {tYears: 0.5});
    expect(reg.forward).toBeCloseTo(101, 10);
    expect(reg.discount).toBeCloseTo(0.99, 12);
    expect(impliedForward(pairs, {tYears: 0.5, rate: -Math.log(0.99) / 0.5}).forward).toBeCloseTo(101, 10);
  });
});

describe("smileVolAt / constantMaturityIv", () => {
  it("interpolates linearly in log-moneyness, NaN outside", () => {
    const nodes = [{logMoneyness: -0.1, iv: 0.3}, {logMoneyness: 0.1, iv: 0.2}];
    expect(smileVolAt(nodes, 0)).toBeCloseTo(0.25, 15);
    expect(smileVolAt(nodes, 0.2)).toBeNaN();
  });
  it("interpolates in total variance: 20% at 20 days and 30% at 40 days give sqrt((0.04·20 + 0.09·40)/2/30) at 30", () => {
    // w(20d) = 0.04·20/365, w(40d) = 0.09·40/365; halfway: (0.8 + 3.6)/2/365 = 2.2/365; σ = sqrt(2.2/30)
    const nodes = [{tYears: 20 / 365, iv: 0.2}, {tYears: 40 / 365, iv: 0.3}];
    expect(constantMaturityIv(nodes, 30 / 365)).toBeCloseTo(Math.sqrt(2.2 / 30), 14);
    expect(constantMaturityIv(nodes, 50 / 365)).toBeNaN();
  });
});

describe("deltaStrike", () => {
  it("finds the strike whose BSM delta at the smile vol is exactly the target, between nodes", () => {
    const market = {spot: 100, forward: 100.3, tYears: 0.1, rate: 0.04, divYield: 0.01};
    const nodes = [-0.3, -0.15, 0, 0.15, 0.3].map((k) => ({logMoneyness: k, iv: 0.2 - 0.3 * k}));
    for (const [right, targetDelta] of [["C", 0.25], ["P", -0.25]] as const) {
      const d = deltaStrike(nodes, {...market, right, targetDelta});
      expect(d.delta).toBeCloseTo(targetDelta, 9);
      expect(d.iv).toBeCloseTo(smileVolAt(nodes, Math.log(d.strike / market.forward)), 12);
      expect(bsmGreeks({...market, right, strike: d.strike, vol: d.iv}).delta).toBeCloseTo(targetDelta, 9);
    }
  });
  it("returns NaN when the listed strikes do not reach 25 delta", () => {
    const nodes = [{logMoneyness: -0.01, iv: 0.2}, {logMoneyness: 0.01, iv: 0.2}];
    expect(deltaStrike(nodes, {spot: 100, forward: 100, tYears: 0.1, rate: 0, divYield: 0, right: "C", targetDelta: 0.25}).strike).toBeNaN();
  });
});
