/**
 * The allocation-free price-and-greeks kernel behind bsmGreeks, black76Greeks and the chain API: one log, one
 * sqrt, one to three in-line exponentials and two of Cody's rational erfc/erfcx forms per option, no cancellation
 * between the two Black terms out of the money (Phi(z) = phi(z) sqrt(pi/2) erfcx(-z/sqrt2) for z <= 0, and 1 minus the mirror for z > 0).
 */
import {ERFC_CENTRE_MAX, erfcxTail} from "./normal.js";

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

const CENTRE = ERFC_CENTRE_MAX;

// W. J. Cody's erfc coefficients (Math. Comp. 23 (1969) 631-638), the same values as normal.ts: erf(y)/y on
// |y| <= 0.46875 (A/B) and erfcx on (0.46875, 4] (C/D), for the kernel's in-line evaluations. A local copy on
// purpose: importing them from one shared module made V8 load each from a module cell, and the chain kernels ~12%
// slower (measured); test/lib/pricing/greeksKernel.test.ts checks the two copies agree bit for bit.
const A0 = 3.1611237438705656, A1 = 113.864154151050156, A2 = 377.485237685302021, A3 = 3209.37758913846947;
const A4 = 0.185777706184603153;
const B0 = 23.6012909523441209, B1 = 244.024637934444173, B2 = 1282.61652607737228, B3 = 2844.23683343917062;
const C0 = 0.564188496988670089, C1 = 8.88314979438837594, C2 = 66.1191906371416295, C3 = 298.635138197400131;
const C4 = 881.95222124176909, C5 = 1712.04761263407058, C6 = 2051.07837782607147, C7 = 1230.33935479799725;
const C8 = 2.15311535474403846e-8;
const D0 = 15.7449261107098347, D1 = 117.693950891312499, D2 = 537.181101862009858, D3 = 1621.38957456669019;
const D4 = 3290.79923573345963, D5 = 4362.61909014324716, D6 = 3439.36767414372164, D7 = 1230.33935480374942;

// exp(x) in line (Tang's table method): x = (32 m + j) ln2/32 + r, |r| <= ln2/64, exp(x) = 2^m 2^(j/32) e^r with
// 2^(j/32) as a double plus its trailing part (60-digit values) and e^r - 1 by its degree-6 Taylor polynomial
// (truncation < 4e-18), 2^m applied as two exact power-of-two factors so that a subnormal result rounds once.
const EXP_TABLE_LEAD = Float64Array.of(
  1.0, 1.0218971486541166, 1.0442737824274138, 1.0671404006768237, 1.0905077326652577, 1.1143867425958924,
  1.1387886347566916, 1.1637248587775775, 1.189207115002721, 1.215247359980469, 1.241857812073484,
  1.2690509571917332, 1.2968395546510096, 1.3252366431597413, 1.3542555469368927, 1.383909881963832,
  1.4142135623730951, 1.4451808069770467, 1.4768261459394993, 1.5091644275934228, 1.5422108254079407,
  1.5759808451078865, 1.6104903319492543, 1.645755478153965, 1.681792830507429, 1.718619298122478,
  1.7562521603732995, 1.7947090750031072, 1.8340080864093424, 1.8741676341103, 1.9152065613971474,
  1.9571441241754002
);
const EXP_TABLE_TRAIL = Float64Array.of(
  0.0, 5.109225028973444e-17, 8.551889705537965e-17, -7.899853966841582e-17, -3.046782079812471e-17,
  1.0410278456845571e-16, 8.912812676025408e-17, 3.8292048369240935e-17, 3.982015231465646e-17,
  -7.712630692681488e-17, 4.658027591836937e-17, 2.667932131342186e-18, 2.5382502794888315e-17,
  -2.8587312100388614e-17, 7.70094837980299e-17, -6.770511658794786e-17, -9.667293313452913e-17,
  -3.0237581349939873e-17, -3.483994556892796e-17, -1.016455327754295e-16, 7.949834809697621e-17,
  -1.0136916471278304e-17, 2.4707192569797888e-17, -1.0125679913674773e-16, 8.199010020581497e-17,
  -1.851380418263111e-17, 2.960140695448873e-17, 1.8227458427912087e-17, 3.283107224245627e-17,
  -6.122763413004143e-17, -1.0619946056195963e-16, 8.960767791036668e-17
);
const EXP_INV_STEP = 46.16624130844683; // 32/ln2
const EXP_STEP_HI = 0.021660849390173098; // ln2/32 to 32 bits: n EXP_STEP_HI is exact for |n| < 2^21
const EXP_STEP_LO = 2.325192846878874e-12; // ln2/32 - EXP_STEP_HI
const ROUND_SHIFTER = 6755399441055744; // 1.5 2^52: (y + s) - s rounds y to the nearest integer
const POW2_BIAS = 600;
const POW2 = new Float64Array(2 * POW2_BIAS); // POW2[k + POW2_BIAS] = 2^k, exact
POW2[POW2_BIAS] = 1;
for (let k = 1; k < POW2_BIAS; ++k) {
  POW2[POW2_BIAS + k] = POW2[POW2_BIAS + k - 1] * 2;
  POW2[POW2_BIAS - k] = POW2[POW2_BIAS - k + 1] / 2;
}

