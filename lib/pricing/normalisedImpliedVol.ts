/**
 * Implied total volatility s = vol sqrt(T) of a normalised out-of-the-money Black call price.
 */
import {
  normalisedBlackOtm,
  normalisedBlackOtmComplement,
  normalisedVega
} from "./normalisedBlack.js";

/**
 * Returns s > 0 with b(x, s) = beta for x <= 0 and 0 < beta < e^{x/2}; 0 when beta underflows the model.
 * Safeguarded Newton on ln b (below the inflexion point s_c = sqrt(2|x|)) or on ln(b_max - b) (above it), with a
 * bisection fallback; converges to the last bit of the objective.
 */
export function normalisedImpliedVol(beta: number, x: number): number {
  const bMax = Math.exp(0.5 * x);
  if (!(beta > 0) || !(beta < bMax)) return NaN;
  let s = Math.sqrt(2 * Math.abs(x));
  if (s === 0) s = 1;
  const bc = normalisedBlackOtm(x, s);
  const upper = beta > bc;
  const target = upper ? Math.log(bMax - beta) : Math.log(beta);
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 200; ++i) {
    const v = normalisedVega(x, s);
    let f: number;
    let df: number;
    if (upper) {
      const c = normalisedBlackOtmComplement(x, s);
      f = target - Math.log(c);
      df = v / c;
    } else {
      const b = normalisedBlackOtm(x, s);
      f = Math.log(b) - target;
      df = v / b;
    }
    if (f > 0) hi = Math.min(hi, s);
    else if (f < 0) lo = Math.max(lo, s);
    else return s;
    let next = s - f / df;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = hi === Infinity ? Math.max(2 * s, 1) : 0.5 * (lo + hi);
    if (Math.abs(next - s) <= 2e-16 * s) return next;
    s = next;
  }
  return s;
}
