import {describe, expect, it} from "vitest";
import {bsmPrice} from "../../../lib/pricing/bsm.js";
import {black76Price} from "../../../lib/pricing/black76.js";
import {impliedVol, impliedVolBlack76} from "../../../lib/pricing/impliedVol.js";

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
