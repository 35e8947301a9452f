/**
 * The normalised Black function, the common core of every European price and implied-vol solve here.
 *
 * With forward F, strike K, discount factor D, total vol s = vol * sqrt(T) and x = ln(F/K), a Black call is
 * D * sqrt(F K) * b(x, s), b(x, s) = e^{x/2} Phi(x/s + s/2) - e^{-x/2} Phi(x/s - s/2) (Jäckel's normalisation).
 * The out-of-the-money call (x <= 0) is evaluated without cancellation; in-the-money values add the normalised
 * intrinsic value 2 sinh(x/2) (put-call symmetry b(x) = 2 sinh(x/2) + b(-x)).
 * @see P. Jäckel, "Let's Be Rational", Wilmott (2015) 40-53, section 2
 */
import {erfcx, normCdf} from "./normal.js";

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/**
 * Returns the normalised out-of-the-money call b(x, s) for x <= 0 and s >= 0, relative accuracy ~1e-15 and better
 * in the deep tail; 0 at s = 0.
 */
export function normalisedBlackOtm(x: number, s: number): number {
  if (!(s > 0)) return 0;
  if (x === 0) return 1 - 2 * normCdf(-0.5 * s); // e^0 [Phi(t) - Phi(-t)]
  const h = x / s;
  const t = 0.5 * s;
  // b = 1/2 exp(-(h^2+t^2)/2) [erfcx(-(h+t)/sqrt2) - erfcx(-(h-t)/sqrt2)]: both terms positive
  const a = -(h + t) * SQRT1_2;
  const c = (t - h) * SQRT1_2;
  return 0.5 * Math.exp(-0.5 * (h * h + t * t)) * (erfcx(a) - erfcx(c));
}

/** Returns the normalised vega db/ds = exp(-(h^2 + t^2)/2) / sqrt(2 pi), h = x/s, t = s/2 (any sign of x). */
export function normalisedVega(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
}

/**
 * Returns b_max - b(x, s) for x <= 0, where b_max = e^{x/2} is the call's upper bound:
 * e^{x/2} Phi(-h-t) + e^{-x/2} Phi(h-t), two positive terms (no cancellation near the upper bound).
 */
export function normalisedBlackOtmComplement(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  // = 1/2 exp(-(h^2+t^2)/2) [erfcx((h+t)/sqrt2) + erfcx((t-h)/sqrt2)]
  return 0.5 * Math.exp(-0.5 * (h * h + t * t)) * (erfcx((h + t) * SQRT1_2) + erfcx((t - h) * SQRT1_2));
}

/** Returns the normalised intrinsic value max(theta (e^{x/2} - e^{-x/2}), 0), theta = +1 call, -1 put. */
export function normalisedIntrinsic(x: number, theta: number): number {
  if (theta * x <= 0) return 0;
  const ax = Math.abs(x);
  // 2 sinh(|x|/2) without cancellation for small |x|
  return ax < 1e-3 ? ax * (1 + (ax * ax) / 24) : 2 * Math.sinh(0.5 * ax);
}

/** Returns the normalised Black price b(x, s, theta) for any x (theta = +1 call, -1 put). */
export function normalisedBlack(x: number, s: number, theta: number): number {
  return normalisedIntrinsic(x, theta) + normalisedBlackOtm(-Math.abs(x), s);
}
