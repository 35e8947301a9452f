import {describe, expect, it} from "vitest";
import {pricingModelFor} from "../../../lib/pricing/model.js";

describe("pricingModelFor", () => {
  it("prices cash-settled index options and Deribit on the forward, equities and ETFs as American", () => {
    for (const u of ["SPX", "SPXW", "XSP", "NDX", "RUT", "VIX", "^SPX", "spx"]) {
      expect(pricingModelFor({underlying: u})).toBe("european-forward");
    }
    expect(pricingModelFor({underlying: "BTC", venue: "deribit"})).toBe("european-forward");
    for (const u of ["SPY", "QQQ", "AAPL", "IWM", "OEX"]) expect(pricingModelFor({underlying: u})).toBe("american");
  });
});
