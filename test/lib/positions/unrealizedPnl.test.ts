import {describe, expect, it} from "vitest";
import {unrealizedPnl} from "../../../lib/positions/unrealizedPnl.js";

describe("unrealizedPnl(position)", () => {
  it("is (price - cost) x quantity x multiplier, short positions gaining as the price falls", () => {
    // short 12 calls sold at 3.97565245, now 3.445: (3.445 - 3.97565245) x -12 x 100 = +636.78
    expect(unrealizedPnl({price: 3.445, costBasis: 3.97565245, quantity: -12, multiplier: 100, currency: "USD", underlyingPrice: 819.66}).pnlUsd).toBeCloseTo(636.78294, 5);
  });
  it("converts coin-quoted Deribit P&L at today's index", () => {
    // short 3 BTC puts: (0.03 - 0.0319) x -3 = +0.0057 BTC, x 80,265.06 = +457.51 USD
    const r = unrealizedPnl({price: 0.03, costBasis: 0.0319, quantity: -3, multiplier: 1, currency: "BTC", underlyingPrice: 80265.06});
    expect(r.pnl).toBeCloseTo(0.0057, 12);
    expect(r.currency).toBe("BTC");
    expect(r.pnlUsd).toBeCloseTo(457.510842, 5);
  });
  it("is NaN without a cost basis", () => {
    expect(unrealizedPnl({price: 1, costBasis: NaN, quantity: 1, multiplier: 100, currency: "USD", underlyingPrice: 1}).pnlUsd).toBeNaN();
  });
});
