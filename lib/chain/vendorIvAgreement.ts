import type {SurfacePoint} from "./analyzeChain.js";

/** How closely our IVs from the mid agree with the venue's own IV column, on liquid quotes. */
export type VendorIvAgreement = {
  count: number; // liquid quotes compared
  medianAbsDiffVolPts: number; // median |our IV - vendor IV|, vol points
  worstAbsDiffVolPts: number;
  worst?: {expiry: string; strike: number; right: "C" | "P"; ivPct: number; vendorIvPct: number};
  rule: string; // the liquidity filter, in words
};

/**
 * Compares surface IVs (from mids, our pricing kernel) with the vendor's IV column on liquid quotes: out of the
 * money, at least `minDays` to expiry, spread not flagged wide, bid >= `minBid`, open interest >= `minOpenInterest`,
 * |delta| between `minAbsDelta` and 1 - minAbsDelta, and both IVs present. Differences in vol points.
 */
export function vendorIvAgreement(
  surface: readonly SurfacePoint[],
  {minDays = 7, minBid = 0.05, minOpenInterest = 100, minAbsDelta = 0.1} = {}
): VendorIvAgreement {
  const rule = `OTM, >= ${minDays} days, spread <= wide limit, bid >= ${minBid}, OI >= ${minOpenInterest}, ${minAbsDelta} <= |delta| <= ${1 - minAbsDelta}`;
  const liquid = surface.filter(
    (p) =>
      p.otm &&
      p.tYears * 365 >= minDays &&
      !p.wideSpread &&
      p.bid >= minBid &&
      p.openInterest >= minOpenInterest &&
      Math.abs(p.delta) >= minAbsDelta &&
      Math.abs(p.delta) <= 1 - minAbsDelta &&
      Number.isFinite(p.iv) &&
      p.vendorIv > 0
  );
  const diffs = liquid.map((p) => ({p, d: Math.abs(p.iv - p.vendorIv) * 100})).sort((a, b) => a.d - b.d);
  if (!diffs.length) return {count: 0, medianAbsDiffVolPts: NaN, worstAbsDiffVolPts: NaN, rule};
  const m = diffs.length >> 1;
  const median = diffs.length % 2 ? diffs[m].d : (diffs[m - 1].d + diffs[m].d) / 2;
  const w = diffs[diffs.length - 1];
  return {
    count: diffs.length,
    medianAbsDiffVolPts: median,
    worstAbsDiffVolPts: w.d,
    worst: {expiry: w.p.expiry, strike: w.p.strike, right: w.p.right, ivPct: w.p.iv * 100, vendorIvPct: w.p.vendorIv * 100},
    rule
  };
}
