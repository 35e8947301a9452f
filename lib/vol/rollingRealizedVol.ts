/** Daily bars as columns: arrays, Float64Arrays or Arrow columns' `.toArray()`. */
export type OhlcColumns = {open: ArrayLike<number>; high: ArrayLike<number>; low: ArrayLike<number>; close: ArrayLike<number>};

/** The realised-volatility estimators. */
export type RealizedVolEstimator = "close-to-close" | "parkinson" | "garman-klass" | "rogers-satchell" | "yang-zhang";

export const REALIZED_VOL_ESTIMATORS: readonly RealizedVolEstimator[] = [
  "close-to-close",
  "parkinson",
  "garman-klass",
  "rogers-satchell",
  "yang-zhang"
];

/** Yang-Zhang's weight on the open-to-close variance for a window of n bars: 0.34 / (1.34 + (n+1)/(n-1)). */
export function yangZhangK(n: number): number {
  return 0.34 / (1.34 + (n + 1) / (n - 1));
}

/**
 * Rolling realised volatility over the trailing `windowDays` bars, annualised with `periodsPerYear`, as a decimal
 * (0.2 = 20%), one value per bar. The value at i uses bars i-n+1..i; close-to-close and Yang-Zhang also use the
 * close of bar i-n (n returns / n overnight moves). NaN where the window is incomplete or holds a bar with
 * `usable[j] = 0` (see validateBars), or, with `gapPolicy: "exclude"`, a gap flagged in `gapBefore`.
 *
 * Per bar, with o = ln(O/C_prev), h = ln(H/O), l = ln(L/O), c = ln(C/O):
 * - close-to-close: sample variance (n-1) of ln(C_i/C_{i-1});
 * - Parkinson (1980): mean of ln(H/L)^2 / (4 ln 2);
 * - Garman-Klass (1980): mean of 0.5 ln(H/L)^2 - (2 ln 2 - 1) c^2 (open-to-close, no overnight term);
 * - Rogers-Satchell (1991): mean of h(h - c) + l(l - c);
 * - Yang-Zhang (2000): var(o) + k var(c) + (1 - k) RS, sample variances, k = yangZhangK(n).
 * @throws RangeError for windowDays < 2 or mismatched column lengths.
 */
export function rollingRealizedVol(
  bars: OhlcColumns,
  {
    estimator,
    windowDays,
    periodsPerYear = 252,
    usable,
    gapBefore,
    gapPolicy = "include"
  }: {
    estimator: RealizedVolEstimator;
    windowDays: number;
    periodsPerYear?: number;
    usable?: ArrayLike<number>;
    gapBefore?: ArrayLike<number>;
    gapPolicy?: "include" | "exclude";
  }
): Float64Array {
  const {open, high, low, close} = bars;
  const length = close.length;
  if (!(Number.isInteger(windowDays) && windowDays >= 2)) {
    throw new RangeError(`rollingRealizedVol: windowDays must be an integer >= 2, got ${windowDays}`);
  }
  if (open.length !== length || high.length !== length || low.length !== length) {
    throw new RangeError(`rollingRealizedVol: open/high/low/close lengths differ (${open.length}/${high.length}/${low.length}/${length})`);
  }
  const n = windowDays;
  const needsPrevClose = estimator === "close-to-close" || estimator === "yang-zhang";
  const first = needsPrevClose ? n : n - 1;
  const out = new Float64Array(length).fill(NaN);
  // bad[j] = 1 when bar j may not enter a window; prefix sums make the window check O(1)
  const badPrefix = new Int32Array(length + 1);
  for (let j = 0; j < length; ++j) {
    const bad = (usable && !usable[j]) || (gapPolicy === "exclude" && gapBefore && gapBefore[j]) ? 1 : 0;
    badPrefix[j + 1] = badPrefix[j] + bad;
  }
  const ln2 = Math.LN2;
  const k = yangZhangK(n);
  for (let i = first; i < length; ++i) {
    const from = i - n + 1;
    const checkFrom = needsPrevClose ? from - 1 : from;
    // with gaps excluded, the gap flag on the window's first bar concerns a return outside the window
    const gapOnFirst = gapPolicy === "exclude" && gapBefore && gapBefore[checkFrom] && (!usable || usable[checkFrom]) ? 1 : 0;
    if (badPrefix[i + 1] - badPrefix[checkFrom] - gapOnFirst > 0) continue;
    let variance: number;
    if (estimator === "close-to-close" || estimator === "yang-zhang") {
      let meanA = 0;
      let meanB = 0;
      for (let j = from; j <= i; ++j) {
        meanA += estimator === "close-to-close" ? Math.log(close[j] / close[j - 1]) : Math.log(open[j] / close[j - 1]);
        meanB += Math.log(close[j] / open[j]);
      }
      meanA /= n;
      meanB /= n;
      let ssA = 0;
      let ssB = 0;
      let rs = 0;
      for (let j = from; j <= i; ++j) {
        const a = (estimator === "close-to-close" ? Math.log(close[j] / close[j - 1]) : Math.log(open[j] / close[j - 1])) - meanA;
        ssA += a * a;
        if (estimator === "yang-zhang") {
          const c = Math.log(close[j] / open[j]);
          ssB += (c - meanB) * (c - meanB);
          const h = Math.log(high[j] / open[j]);
          const l = Math.log(low[j] / open[j]);
          rs += h * (h - c) + l * (l - c);
        }
      }
      variance = estimator === "close-to-close" ? ssA / (n - 1) : ssA / (n - 1) + k * (ssB / (n - 1)) + (1 - k) * (rs / n);
    } else {
      let sum = 0;
      for (let j = from; j <= i; ++j) {
        const hl = Math.log(high[j] / low[j]);
        if (estimator === "parkinson") sum += (hl * hl) / (4 * ln2);
        else if (estimator === "garman-klass") {
          const c = Math.log(close[j] / open[j]);
          sum += 0.5 * hl * hl - (2 * ln2 - 1) * c * c;
        } else {
          const h = Math.log(high[j] / open[j]);
          const l = Math.log(low[j] / open[j]);
          const c = Math.log(close[j] / open[j]);
          sum += h * (h - c) + l * (l - c);
        }
      }
      variance = sum / n;
    }
    out[i] = Math.sqrt(Math.max(variance, 0) * periodsPerYear);
  }
  return out;
}
