/**
 * Bjerksund-Stensland (2002) closed-form approximation of American options with a continuous dividend yield.
 * @see P. Bjerksund, G. Stensland, "Closed form valuation of American options", NHH discussion paper (2002);
 * E. G. Haug, "The Complete Guide to Option Pricing Formulas", 2nd ed. (2007), section 3.1.4
 */
import {bivariateNormCdfAtCorrelation} from "./bivariateNormal.js";
import {normCdf} from "./normal.js";
import {normalisedBlack} from "./normalisedBlack.js";

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

/**
 * The bivariate normal CDFs psi needs, M(., .; rho) and M(., .; -rho) with rho = sqrt(t1 / T): fixed per contract, so a
 * pricer sets their quadrature up once.
 */
type PsiCdfs = {up: (a: number, b: number) => number; down: (a: number, b: number) => number};

function psi(cdfs: PsiCdfs, s: number, t2: number, gamma: number, h: number, i2: number, i1: number, t1: number, r: number, b: number, v: number): number {
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
  const {up, down} = cdfs;
  return (
    Math.exp(lambda * t2) *
    Math.pow(s, gamma) *
    (up(-e1, -f1) - Math.pow(i2 / s, kappa) * up(-e2, -f2) - Math.pow(i1 / s, kappa) * down(-e3, -f3) + Math.pow(i1 / i2, kappa) * down(-e4, -f4))
  );
}

/**
 * American call, Bjerksund-Stensland 2002, cost of carry b = r - q; t1 = (sqrt 5 - 1) t / 2, and psiCdfs() gives the
 * CDFs at +-sqrt(t1 / t) (asked for only when the formula needs them).
 */
function callPrice(s: number, k: number, t: number, r: number, b: number, v: number, t1: number, psiCdfs: () => PsiCdfs): number {
  if (b >= r) return europeanPrice(true, s, k, t, r, b, v); // never optimal to exercise early
  const v2 = v * v;
  const beta = 0.5 - b / v2 + Math.sqrt((b / v2 - 0.5) ** 2 + (2 * r) / v2);
  const bInf = (beta / (beta - 1)) * k;
  const b0 = Math.max(k, (r / (r - b)) * k);
  const h1 = (-(b * t1 + 2 * v * Math.sqrt(t1)) * k * k) / ((bInf - b0) * b0);
  const h2 = (-(b * t + 2 * v * Math.sqrt(t)) * k * k) / ((bInf - b0) * b0);
  const i1 = b0 + (bInf - b0) * (1 - Math.exp(h1));
  const i2 = b0 + (bInf - b0) * (1 - Math.exp(h2));
  const alpha1 = (i1 - k) * Math.pow(i1, -beta);
  const alpha2 = (i2 - k) * Math.pow(i2, -beta);
  if (s >= i2) return s - k;
  const cdfs = psiCdfs();
  const value =
    alpha2 * Math.pow(s, beta) -
    alpha2 * phi(s, t1, beta, i2, i2, r, b, v) +
    phi(s, t1, 1, i2, i2, r, b, v) -
    phi(s, t1, 1, i1, i2, r, b, v) -
    k * phi(s, t1, 0, i2, i2, r, b, v) +
    k * phi(s, t1, 0, i1, i2, r, b, v) +
    alpha1 * phi(s, t1, beta, i1, i2, r, b, v) -
    alpha1 * psi(cdfs, s, t, beta, i1, i2, i1, t1, r, b, v) +
    psi(cdfs, s, t, 1, i1, i2, i1, t1, r, b, v) -
    psi(cdfs, s, t, 1, k, i2, i1, t1, r, b, v) -
    k * psi(cdfs, s, t, 0, i1, i2, i1, t1, r, b, v) +
    k * psi(cdfs, s, t, 0, k, i2, i1, t1, r, b, v);
  // The approximation is a lower bound; never report less than the European value or the exercise value.
  return Math.max(value, europeanPrice(true, s, k, t, r, b, v), s - k);
}

/**
 * Returns a pricer (spot, vol) -> the Bjerksund-Stensland 2002 American price of one contract, for many spots and
 * vols (a scenario grid): the bivariate normal quadrature, which depends only on the correlation sqrt(t1 / T) and so
 * on tYears, is set up once per pricer, on the first price that needs it. Gives bjerksundStensland2002Price's values
 * bit for bit (that function is this pricer, used once).
 * @param isCall true for a call, false for a put (priced by the put-call transformation)
 * @param tYears time to expiry (ACT/365); rate, divYield continuous decimals
 */
export function bjerksundStensland2002Pricer({
  isCall,
  strike,
  tYears,
  rate,
  divYield
}: {
  isCall: boolean;
  strike: number;
  tYears: number;
  rate: number;
  divYield: number;
}): (spot: number, vol: number) => number {
  const theta = isCall ? 1 : -1;
  if (!(tYears > 0)) return (spot) => Math.max(theta * (spot - strike), 0);
  const b = rate - divYield;
  const t1 = 0.5 * (Math.sqrt(5) - 1) * tYears;
  let cdfs: PsiCdfs | undefined;
  const psiCdfs = (): PsiCdfs => {
    if (cdfs === undefined) {
      const rho = Math.sqrt(t1 / tYears);
      cdfs = {up: bivariateNormCdfAtCorrelation(rho), down: bivariateNormCdfAtCorrelation(-rho)};
    }
    return cdfs;
  };
  return (spot, vol) => {
    if (!(vol > 0)) return Math.max(Math.max(theta * (spot - strike), 0), europeanPrice(isCall, spot, strike, tYears, rate, b, 0));
    return isCall
      ? callPrice(spot, strike, tYears, rate, b, vol, t1, psiCdfs)
      : callPrice(strike, spot, tYears, rate - b, -b, vol, t1, psiCdfs);
  };
}

/**
 * Returns the Bjerksund-Stensland 2002 American price with rate r and continuous dividend yield q (carry r - q);
 * puts use the put-call transformation P(S, K, T, r, b) = C(K, S, T, r - b, -b). Known accuracy: a slight lower
 * bound, typically within ~0.1% of the exact American value (Haug 2007, section 3.1.4).
 * tYears = 0 or vol = 0 give the exercise value max(theta (S - K), 0) (vol = 0: max of that and the discounted
 * forward's intrinsic value). For many spots and vols of one contract use bjerksundStensland2002Pricer.
 */
export function bjerksundStensland2002Price(
  isCall: boolean,
  spot: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
  vol: number
): number {
  return bjerksundStensland2002Pricer({isCall, strike, tYears, rate, divYield})(spot, vol);
}
