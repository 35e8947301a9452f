import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {bivariateNormCdf, bivariateNormCdfAtCorrelation} from "../../../lib/pricing/bivariateNormal.js";
import {bjerksundStensland2002Price, bjerksundStensland2002Pricer} from "../../../lib/pricing/bjerksundStensland.js";

describe("bjerksundStensland2002Pricer({isCall, strike, tYears, rate, divYield})", () => {
  it("equals bjerksundStensland2002Price bit for bit, many prices from one pricer (property)", () => {
    // the reference is the scalar function, itself checked against Haug (2007) in american.test.ts; each pricer
    // prices three (spot, vol) pairs so the quadrature it caches on the first price is reused by the next two
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.double({min: 1, max: 2000, noNaN: true}),
        fc.double({min: 0.3, max: 3, noNaN: true}),
        fc.double({min: 1 / 365, max: 3, noNaN: true}),
        fc.double({min: 0, max: 0.1, noNaN: true}),
        fc.double({min: 0, max: 0.08, noNaN: true}),
        fc.double({min: 0.01, max: 1.5, noNaN: true}),
        (isCall, spot, moneyness, tYears, rate, divYield, vol) => {
          const strike = spot * moneyness;
          const price = bjerksundStensland2002Pricer({isCall, strike, tYears, rate, divYield});
          for (const [s, v] of [
            [spot, vol],
            [spot * 0.8, vol + 0.1],
            [spot * 1.2, Math.max(vol - 0.05, 0.01)]
          ]) {
            expect(price(s, v)).toBe(bjerksundStensland2002Price(isCall, s, strike, tYears, rate, divYield, v));
          }
        }
      ),
      {numRuns: 2000}
    );
  });

  it("gives the exercise value when expired and the discounted forward's bound at zero vol", () => {
    expect(bjerksundStensland2002Pricer({isCall: false, strike: 100, tYears: 0, rate: 0.05, divYield: 0})(90, 0.2)).toBe(10);
    // vol 0, call, q 0: max(S - K, S - K e^{-rT}) = 110 - 100 e^{-0.025}
    const zeroVol = bjerksundStensland2002Pricer({isCall: true, strike: 100, tYears: 0.5, rate: 0.05, divYield: 0})(110, 0);
    expect(zeroVol).toBeCloseTo(110 - 100 * Math.exp(-0.025), 12);
  });

  it("keeps the put-call transformation: a put at (S 42, K 40, r 4%, q 8%) is the call at (S 40, K 42, r 8%, q 4%)", () => {
    // P(S, K, T, r, q) = C(K, S, T, q, r): an identity of the formula, independent of the quadrature
    const put = bjerksundStensland2002Pricer({isCall: false, strike: 40, tYears: 0.75, rate: 0.04, divYield: 0.08})(42, 0.35);
    const call = bjerksundStensland2002Pricer({isCall: true, strike: 42, tYears: 0.75, rate: 0.08, divYield: 0.04})(40, 0.35);
    expect(put).toBeCloseTo(call, 12);
    expect(put).toBeGreaterThan(0);
  });
});

describe("bivariateNormCdfAtCorrelation(rho)", () => {
  it("equals bivariateNormCdf bit for bit on every quadrature branch (property)", () => {
    // |rho| < 0.3, < 0.75, < 0.925 (6/12/20-point sine nodes) and the high-correlation branch, incl. rho = +-1
    fc.assert(
      fc.property(
        fc.oneof(fc.double({min: -1, max: 1, noNaN: true}), fc.constantFrom(-1, -0.925, -0.75, -0.3, 0, 0.3, 0.75, 0.925, 1)),
        fc.array(fc.tuple(fc.double({min: -8, max: 8, noNaN: true}), fc.double({min: -8, max: 8, noNaN: true})), {
          minLength: 1,
          maxLength: 4
        }),
        (rho, points) => {
          const cdf = bivariateNormCdfAtCorrelation(rho);
          for (const [a, b] of points) expect(cdf(a, b)).toBe(bivariateNormCdf(a, b, rho));
        }
      ),
      {numRuns: 2000}
    );
  });

  it("matches the closed form M(0, 0; rho) = 1/4 + asin(rho)/(2 pi)", () => {
    // Sheppard's formula for the quadrant probability
    for (const rho of [-0.95, -0.5, 0.1, 0.5, 0.786, 0.95]) {
      expect(bivariateNormCdfAtCorrelation(rho)(0, 0)).toBeCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), 14);
    }
  });
});
