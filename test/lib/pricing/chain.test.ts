import {describe, expect, it} from "vitest";
import {bsmGreeks} from "../../../lib/pricing/bsm.js";
import {black76Greeks} from "../../../lib/pricing/black76.js";
import {
  allocGreeksColumns,
  allocIvGreeksColumns,
  chainGreeks,
  chainImpliedVol,
  chainImpliedVolAndGreeks,
  IV_STATUS,
  type GreeksColumns
} from "../../../lib/pricing/chain.js";
import {impliedVol} from "../../../lib/pricing/impliedVol.js";
import {hasSharedData} from "../../helpers/sharedData.js";
import {loadPricingGrid} from "./gridCases.js";

const cols = {
  isCall: Float64Array.of(1, 0, 1, 0, 1, 1),
  underlying: Float64Array.of(42, 42, 100, 100, 100, -1),
  strike: Float64Array.of(40, 40, 150, 60, 100, 100),
  tYears: Float64Array.of(0.5, 0.5, 1 / 365, 3, 0.25, 0.25),
  rate: Float64Array.of(0.1, 0.1, 0.05, 0, 0.03, 0.03),
  divYield: Float64Array.of(0, 0, 0.02, 0.03, 0.01, 0)
};
const vol = Float64Array.of(0.2, 0.2, 3, 0.05, 0.25, 0.2);

describe("chainGreeks", () => {
  it("writes exactly the scalar bsmGreeks values into preallocated columns, NaN for invalid rows", () => {
    const out = allocGreeksColumns(6);
    expect(chainGreeks(cols, vol, out)).toBe(out);
    for (let i = 0; i < 5; ++i) {
      const g = bsmGreeks({right: cols.isCall[i] ? "C" : "P", spot: cols.underlying[i], strike: cols.strike[i], tYears: cols.tYears[i], rate: cols.rate[i], divYield: cols.divYield[i], vol: vol[i]});
      expect([out.price[i], out.delta[i], out.gamma[i], out.vegaPerVol[i], out.thetaPerYear[i], out.rhoPerRate[i], out.vanna[i], out.volga[i]]).toEqual(
        [g.price, g.delta, g.gamma, g.vegaPerVol, g.thetaPerYear, g.rhoPerRate, g.vanna, g.volga]
      );
    }
    expect(out.price[5]).toBeNaN();
    // Hull: S=42, K=40, r=10%, T=0.5, vol 20%: call 4.7594, put 0.8086
    expect(out.price[0]).toBeCloseTo(4.7594, 4);
    expect(out.price[1]).toBeCloseTo(0.8086, 4);
  });
  it("prices on a forward like black76Greeks with onForward", () => {
    const out = chainGreeks(cols, vol, allocGreeksColumns(6), {onForward: true});
    const g = black76Greeks({right: "P", forward: 100, strike: 60, tYears: 3, rate: 0, vol: 0.05});
    expect(out.price[3]).toBe(g.price);
    expect(out.rhoPerRate[3]).toBe(g.rhoPerRate);
  });
});

describe("chainImpliedVol", () => {
  it("matches the scalar impliedVol and writes status codes", () => {
    const prices = Float64Array.of(4.759422392871535, 0.8085993729000905, 1e-3, 60, 0.1, 1);
    const status = new Uint8Array(6);
    const iv = chainImpliedVol(cols, prices, new Float64Array(6), {status});
    const scalar = impliedVol({right: "C", price: 4.759422392871535, spot: 42, strike: 40, tYears: 0.5, rate: 0.1});
    expect(scalar.ok && iv[0]).toBe(scalar.ok && scalar.vol);
    expect(Math.abs(iv[1] - 0.2)).toBeLessThan(1e-14);
    expect(Array.from(status)).toEqual([
      IV_STATUS.ok,
      IV_STATUS.ok,
      IV_STATUS.ok,
      IV_STATUS["above-upper-bound"], // put bound K e^{-rT} = 60
      IV_STATUS["below-intrinsic"], // call intrinsic 100 e^{-0.0025} - 100 e^{-0.0075} = 0.498
      IV_STATUS["bad-input"]
    ]);
    expect(Number.isNaN(iv[3]) && Number.isNaN(iv[4]) && Number.isNaN(iv[5])).toBe(true);
  });
});

const GREEK_KEYS = ["price", "delta", "gamma", "vegaPerVol", "thetaPerYear", "rhoPerRate", "vanna", "volga"] as const;

/** Rows where the one-pass result differs in any bit (NaN equal to NaN) from chainImpliedVol then chainGreeks. */
function mismatches(c: Parameters<typeof chainImpliedVol>[0], prices: ArrayLike<number>, onForward: boolean): number[] {
  const n = c.strike.length;
  const status = new Uint8Array(n);
  const iv = chainImpliedVol(c, prices, new Float64Array(n), {onForward, status});
  const greeks: GreeksColumns = chainGreeks(c, iv, allocGreeksColumns(n), {onForward});
  const oneStatus = new Uint8Array(n);
  const one = chainImpliedVolAndGreeks(c, prices, allocIvGreeksColumns(n), {onForward, status: oneStatus});
  const bad: number[] = [];
  for (let i = 0; i < n; ++i) {
    const same = Object.is(one.iv[i], iv[i]) && oneStatus[i] === status[i] && GREEK_KEYS.every((k) => Object.is(one[k][i], greeks[k][i]));
    if (!same) bad.push(i);
  }
  return bad;
}

describe("chainImpliedVolAndGreeks", () => {
  it("gives bit-identical IVs, status codes and greeks to chainImpliedVol then chainGreeks, NaN rows on failure", () => {
    const prices = Float64Array.of(4.759422392871535, 0.8085993729000905, 1e-3, 60, 0.1, 1);
    expect(mismatches(cols, prices, false)).toEqual([]);
    expect(mismatches(cols, prices, true)).toEqual([]);
    const out = chainImpliedVolAndGreeks(cols, prices);
    expect(Math.abs(out.iv[1] - 0.2)).toBeLessThan(1e-14);
    expect(Math.abs(out.price[1] - 0.8085993729000905)).toBeLessThan(1e-14); // reprices its own input
    expect([out.iv[3], out.price[3], out.delta[4], out.volga[5]].every(Number.isNaN)).toBe(true);
  });
  it.skipIf(!hasSharedData())("is bit-identical on all 18,698 grid cases, with dividend yield and on the forward", () => {
    const g = loadPricingGrid();
    const gridCols = {
      isCall: Float64Array.from(g.call),
      underlying: Float64Array.from(g.S),
      strike: Float64Array.from(g.K),
      tYears: Float64Array.from(g.T),
      rate: Float64Array.from(g.r),
      divYield: Float64Array.from(g.q)
    };
    expect(mismatches(gridCols, g.price, false)).toEqual([]);
    expect(mismatches(gridCols, g.price, true)).toEqual([]);
  });
});
