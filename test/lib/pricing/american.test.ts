import {describe, expect, it} from "vitest";
import {americanGreeks, americanImpliedVol, americanPrice, earlyExercisePremium} from "../../../lib/pricing/american.js";
import {bsmPrice} from "../../../lib/pricing/bsm.js";
import {bivariateNormCdf} from "../../../lib/pricing/bivariateNormal.js";
import {binomialAmericanPrice} from "../../../lib/pricing/binomialAmerican.js";

// Geske & Johnson (1984), Journal of Finance 39, Table I, "accurate" American put values (S=40, r=4.88%, q=0),
// reproduced in Broadie & Detemple (1996) and Ju (1998); quoted to 4 decimals.
const geskeJohnson: [strike: number, vol: number, tYears: number, value: number][] = [
  [35, 0.2, 1 / 12, 0.0062],
  [35, 0.2, 4 / 12, 0.2004],
  [35, 0.2, 7 / 12, 0.4328],
  [40, 0.2, 1 / 12, 0.8522],
  [40, 0.2, 4 / 12, 1.5798],
  [40, 0.2, 7 / 12, 1.9904],
  [45, 0.2, 1 / 12, 5.0],
  [45, 0.2, 4 / 12, 5.0883],
  [45, 0.2, 7 / 12, 5.267]
];

describe("bivariateNormCdf", () => {
  it("matches the closed form M(0, 0; rho) = 1/4 + asin(rho)/(2 pi) and the rho = 0 product", () => {
    for (const rho of [-0.99, -0.5, 0, 0.3, 0.8, 0.97]) {
      expect(bivariateNormCdf(0, 0, rho)).toBeCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), 14);
    }
    expect(bivariateNormCdf(0.7, -1.3, 0)).toBeCloseTo(0.758036347776927 * 0.0968004845856103, 14);
  });
});

describe("americanPrice, binomial engine", () => {
  it("reproduces Geske-Johnson's accurate American put values to 1e-4 (table rounding)", () => {
    for (const [strike, vol, tYears, value] of geskeJohnson) {
      const p = americanPrice({right: "P", spot: 40, strike, tYears, rate: 0.0488, vol, engine: "binomial"});
      expect(Math.abs(p - value)).toBeLessThan(1.5e-4);
    }
  });
  it("reproduces Hull's American put (Options, Futures and Other Derivatives, ex. 21.1: 500 steps give 4.283)", () => {
    const p = americanPrice({right: "P", spot: 50, strike: 50, tYears: 5 / 12, rate: 0.1, vol: 0.4, engine: "binomial"});
    expect(p).toBeCloseTo(4.284, 3);
  });
  it("is within 1e-4 relative of a converged 20,000-step reference (default 2000 steps)", () => {
    const cases = [
      {right: "P" as const, spot: 100, strike: 110, tYears: 1, rate: 0.05, divYield: 0.01, vol: 0.3},
      {right: "C" as const, spot: 100, strike: 95, tYears: 0.5, rate: 0.03, divYield: 0.06, vol: 0.25}
    ];
    for (const c of cases) {
      const ref = binomialAmericanPrice(c.right === "C", c.spot, c.strike, c.tYears, c.rate, c.divYield, c.vol, [], 20000);
      const p = americanPrice({...c, engine: "binomial"});
      expect(Math.abs(p / ref - 1)).toBeLessThan(1e-4);
    }
  });
  it("values a call on a stock with a cash dividend above the European call and at Black's pseudo-American bound", () => {
    // Hull ex. 15.? style: S=40, K=40, r=9%, vol=30%, T=6 months, 0.50 dividends at 2 and 5 months (escrowed model)
    const c = {right: "C" as const, spot: 40, strike: 40, tYears: 0.5, rate: 0.09, vol: 0.3};
    const dividends = [{tYears: 2 / 12, amount: 0.5}, {tYears: 5 / 12, amount: 0.5}];
    const american = americanPrice({...c, dividends});
    const pv = 0.5 * Math.exp(-0.09 * 2 / 12) + 0.5 * Math.exp(-0.09 * 5 / 12);
    const european = bsmPrice({...c, spot: 40 - pv});
    // Black's approximation: max over exercising just before the last ex-date or at expiry
    const pvFirst = 0.5 * Math.exp(-0.09 * 2 / 12);
    const blackLast = bsmPrice({...c, spot: 40 - pvFirst, tYears: 5 / 12});
    expect(american).toBeGreaterThanOrEqual(european - 1e-12);
    expect(american).toBeGreaterThanOrEqual(Math.max(european, blackLast) - 1e-3);
    expect(american).toBeLessThan(Math.max(european, blackLast) * 1.05);
  });
  it("equals the European value for a call without dividends", () => {
    const c = {right: "C" as const, spot: 100, strike: 100, tYears: 1, rate: 0.05, vol: 0.2};
    expect(americanPrice({...c, engine: "binomial"})).toBeCloseTo(bsmPrice(c), 5);
    expect(americanPrice(c)).toBeCloseTo(bsmPrice(c), 12);
    expect(earlyExercisePremium(c)).toBeLessThan(1e-12);
  });
});

