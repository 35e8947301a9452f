import {describe, expect, it} from "vitest";
import {parseCboeIndexHistory} from "../../../lib/io/cboeIndexHistory.js";
import {parseCboeQuotedata} from "../../../lib/io/cboeQuotedata.js";
import {vixIndex, vixTermVariance} from "../../../lib/chain/vixIndex.js";
import {vixIndexFromChain} from "../../../lib/chain/vixIndexFromChain.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";
import {NEAR_TERM_QUOTES, NEXT_TERM_QUOTES} from "./fixtures/vixWhitePaperQuotes.js";

// Cboe's worked example (VIX methodology, 2022-09-27 10:45:15 ET example): T1 = 34,484 minutes, T2 = 44,954 minutes,
// R1 = 0.031664%, R2 = 0.028797%; published F1 = 1962.89996, F2 = 1962.40006, K0 = 1960 for both,
// σ1² = 0.019233906, σ2² = 0.019423884, VIX = 13.93 (0.13927842 before rounding).
const near = vixTermVariance(NEAR_TERM_QUOTES, {minutes: 34_484, rate: 0.00031664});
const next = vixTermVariance(NEXT_TERM_QUOTES, {minutes: 44_954, rate: 0.00028797});

describe("vixTermVariance on Cboe's worked example", () => {
  it("forward from the 1965 (near) and 1960 (next) strikes: 1962.89996 and 1962.40006; K0 = 1960", () => {
    // F1 = 1965 + e^{RT} (21.05 - 23.15); F2 = 1960 + e^{RT} (27.30 - 24.90)
    expect([near.parityStrike, next.parityStrike]).toEqual([1965, 1960]);
    expect(near.forward).toBeCloseTo(1962.89996, 5);
    expect(next.forward).toBeCloseTo(1962.40006, 5);
    expect([near.k0, next.k0]).toEqual([1960, 1960]);
  });
  it("stops each wing after two consecutive zero bids: near 1370..2125, next 1275..2200", () => {
    expect([near.lowestPutStrike, near.highestCallStrike]).toEqual([1370, 2125]);
    expect([next.lowestPutStrike, next.highestCallStrike]).toEqual([1275, 2200]);
  });
  it("skips a single zero bid and takes ΔK over the included strikes (near 1400 put: (1410-1395)/2 = 7.5)", () => {
    const c1400 = near.contributions.find((c) => c.strike === 1400)!;
    expect(c1400).toMatchObject({side: "put", mid: 0.125, deltaK: 7.5});
    expect(near.contributions.some((c) => c.strike === 1405)).toBe(false);
    // K0 uses the average of the call and put mids: ((23.4 + 25.1)/2 + (20.6 + 22)/2) / 2 = 22.775, as published
    expect(near.contributions.find((c) => c.strike === 1960)?.side).toBe("put/call");
    expect(near.contributions.find((c) => c.strike === 1960)?.mid).toBeCloseTo(22.775, 12);
  });
  it("gives σ1² = 0.019233906 and σ2² = 0.019423884 (published to 9 places)", () => {
    expect(near.variance).toBeCloseTo(0.019233906, 9);
    expect(next.variance).toBeCloseTo(0.019423884, 9);
  });
  it("interpolates in minutes to 30 days: VIX = 13.927842, published 13.93", () => {
    const {level, bracketed, weightNear} = vixIndex(near, next);
    expect(weightNear).toBeCloseTo((44_954 - 43_200) / (44_954 - 34_484), 15);
    expect(level).toBeCloseTo(13.927842, 5);
    expect(level.toFixed(2)).toBe("13.93");
    expect(bracketed).toBe(true);
  });
});

describeWithSharedData("vixIndexFromChain on the SPY chain of 2023-09-14", () => {
  it("is within 0.5 vol points of the VIX close that day (12.82)", () => {
    const {underlying, quotes} = parseCboeQuotedata(readSharedText("options/spy_quotedata_2023-09-14.csv"), {file: "spy_quotedata_2023-09-14.csv"});
    const vixClose = parseCboeIndexHistory(readSharedText("vix/VIX_History.csv"), {file: "VIX_History.csv", index: "VIX"}).find(
      (r) => r.date === "2023-09-14"
    )!.close;
    // rate: SOFR was about 5.3% in September 2023
    const index = vixIndexFromChain(quotes, {asOfMs: underlying.asOfMs, rate: 0.053})!;
    expect([index.near.expiry, index.next.expiry]).toEqual(["2023-10-13", "2023-10-20"]);
    expect(index.bracketed).toBe(true);
    // measured 12.80 vs 12.82; SPY is American and the snapshot is 16:31 vs the VIX's 16:15 close
    expect(Math.abs(index.level - vixClose)).toBeLessThan(0.5);
  });
});
