/**
 * Bjerksund-Stensland 2002 prices for one expiry, many spots and vols: the scenario grid's American kernel.
 *
 * Every BS2002 price evaluates 20 bivariate normal CDFs, all at correlation +-sqrt(t1 / T) with t1 = (sqrt 5 - 1) T / 2,
 * and Genz's quadrature spends half its time on the 20 sines of that correlation. For one expiry the correlation is
 * fixed, so the sines are taken once here and each price costs ~half of bjerksundStensland2002Price. The arithmetic is
 * otherwise the same operations in the same order as lib/pricing/bjerksundStensland.ts and bivariateNormal.ts, so the
 * prices are bit-identical (test/lib/risk/americanRowPricer.test.ts checks it on random inputs).
 * @see P. Bjerksund, G. Stensland, "Closed form valuation of American options" (2002); A. Genz, "Numerical
 * computation of rectangular bivariate and trivariate normal and t probabilities", Stat. Comput. 14 (2004) 251-260
 */
import {bivariateNormCdf} from "../pricing/bivariateNormal.js";
import {bjerksundStensland2002Price} from "../pricing/bjerksundStensland.js";
import {normCdf} from "../pricing/normal.js";
import {normalisedBlack} from "../pricing/normalisedBlack.js";

const TWO_PI = 2 * Math.PI;
// Genz's 20-point Gauss-Legendre weights and (negative) abscissae, as in lib/pricing/bivariateNormal.ts
const W20 = [
  0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475, 0.1019301198172404,
  0.1181945319615184, 0.1316886384491766, 0.1420961093183821, 0.1491729864726037, 0.1527533871307259
];
const X20 = [
  -0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188, -0.7463319064601508,
  -0.636053680726515, -0.5108670019508271, -0.3737060887154196, -0.2277858511416451, -0.07652652113349733
];

/** Genz's upper orthant P(X > h, Y > k) at one correlation, with its sines taken once. */
type Orthant = (h: number, k: number) => number;

function orthantAt(r: number): Orthant {
  const absR = Math.abs(r);
  // the quadrature branch that BS2002's correlations (|r| ~ 0.786) take; any other falls back to the library
  if (!(absR >= 0.75 && absR < 0.925)) return (h, k) => bivariateNormCdf(-h, -k, r);
  const asr = Math.asin(r);
  const sn1 = new Float64Array(10);
  const sn2 = new Float64Array(10);
  const den1 = new Float64Array(10);
  const den2 = new Float64Array(10);
  for (let i = 0; i < 10; ++i) {
    sn1[i] = Math.sin((asr * (X20[i] + 1)) / 2);
    den1[i] = 1 - sn1[i] * sn1[i];
    sn2[i] = Math.sin((asr * (1 - X20[i])) / 2);
    den2[i] = 1 - sn2[i] * sn2[i];
  }
  return (h, k) => {
    const hk = h * k;
    const hs = (h * h + k * k) / 2;
    let bvn = 0;
    for (let i = 0; i < 10; ++i) {
      bvn += W20[i] * Math.exp((sn1[i] * hk - hs) / den1[i]);
      bvn += W20[i] * Math.exp((sn2[i] * hk - hs) / den2[i]);
    }
    return (bvn * asr) / (2 * TWO_PI) + normCdf(-h) * normCdf(-k);
  };
}

/** European generalised BSM price with cost of carry b (b = r - q). */
function europeanPrice(isCall: boolean, spot: number, strike: number, tYears: number, rate: number, carry: number, vol: number): number {
  const forward = spot * Math.exp(carry * tYears);
  const b = normalisedBlack(Math.log(forward / strike), vol * Math.sqrt(tYears), isCall ? 1 : -1);
  return Math.exp(-rate * tYears) * Math.sqrt(forward * strike) * b;
}

function phi(s: number, t: number, gamma: number, h: number, i: number, r: number, b: number, v: number): number {
  const v2 = v * v;
  const vt = v * Math.sqrt(t);
  const lambda = (-r + gamma * b + 0.5 * gamma * (gamma - 1) * v2) * t;
  const d = -(Math.log(s / h) + (b + (gamma - 0.5) * v2) * t) / vt;
  const kappa = (2 * b) / v2 + (2 * gamma - 1);
  return Math.exp(lambda) * Math.pow(s, gamma) * (normCdf(d) - Math.pow(i / s, kappa) * normCdf(d - (2 * Math.log(i / s)) / vt));
}

