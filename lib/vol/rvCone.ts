import {rollingRealizedVol, type OhlcColumns, type RealizedVolEstimator} from "./rollingRealizedVol.js";

/** One window of a realised-vol cone: percentiles of the rolling RV over the history (decimals, 0.2 = 20%). */
export type RvConeRow = {
  windowDays: number; // RV window in bars (trading days; calendar days for crypto)
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
  latest: number; // the RV of the window ending on the last bar (NaN when that window is incomplete)
  count: number; // finite RV values the percentiles were taken over
};

/** The cone's default windows, in bars. */
export const RV_CONE_WINDOWS_DAYS: readonly number[] = [5, 10, 20, 30, 60, 90];

/**
 * Realised-vol cone: for each window n of `windowsDays`, the rolling realised vol (rollingRealizedVol, annualised
 * with `periodsPerYear`) over the last `lookbackBars` bars (default: all), and its min, 25th, 50th, 75th
 * percentile and max (linear interpolation between order statistics, as d3.quantile and numpy's default), plus the
 * latest value. Overlapping windows are used as they are (the usual cone; they are not independent samples).
 * Missing RV values (incomplete windows, unusable bars) are skipped; a window with none gives NaN fields, count 0.
 * @see Burghardt & Lane, "How to tell if options are cheap", Journal of Portfolio Management 16(2), 1990.
 * @throws RangeError for lookbackBars < 1 (and as rollingRealizedVol for windows < 2).
 */
export function rvCone(
  bars: OhlcColumns,
  {
    windowsDays = RV_CONE_WINDOWS_DAYS,
    estimator = "close-to-close",
    periodsPerYear = 252,
    lookbackBars = bars.close.length
  }: {windowsDays?: readonly number[]; estimator?: RealizedVolEstimator; periodsPerYear?: number; lookbackBars?: number} = {}
): RvConeRow[] {
  if (!(Number.isInteger(lookbackBars) && lookbackBars >= 1)) {
    throw new RangeError(`rvCone: lookbackBars must be an integer >= 1, got ${lookbackBars}`);
  }
  const length = bars.close.length;
  const from = Math.max(0, length - lookbackBars);
  return windowsDays.map((windowDays) => {
    const rv = rollingRealizedVol(bars, {estimator, windowDays, periodsPerYear});
    const values: number[] = [];
    for (let i = from; i < length; ++i) if (Number.isFinite(rv[i])) values.push(rv[i]);
    values.sort((a, b) => a - b);
    return {
      windowDays,
      min: quantileSorted(values, 0),
      p25: quantileSorted(values, 0.25),
      median: quantileSorted(values, 0.5),
      p75: quantileSorted(values, 0.75),
      max: quantileSorted(values, 1),
      latest: length ? rv[length - 1] : NaN,
      count: values.length
    };
  });
}

/** The p-quantile of ascending `sorted` values, linear between order statistics; NaN when empty. */
function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}
