import {describe, expect, it} from "vitest";
import {bsmPrice} from "../../../lib/pricing/bsm.js";
import {black76Price} from "../../../lib/pricing/black76.js";
import {impliedVol, impliedVolBlack76} from "../../../lib/pricing/impliedVol.js";
import {hasSharedData} from "../../helpers/sharedData.js";
import {loadPricingGrid} from "./gridCases.js";

const hull = {spot: 42, strike: 40, tYears: 0.5, rate: 0.1};

describe("impliedVol", () => {
  it("recovers 20% from Hull's call 4.7594 and put 0.8086 prices to machine precision", () => {
    const call = impliedVol({...hull, right: "C", price: bsmPrice({...hull, right: "C", vol: 0.2})});
    const put = impliedVol({...hull, right: "P", price: bsmPrice({...hull, right: "P", vol: 0.2})});
    expect(call.ok && Math.abs(call.vol - 0.2)).toBeLessThan(1e-14);
    expect(put.ok && Math.abs(put.vol - 0.2)).toBeLessThan(1e-14);
  });
  it("gives typed reasons outside the no-arbitrage range", () => {
    const intrinsic = 42 - 40 * Math.exp(-0.05);
    expect(impliedVol({...hull, right: "C", price: intrinsic - 0.01})).toMatchObject({ok: false, reason: "below-intrinsic"});
    expect(impliedVol({...hull, right: "C", price: intrinsic})).toMatchObject({ok: false, reason: "zero-time-value"});
    expect(impliedVol({...hull, right: "C", price: 42})).toMatchObject({ok: false, reason: "above-upper-bound"});
    expect(impliedVol({...hull, right: "P", price: 0})).toMatchObject({ok: false, reason: "zero-time-value"});
    expect(impliedVol({...hull, right: "P", price: NaN})).toMatchObject({ok: false, reason: "bad-input"});
    expect(impliedVol({...hull, right: "P", price: 1, tYears: 0})).toMatchObject({ok: false, reason: "bad-input"});
  });
});

describe("impliedVolBlack76", () => {
  it("round-trips out-of-the-money Black-76 prices across moneyness and vol", () => {
    for (const strike of [50, 90, 100, 110, 200]) {
      for (const vol of [0.01, 0.2, 1, 5]) {
        {
          const right: "C" | "P" = strike >= 100 ? "C" : "P";
          const x = {right, forward: 100, strike, tYears: 0.25, rate: 0.04};
          const r = impliedVolBlack76({...x, price: black76Price({...x, vol})});
          if (r.ok) expect(Math.abs(r.vol - vol) / vol).toBeLessThan(1e-12);
          else expect(r.reason).toBe("zero-time-value"); // time value under double resolution, e.g. 1% vol far OTM
        }
      }
    }
  });
});

describe.skipIf(!hasSharedData())("impliedVol on the 18,698-case reference grid", () => {
  it("solves every case to 1e-12 + 16 cond, and to 1e-12 where cond <= 1e-12, with zero failures", () => {
    const g = loadPricingGrid();
    let failures = 0;
    let worstRatio = 0;
    let maxWellConditioned = 0;
    let solved = 0;
    for (let i = 0; i < g.n; ++i) {
      const r = impliedVol({right: g.call[i] ? "C" : "P", price: g.price[i], spot: g.S[i], strike: g.K[i], tYears: g.T[i], rate: g.r[i], divYield: g.q[i]});
      const exact = g.iv[i];
      if (exact === null) {
        // the rounded price left the no-arbitrage range: a typed reason, never a number
        if (r.ok) failures++;
        continue;
      }
      if (!r.ok) {
        failures++;
        continue;
      }
      solved++;
      const err = Math.abs(r.vol - exact);
      worstRatio = Math.max(worstRatio, err / (1e-12 + 16 * g.cond[i]));
      if (g.cond[i] <= 1e-12) maxWellConditioned = Math.max(maxWellConditioned, err);
    }
    // measured: worst err/(1e-12 + 16 cond) = 0.056, max error 7.0e-13 where cond <= 1e-12
    expect(failures).toBe(0);
    expect(solved).toBeGreaterThan(18000);
    expect(worstRatio).toBeLessThanOrEqual(1);
    expect(maxWellConditioned).toBeLessThanOrEqual(1e-12);
  });
  it("solves the q = 0 twins through Black-76 on the forward to the same accuracy", () => {
    const g = loadPricingGrid() as unknown as Record<string, (number | null)[]> & {n: number; cond: number[]};
    let worstRatio = 0;
    for (let i = 0; i < g.n; i += 7) {
      const exact = g.iv_q0[i];
      if (exact === null) continue;
      const t = g.T[i] as number;
      const rate = g.r[i] as number;
      const forward = (g.Sq[i] as number) * Math.exp(rate * t);
      const r = impliedVolBlack76({right: g.call[i] ? "C" : "P", price: g.price_q0[i] as number, forward, strike: g.K[i] as number, tYears: t, rate});
      expect(r.ok).toBe(true);
      // the forward's own rounding adds about one ulp of input error: allow 4x the tolerance
      if (r.ok) worstRatio = Math.max(worstRatio, Math.abs(r.vol - exact) / (1e-12 + 64 * g.cond[i]));
    }
    expect(worstRatio).toBeLessThanOrEqual(1);
  });
});
