/**
 * Cox-Ross-Rubinstein binomial engine for American options with a continuous dividend yield and discrete cash
 * dividends, as the accurate reference behind Bjerksund-Stensland.
 *
 * Discrete dividends use the escrowed-dividend model (Hull, "Options, Futures and Other Derivatives", section
 * 21.3): the tree is built on S* = S - PV(cash dividends paid before expiry), which is lognormal with the given
 * vol, and at every node the spot used for early exercise is S* plus the present value (at that node's time) of
 * the dividends still to come. Early exercise is therefore tested against the cum-dividend spot just before
 * each ex-date. The last step uses the Black-Scholes value (BBS, Broadie-Detemple 1996) and the result is
 * Richardson-extrapolated from n and n/2 steps (BBSR), which converges at about O(1/n^2).
 * @see M. Broadie, J. Detemple, "American option valuation: new bounds, approximations, and a comparison of
 * existing methods", Review of Financial Studies 9 (1996) 1211-1250
 */
import {normalisedBlack} from "./normalisedBlack.js";

/** A cash dividend: ex-date in years from now and the amount per share. */
export type CashDividend = {tYears: number; amount: number};

function europeanBsm(isCall: boolean, spot: number, strike: number, tYears: number, rate: number, divYield: number, vol: number): number {
  const forward = spot * Math.exp((rate - divYield) * tYears);
  const b = normalisedBlack(Math.log(forward / strike), vol * Math.sqrt(tYears), isCall ? 1 : -1);
  return Math.exp(-rate * tYears) * Math.sqrt(forward * strike) * b;
}

let valuesScratch = new Float64Array(0);

/** One BBS tree with `steps` steps (no extrapolation). */
function bbsTree(
  isCall: boolean,
  spot: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
  vol: number,
  dividends: readonly CashDividend[],
  steps: number
): number {
  const n = Math.max(2, Math.floor(steps));
  const dt = tYears / n;
  const theta = isCall ? 1 : -1;
  const u = Math.exp(vol * Math.sqrt(dt));
  const d = 1 / u;
  const disc = Math.exp(-rate * dt);
  const p = (Math.exp((rate - divYield) * dt) - d) / (u - d);
  const q = 1 - p;
  // Dividends paid strictly before expiry (ex-date in (0, T]); PV(t) of those with ex-date > t.
  const divs = dividends.filter((x) => x.tYears > 0 && x.tYears <= tYears && x.amount !== 0);
  const pvRemaining = (t: number): number => {
    let pv = 0;
    for (const x of divs) if (x.tYears > t) pv += x.amount * Math.exp(-rate * (x.tYears - t));
    return pv;
  };
  const sStar0 = spot - pvRemaining(0);
  if (valuesScratch.length < n + 1) valuesScratch = new Float64Array(n + 1);
  const v = valuesScratch;
  // Step n-1: Black-Scholes over the last interval (S* carries no dividends after the last ex-date).
  {
    const i = n - 1;
    const pv = pvRemaining(i * dt);
    let sStar = sStar0 * Math.pow(d, i);
    const u2 = u * u;
    for (let j = 0; j <= i; ++j) {
      const cont = europeanBsm(isCall, sStar, strike, dt, rate, divYield, vol);
      const exercise = theta * (sStar + pv - strike);
      v[j] = exercise > cont ? exercise : cont;
      sStar *= u2;
    }
  }
  const u2 = u * u;
  for (let i = n - 2; i >= 0; --i) {
    const pv = divs.length > 0 ? pvRemaining(i * dt) : 0;
    let sStar = sStar0 * Math.pow(d, i);
    for (let j = 0; j <= i; ++j) {
      const cont = disc * (q * v[j] + p * v[j + 1]);
      const exercise = theta * (sStar + pv - strike);
      v[j] = exercise > cont ? exercise : cont;
      sStar *= u2;
    }
  }
  return v[0];
}

/**
 * Returns the American price from the BBSR binomial engine (Richardson extrapolation 2 V(n) - V(n/2)) with
 * `steps` steps (default 2000: ~1e-6 relative on typical equity options), continuous yield and cash dividends
 * (escrowed-dividend model). tYears = 0 returns the exercise value.
 */
export function binomialAmericanPrice(
  isCall: boolean,
  spot: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
  vol: number,
  dividends: readonly CashDividend[] = [],
  steps = 2000
): number {
  const theta = isCall ? 1 : -1;
  if (!(tYears > 0)) return Math.max(theta * (spot - strike), 0);
  if (!(vol > 0)) vol = 1e-8; // a vanishing-vol tree is the deterministic forward with early exercise
  const n = Math.max(4, 2 * Math.floor(steps / 2));
  const full = bbsTree(isCall, spot, strike, tYears, rate, divYield, vol, dividends, n);
  const half = bbsTree(isCall, spot, strike, tYears, rate, divYield, vol, dividends, n / 2);
  return Math.max(2 * full - half, Math.max(theta * (spot - strike), 0));
}
