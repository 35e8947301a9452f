/**
 * The listed expiry whose days to expiry are nearest `targetDays` (default 45, the usual entry point for selling
 * premium), among those with days > 0; on a tie the earlier one. Undefined when no expiry is left.
 * `days` may be fractional (calendar days to settlement, as analyzeChain reports them).
 */
export function targetExpiry<T extends {expiry: string; days: number}>(expiries: readonly T[], {targetDays = 45} = {}): T | undefined {
  let best: T | undefined;
  for (const e of expiries) {
    if (!(e.days > 0)) continue;
    const distance = Math.abs(e.days - targetDays);
    const bestDistance = best ? Math.abs(best.days - targetDays) : Infinity;
    if (distance < bestDistance || (distance === bestDistance && best && e.days < best.days)) best = e;
  }
  return best;
}
