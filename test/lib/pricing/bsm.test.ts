import {describe, expect, it} from "vitest";
import {bsmGreeks, bsmPrice} from "../../../lib/pricing/bsm.js";
import {hasSharedData} from "../../helpers/sharedData.js";
import {loadPricingGrid, quantile, relError} from "./gridCases.js";

const hull = {spot: 42, strike: 40, tYears: 0.5, rate: 0.1, vol: 0.2};

describe("bsmPrice", () => {
  it("reproduces Hull's example (Options, Futures and Other Derivatives, ex. 15.6: call 4.76, put 0.81)", () => {
    expect(bsmPrice({...hull, right: "C"})).toBeCloseTo(4.7594, 4);
    expect(bsmPrice({...hull, right: "P"})).toBeCloseTo(0.8086, 4);
  });
  it("satisfies put-call parity C - P = S e^{-qT} - K e^{-rT} with a dividend yield", () => {
    const x = {spot: 100, strike: 95, tYears: 0.75, rate: 0.05, divYield: 0.03, vol: 0.35};
    const parity = 100 * Math.exp(-0.03 * 0.75) - 95 * Math.exp(-0.05 * 0.75);
    expect(bsmPrice({...x, right: "C"}) - bsmPrice({...x, right: "P"})).toBeCloseTo(parity, 13);
  });
  it("returns the discounted intrinsic value at zero vol or zero time", () => {
    expect(bsmPrice({...hull, right: "C", vol: 0})).toBeCloseTo(42 - 40 * Math.exp(-0.05), 13);
    expect(bsmPrice({...hull, right: "P", tYears: 0})).toBe(0);
  });
  it("throws RangeError naming the parameter", () => {
    expect(() => bsmPrice({...hull, right: "C", vol: -0.1})).toThrow("bsmPrice: vol must be >= 0, got -0.1");
  });
});

describe("bsmGreeks", () => {
  it("matches Haug's generalised BSM examples (Complete Guide 2nd ed., ch. 2)", () => {
    // Haug 2.1: S=105, K=100, T=0.5, r=10%, b=0 (q=r), vol=36%: call delta 0.5946, put delta -0.3566
    const h = {spot: 105, strike: 100, tYears: 0.5, rate: 0.1, divYield: 0.1, vol: 0.36};
    expect(bsmGreeks({...h, right: "C"}).delta).toBeCloseTo(0.5946, 4);
    expect(bsmGreeks({...h, right: "P"}).delta).toBeCloseTo(-0.3566, 4);
    // Haug 2.2.1: S=55, K=60, T=0.75, r=10%, b=10%, vol=30%: gamma 0.0278
    expect(bsmGreeks({right: "C", spot: 55, strike: 60, tYears: 0.75, rate: 0.1, vol: 0.3}).gamma).toBeCloseTo(0.0278, 4);
    // Hand-derived: S=55, K=60, T=0.75, r=10.5%, q=3.55%, vol=30%: d1 = (ln(55/60) + 0.1145*0.75)/(0.3*sqrt(0.75))
    // = -0.0043730, vega = 55 e^{-0.0355*0.75} phi(d1) sqrt(0.75) = 18.50274 per 1.00 vol
    const vega = bsmGreeks({right: "C", spot: 55, strike: 60, tYears: 0.75, rate: 0.105, divYield: 0.0355, vol: 0.3});
    expect(vega.vegaPerVol).toBeCloseTo(18.50274, 4);
    expect(vega.vegaPerVolPt).toBeCloseTo(0.1850274, 6);
  });
  it("agrees with central finite differences of bsmPrice for every greek", () => {
    const base = {right: "P" as const, spot: 97, strike: 103, tYears: 0.4, rate: 0.03, divYield: 0.01, vol: 0.27};
    const g = bsmGreeks(base);
    const p = (o: Partial<typeof base>) => bsmPrice({...base, ...o});
    const h = 1e-4;
    expect(g.delta).toBeCloseTo((p({spot: 97 + h}) - p({spot: 97 - h})) / (2 * h), 7);
    expect(g.gamma).toBeCloseTo((p({spot: 97 + h}) - 2 * g.price + p({spot: 97 - h})) / (h * h), 4);
    expect(g.vegaPerVol).toBeCloseTo((p({vol: 0.27 + h}) - p({vol: 0.27 - h})) / (2 * h), 6);
    expect(g.thetaPerYear).toBeCloseTo(-(p({tYears: 0.4 + h}) - p({tYears: 0.4 - h})) / (2 * h), 6);
    expect(g.thetaPerDay).toBeCloseTo(g.thetaPerYear / 365, 14);
    expect(g.rhoPerRate).toBeCloseTo((p({rate: 0.03 + h}) - p({rate: 0.03 - h})) / (2 * h), 6);
    const dv = (spot: number) =>
      (bsmPrice({...base, spot, vol: 0.27 + h}) - bsmPrice({...base, spot, vol: 0.27 - h})) / (2 * h);
    expect(g.vanna).toBeCloseTo((dv(97 + 1e-3) - dv(97 - 1e-3)) / 2e-3, 4);
    expect(g.volga).toBeCloseTo((p({vol: 0.27 + h}) - 2 * g.price + p({vol: 0.27 - h})) / (h * h), 3);
  });
});

describe.skipIf(!hasSharedData())("bsmPrice / bsmGreeks on the 18,698-case reference grid", () => {
  it("prices and greeks are within 1e-12 relative at p99 (vega per 1.00 vol, theta per year)", () => {
    const g = loadPricingGrid();
    const errs: Record<string, number[]> = {price: [], greeksPrice: [], delta: [], gamma: [], vega: [], theta: []};
    for (let i = 0; i < g.n; ++i) {
      const inputs = {right: g.call[i] ? "C" : "P", spot: g.S[i], strike: g.K[i], tYears: g.T[i], rate: g.r[i], divYield: g.q[i], vol: g.sigma[i]} as const;
      const greeks = bsmGreeks(inputs);
      errs.price.push(relError(bsmPrice(inputs), g.price[i]));
      errs.greeksPrice.push(relError(greeks.price, g.price[i]));
      errs.delta.push(relError(greeks.delta, g.delta[i]));
      errs.gamma.push(relError(greeks.gamma, g.gamma[i]));
      errs.vega.push(relError(greeks.vegaPerVol, g.vega[i]));
      errs.theta.push(relError(greeks.thetaPerYear, g.theta[i]));
    }
    // measured: p99 <= 4.3e-14 for every column, max <= 2.2e-12 (theta, a cancellation case)
    for (const [name, e] of Object.entries(errs)) {
      expect(quantile(e, 0.99), name).toBeLessThan(1e-12);
      expect(quantile(e, 1), name).toBeLessThan(1e-10);
    }
  });
});
