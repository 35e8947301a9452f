import {dateOfDay, dayNumber, nthWeekdayOfMonth, weekdayOf} from "./calendarDays.js";

/** One-off NYSE closures (national days of mourning) inside the demo's history window. */
const SPECIAL_CLOSURES = new Set(["2018-12-05", "2025-01-09"]);

const holidayCache = new Map<number, Set<number>>();

/** Returns Easter Sunday's day number (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Saturday holidays are observed the Friday before, Sunday ones the Monday after (NYSE Rule 7.2). */
function observed(day: number): number {
  const weekday = weekdayOf(day);
  return weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day;
}

/** Returns the set of NYSE full-day holidays (day numbers) of a year. */
export function nyseHolidays(year: number): Set<number> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const fixed = (month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;
  const days = [
    nthWeekdayOfMonth(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekdayOfMonth(year, 2, 1, 3), // Washington's Birthday
    easterSunday(year) - 2, // Good Friday
    nthWeekdayOfMonth(year, 5, 1, -1), // Memorial Day
    observed(fixed(7, 4)),
    nthWeekdayOfMonth(year, 9, 1, 1), // Labor Day
    nthWeekdayOfMonth(year, 11, 4, 4), // Thanksgiving
    observed(fixed(12, 25))
  ];
  // New Year's Day on a Saturday is not observed on the previous Friday (the year-end close stays open)
  if (weekdayOf(fixed(1, 1)) !== 6) days.push(observed(fixed(1, 1)));
  if (year >= 2022) days.push(observed(fixed(6, 19))); // Juneteenth, first observed by NYSE in 2022
  const set = new Set(days);
  holidayCache.set(year, set);
  return set;
}

/** Returns true when the NYSE has a regular session on the date (weekday, not a holiday or special closure). */
export function isNyseTradingDay(date: string): boolean {
  const day = dayNumber(date);
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;
  if (SPECIAL_CLOSURES.has(date)) return false;
  return !nyseHolidays(Number(date.slice(0, 4))).has(day);
}

/** Returns the NYSE trading days from `from` to `to` inclusive, oldest first. */
export function nyseTradingDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const date = dateOfDay(day);
    if (isNyseTradingDay(date)) out.push(date);
  }
  return out;
}
