/**
 * The realised-vol window, in trading days, that matches an implied-vol horizon in calendar days:
 * round(calendarDays × 252 / 365). 30 → 21, 60 → 41, 90 → 62, 9 → 6, 365 → 252.
 * @throws RangeError for a non-positive horizon.
 */
export function rvWindowDaysForIvHorizon(ivHorizonCalendarDays: number): number {
  if (!(ivHorizonCalendarDays > 0)) {
    throw new RangeError(`rvWindowDaysForIvHorizon: ivHorizonCalendarDays must be > 0, got ${ivHorizonCalendarDays}`);
  }
  return Math.max(2, Math.round((ivHorizonCalendarDays * 252) / 365));
}

/**
 * IV/RV per slot: implied vol over realised vol at the matching horizon (e.g. 30-day IV against 21-day RV from
 * `rvWindowDaysForIvHorizon(30)`), both decimals or both in the same units. Above 1: options price more
 * movement than was realised. NaN where either is missing or RV is not positive.
 * @throws RangeError when the series lengths differ.
 */
export function ivRvRatio(iv: ArrayLike<number>, rv: ArrayLike<number>): Float64Array {
  if (iv.length !== rv.length) throw new RangeError(`ivRvRatio: iv and rv lengths differ (${iv.length} vs ${rv.length})`);
  const out = new Float64Array(iv.length);
  for (let i = 0; i < iv.length; ++i) out[i] = rv[i] > 0 && Number.isFinite(iv[i]) ? iv[i] / rv[i] : NaN;
  return out;
}