/**
 * Returns exp(x) to within ~1 ulp (Tang's table-driven method) without calling Math.exp, so that the kernel's loop
 * has no C call per exponential: 0 below -746, Infinity above 709.8, NaN for NaN. Exported for its tests.
 */
export function expInline(x: number): number {
  const xc = Math.min(Math.max(x, -746), 710);
  const nf = xc * EXP_INV_STEP + ROUND_SHIFTER - ROUND_SHIFTER;
  const n = nf | 0;
  const r = xc - nf * EXP_STEP_HI - nf * EXP_STEP_LO;
  const r2 = r * r;
  const em1 = r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720));
  const j = n & 31;
  const m = n >> 5;
  const m1 = m >> 1;
  const lead = EXP_TABLE_LEAD[j];
  return (lead + (EXP_TABLE_TRAIL[j] + lead * em1)) * POW2[m1 + POW2_BIAS] * POW2[m - m1 + POW2_BIAS];
}

// Scalar entry (generalisedGreeks): one-row input columns, so the scalar and chain paths run the same code.
const oneIsCall = new Float64Array(1);
const oneU = new Float64Array(1);
const oneStrike = new Float64Array(1);
const oneT = new Float64Array(1);
const oneRate = new Float64Array(1);
const oneDiv = new Float64Array(1);
const oneVol = new Float64Array(1);

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
  oneIsCall[0] = isCall ? 1 : 0;
  oneU[0] = u;
  oneStrike[0] = strike;
  oneT[0] = tYears;
  oneRate[0] = rate;
  oneDiv[0] = divYield;
  oneVol[0] = vol;
  writeGreeksRows(oneIsCall, oneU, oneStrike, oneT, oneRate, oneDiv, oneVol, onForward, out, i, 1);
}

/**
 * Writes price and greeks of rows 0..n-1 of the input columns into rows offset..offset+n-1 of `out` (isCall 1 =
 * call; divYield undefined = 0). The hot loop of chainGreeks: output columns hoisted, no allocation, no call per
 * row except for degenerate rows. Per row: one log (ln(u/K) + (r - q) T, no rounded F/K ratio inside it), one sqrt,
 * one to three exponentials by expInline, not Math.exp (a C call that spills every live register; the discount
 * factors are skipped at zero rate or yield and shared on a forward) and two rational erfc/erfcx evaluations:
 * Phi(-|d|) is erfc(|d|/sqrt2)/2 in the centre and phi(d) sqrt(pi/2) erfcx(|d|/sqrt2) in the tails (Cody, ~1e-16).
 */
