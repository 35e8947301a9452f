import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {bjerksundStensland2002Price} from "../../../lib/pricing/bjerksundStensland.js";
import {americanRowPricer} from "../../../lib/risk/americanRowPricer.js";

describe("americanRowPricer(tYears, rate, divYield)", () => {
  it("equals bjerksundStensland2002Price bit for bit (property)", () => {
    // the reference is the lib/pricing kernel, itself checked against Haug (2007) table values
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
          const price = americanRowPricer(tYears, rate, divYield);
          expect(price(isCall, spot, strike, vol)).toBe(bjerksundStensland2002Price(isCall, spot, strike, tYears, rate, divYield, vol));
        }
      ),
      {numRuns: 2000}
    );
  });

  it("passes expired options and zero vol to the library", () => {
    expect(americanRowPricer(0, 0.05, 0)(false, 90, 100, 0.2)).toBe(10);
    expect(americanRowPricer(0.5, 0.05, 0)(true, 110, 100, 0)).toBe(bjerksundStensland2002Price(true, 110, 100, 0.5, 0.05, 0, 0));
  });

  it("keeps the put-call transformation: a put at (S 42, K 40, r 4%, q 8%) is the call at (S 40, K 42, r 8%, q 4%)", () => {
    // put-call transformation: P(S, K, T, r, q) = C(K, S, T, q, r), so the pricer's put equals its call with rate and
    // yield swapped — an identity of the formula, independent of the quadrature
    const put = americanRowPricer(0.75, 0.04, 0.08)(false, 42, 40, 0.35);
    const call = americanRowPricer(0.75, 0.08, 0.04)(true, 40, 42, 0.35);
    expect(put).toBeCloseTo(call, 12);
    expect(put).toBeGreaterThan(Math.max(40 - 42, 0));
  });
});
