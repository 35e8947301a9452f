import {bsmGreeks} from "../pricing/bsm.js";
import type {OptionRight} from "../rows.js";
import {smileVolAt, type SmileNode} from "./smileVolAt.js";

/** The strike whose BSM delta, at the smile's own vol there, equals the target; with that vol. */
export type DeltaStrike = {strike: number; iv: number; delta: number};

/**
 * Solves for the strike K with delta(K, σ(K)) = targetDelta, where σ is the expiry's smile interpolated linearly in
 * log-moneyness (smileVolAt) and delta the BSM spot delta with the expiry's dividend yield (0.25 for a 25-delta
 * call, -0.25 for a 25-delta put). Bisection on ln K over the smile's range on the option's out-of-the-money side:
 * calls search strikes >= F, puts strikes <= F. Returns NaN fields when the smile does not reach the target delta
 * (not enough listed strikes) instead of falling back to the nearest listed strike.
 */
export function deltaStrike(
  nodes: readonly SmileNode[],
  {right, targetDelta, spot, forward, tYears, rate, divYield}: {right: OptionRight; targetDelta: number; spot: number; forward: number; tYears: number; rate: number; divYield: number}
): DeltaStrike {
  const none = {strike: NaN, iv: NaN, delta: NaN};
  const ks = nodes.filter((n) => Number.isFinite(n.iv)).map((n) => n.logMoneyness);
  if (!ks.length) return none;
  const [kMin, kMax] = [Math.min(...ks), Math.max(...ks)];
  let lo = right === "C" ? Math.max(0, kMin) : kMin;
  let hi = right === "C" ? kMax : Math.min(0, kMax);
  if (!(lo < hi)) return none;
  const at = (k: number): DeltaStrike => {
    const strike = forward * Math.exp(k);
    const iv = smileVolAt(nodes, k);
    return {strike, iv, delta: bsmGreeks({right, spot, strike, tYears, rate, divYield, vol: iv}).delta};
  };
  // |delta| falls as the strike moves out of the money on either side
  const excess = (d: DeltaStrike) => (right === "C" ? d.delta - targetDelta : targetDelta - d.delta);
  const near = at(right === "C" ? lo : hi);
  const far = at(right === "C" ? hi : lo);
  if (excess(near) < 0 || excess(far) > 0) return none;
  for (let i = 0; i < 80 && hi - lo > 1e-12; ++i) {
    const mid = at((lo + hi) / 2);
    if ((excess(mid) > 0) === (right === "C")) lo = (lo + hi) / 2;
    else hi = (lo + hi) / 2;
  }
  return at((lo + hi) / 2);
}
