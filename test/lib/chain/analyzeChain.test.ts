import {describe, expect, it} from "vitest";
import {analyzeChain} from "../../../lib/chain/analyzeChain.js";
import {vendorIvAgreement} from "../../../lib/chain/vendorIvAgreement.js";
import {parseCboeQuotedata} from "../../../lib/io/cboeQuotedata.js";
import {bsmPrice} from "../../../lib/pricing/bsm.js";
import type {OptionQuoteRow} from "../../../lib/rows.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

describe("analyzeChain on a synthetic flat-vol European chain", () => {
  it("recovers the forward, a flat 20% ATM / 25-delta vol, skews of 1", () => {
    const asOfMs = Date.UTC(2023, 8, 14, 20, 0); // 16:00 EDT; SPXW settles 16:00 EDT on 2023-10-14 = 30 days
    const [spot, rate, divYield, vol, tYears] = [100, 0.05, 0.01, 0.2, 30 / 365];
    const quotes: OptionQuoteRow[] = [];
    for (let strike = 70; strike <= 130; strike += 1) {
      for (const right of ["C", "P"] as const) {
        const price = bsmPrice({right, spot, strike, tYears, rate, divYield, vol});
        quotes.push({
          underlying: "SPXW", symbol: `X${strike}${right}`, expiry: "2023-10-14", strike, right, bid: price - 1e-9, ask: price + 1e-9,
          last: NaN, volume: 0, openInterest: 0, vendorIv: NaN, vendorDelta: NaN, vendorGamma: NaN, underlyingPrice: spot, asOfMs, source: "file"
        });
      }
    }
    const a = analyzeChain(quotes, {spot, asOfMs, rate, constantMaturityDays: [30]});
    const [e] = a.expiries;
    expect(a.model).toBe("european-forward");
    expect(e.days).toBeCloseTo(30, 9);
    expect(e.forward).toBeCloseTo(spot * Math.exp((rate - divYield) * tYears), 6);
    expect(e.divYield).toBeCloseTo(divYield, 6);
    for (const iv of [e.atmIv, e.put25Iv, e.call25Iv, a.constantMaturity[0].atmIv]) expect(iv).toBeCloseTo(0.2, 6);
    expect(e.putSkew).toBeCloseTo(1, 6);
    // flat smile: 25-delta call strike has e^{-qT} N(d1) = 0.25; it lies above the forward, the put's below
    expect(e.call25Strike).toBeGreaterThan(e.forward);
    expect(e.put25Strike).toBeLessThan(e.forward);
  });
});

describeWithSharedData("analyzeChain on CBOE's SPY chain of 2023-09-14 16:31 EDT (American, rate 5.3%)", () => {
  const {underlying, quotes} = parseCboeQuotedata(readSharedText("options/spy_quotedata_2023-09-14.csv"), {file: "spy_quotedata_2023-09-14.csv"});
  // rate: SOFR was about 5.3% in September 2023
  const a = analyzeChain(quotes, {spot: underlying.last, asOfMs: underlying.asOfMs, rate: 0.053});

  it("drops the 0DTE expiry (settled 16:00, snapshot 16:31) and every zero bid, and prices with the American model", () => {
    expect(a.model).toBe("american");
    expect(a.skippedExpiries).toEqual([{expiry: "2023-09-14", reason: "expired at the snapshot time"}]);
    expect(a.expiries.length).toBe(30);
    expect(a.dropped["zero-bid"]).toBeGreaterThan(0);
  });
  it("implies forwards close to spot 450.81: within $1.6 (one quarterly dividend, ex 2023-09-15) up to 60 days", () => {
    for (const e of a.expiries.filter((x) => x.days <= 60)) expect(Math.abs(e.forward - underlying.last)).toBeLessThan(1.6);
    // the 2023-10-13 forward: carry r - q over 29 days nets to about +0.2
    expect(a.expiries.find((e) => e.expiry === "2023-10-13")!.forward).toBeCloseTo(451.0, 0);
  });
  it("agrees with CBOE's IV column on liquid strikes: median < 0.25 and worst < 1.5 vol points", () => {
    const agreement = vendorIvAgreement(a.surface);
    // measured: 820 quotes, median 0.16, worst 1.08 vol points (2025-12-19 485 call)
    expect(agreement.count).toBeGreaterThan(500);
    expect(agreement.medianAbsDiffVolPts).toBeLessThan(0.25);
    expect(agreement.worstAbsDiffVolPts).toBeLessThan(1.5);
  });
  it("has a put skew: 30-day 25-delta put above ATM above 25-delta call, ATM term structure upward", () => {
    const [d30, d60, d90] = a.constantMaturity;
    expect(d30.put25Iv).toBeGreaterThan(d30.atmIv);
    expect(d30.atmIv).toBeGreaterThan(d30.call25Iv);
    expect(d30.atmIv).toBeGreaterThan(0.08);
    expect(d30.atmIv).toBeLessThan(0.14);
    expect(d60.atmIv).toBeGreaterThan(d30.atmIv);
    expect(d90.atmIv).toBeGreaterThan(d60.atmIv);
  });
  it("solves the 25-delta call strike between listed strikes, with an IV within 1 vol point of CBOE's at the listed strikes beside it", () => {
    const e = a.expiries.find((x) => x.expiry === "2023-10-20")!;
    expect(Number.isInteger(e.call25Strike)).toBe(false);
    const vendorNear = a.surface.filter((p) => p.expiry === e.expiry && p.right === "C" && Math.abs(p.strike - e.call25Strike) < 1.5);
    expect(vendorNear.some((p) => Math.abs(p.vendorIv - e.call25Iv) < 0.01)).toBe(true);
  });
});
