import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {UnifiedPosition} from "../../../lib/positions/unifiedPosition.js";
import {maxLossAtExpiry} from "../../../lib/risk/maxLoss.js";
import {position} from "./positionFixture.js";

const leg = (over: Partial<UnifiedPosition>, quantity = over.quantity ?? 1) => ({position: position(over), quantity});
const put = (strike: number, quantity: number, price: number, costBasis = price) => leg({right: "P", strike, quantity, price, costBasis});
const call = (strike: number, quantity: number, price: number, costBasis = price) => leg({right: "C", strike, quantity, price, costBasis});

describe("maxLossAtExpiry(legs)", () => {
  it("gives width minus credit for a credit put spread", () => {
    // sold 400P at 5, bought 390P at 2: credit 3; max loss (10 - 3) x 100 = 700 from entry, at S <= 390.
    // marks now 4 and 1.5: closing costs 2.5, so from here the worst adds (10 - 2.5) x 100 = 750
    const loss = maxLossAtExpiry([put(400, -1, 4, 5), put(390, 1, 1.5, 2)]);
    expect(loss).toEqual({status: "defined", fromMarkUsd: 750, fromEntryUsd: 700, worstSpot: 0});
  });
  it("gives the wider wing minus the credit for an iron condor", () => {
    // 2x: puts 385/390 (5 wide), calls 420/430 (10 wide); credit per set 1.2 + 1.8 = 3 → (10 - 3) x 200 = 1,400
    const legs = [put(385, 2, 0.8), put(390, -2, 2), call(420, -2, 2.5), call(430, 2, 0.7)];
    const loss = maxLossAtExpiry(legs);
    expect(loss.status).toBe("defined");
    expect(loss.fromEntryUsd).toBeCloseTo(1400, 9);
    expect(loss.worstSpot).toBe(430);
  });
  it("says unbounded for a short call or short shares, and bounded for a short put", () => {
    expect(maxLossAtExpiry([call(420, -1, 3)]).status).toBe("unbounded");
    expect(maxLossAtExpiry([leg({right: null, strike: null, expiry: null, multiplier: 1, quantity: -100, price: 50, costBasis: 50})]).status).toBe("unbounded");
    // a naked put loses at most the strike less the premium: (400 - 3) x 100
    expect(maxLossAtExpiry([put(400, -1, 3)])).toMatchObject({status: "defined", fromEntryUsd: 39700, worstSpot: 0});
  });
  it("bounds a covered call and a jade lizard, whose net calls are covered", () => {
    const shares = leg({right: null, strike: null, expiry: null, multiplier: 1, quantity: 100, price: 410, costBasis: 400});
    // covered call: long 100 at 400, short 420C for 5: worst at S = 0: 400 x 100 - 500 = 39,500 from entry
    expect(maxLossAtExpiry([shares, call(420, -1, 5)])).toMatchObject({status: "defined", fromEntryUsd: 39500, worstSpot: 0});
    // jade lizard: short 390P 4, short 420C 3, long 425C 1 → credit 6 ≥ call width 5: no upside risk; downside 390 - 6
    const jade = maxLossAtExpiry([put(390, -1, 4), call(420, -1, 3), call(425, 1, 1)]);
    expect(jade).toMatchObject({status: "defined", fromEntryUsd: 38400, worstSpot: 0});
  });
  it("costs a long option its premium and refuses calendars", () => {
    expect(maxLossAtExpiry([call(420, 3, 2.5, 2)])).toEqual({status: "defined", fromMarkUsd: 750, fromEntryUsd: 600, worstSpot: 0});
    const calendar = [leg({right: "C", strike: 420, expiry: "2024-06-21", quantity: -1}), leg({right: "C", strike: 420, expiry: "2024-07-19", quantity: 1})];
    expect(maxLossAtExpiry(calendar).status).toBe("multi-expiry");
    expect(maxLossAtExpiry([leg({right: "C", strike: 420, price: NaN})]).status).toBe("unknown");
  });
  it("converts Deribit coin premiums at today's index", () => {
    // long 2 BTC puts at 0.03 BTC (entry 0.025) with BTC at 60,000: premium at risk 2 x 0.03 x 60,000 = 3,600
    const p = leg({broker: "deribit", right: "P", strike: 55000, multiplier: 1, quantity: 2, currency: "BTC", price: 0.03, costBasis: 0.025, underlyingPrice: 60000});
    expect(maxLossAtExpiry([p])).toMatchObject({status: "defined", fromMarkUsd: 3600, fromEntryUsd: 3000});
  });
  it("never loses more than the worst of a dense grid of expiry prices (property)", () => {
    const legArb = fc.record({
      right: fc.constantFrom<"C" | "P">("C", "P"),
      strike: fc.integer({min: 80, max: 120}),
      quantity: fc.integer({min: -3, max: 3}),
      price: fc.double({min: 0, max: 20, noNaN: true})
    });
    fc.assert(
      fc.property(fc.array(legArb, {minLength: 1, maxLength: 5}), (raw) => {
        const legs = raw.map((r) => leg({...r, costBasis: r.price}));
        const loss = maxLossAtExpiry(legs);
        if (loss.status !== "defined") return;
        const mark = legs.reduce((sum, l) => sum + l.quantity * 100 * l.position.price, 0);
        for (let s = 0; s <= 400; s += 0.5) {
          const value = legs.reduce((sum, l) => {
            const k = l.position.strike!;
            return sum + l.quantity * 100 * (l.position.right === "C" ? Math.max(s - k, 0) : Math.max(k - s, 0));
          }, 0);
          expect(mark - value).toBeLessThanOrEqual(loss.fromMarkUsd + 1e-6);
        }
      }),
      {numRuns: 100}
    );
  });
});
