/** A smile node: log-moneyness ln(K/F) and implied vol (decimal). */
export type SmileNode = {logMoneyness: number; iv: number};

/**
 * Implied vol at log-moneyness `k`, linear in k between the two nodes around it; NaN outside the nodes'
 * range (no extrapolation) or with no finite node. Nodes need not be sorted; NaN ivs are ignored.
 */
export function smileVolAt(nodes: readonly SmileNode[], k: number): number {
  const sorted = nodes.filter((n) => Number.isFinite(n.iv) && Number.isFinite(n.logMoneyness)).sort((a, b) => a.logMoneyness - b.logMoneyness);
  if (!sorted.length || k < sorted[0].logMoneyness || k > sorted[sorted.length - 1].logMoneyness) return NaN;
  let hi = sorted.findIndex((n) => n.logMoneyness >= k);
  if (sorted[hi].logMoneyness === k) return sorted[hi].iv;
  const lo = sorted[hi - 1];
  const up = sorted[hi];
  const w = (k - lo.logMoneyness) / (up.logMoneyness - lo.logMoneyness);
  return lo.iv + w * (up.iv - lo.iv);
}
