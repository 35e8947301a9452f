/**
 * The allocation-free price-and-greeks kernel behind bsmGreeks, black76Greeks and the chain API: one log, one sqrt,
 * three exponentials and two of Cody's erfcx per option, with no cancellation between the two Black terms
 * out of the money (Phi(z) = phi(z) sqrt(pi/2) erfcx(-z/sqrt2) for z <= 0, and 1 minus the mirror for z > 0).
 */
import {erfcx} from "./normal.js";

const INV_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_PI_OVER_2 = 1.253314137315500251207882642405522626503;
const SQRT1_2 = Math.SQRT1_2;

/** Output columns of a chain (all the same length); units as in Greeks. */
export type GreeksColumns = {
  price: Float64Array;
  delta: Float64Array;
  gamma: Float64Array;
  vegaPerVol: Float64Array;
  thetaPerYear: Float64Array;
  rhoPerRate: Float64Array;
  vanna: Float64Array;
  volga: Float64Array;
};

/** Returns freshly allocated output columns for `n` contracts. */
export function allocGreeksColumns(n: number): GreeksColumns {
  return {
    price: new Float64Array(n),
    delta: new Float64Array(n),
    gamma: new Float64Array(n),
    vegaPerVol: new Float64Array(n),
    thetaPerYear: new Float64Array(n),
    rhoPerRate: new Float64Array(n),
    vanna: new Float64Array(n),
    volga: new Float64Array(n)
  };
}

/** Phi(z)/phi(z) (Mills-type ratio) for z <= 0, via erfcx. */
function millsRatio(z: number): number {
  return SQRT_PI_OVER_2 * erfcx(-z * SQRT1_2);
}

/**
 * Writes price and greeks of one generalised Black-Scholes option into row i of `out`.
 * The underlying u grows at rate - divYield (onForward: u is a forward, divYield is ignored and treated as rate,
 * and rho holds the forward fixed: rho = -T V). Degenerate inputs (tYears = 0 or vol = 0) give the discounted
 * intrinsic value and its exact derivatives; invalid inputs give NaN in every column.
 */
export function writeGreeks(
  isCall: boolean,
  u: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
  vol: number,
  onForward: boolean,
  out: GreeksColumns,
  i: number
): void {
  const q = onForward ? rate : divYield;
  const theta = isCall ? 1 : -1;
  const sqrtT = Math.sqrt(tYears);
  const sd = vol * sqrtT;
  const dq = Math.exp(-q * tYears);
  const df = Math.exp(-rate * tYears);
  const uq = u * dq; // discounted forward
  const kd = strike * df; // discounted strike
  if (!(sd > 0) || !(uq > 0) || !(kd > 0) || !Number.isFinite(sd + uq + kd)) {
    writeDegenerate(theta, u, strike, tYears, rate, q, vol, sd, dq, uq, kd, onForward, out, i);
    return;
  }
  const x = Math.log(uq / kd); // ln(F/K)
  const d1 = x / sd + 0.5 * sd;
  const d2 = d1 - sd;
  const phi1 = INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1);
  const phi2 = phi1 * (uq / kd); // phi(d2) = phi(d1) F/K
  // Mills ratios Phi(z)/phi(z) on the non-positive side: Phi(-|d|) = phi(d) ra, and Phi(|d|) = 1 - phi(d) ra
  const ra = millsRatio(-Math.abs(d1));
  const rb = millsRatio(-Math.abs(d2));
  const lo1 = phi1 * ra; // Phi(-|d1|)
  const lo2 = phi2 * rb; // Phi(-|d2|)
  const cdf1 = theta * d1 <= 0 ? lo1 : 1 - lo1; // Phi(theta d1)
  const cdf2 = theta * d2 <= 0 ? lo2 : 1 - lo2; // Phi(theta d2)
  // Out-of-the-money counterpart (type thetaOtm): its larger Black term has argument d1 (call) or -d2 (put);
  // when that is <= 0 both terms share the factor phi(d1) and only the ratios are subtracted.
  const thetaOtm = theta * x <= 0 ? theta : -theta;
  const bigArg = thetaOtm > 0 ? d1 : -d2;
  const otm =
    bigArg <= 0
      ? thetaOtm * uq * phi1 * (ra - rb)
      : thetaOtm === theta
        ? theta * (uq * cdf1 - kd * cdf2)
        : thetaOtm * (uq * (1 - cdf1) - kd * (1 - cdf2));
  const price = thetaOtm === theta ? otm : theta * (uq - kd) + otm;
  const vega = uq * phi1 * sqrtT;
  out.price[i] = price;
  out.delta[i] = theta * dq * cdf1;
  out.gamma[i] = (dq * phi1) / (u * sd);
  out.vegaPerVol[i] = vega;
  out.thetaPerYear[i] = (-uq * phi1 * vol) / (2 * sqrtT) + theta * (q * uq * cdf1 - rate * kd * cdf2);
  out.rhoPerRate[i] = onForward ? -tYears * price : theta * tYears * kd * cdf2;
  out.vanna[i] = (-dq * phi1 * d2) / vol;
  out.volga[i] = (vega * d1 * d2) / vol;
}

function writeDegenerate(
  theta: number,
  u: number,
  strike: number,
  tYears: number,
  rate: number,
  q: number,
  vol: number,
  sd: number,
  dq: number,
  uq: number,
  kd: number,
  onForward: boolean,
  out: GreeksColumns,
  i: number
): void {
  const valid = u > 0 && strike > 0 && tYears >= 0 && vol >= 0 && Number.isFinite(uq + kd + sd + rate + q);
  if (!valid) {
    out.price[i] = out.delta[i] = out.gamma[i] = out.vegaPerVol[i] = NaN;
    out.thetaPerYear[i] = out.rhoPerRate[i] = out.vanna[i] = out.volga[i] = NaN;
    return;
  }
  const itm = theta * (uq - kd) > 0;
  const price = itm ? theta * (uq - kd) : 0;
  out.price[i] = price;
  out.delta[i] = itm ? theta * dq : 0;
  out.gamma[i] = out.vegaPerVol[i] = out.vanna[i] = out.volga[i] = 0;
  // V = theta (u e^{-qT} - K e^{-rT}) in the money, so dV/dt = -dV/dT
  out.thetaPerYear[i] = itm ? theta * (q * uq - rate * kd) : 0;
  out.rhoPerRate[i] = itm ? (onForward ? -tYears * price : theta * tYears * kd) : 0;
}
