import {describe, expect, it} from "vitest";
import type {ChainAnalysis, ExpirySummary} from "../../../lib/chain/analyzeChain.js";
import {watchlistRow, type DatedBar} from "../../../lib/signals/watchlistRow.js";

const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** Bars whose log returns alternate +x, -x (flat OHLC). */
function alternatingBars(n: number, x: number): DatedBar[] {
  const bars: DatedBar[] = [];
  let close = 100;
  for (let i = 0; i < n; ++i) {
    if (i > 0) close *= Math.exp(i % 2 ? x : -x);
    bars.push({date: day(i), open: close, high: close, low: close, close});
  }
  return bars;
}

const expiry = (days: number, atmIv: number, putSkew: number): ExpirySummary => ({
  expiry: day(days),
  tYears: days / 365,
  days,
  forward: 100,
  discount: 1,
  divYield: 0,
  atmIv,
  put25Strike: 95,
  put25Iv: atmIv * putSkew,
  call25Strike: 105,
  call25Iv: atmIv,
  putSkew,
  callSkew: 1,
  quotesUsed: 10
});

const chain = (expiries: ExpirySummary[]) => ({expiries}) as unknown as ChainAnalysis;

describe("watchlistRow({bars, ivs, chain})", () => {
  it("assembles rank, IV/RV, term structure, target expiry and stars (hand-derived)", () => {
    // 300 bars alternating ±1%: the last 21 returns are 11 of one sign and 10 of the other, mean ±x/21,
    // sample variance (21x² - x²/21)/20 = 22x²/21, so RV21 = x·sqrt(252·22/21).
    const x = 0.01;
    const bars = alternatingBars(300, x);
    const rv = x * Math.sqrt((252 * 22) / 21);
    // IV rising 10% → 35.1%: the last is the year's high (rank 1, percentile 1)
    const ivs = Array.from({length: 300}, (_, i) => ({date: day(i), iv: 0.1 + i * 0.00084}));
    const row = watchlistRow({
      symbol: "SPY",
      bars,
      ivs,
      chain: chain([expiry(30, 0.2, 1.2), expiry(90, 0.24, 1.15)])
    });
    expect(row.rvWindowDays).toBe(21);
    expect(row.rv).toBeCloseTo(rv, 12);
    expect(row.ivRv).toBeCloseTo(ivs[299].iv / rv, 12);
    expect(row).toMatchObject({spot: bars[299].close, spotDate: day(299), ivRank: 1, ivPercentile: 1, rankDaysUsed: 252});
    // expiries exactly at 30 and 90 days are the front and back: 24 / 20 = 1.2, contango
    expect(row.term.state).toBe("contango");
    expect(row.term.ratio).toBeCloseTo(1.2, 12);
    // nearest 45 of {30, 90} is 30, its put skew 1.2 ≥ 1.1
    expect(row.target?.days).toBe(30);
    // percentile 1 (+2), IV/RV = 0.35/0.154 ≈ 2.3 (+1), contango (+1), skew (+1)
    expect(row.signal.stars).toBe(5);
    expect(row.history).toHaveLength(252);
  });
  it("uses 30-day RV for crypto (365 periods a year)", () => {
    const row = watchlistRow({symbol: "BTC", bars: alternatingBars(100, 0.02), ivs: [], chain: null, periodsPerYear: 365});
    expect(row.rvWindowDays).toBe(30);
    // 30 returns, 15 each sign: mean 0, sample variance 30x²/29
    expect(row.rv).toBeCloseTo(0.02 * Math.sqrt((365 * 30) / 29), 12);
  });
  it("reports missing pieces as NaN / unknown instead of throwing", () => {
    const row = watchlistRow({symbol: "XYZ", bars: [], ivs: [], chain: null});
    expect(row.spot).toBeNaN();
    expect(row.ivRv).toBeNaN();
    expect(row.term.state).toBe("unknown");
    expect(row.target).toBeNull();
    expect(row.signal).toMatchObject({stars: 0, missing: 5});
  });
});
