import {dateOfDay, dayNumber, nthWeekdayOfMonth, weekdayOf} from "./calendarDays.js";
import {isNyseTradingDay} from "./nyseCalendar.js";

/** One listed expiry and how it is labelled. */
export type ListedExpiry = {expiry: string; kind: "daily" | "weekly" | "monthly" | "quarterly"};

function previousTradingDay(day: number): number {
  let d = day;
  while (!isNyseTradingDay(dateOfDay(d))) d--;
  return d;
}

/**
 * Returns US equity option expiries after `today` (exclusive), oldest first: the next `weeklies` Fridays, the
 * standard third-Friday monthlies for `monthlies` months, then quarterly (Mar/Jun/Sep/Dec) and January LEAPS
 * third Fridays out to `maxDays` calendar days. A Friday holiday moves the expiry to the Thursday before.
 */
export function equityExpiries(today: string, {weeklies = 4, monthlies = 6, maxDays = 400} = {}): ListedExpiry[] {
  const start = dayNumber(today);
  const out = new Map<string, ListedExpiry["kind"]>();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  for (let i = 0; i < 20; i++) {
    const y = year + Math.floor((month - 1 + i) / 12);
    const m = ((month - 1 + i) % 12) + 1;
    const third = previousTradingDay(nthWeekdayOfMonth(y, m, 5, 3));
    if (third <= start || third - start > maxDays) continue;
    const monthlyRank = [...out.values()].filter((k) => k === "monthly").length;
    if (monthlyRank < monthlies) out.set(dateOfDay(third), "monthly");
    else if (m % 3 === 0 || m === 1) out.set(dateOfDay(third), "quarterly");
  }
  let friday = start + ((5 - weekdayOf(start) + 7) % 7 || 7);
  for (let n = 0; n < weeklies; friday += 7) {
    const date = dateOfDay(previousTradingDay(friday));
    if (!out.has(date)) out.set(date, "weekly");
    n++;
  }
  return [...out].map(([expiry, kind]) => ({expiry, kind})).sort((a, b) => (a.expiry < b.expiry ? -1 : 1));
}

/**
 * Returns Deribit expiries (08:00 UTC) after `today`: the next two dailies, the Fridays of the next three weeks,
 * the last Fridays of the next three months, and quarterly last Fridays (Mar/Jun/Sep/Dec) out to `maxDays`.
 */
export function deribitExpiries(today: string, {maxDays = 400} = {}): ListedExpiry[] {
  const start = dayNumber(today);
  const out = new Map<string, ListedExpiry["kind"]>();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  for (let i = 0; i < 16; i++) {
    const y = year + Math.floor((month - 1 + i) / 12);
    const m = ((month - 1 + i) % 12) + 1;
    const last = nthWeekdayOfMonth(y, m, 5, -1);
    if (last <= start || last - start > maxDays) continue;
    if (last - start <= 100) out.set(dateOfDay(last), "monthly");
    else if (m % 3 === 0) out.set(dateOfDay(last), "quarterly");
  }
  let friday = start + ((5 - weekdayOf(start) + 7) % 7 || 7);
  for (let n = 0; n < 3; n++, friday += 7) if (!out.has(dateOfDay(friday))) out.set(dateOfDay(friday), "weekly");
  for (let d = start + 1; d <= start + 2; d++) if (!out.has(dateOfDay(d))) out.set(dateOfDay(d), "daily");
  return [...out].map(([expiry, kind]) => ({expiry, kind})).sort((a, b) => (a.expiry < b.expiry ? -1 : 1));
}