/** psi of BS2002; `up`/`down` are the upper orthants at +rho and -rho, rho = sqrt(t1 / t2). */
function psi(up: Orthant, down: Orthant, s: number, t2: number, gamma: number, h: number, i2: number, i1: number, t1: number, r: number, b: number, v: number): number {
  const v2 = v * v;
  const vt1 = v * Math.sqrt(t1);
  const vt2 = v * Math.sqrt(t2);
  const m = b + (gamma - 0.5) * v2;
  const e1 = (Math.log(s / i1) + m * t1) / vt1;
  const e2 = (Math.log((i2 * i2) / (s * i1)) + m * t1) / vt1;
  const e3 = (Math.log(s / i1) - m * t1) / vt1;
  const e4 = (Math.log((i2 * i2) / (s * i1)) - m * t1) / vt1;
  const f1 = (Math.log(s / h) + m * t2) / vt2;
  const f2 = (Math.log((i2 * i2) / (s * h)) + m * t2) / vt2;
  const f3 = (Math.log((i1 * i1) / (s * h)) + m * t2) / vt2;
  const f4 = (Math.log((s * i1 * i1) / (h * i2 * i2)) + m * t2) / vt2;
  const lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1) * v2;
  const kappa = (2 * b) / v2 + (2 * gamma - 1);
  // M(-e, -f; rho) = P(X > e, Y > f)
  return (
    Math.exp(lambda * t2) *
    Math.pow(s, gamma) *
    (up(e1, f1) - Math.pow(i2 / s, kappa) * up(e2, f2) - Math.pow(i1 / s, kappa) * down(e3, f3) + Math.pow(i1 / i2, kappa) * down(e4, f4))
  );
}

function callPrice(up: Orthant, down: Orthant, s: number, k: number, t: number, r: number, b: number, v: number): number {
  if (b >= r) return europeanPrice(true, s, k, t, r, b, v); // never optimal to exercise early
  const v2 = v * v;
  const beta = 0.5 - b / v2 + Math.sqrt((b / v2 - 0.5) ** 2 + (2 * r) / v2);
  const bInf = (beta / (beta - 1)) * k;
  const b0 = Math.max(k, (r / (r - b)) * k);
  const t1 = 0.5 * (Math.sqrt(5) - 1) * t;
  const h1 = (-(b * t1 + 2 * v * Math.sqrt(t1)) * k * k) / ((bInf - b0) * b0);
  const h2 = (-(b * t + 2 * v * Math.sqrt(t)) * k * k) / ((bInf - b0) * b0);
  const i1 = b0 + (bInf - b0) * (1 - Math.exp(h1));
  const i2 = b0 + (bInf - b0) * (1 - Math.exp(h2));
  const alpha1 = (i1 - k) * Math.pow(i1, -beta);
  const alpha2 = (i2 - k) * Math.pow(i2, -beta);
  if (s >= i2) return s - k;
  const value =
    alpha2 * Math.pow(s, beta) -
    alpha2 * phi(s, t1, beta, i2, i2, r, b, v) +
    phi(s, t1, 1, i2, i2, r, b, v) -
    phi(s, t1, 1, i1, i2, r, b, v) -
    k * phi(s, t1, 0, i2, i2, r, b, v) +
    k * phi(s, t1, 0, i1, i2, r, b, v) +
    alpha1 * phi(s, t1, beta, i1, i2, r, b, v) -
    alpha1 * psi(up, down, s, t, beta, i1, i2, i1, t1, r, b, v) +
    psi(up, down, s, t, 1, i1, i2, i1, t1, r, b, v) -
    psi(up, down, s, t, 1, k, i2, i1, t1, r, b, v) -
    k * psi(up, down, s, t, 0, i1, i2, i1, t1, r, b, v) +
    k * psi(up, down, s, t, 0, k, i2, i1, t1, r, b, v);
  return Math.max(value, europeanPrice(true, s, k, t, r, b, v), s - k);
}

/**
 * Returns a pricer (isCall, spot, strike, vol) -> the Bjerksund-Stensland 2002 American price in the spot's currency,
 * equal bit for bit to bjerksundStensland2002Price(isCall, spot, strike, tYears, rate, divYield, vol), for many calls
 * at one expiry: the quadrature's sines are taken once per pricer.
 * @param tYears time to expiry (ACT/365); rate, divYield continuous decimals
 */
export function americanRowPricer(tYears: number, rate: number, divYield: number): (isCall: boolean, spot: number, strike: number, vol: number) => number {
  if (!(tYears > 0)) return (isCall, spot, strike, vol) => bjerksundStensland2002Price(isCall, spot, strike, tYears, rate, divYield, vol);
  const t1 = 0.5 * (Math.sqrt(5) - 1) * tYears;
  const rho = Math.sqrt(t1 / tYears);
  const up = orthantAt(rho);
  const down = orthantAt(-rho);
  const b = rate - divYield;
  return (isCall, spot, strike, vol) => {
    if (!(vol > 0)) return bjerksundStensland2002Price(isCall, spot, strike, tYears, rate, divYield, vol);
    return isCall ? callPrice(up, down, spot, strike, tYears, rate, b, vol) : callPrice(up, down, strike, spot, tYears, rate - b, -b, vol);
  };
}
