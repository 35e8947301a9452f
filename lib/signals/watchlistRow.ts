import type {ChainAnalysis, ExpirySummary} from "../chain/analyzeChain.js";
import {constantMaturityIv} from "../chain/constantMaturityIv.js";
import {ivRank} from "../vol/ivRank.js";
import {rollingRealizedVol} from "../vol/rollingRealizedVol.js";
import {ivTermStructure, type IvTermStructure} from "./ivTermStructure.js";
import {premiumSignal, type PremiumSignal, type PremiumSignalThresholds} from "./premiumSignal.js";
import {targetExpiry} from "./targetExpiry.js";

/** One daily bar with its date (sorted ascending when passed in). */
export type DatedBar = {date: string; open: number; high: number; low: number; close: number};

/** One day of a 30-day implied vol series (decimal). */
export type DatedIv = {date: string; iv: number};

/** One watchlist line: everything the table shows for an underlying. Vols are decimals, ratios plain. */
export type WatchlistRow = {
  symbol: string;
  spot: number; // last close
  spotDate: string;
  iv30: number; // last 30-day IV of the history (decimal)
  ivDate: string;
  ivRank: number; // 0–1 over the rank window
  ivPercentile: number; // 0–1 over the rank window
  rankDaysUsed: number;
  rankWindowDays: number;
  rv: number; // close-to-close realised vol over rvWindowDays bars ending on the last bar (decimal)
  rvWindowDays: number;
  ivRv: number; // iv30 / rv
  term: IvTermStructure; // frontDays vs backDays ATM IV from the chain
  target: ExpirySummary | null; // the listed expiry nearest targetDays
  signal: PremiumSignal;
  history: DatedIv[]; // the IV series over the rank window (for a sparkline)
};

/**
 * Assembles one watchlist line from an underlying's daily bars, its 30-day IV history and its chain analysis:
 * - IV rank / percentile of the last IV over the trailing `rankWindowDays` observations (ivRank);
 * - IV/RV: last IV over the close-to-close RV of the last round(30 × periodsPerYear / 365) bars (21 sessions for
 *   equities, 30 days for crypto), the horizon matching a 30-calendar-day IV;
 * - term structure: ATM IV at constant maturities `frontDays` vs `backDays` (default 30 vs 90) interpolated in
 *   total variance over the chain's expiries (ivTermStructure);
 * - the target expiry nearest `targetDays` (default 45) and its put skew (25-delta put IV / ATM IV);
 * - the premium-selling stars from those (premiumSignal).
 * Missing pieces give NaN fields (and a null chain gives an unknown term structure and no target), never a throw.
 * @param periodsPerYear 252 for equity sessions, 365 for crypto
 */
export function watchlistRow({
  symbol,
  bars,
  ivs,
  chain,
  periodsPerYear = 252,
  rankWindowDays = 252,
  frontDays = 30,
  backDays = 90,
  targetDays = 45,
  thresholds
}: {
  symbol: string;
  bars: readonly DatedBar[];
  ivs: readonly DatedIv[];
  chain: ChainAnalysis | null;
  periodsPerYear?: number;
  rankWindowDays?: number;
  frontDays?: number;
  backDays?: number;
  targetDays?: number;
  thresholds?: PremiumSignalThresholds;
}): WatchlistRow {
  const last = bars[bars.length - 1];
  const lastIv = ivs[ivs.length - 1];
  const rank = ivs.length ? ivRank(ivs.map((d) => d.iv), {windowDays: rankWindowDays}) : null;
  const rvWindowDays = Math.max(2, Math.round((30 * periodsPerYear) / 365));
  const rvSeries = bars.length
    ? rollingRealizedVol(
        {open: bars.map((b) => b.open), high: bars.map((b) => b.high), low: bars.map((b) => b.low), close: bars.map((b) => b.close)},
        {estimator: "close-to-close", windowDays: rvWindowDays, periodsPerYear}
      )
    : new Float64Array(0);
  const rv = rvSeries.length ? rvSeries[rvSeries.length - 1] : NaN;
  const iv30 = lastIv?.iv ?? NaN;
  const ivRv = rv > 0 && Number.isFinite(iv30) ? iv30 / rv : NaN;
  const nodes = (chain?.expiries ?? []).map((e) => ({tYears: e.tYears, iv: e.atmIv}));
  const term = ivTermStructure({frontIv: constantMaturityIv(nodes, frontDays / 365), backIv: constantMaturityIv(nodes, backDays / 365)});
  const target = chain ? (targetExpiry(chain.expiries, {targetDays}) ?? null) : null;
  const ivPercentile = rank?.percentile ?? NaN;
  const signal = premiumSignal({ivPercentile, ivRvRatio: ivRv, termState: term.state, putSkew: target?.putSkew ?? NaN}, thresholds);
  return {
    symbol,
    spot: last?.close ?? NaN,
    spotDate: last?.date ?? "",
    iv30,
    ivDate: lastIv?.date ?? "",
    ivRank: rank?.rank ?? NaN,
    ivPercentile,
    rankDaysUsed: rank?.daysUsed ?? 0,
    rankWindowDays,
    rv,
    rvWindowDays,
    ivRv,
    term,
    target,
    signal,
    history: ivs.slice(-rankWindowDays)
  };
}
