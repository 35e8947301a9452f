import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {betaToBenchmark, type DailyClose} from "../../../lib/risk/beta.js";
import {betaTable} from "../../../lib/risk/betaTable.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

/** Independent reader: yfinance layout Date,Close,High,Low,Open,Volume, split by hand. */
function closes(symbol: string): DailyClose[] {
  return readSharedText(`ohlc/${symbol}.csv`)
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map(([date, close]) => ({date, close: Number(close)}));
}

/** Independent slope: n*Sxy - Sx*Sy over n*Sxx - Sx^2 on the last `window` joined log returns. */
function slope(asset: DailyClose[], bench: DailyClose[], window: number, endDate: string): number {
  const b = new Map(bench.map((d) => [d.date, d.close]));
  const joined = asset.filter((d) => b.has(d.date) && d.date <= endDate).slice(-(window + 1));
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 1; i < joined.length; ++i) {
    const x = Math.log(b.get(joined[i].date)! / b.get(joined[i - 1].date)!);
    const y = Math.log(joined[i].close / joined[i - 1].close);
    sx += x; sy += y; sxx += x * x; sxy += x * y;
  }
  const n = joined.length - 1;
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

describe("betaToBenchmark", () => {
  it("recovers an exact linear relation in log returns", () => {
    // r_a = 1.5 r_b exactly: a = b^1.5 -> beta 1.5, correlation 1
    const bench = [100, 101, 99, 102, 103, 101, 104].map((close, i) => ({date: `2024-01-0${i + 1}`, close}));
    const asset = bench.map((d) => ({date: d.date, close: d.close ** 1.5}));
    const est = betaToBenchmark(asset, bench, {minReturns: 2});
    expect(est.beta).toBeCloseTo(1.5, 12);
    expect(est.correlation).toBeCloseTo(1, 12);
    expect(est.nReturns).toBe(6);
  });
  it("aligns by date, ignores unsorted input and dates missing from either side", () => {
    const bench = [{date: "2024-01-03", close: 110}, {date: "2024-01-01", close: 100}, {date: "2024-01-02", close: 105}, {date: "2024-01-04", close: 99}];
    // asset misses 01-02: the 01-01 -> 01-03 return is matched with SPY's 01-01 -> 01-03 return
    const asset = [{date: "2024-01-01", close: 50}, {date: "2024-01-03", close: 60.5}, {date: "2024-01-04", close: 49.005}, {date: "2024-01-05", close: 1}];
    const est = betaToBenchmark(asset, bench, {minReturns: 2});
    expect(est.nReturns).toBe(2);
    // returns: asset ln(1.21), ln(49.005/60.5) = ln(0.81); bench ln(1.1), ln(0.9): asset = 2 x bench exactly
    expect(est.beta).toBeCloseTo(2, 12);
  });
  it("returns NaN with too few returns", () => {
    expect(betaToBenchmark([{date: "a", close: 1}], [{date: "a", close: 1}]).beta).toBeNaN();
  });
  it("is invariant to rescaling either series", () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: -0.05, max: 0.05, noNaN: true}), {minLength: 25, maxLength: 60}), fc.double({min: 0.01, max: 100, noNaN: true}), (rets, k) => {
        let a = 100, b = 100;
        const asset: DailyClose[] = [], bench: DailyClose[] = [];
        rets.forEach((r, i) => {
          b *= Math.exp(r);
          a *= Math.exp(0.7 * r + (i % 3 === 0 ? 0.01 : -0.005));
          bench.push({date: String(10000 + i), close: b});
          asset.push({date: String(10000 + i), close: a});
        });
        const base = betaToBenchmark(asset, bench).beta;
        const scaled = betaToBenchmark(asset.map((d) => ({...d, close: d.close * k})), bench).beta;
        if (Number.isFinite(base)) expect(Math.abs(scaled - base)).toBeLessThan(1e-7 * Math.max(1, Math.abs(base)));
      }),
      {numRuns: 50}
    );
  });
});

describeWithSharedData("betaToBenchmark on real Yahoo closes (ohlc/*.csv), 252-session window", () => {
  const spy = closes("SPY");
  const cases: [string, string, number, number][] = [
    // symbol, end date, plausible range for a 1-year daily beta to SPY
    ["QQQ", "2023-09-14", 1.0, 1.5],
    ["QQQ", "2026-08-21", 1.0, 1.6], // measured 1.410
    ["IWM", "2023-09-14", 0.9, 1.5], // measured 1.121
    ["IWM", "2026-08-21", 0.9, 1.5], // measured 1.215
    ["XLE", "2023-09-14", 0.4, 1.3], // measured 0.853
    ["XLE", "2026-08-21", -0.6, 0.2] // measured -0.275: energy moved against SPY over 2025-08..2026-08 in this data
  ];
  for (const [symbol, endDate, lo, hi] of cases) {
    it(`${symbol} to ${endDate} is in [${lo}, ${hi}] and equals an independent slope`, () => {
      const asset = closes(symbol);
      const est = betaToBenchmark(asset, spy, {endDate});
      expect(est.nReturns).toBe(252);
      expect(est.lastDate).toBe(endDate);
      expect(est.beta).toBeGreaterThan(lo);
      expect(est.beta).toBeLessThan(hi);
      expect(est.beta).toBeCloseTo(slope(asset, spy, 252, endDate), 9);
    });
  }
  it("betaTable: computed, S&P family = 1, overrides win", () => {
    const table = betaTable({SPY: spy, QQQ: closes("QQQ")}, {endDate: "2023-09-14", overrides: {TSLA: 2}});
    expect(table.SPY.beta).toBe(1);
    expect(table["/ES"].source).toBe("index-proxy");
    expect(table.QQQ).toMatchObject({source: "computed", nReturns: 252, lastDate: "2023-09-14"});
    expect(table.QQQ.beta).toBeCloseTo(1.2278, 3);
    expect(table.TSLA).toMatchObject({beta: 2, source: "override"});
  });
});
