import type {PositionLeg, UnifiedPosition} from "../positions/unifiedPosition.js";
import {assignStrategyGroups, recognizeStrategies, type StrategyGroup} from "../strategies/recognize.js";
import type {DailyClose} from "./beta.js";
import {betaTable, type BetaEntry} from "./betaTable.js";
import {toUnifiedPositions, type RiskMarket} from "./positionGreeks.js";

/** A risk-weighted book: positions with strategy groups, and the market data they were weighted with. */
export type RiskBook = {
  positions: UnifiedPosition[];
  groups: StrategyGroup[];
  betas: Record<string, BetaEntry>; // by underlying; absent when neither closes nor an override give one
  spots: Record<string, number>; // USD, by underlying: overrides first, else the last close on or before asOfDate
  spotDates: Record<string, string>; // date of the close each spot came from (absent for overrides)
  market: RiskMarket;
};

/**
 * Turns broker legs into a risk-weighted book, the one way the CLI, the loaders and the pages do it:
 * spots from the last close on or before `asOfDate` (overridden by `spots`), betas to SPY from daily closes
 * (lib/risk/betaTable: `betaWindowDays`, default 252 sessions, with `betaOverrides`), per-unit greeks and
 * beta weighting (lib/risk/positionGreeks), then strategy recognition (lib/strategies/recognize).
 * Throws RangeError when there is no SPY price, since nothing can be beta-weighted without it.
 */
export function buildRiskBook(
  legs: readonly PositionLeg[],
  {
    closesByUnderlying = {},
    asOfMs,
    asOfDate,
    spots: spotOverrides = {},
    betaOverrides = {},
    betaWindowDays,
    ivs,
    rate
  }: {
    closesByUnderlying?: Readonly<Record<string, readonly DailyClose[]>>;
    asOfMs: number;
    asOfDate: string; // "YYYY-MM-DD": the valuation day, for spots, betas and expiry buckets
    spots?: Readonly<Record<string, number>>;
    betaOverrides?: Readonly<Record<string, number>>;
    betaWindowDays?: number;
    ivs?: Readonly<Record<string, number>>;
    rate?: number;
  }
): RiskBook {
  const spots: Record<string, number> = {};
  const spotDates: Record<string, string> = {};
  for (const [symbol, series] of Object.entries(closesByUnderlying)) {
    const last = lastCloseOnOrBefore(series, asOfDate);
    if (last) {
      spots[symbol] = last.close;
      spotDates[symbol] = last.date;
    }
  }
  Object.assign(spots, spotOverrides);
  if (!(spots.SPY > 0)) throw new RangeError("buildRiskBook: no SPY price (give SPY closes or a SPY spot)");
  const betas = betaTable(closesByUnderlying, {windowDays: betaWindowDays, endDate: asOfDate, overrides: betaOverrides});
  const market: RiskMarket = {
    asOfMs,
    spySpot: spots.SPY,
    spots,
    betas: Object.fromEntries(Object.values(betas).map((entry) => [entry.underlying, entry.beta])),
    ivs,
    rate
  };
  const groups = recognizeStrategies(legs);
  const positions = assignStrategyGroups(toUnifiedPositions(legs, market), groups);
  return {positions, groups, betas, spots, spotDates, market};
}

/** The latest positive close dated on or before `date`, whatever the order of the series. */
function lastCloseOnOrBefore(series: readonly DailyClose[], date: string): DailyClose | undefined {
  let best: DailyClose | undefined;
  for (const close of series) {
    if (close.date <= date && close.close > 0 && (!best || close.date > best.date)) best = close;
  }
  return best;
}
