import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {parseOhlcCsv} from "../../../lib/io/ohlcCsv.js";
import {REALIZED_VOL_ESTIMATORS, rollingRealizedVol, yangZhangK} from "../../../lib/vol/rollingRealizedVol.js";
import {validateBars} from "../../../lib/vol/validateBars.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

type Bar = {open: number; high: number; low: number; close: number};

/** Independent, deliberately plain formulas (textbook forms, e.g. Sinclair, Volatility Trading, 2nd ed., ch. 2). */
function naive(estimator: string, window: Bar[], prevClose: number): number {
  const n = window.length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sampleVar = (xs: number[]) => {
    const m = mean(xs);
    return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  };
  const closes = [prevClose, ...window.map((b) => b.close)];
  const rs = mean(window.map((b) => Math.log(b.high / b.close) * Math.log(b.high / b.open) + Math.log(b.low / b.close) * Math.log(b.low / b.open)));
  let variance: number;
  if (estimator === "close-to-close") variance = sampleVar(window.map((_, i) => Math.log(closes[i + 1] / closes[i])));
  else if (estimator === "parkinson") variance = mean(window.map((b) => Math.log(b.high / b.low) ** 2)) / (4 * Math.log(2));
  else if (estimator === "garman-klass")
    variance = mean(window.map((b) => 0.5 * Math.log(b.high / b.low) ** 2 - (2 * Math.log(2) - 1) * Math.log(b.close / b.open) ** 2));
  else if (estimator === "rogers-satchell") variance = rs;
  else {
    const k = 0.34 / (1.34 + (n + 1) / (n - 1));
    const overnight = window.map((b, i) => Math.log(b.open / closes[i]));
    const openClose = window.map((b) => Math.log(b.close / b.open));
    variance = sampleVar(overnight) + k * sampleVar(openClose) + (1 - k) * rs;
  }
  return Math.sqrt(252 * variance);
}

const columns = (bars: Bar[]) => ({
  open: bars.map((b) => b.open),
  high: bars.map((b) => b.high),
  low: bars.map((b) => b.low),
  close: bars.map((b) => b.close)
});

describe("rollingRealizedVol(bars, {estimator, windowDays})", () => {
  it("close-to-close on a hand-derived case", () => {
    // closes 1, 2, 1: returns ln2, -ln2, mean 0, sample variance 2 ln²2; × 252
    const bars = [1, 2, 1].map((c) => ({open: c, high: c, low: c, close: c}));
    const out = rollingRealizedVol(columns(bars), {estimator: "close-to-close", windowDays: 2});
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(Math.sqrt(2 * 252) * Math.LN2, 12);
  });
  it("Parkinson on one constant-range bar per day: ln(H/L)^2/(4 ln 2)", () => {
    // H/L = e^0.02 every day: variance 0.0004 / (4 ln 2) per day
    const bars = Array.from({length: 5}, () => ({open: 100, high: 100 * Math.exp(0.01), low: 100 * Math.exp(-0.01), close: 100}));
    const out = rollingRealizedVol(columns(bars), {estimator: "parkinson", windowDays: 5});
    expect(out[4]).toBeCloseTo(Math.sqrt((252 * 0.0004) / (4 * Math.LN2)), 12);
  });
  it("k = 0.34 / (1.34 + (n+1)/(n-1)): n = 21 gives 0.34 / (1.34 + 22/20)", () => {
    expect(yangZhangK(21)).toBeCloseTo(0.34 / 2.44, 15);
  });
  it("is NaN on windows holding an unusable bar, and on gaps only when asked to exclude them", () => {
    const bars = Array.from({length: 8}, (_, i) => ({open: 100 + i, high: 102 + i, low: 99 + i, close: 101 + i}));
    const usable = Uint8Array.from([1, 1, 1, 0, 1, 1, 1, 1]);
    const out = rollingRealizedVol(columns(bars), {estimator: "parkinson", windowDays: 3, usable});
    expect(Array.from(out, Number.isNaN)).toEqual([true, true, false, true, true, true, false, false]);
    const gapBefore = Uint8Array.from([0, 0, 0, 0, 0, 1, 0, 0]);
    const cc = rollingRealizedVol(columns(bars), {estimator: "close-to-close", windowDays: 2, gapBefore, gapPolicy: "exclude"});
    // the return into bar 5 crosses the gap: windows ending at 5 and 6 hold it, the window ending at 7 does not
    expect(Array.from(cc, Number.isNaN)).toEqual([true, true, false, false, false, true, true, false]);
  });
  it("is scale invariant (property)", () => {
    const bar = fc
      .tuple(fc.double({min: 1, max: 100, noNaN: true}), fc.double({min: 0, max: 0.05, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}))
      .map(([low, range, o, c]) => ({low, high: low * (1 + range), open: low * (1 + range * o), close: low * (1 + range * c)}));
    fc.assert(
      fc.property(fc.array(bar, {minLength: 6, maxLength: 12}), fc.double({min: 0.01, max: 100, noNaN: true}), (bars, s) => {
        const scaled = bars.map((b) => ({open: b.open * s, high: b.high * s, low: b.low * s, close: b.close * s}));
        for (const estimator of REALIZED_VOL_ESTIMATORS) {
          const a = rollingRealizedVol(columns(bars), {estimator, windowDays: 5});
          const b = rollingRealizedVol(columns(scaled), {estimator, windowDays: 5});
          // compare variances: near-zero ranges make sqrt amplify the rounding of scaled logs (1e-14 level)
          const [va, vb] = [a.at(-1)! ** 2, b.at(-1)! ** 2];
          expect(Math.abs(vb - va)).toBeLessThan(1e-12 + 1e-9 * va);
        }
      }),
      {numRuns: 50}
    );
  });
});

describeWithSharedData("rollingRealizedVol on SPY daily bars (../shared/data/ohlc/SPY.csv)", () => {
  const bars = parseOhlcCsv(readSharedText("ohlc/SPY.csv"), {file: "SPY.csv", symbol: "SPY"});
  const {usable, issues} = validateBars(bars);
  it("SPY's bars have no errors (SOURCES.md: no OHLC violations) but report the 2001-09-11 closure as a gap", () => {
    expect(issues.filter((x) => x.severity === "error")).toEqual([]);
    expect(issues.filter((x) => x.kind === "gap").map((x) => x.date)).toContain("2001-09-17");
  });
  it("agrees with the plain formulas to 1e-12 on every estimator, windows 5/10/20/30, at 2023-09-14 and 2020-03-16", () => {
    for (const date of ["2023-09-14", "2020-03-16"]) {
      const i = bars.findIndex((b) => b.date === date);
      for (const windowDays of [5, 10, 20, 30]) {
        for (const estimator of REALIZED_VOL_ESTIMATORS) {
          const out = rollingRealizedVol(columns(bars), {estimator, windowDays, usable});
          expect(out[i]).toBeCloseTo(naive(estimator, bars.slice(i - windowDays + 1, i + 1), bars[i - windowDays].close), 12);
        }
      }
    }
  });
  it("gives sensible levels: 20-day close-to-close about 11-12 vol points on 2023-09-14, above 70 on 2020-03-16", () => {
    const cc = rollingRealizedVol(columns(bars), {estimator: "close-to-close", windowDays: 20, usable});
    const at = (d: string) => cc[bars.findIndex((b) => b.date === d)] * 100;
    expect(at("2023-09-14")).toBeGreaterThan(8);
    expect(at("2023-09-14")).toBeLessThan(14);
    expect(at("2020-03-16")).toBeGreaterThan(70);
  });
});
