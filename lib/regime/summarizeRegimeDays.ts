import type {ClassifiedDay} from "./classifyRegimeSeries.js";

/** Day counts over a classified series. */
export type RegimeDaySummary = {
  days: number;
  firstDate: string | null;
  lastDate: string | null;
  byRegime: Record<string, number>; // final regime (after hysteresis), every regime of `severityOrder` present
  matchedByRegime: Record<string, number>; // days each condition was true (a day can match several)
  fallbackDays: number; // days no condition was true (the fallback regime applied)
  undecidableDays: number; // days at least one condition was undecidable
  uncertainDays: number; // days an undecidable regime outranked the decision
  changes: number; // regime changes between consecutive days
};

/** Counts days per regime, matches, fallback, undecidable and uncertain days, and regime changes. */
export function summarizeRegimeDays(days: readonly ClassifiedDay[], severityOrder: readonly string[]): RegimeDaySummary {
  const byRegime: Record<string, number> = Object.fromEntries(severityOrder.map((r) => [r, 0]));
  const matchedByRegime: Record<string, number> = Object.fromEntries(severityOrder.map((r) => [r, 0]));
  let fallbackDays = 0;
  let undecidableDays = 0;
  let uncertainDays = 0;
  let changes = 0;
  days.forEach((day, i) => {
    byRegime[day.regime] = (byRegime[day.regime] ?? 0) + 1;
    for (const r of day.decision.matched) matchedByRegime[r] = (matchedByRegime[r] ?? 0) + 1;
    if (day.decision.fallbackApplied) ++fallbackDays;
    if (day.decision.undecidable.length > 0) ++undecidableDays;
    if (!day.decision.certain) ++uncertainDays;
    if (i > 0 && day.regime !== days[i - 1].regime) ++changes;
  });
  return {
    days: days.length,
    firstDate: days.length ? days[0].date : null,
    lastDate: days.length ? days[days.length - 1].date : null,
    byRegime,
    matchedByRegime,
    fallbackDays,
    undecidableDays,
    uncertainDays,
    changes
  };
}
