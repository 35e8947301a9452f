import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {parseOhlcCsv} from "../../../lib/io/ohlcCsv.js";
import {createRng} from "../../../lib/random/createRng.js";
import {rvCone} from "../../../lib/vol/rvCone.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const flat = (closes: number[]) => ({open: closes, high: closes, low: closes, close: closes});

describe("rvCone(bars, {windowsDays})", () => {
  it("takes percentiles over the rolling RV values (hand-derived)", () => {
    // closes 1, 1, 1, e^x: returns 0, 0, x. Window 2: (0, 0) → 0; (0, x) → sample var x²/2 → RV = sqrt(126)·x.
    // Two values [0, v]: min 0, p25 v/4, median v/2, p75 3v/4, max v (linear between order statistics).
    const x = 0.01;
    const v = Math.sqrt(126) * x;
    const [row] = rvCone(flat([1, 1, 1, Math.exp(x)]), {windowsDays: [2]});
    expect(row.count).toBe(2);
    expect(row.min).toBe(0);
    expect(row.p25).toBeCloseTo(v / 4, 14);
    expect(row.median).toBeCloseTo(v / 2, 14);
    expect(row.p75).toBeCloseTo((3 * v) / 4, 14);
    expect(row.max).toBeCloseTo(v, 14);
    expect(row.latest).toBeCloseTo(v, 14);
  });
  it("limits the history to the last lookbackBars bars", () => {
    const [row] = rvCone(flat([1, 1, 1, Math.exp(0.01)]), {windowsDays: [2], lookbackBars: 1});
    expect(row.count).toBe(1);
    expect(row.min).toBeCloseTo(row.max, 15);
  });
  it("gives NaN percentiles and count 0 when no window is complete", () => {
    const [row] = rvCone(flat([1, 2, 3]), {windowsDays: [5]});
    expect(row).toMatchObject({count: 0, windowDays: 5});
    expect(row.median).toBeNaN();
    expect(row.latest).toBeNaN();
  });
  it("centres on the true vol of a simulated GBM path (σ = 20%)", () => {
    // 2,520 daily log returns N(0, 0.2²/252). An n-day sample RV is σ·sqrt(χ²(n-1)/(n-1)), so its median is
    // σ·sqrt(m/(n-1)) with m the χ² median, by Wilson-Hilferty m ≈ k(1 - 2/(9k))³: 18.3% for n = 5, 19.6% for 20.
    // Tolerance 0.8 vol pt: ~2,500 overlapping windows of one path.
    const rng = createRng(["rvCone", 1]);
    const closes = [100];
    for (let i = 0; i < 2520; ++i) closes.push(closes[i] * Math.exp((0.2 / Math.sqrt(252)) * rng.normal()));
    const rows = rvCone(flat(closes));
    expect(rows.map((r) => r.windowDays)).toEqual([5, 10, 20, 30, 60, 90]);
    for (const r of rows) {
      const k = r.windowDays - 1;
      const chiSquareMedian = k * (1 - 2 / (9 * k)) ** 3;
      expect(Math.abs(r.median - 0.2 * Math.sqrt(chiSquareMedian / k))).toBeLessThan(0.008);
    }
    // the cone narrows with the window: the spread of short windows is wider
    expect(rows[0].max - rows[0].min).toBeGreaterThan(rows[5].max - rows[5].min);
  });
  it("keeps min ≤ p25 ≤ median ≤ p75 ≤ max and the latest value inside them", () => {
    const returns = fc.array(fc.double({min: -0.1, max: 0.1, noNaN: true}), {minLength: 12, maxLength: 80});
    fc.assert(
      fc.property(returns, (rs) => {
        const closes = [100];
        for (const r of rs) closes.push(closes[closes.length - 1] * Math.exp(r));
        for (const row of rvCone(flat(closes), {windowsDays: [5, 10]})) {
          expect(row.min).toBeLessThanOrEqual(row.p25);
          expect(row.p25).toBeLessThanOrEqual(row.median + 1e-15);
          expect(row.median).toBeLessThanOrEqual(row.p75 + 1e-15);
          expect(row.p75).toBeLessThanOrEqual(row.max + 1e-15);
          expect(row.latest).toBeGreaterThanOrEqual(row.min - 1e-15);
          expect(row.latest).toBeLessThanOrEqual(row.max + 1e-15);
        }
      }),
      {numRuns: 200}
    );
  });
  it("rejects a lookback below one bar", () => {
    expect(() => rvCone(flat([1, 2, 3]), {lookbackBars: 0})).toThrow("rvCone: lookbackBars must be an integer >= 1, got 0");
  });
});

describeWithSharedData("rvCone on real SPY bars (../shared/data/ohlc/SPY.csv)", () => {
  it("matches percentiles computed independently by sorting 20-day close-to-close RVs of the last year", () => {
    const bars = parseOhlcCsv(readSharedText("ohlc/SPY.csv"), {file: "SPY.csv", symbol: "SPY"});
    const close = bars.map((b) => b.close);
    const [row] = rvCone({open: bars.map((b) => b.open), high: bars.map((b) => b.high), low: bars.map((b) => b.low), close}, {windowsDays: [20], lookbackBars: 252});
    // independent: plain sample s.d. of 20 log returns for each of the last 252 bars, sorted; R-7 quantiles
    const rvs: number[] = [];
    for (let i = close.length - 252; i < close.length; ++i) {
      const r = Array.from({length: 20}, (_, j) => Math.log(close[i - 19 + j] / close[i - 20 + j]));
      const m = r.reduce((a, b) => a + b, 0) / 20;
      rvs.push(Math.sqrt((252 * r.reduce((a, b) => a + (b - m) ** 2, 0)) / 19));
    }
    rvs.sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (rvs.length - 1) * p;
      return rvs[Math.floor(h)] + (rvs[Math.ceil(h)] - rvs[Math.floor(h)]) * (h - Math.floor(h));
    };
    expect(row.count).toBe(252);
    expect(row.min).toBeCloseTo(rvs[0], 12);
    expect(row.p25).toBeCloseTo(q(0.25), 12);
    expect(row.median).toBeCloseTo(q(0.5), 12);
    expect(row.p75).toBeCloseTo(q(0.75), 12);
    expect(row.max).toBeCloseTo(rvs[251], 12);
    // SPY's 20-day RV over a year stays within a plausible 4%..80% band
    expect(row.min).toBeGreaterThan(0.04);
    expect(row.max).toBeLessThan(0.8);
  });
});
