/**
 * Number formats as a trader reads them. The only place lib/ decimals become percent: vol 0.2 → "20.0%",
 * greeks signed with thousands separators, money with its currency.
 */
import {format} from "d3";

const signedInt = format("+,.0f");
const plainInt = format(",.0f");
const fixed2 = format(",.2f");

/** 0.1834 → "18.3%". NaN → "—". */
export function fmtVolPct(vol: number, digits = 1): string {
  return Number.isFinite(vol) ? `${(vol * 100).toFixed(digits)}%` : "—";
}

/** A probability or share 0–1 → "42%". */
export function fmtPct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : "—";
}

/** An index level or price: 17.24 → "17.24". */
export function fmtLevel(x: number, digits = 2): string {
  return Number.isFinite(x) ? (digits === 2 ? fixed2(x) : x.toFixed(digits)) : "—";
}

/** A signed greek or P&L: 1234.5 → "+1,235"; -0.4 → "-0". */
export function fmtSigned(x: number): string {
  return Number.isFinite(x) ? signedInt(x).replace("−", "-") : "—";
}

/** An unsigned count or size: 10000 → "10,000". */
export function fmtInt(x: number): string {
  return Number.isFinite(x) ? plainInt(x) : "—";
}

/** Money: (-1234.5, "USD") → "-$1,235"; BTC keeps 4 decimals. */
export function fmtMoney(x: number, currency = "USD"): string {
  if (!Number.isFinite(x)) return "—";
  if (currency === "USD") return `${x < 0 ? "-" : ""}$${plainInt(Math.abs(x))}`;
  return `${x.toFixed(4)} ${currency}`;
}

/** An epoch-ms instant as "2026-11-20 16:15 UTC". */
export function fmtAsOf(asOfMs: number): string {
  if (!Number.isFinite(asOfMs)) return "—";
  return new Date(asOfMs).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** A ratio such as IV/RV or VIX3M/VIX: 1.234 → "1.23". NaN → "—". */
export function fmtRatio(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "—";
}

/** Vol points (an index level or a vol already in percent): 18.234 → "18.2". NaN → "—". */
export function fmtVolPts(volPct: number, digits = 1): string {
  return Number.isFinite(volPct) ? volPct.toFixed(digits) : "—";
}
