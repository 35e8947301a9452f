/** One daily close, "YYYY-MM-DD". */
export type DailyClose = {date: string; close: number};

/** A beta estimate with the sample it came from. */
export type BetaEstimate = {
  beta: number; // NaN when fewer than `minReturns` aligned returns
  correlation: number;
  nReturns: number;
  firstDate: string | null; // first close of the window
  lastDate: string | null; // last close of the window
};

/** Default window: 252 trading days, one year of US sessions. */
export const DEFAULT_BETA_WINDOW_DAYS = 252;

/**
 * Beta of an asset to a benchmark (SPY): OLS slope cov(r_a, r_b) / var(r_b) of daily log returns.
 *
 * The two series are aligned by date: only dates where both have a positive close count, and each return spans
 * the same interval in both (a crypto Friday-to-Monday return is matched with SPY's Friday-to-Monday return).
 * The window is the last `windowDays` aligned returns ending at `endDate` (inclusive; default: last common date).
 * Dates need not be sorted. Returns NaN beta (and correlation) with fewer than `minReturns` returns or a flat
 * benchmark.
 * @param windowDays number of aligned daily returns, default 252 (one year of sessions)
 * @param minReturns default 20
 */
export function betaToBenchmark(
  asset: readonly DailyClose[],
  benchmark: readonly DailyClose[],
  {windowDays = DEFAULT_BETA_WINDOW_DAYS, endDate, minReturns = 20}: {windowDays?: number; endDate?: string; minReturns?: number} = {}
): BetaEstimate {
  if (!(windowDays >= 1)) throw new RangeError(`betaToBenchmark: windowDays must be >= 1, got ${windowDays}`);
  const benchmarkByDate = new Map<string, number>();
  for (const {date, close} of benchmark) if (close > 0) benchmarkByDate.set(date, close);
  const common: {date: string; a: number; b: number}[] = [];
  for (const {date, close} of asset) {
    const b = benchmarkByDate.get(date);
    if (close > 0 && b !== undefined && (endDate === undefined || date <= endDate)) common.push({date, a: close, b});
  }
  common.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const window = common.slice(Math.max(0, common.length - windowDays - 1));
  const n = window.length - 1;
  if (n < Math.max(2, minReturns)) {
    return {beta: NaN, correlation: NaN, nReturns: Math.max(0, n), firstDate: window[0]?.date ?? null, lastDate: window.at(-1)?.date ?? null};
  }
  let meanA = 0;
  let meanB = 0;
  for (let i = 1; i <= n; ++i) {
    meanA += Math.log(window[i].a / window[i - 1].a);
    meanB += Math.log(window[i].b / window[i - 1].b);
  }
  meanA /= n;
  meanB /= n;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 1; i <= n; ++i) {
    const da = Math.log(window[i].a / window[i - 1].a) - meanA;
    const db = Math.log(window[i].b / window[i - 1].b) - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  return {
    beta: varB > 0 ? cov / varB : NaN,
    correlation: varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : NaN,
    nReturns: n,
    firstDate: window[0].date,
    lastDate: window[n].date
  };
}
