import {dateOfDay, dayNumber} from "./calendarDays.js";
import {isNyseTradingDay} from "./nyseCalendar.js";
import type {EarningsCadence} from "./watchlist.js";

/**
 * Returns the scheduled earnings dates ("YYYY-MM-DD", oldest first) of a cadence between two dates inclusive:
 * in each report month, the first NYSE trading day on or after `day`. Deterministic, so earnings are known in
 * advance (as real confirmed dates are) and moving the as-of date never changes past ones.
 */
export function earningsDates(cadence: EarningsCadence, from: string, to: string): string[] {
  const out: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)) + 1; year++) {
    for (const month of [...cadence.months].sort((a, b) => a - b)) {
      let day = Date.UTC(year, month - 1, cadence.day) / 86_400_000;
      while (!isNyseTradingDay(dateOfDay(day))) day++;
      const date = dateOfDay(day);
      if (date >= from && date <= to) out.push(date);
    }
  }
  return out;
}

/** Returns the first NYSE trading day whose return carries an earnings move (after-close: the next session). */
export function earningsReactionDate(date: string, session: EarningsCadence["session"]): string {
  if (session === "before-open") return date;
  let day = dayNumber(date) + 1;
  while (!isNyseTradingDay(dateOfDay(day))) day++;
  return dateOfDay(day);
}
