import {betaToBenchmark, DEFAULT_BETA_WINDOW_DAYS, type DailyClose} from "./beta.js";

/** Pairwise correlations of daily log returns. `correlation[i * n + j]` pairs symbols[i] and symbols[j]. */
export type CorrelationMatrix = {
  symbols: string[];
  correlation: Float64Array; // NaN where a pair has fewer than `minReturns` aligned returns
  nReturns: Int32Array; // aligned returns behind each pair
};

/**
 * Returns the correlation matrix of daily log returns over the last `windowDays` aligned returns (default 252, one
 * year of sessions) ending at `endDate`. Each pair is aligned by date on its own (as betaToBenchmark does), so a
 * crypto series pairs with an equity over their common sessions, each return spanning the same dates in both.
 * The diagonal is 1 for any series with enough returns.
 */
export function correlationMatrix(
  closesBySymbol: Readonly<Record<string, readonly DailyClose[]>>,
  {windowDays = DEFAULT_BETA_WINDOW_DAYS, endDate, minReturns = 20}: {windowDays?: number; endDate?: string; minReturns?: number} = {}
): CorrelationMatrix {
  const symbols = Object.keys(closesBySymbol);
  const n = symbols.length;
  const correlation = new Float64Array(n * n).fill(NaN);
  const nReturns = new Int32Array(n * n);
  for (let i = 0; i < n; ++i) {
    for (let j = i; j < n; ++j) {
      const estimate = betaToBenchmark(closesBySymbol[symbols[i]], closesBySymbol[symbols[j]], {windowDays, endDate, minReturns});
      const rho = i === j && Number.isFinite(estimate.correlation) ? 1 : estimate.correlation;
      correlation[i * n + j] = correlation[j * n + i] = rho;
      nReturns[i * n + j] = nReturns[j * n + i] = estimate.nReturns;
    }
  }
  return {symbols, correlation, nReturns};
}