describe("americanPrice, Bjerksund-Stensland 2002", () => {
  it("stays within its known error of the binomial engine (a lower bound, within 2% on puts) on Geske-Johnson", () => {
    for (const [strike, vol, tYears] of geskeJohnson) {
      const c = {right: "P" as const, spot: 40, strike, tYears, rate: 0.0488, vol};
      const tree = americanPrice({...c, engine: "binomial", steps: 10000});
      const bs = americanPrice(c);
      expect(bs).toBeLessThanOrEqual(tree + 1e-4);
      expect(bs / tree - 1).toBeGreaterThan(-0.02);
    }
  });
  it("reduces to Haug's flat-boundary example scale (S=42, K=40, T=0.75, r=4%, q=8%, vol 35%: BS1993 5.2704)", () => {
    // BS2002 improves on BS1993's 5.2704 (Haug 2007 section 3.1.3) towards the converged tree value
    const c = {right: "C" as const, spot: 42, strike: 40, tYears: 0.75, rate: 0.04, divYield: 0.08, vol: 0.35};
    const bs = americanPrice(c);
    const tree = americanPrice({...c, engine: "binomial", steps: 10000});
    expect(bs).toBeGreaterThan(5.2704);
    expect(bs).toBeLessThan(tree);
    expect(Math.abs(bs / tree - 1)).toBeLessThan(0.005);
  });
});

describe("americanGreeks, earlyExercisePremium, americanImpliedVol", () => {
  const put = {right: "P" as const, spot: 50, strike: 50, tYears: 5 / 12, rate: 0.1, vol: 0.4};
  it("gives a positive early-exercise premium for an American put", () => {
    expect(earlyExercisePremium(put)).toBeGreaterThan(0.1);
  });
  it("has greeks with the right signs and vega close to the European one", () => {
    const g = americanGreeks(put);
    expect(g.delta).toBeLessThan(0);
    expect(g.gamma).toBeGreaterThan(0);
    expect(g.thetaPerDay).toBeLessThan(0);
    expect(g.vegaPerVol).toBeGreaterThan(10);
  });
  it("round-trips the implied vol and reports typed reasons", () => {
    const r = americanImpliedVol({...put, price: americanPrice(put)});
    expect(r.ok && Math.abs(r.vol - 0.4)).toBeLessThan(1e-9);
    expect(americanImpliedVol({...put, strike: 60, price: 9.5})).toMatchObject({ok: false, reason: "below-intrinsic"});
    expect(americanImpliedVol({...put, price: 50})).toMatchObject({ok: false, reason: "above-upper-bound"});
    expect(americanImpliedVol({...put, strike: 80, price: 30})).toMatchObject({ok: false, reason: "zero-time-value"});
  });
});
