import type {IndexLevelRow} from "../rows.js";

/** One day of the VIX term structure, in index points (vol points) and ratios. */
export type VixTermStructureRow = {
  date: string;
  vix: number; // 30-day
  vix3m: number; // 93-day; NaN when not published that day
  vix9d: number; // 9-day; NaN when not published
  termStructure: number; // VIX3M / VIX: > 1 contango (normal, calm), < 1 backwardation (stress)
  shortRatio: number; // VIX9D / VIX: > 1 means the next 9 days are priced above the month (event/stress at the front)
  state: "contango" | "backwardation" | "flat" | "unknown"; // from termStructure
};

/**
 * Joins VIX, VIX3M and VIX9D closes by date (one row per VIX date) and labels each day:
 * TermStructure = VIX3M / VIX; above 1 is contango (longer-dated implied vol above 30-day: the usual calm
 * market), below 1 backwardation (30-day above 3-month: stress). |ratio - 1| <= `flatBand` is "flat";
 * "unknown" when VIX3M is missing that day. VIX9D / VIX is reported beside it.
 */
export function vixTermStructure(
  {vix, vix3m = [], vix9d = []}: {vix: readonly IndexLevelRow[]; vix3m?: readonly IndexLevelRow[]; vix9d?: readonly IndexLevelRow[]},
  {flatBand = 0} = {}
): VixTermStructureRow[] {
  const close3m = new Map(vix3m.map((r) => [r.date, r.close]));
  const close9d = new Map(vix9d.map((r) => [r.date, r.close]));
  return vix.map(({date, close}) => {
    const v3m = close3m.get(date) ?? NaN;
    const v9d = close9d.get(date) ?? NaN;
    const termStructure = close > 0 ? v3m / close : NaN;
    const state = !Number.isFinite(termStructure)
      ? "unknown"
      : Math.abs(termStructure - 1) <= flatBand
        ? "flat"
        : termStructure > 1
          ? "contango"
          : "backwardation";
    return {date, vix: close, vix3m: v3m, vix9d: v9d, termStructure, shortRatio: close > 0 ? v9d / close : NaN, state};
  });
}