export function writeGreeksRows(
  isCall: ArrayLike<number>,
  underlying: ArrayLike<number>,
  strike: ArrayLike<number>,
  tYears: ArrayLike<number>,
  rate: ArrayLike<number>,
  divYield: ArrayLike<number> | undefined,
  vol: ArrayLike<number>,
  onForward: boolean,
  out: GreeksColumns,
  offset: number,
  n: number
): void {
  const priceOut = out.price;
  const deltaOut = out.delta;
  const gammaOut = out.gamma;
  const vegaOut = out.vegaPerVol;
  const thetaOut = out.thetaPerYear;
  const rhoOut = out.rhoPerRate;
  const vannaOut = out.vanna;
  const volgaOut = out.volga;
  const hasDiv = divYield !== undefined && !onForward;
  for (let j = 0; j < n; ++j) {
    const i = offset + j;
    const u = underlying[j];
    const k = strike[j];
    const t = tYears[j];
    const r = rate[j];
    const v = vol[j];
    const q = onForward ? r : hasDiv ? (divYield as ArrayLike<number>)[j] : 0;
    const theta = isCall[j] === 1 ? 1 : -1;
    const sqrtT = Math.sqrt(t);
    const sd = v * sqrtT;
    const invSd = 1 / sd;
    const df = r === 0 ? 1 : expInline(-r * t);
    const dq = q === r ? df : q === 0 ? 1 : expInline(-q * t);
    const uq = u * dq; // discounted forward
    const kd = k * df; // discounted strike
    if (!(sd > 0) || !(uq > 0) || !(kd > 0) || !Number.isFinite(sd + uq + kd)) {
      writeDegenerate(theta, u, k, t, r, q, v, sd, dq, uq, kd, onForward, out, i);
      continue;
    }
    const fk = uq / kd;
    const x = Math.log(u / k) + (r - q) * t; // ln(F/K)
    const d1 = x * invSd + 0.5 * sd;
    const d2 = d1 - sd;
    const phi1 = INV_SQRT_2PI * expInline(-0.5 * d1 * d1);
    const phi2 = phi1 * fk; // phi(d2) = phi(d1) F/K
    // Phi(-|d|) and the Mills ratio Phi(-|d|)/phi(d): centre without an exponential, tails via erfcx
    const y1 = Math.abs(d1) * SQRT1_2;
    const y2 = Math.abs(d2) * SQRT1_2;
    // Both evaluations are written out here, not called: a call that TurboFan does not inline (its inlining budget
    // runs out after the exponentials) boxes its double argument and result. Same operations, in the same order,
    // as erfcCentre (Cody's erf(y)/y) and erfcxTail's Estrin form in normal.ts; y > 4 (|d| > 5.66) calls erfcxTail.
    let ra: number;
    let lo1: number;
    if (y1 <= CENTRE) {
      const s = y1 * y1;
      const num = (((A4 * s + A0) * s + A1) * s + A2) * s + A3;
      const den = (((s + B0) * s + B1) * s + B2) * s + B3;
      lo1 = 0.5 * (1 - y1 * (num / den));
      ra = lo1 / phi1;
    } else {
      let e: number;
      if (y1 <= 4) {
        const s = y1 * y1;
        const s2 = s * s;
        const num = (C8 * s2 + ((C0 * y1 + C1) * s + (C2 * y1 + C3))) * s2 + ((C4 * y1 + C5) * s + (C6 * y1 + C7));
        const den = (s2 + ((D0 * y1 + D1) * s + (D2 * y1 + D3))) * s2 + ((D4 * y1 + D5) * s + (D6 * y1 + D7));
        e = num / den;
      } else e = erfcxTail(y1);
      ra = SQRT_PI_OVER_2 * e;
      lo1 = phi1 * ra;
    }
    let rb: number;
    let lo2: number;
    if (y2 <= CENTRE) {
      const s = y2 * y2;
      const num = (((A4 * s + A0) * s + A1) * s + A2) * s + A3;
      const den = (((s + B0) * s + B1) * s + B2) * s + B3;
      lo2 = 0.5 * (1 - y2 * (num / den));
      rb = lo2 / phi2;
    } else {
      let e: number;
      if (y2 <= 4) {
        const s = y2 * y2;
        const s2 = s * s;
        const num = (C8 * s2 + ((C0 * y2 + C1) * s + (C2 * y2 + C3))) * s2 + ((C4 * y2 + C5) * s + (C6 * y2 + C7));
        const den = (s2 + ((D0 * y2 + D1) * s + (D2 * y2 + D3))) * s2 + ((D4 * y2 + D5) * s + (D6 * y2 + D7));
        e = num / den;
      } else e = erfcxTail(y2);
      rb = SQRT_PI_OVER_2 * e;
      lo2 = phi2 * rb;
    }
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
    priceOut[i] = price;
    deltaOut[i] = theta * dq * cdf1;
    gammaOut[i] = (dq * phi1) / (u * sd);
    vegaOut[i] = vega;
    thetaOut[i] = (-uq * phi1 * v) / (2 * sqrtT) + theta * (q * uq * cdf1 - r * kd * cdf2);
    rhoOut[i] = onForward ? -t * price : theta * t * kd * cdf2;
    vannaOut[i] = (-dq * phi1 * d2) / v;
    volgaOut[i] = (vega * d1 * d2) / v;
  }
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
