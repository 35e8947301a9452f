/**
 * Bars per year for annualising a daily series: 365 when its dates include a Saturday or Sunday (a crypto
 * calendar, every UTC day), else 252 (exchange sessions). Dates are "YYYY-MM-DD"; an empty series gives 252.
 */
export function barsPerYear(dates: ArrayLike<string>): 252 | 365 {
  for (let i = 0; i < dates.length; ++i) {
    const weekday = new Date(`${dates[i]}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return 365;
  }
  return 252;
}
