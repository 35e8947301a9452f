/**
 * Calendar-day arithmetic on "YYYY-MM-DD" strings via a day number (days since 1970-01-01, UTC), so no local
 * time zone can shift a date. Used by the demo simulator; pure.
 */

/** Returns the day number (days since 1970-01-01) of a "YYYY-MM-DD" date; throws RangeError on a malformed date. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`dayNumber: date must be "YYYY-MM-DD", got "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const n = ms / 86_400_000;
  if (dateOfDay(n) !== date) throw new RangeError(`dayNumber: no such calendar day "${date}"`);
  return n;
}

/** Returns the "YYYY-MM-DD" date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Returns the weekday of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Returns the day number of the nth (1-based) given weekday of a month; n = -1 gives the last one. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = Date.UTC(year, month - 1, 1) / 86_400_000;
    return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
  }
  const last = Date.UTC(year, month, 0) / 86_400_000;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** Returns epoch ms UTC of a wall-clock time in America/New_York on a date (US DST rules since 2007). */
export function newYorkTimeToMs(date: string, hours: number, minutes = 0): number {
  const day = dayNumber(date);
  const year = Number(date.slice(0, 4));
  // DST: from 2:00 on the second Sunday of March to 2:00 on the first Sunday of November (UTC-4, else UTC-5)
  const dstStart = nthWeekdayOfMonth(year, 3, 0, 2);
  const dstEnd = nthWeekdayOfMonth(year, 11, 0, 1);
  const offsetHours = day >= dstStart && day < dstEnd ? 4 : 5;
  return day * 86_400_000 + ((hours + offsetHours) * 60 + minutes) * 60_000;
}
