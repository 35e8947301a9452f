import {easternWallTimeToMs} from "../io/easternTime.js";

/** Option roots whose standard expiries settle at the open (AM, Special Opening Quotation) rather than the close. */
const AM_SETTLED_ROOTS = new Set(["SPX", "NDX", "RUT", "VIX", "DJX", "MXEA", "MXEF"]);

/**
 * Time from `asOfMs` to an expiry's settlement: minutes and years (minutes / 525,600, i.e. ACT/365 to the
 * minute, as in CBOE's VIX methodology). Settlement is 9:30 AM New York for AM-settled index roots (SPX, NDX,
 * RUT, VIX: the standard monthlies) and 4:00 PM New York for everything else (SPXW, equities, ETFs), unless
 * `settlementMinutesEt` overrides it. Negative once the expiry has passed.
 */
export function expiryTime({
  expiry,
  root,
  asOfMs,
  settlementMinutesEt
}: {
  expiry: string;
  root: string;
  asOfMs: number;
  settlementMinutesEt?: number;
}): {minutes: number; tYears: number; settlementMs: number} {
  const minutesEt = settlementMinutesEt ?? (AM_SETTLED_ROOTS.has(root.toUpperCase()) ? 9 * 60 + 30 : 16 * 60);
  const settlementMs = easternWallTimeToMs(expiry, minutesEt);
  const minutes = (settlementMs - asOfMs) / 60_000;
  return {minutes, tYears: minutes / 525_600, settlementMs};
}
