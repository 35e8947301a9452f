import {betaToBenchmark, DEFAULT_BETA_WINDOW_DAYS, type DailyClose} from "./beta.js";

/** How a beta was obtained. */
export type BetaSource = "override" | "computed" | "index-proxy";

/** One underlying's beta to SPY. */
export type BetaEntry = {underlying: string; beta: number; source: BetaSource; nReturns: number; lastDate: string | null};

/**
 * Underlyings whose beta to SPY is 1 by construction (S&P 500 index, its ETF, options and futures on it).
 * A manual override still wins.
 */
export const SPX_FAMILY = ["SPY", "SPX", "SPXW", "XSP", "/ES", "/MES"] as const;

/**
 * Beta of every underlying to SPY: manual `overrides` first, then 1 for the S&P 500 family, then
 * `betaToBenchmark` over `windowDays` (default 252 sessions = 1 year) on the given daily closes.
 * Underlyings with no closes and no override are absent from the result (callers report them as missing).
 */
export function betaTable(
  closesByUnderlying: Readonly<Record<string, readonly DailyClose[]>>,
  {
    benchmark = "SPY",
    windowDays = DEFAULT_BETA_WINDOW_DAYS,
    endDate,
    overrides = {}
  }: {benchmark?: string; windowDays?: number; endDate?: string; overrides?: Readonly<Record<string, number>>} = {}
): Record<string, BetaEntry> {
  const table: Record<string, BetaEntry> = {};
  for (const underlying of SPX_FAMILY) table[underlying] = {underlying, beta: 1, source: "index-proxy", nReturns: 0, lastDate: null};
  const bench = closesByUnderlying[benchmark];
  if (bench) {
    for (const [underlying, closes] of Object.entries(closesByUnderlying)) {
      if ((SPX_FAMILY as readonly string[]).includes(underlying)) continue;
      const estimate = betaToBenchmark(closes, bench, {windowDays, endDate});
      if (Number.isFinite(estimate.beta)) {
        table[underlying] = {underlying, beta: estimate.beta, source: "computed", nReturns: estimate.nReturns, lastDate: estimate.lastDate};
      }
    }
  }
  for (const [underlying, beta] of Object.entries(overrides)) {
    if (!Number.isFinite(beta)) throw new RangeError(`betaTable: override for ${underlying} must be finite, got ${beta}`);
    table[underlying] = {underlying, beta, source: "override", nReturns: 0, lastDate: null};
  }
  return table;
}
