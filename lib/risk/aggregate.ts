import type {UnifiedPosition} from "../positions/unifiedPosition.js";
import type {StrategyGroup} from "../strategies/recognize.js";

/** The four limit-checked greeks, in UnifiedPosition units. */
export const GREEK_KEYS = ["betaDelta", "betaGamma", "vegaPerVolPt", "thetaPerDay"] as const;
export type GreekKey = (typeof GREEK_KEYS)[number];

/**
 * Sums of position greeks. Each sum covers only the positions where that greek is finite; `missing[key]`
 * counts the others and `missingSymbols` names them, so a sum is never NaN and never silently incomplete.
 * Units: betaDelta SPY-share equivalents; betaGamma SPY-share equivalents per SPY point; vegaPerVolPt USD per vol
 * point; thetaPerDay USD per calendar day.
 */
export type GreekTotals = {
  betaDelta: number;
  betaGamma: number;
  vegaPerVolPt: number;
  thetaPerDay: number;
  positions: number;
  missing: Record<GreekKey, number>;
  missingSymbols: string[];
};

/** Days-to-expiry buckets (calendar days); "none" = no expiry (shares, coins, perpetuals). */
export type ExpiryBucket = "0-7" | "8-30" | "31-60" | "60+" | "none";
export const EXPIRY_BUCKETS: readonly ExpiryBucket[] = ["0-7", "8-30", "31-60", "60+", "none"];

/** Aggregates by portfolio, broker, underlying, strategy and expiry bucket. */
export type Aggregates = {
  portfolio: GreekTotals;
  byBroker: Record<string, GreekTotals>;
  byUnderlying: Record<string, GreekTotals>;
  byStrategy: Record<string, GreekTotals>;
  byExpiryBucket: Record<ExpiryBucket, GreekTotals>;
};

/** Empty totals (all zero, nothing missing). */
export function emptyTotals(): GreekTotals {
  return {betaDelta: 0, betaGamma: 0, vegaPerVolPt: 0, thetaPerDay: 0, positions: 0, missing: {betaDelta: 0, betaGamma: 0, vegaPerVolPt: 0, thetaPerDay: 0}, missingSymbols: []};
}

/** Adds `share` (0..1) of one position into `totals` in place. */
export function addToTotals(totals: GreekTotals, p: Pick<UnifiedPosition, GreekKey | "symbol">, share = 1): void {
  totals.positions += 1;
  let anyMissing = false;
  for (const key of GREEK_KEYS) {
    const value = p[key];
    if (Number.isFinite(value)) totals[key] += value * share;
    else {
      totals.missing[key] += 1;
      anyMissing = true;
    }
  }
  if (anyMissing && !totals.missingSymbols.includes(p.symbol)) totals.missingSymbols.push(p.symbol);
}

/** Calendar days from `asOfDate` to `expiry` (both "YYYY-MM-DD"); negative once expired. */
export function daysToExpiry(expiry: string, asOfDate: string): number {
  return Math.round((Date.parse(expiry + "T00:00:00Z") - Date.parse(asOfDate + "T00:00:00Z")) / 86_400_000);
}

/** The DTE bucket: 0-7 (expired positions too), 8-30, 31-60, 60+ (61 days and more), or "none" without an expiry. */
export function expiryBucket(expiry: string | null, asOfDate: string): ExpiryBucket {
  if (expiry === null) return "none";
  const dte = daysToExpiry(expiry, asOfDate);
  return dte <= 7 ? "0-7" : dte <= 30 ? "8-30" : dte <= 60 ? "31-60" : "60+";
}

/**
 * Aggregates position greeks by portfolio, broker, underlying, strategy and expiry bucket.
 *
 * By strategy: with `groups` (from recognizeStrategies), each position is split across the groups holding it in
 * proportion to quantity and summed under the group's kind ("iron condor"); quantity no group holds goes to
 * "ungrouped". Without groups, positions are keyed by `strategyGroup` ("ungrouped" when null).
 * Missing greeks are counted in `missing`, never summed as NaN.
 * @param asOfDate "YYYY-MM-DD" used for the expiry buckets
 */
export function aggregateGreeks(
  positions: readonly UnifiedPosition[],
  {asOfDate, groups}: {asOfDate: string; groups?: readonly StrategyGroup[]}
): Aggregates {
  const result: Aggregates = {
    portfolio: emptyTotals(),
    byBroker: {},
    byUnderlying: {},
    byStrategy: {},
    byExpiryBucket: Object.fromEntries(EXPIRY_BUCKETS.map((b) => [b, emptyTotals()])) as Record<ExpiryBucket, GreekTotals>
  };
  const into = (table: Record<string, GreekTotals>, key: string) => (table[key] ??= emptyTotals());
  const shares = new Map<string, {kind: string; qty: number}[]>();
  for (const g of groups ?? []) {
    for (const leg of g.legs) {
      const key = `${g.broker}:${g.account}:${g.underlying}:${leg.symbol}`;
      const list = shares.get(key) ?? [];
      list.push({kind: g.kind, qty: leg.quantity});
      shares.set(key, list);
    }
  }
  const assigned = new Map<string, number>();
  for (const p of positions) {
    addToTotals(result.portfolio, p);
    addToTotals(into(result.byBroker, p.broker), p);
    addToTotals(into(result.byUnderlying, p.underlying), p);
    addToTotals(result.byExpiryBucket[expiryBucket(p.expiry, asOfDate)], p);
    if (!groups) {
      addToTotals(into(result.byStrategy, p.strategyGroup ?? "ungrouped"), p);
      continue;
    }
    // several positions may share a symbol (netted by recognition): hand out group quantity in order
    const key = `${p.broker}:${p.account}:${p.underlying}:${p.symbol}`;
    let remaining = p.quantity;
    const used = assigned.get(key) ?? 0;
    let skip = used;
    for (const {kind, qty} of shares.get(key) ?? []) {
      if (Math.sign(qty) !== Math.sign(p.quantity)) continue;
      const available = Math.abs(qty) - Math.min(Math.abs(qty), skip);
      skip = Math.max(0, skip - Math.abs(qty));
      const take = Math.min(available, Math.abs(remaining));
      if (take <= 0) continue;
      addToTotals(into(result.byStrategy, kind), p, take / Math.abs(p.quantity));
      remaining -= Math.sign(p.quantity) * take;
    }
    assigned.set(key, used + Math.abs(p.quantity - remaining));
    if (Math.abs(remaining) > 1e-9 && p.quantity !== 0) addToTotals(into(result.byStrategy, "ungrouped"), p, Math.abs(remaining) / Math.abs(p.quantity));
  }
  return result;
}
