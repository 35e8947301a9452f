/** One expiry's vol at a fixed point of the smile (ATM, 25-delta, ...), with its time to expiry. */
export type TermNode = {tYears: number; iv: number};

/**
 * Implied vol at a constant maturity `targetYears` (e.g. 30/365), interpolated linearly in total variance
 * w = σ²T between the two expiries around it: σ = sqrt(w(T)/T). NaN when the target is outside the expiries
 * (no extrapolation) or no finite node. An expiry exactly at the target is returned as is.
 */
export function constantMaturityIv(nodes: readonly TermNode[], targetYears: number): number {
  const sorted = nodes.filter((n) => n.tYears > 0 && Number.isFinite(n.iv)).sort((a, b) => a.tYears - b.tYears);
  const hi = sorted.findIndex((n) => n.tYears >= targetYears);
  if (hi < 0) return NaN;
  if (sorted[hi].tYears === targetYears) return sorted[hi].iv;
  if (hi === 0) return NaN;
  const [a, b] = [sorted[hi - 1], sorted[hi]];
  const wa = a.iv * a.iv * a.tYears;
  const wb = b.iv * b.iv * b.tYears;
  const w = wa + ((targetYears - a.tYears) / (b.tYears - a.tYears)) * (wb - wa);
  return w >= 0 ? Math.sqrt(w / targetYears) : NaN;
}
