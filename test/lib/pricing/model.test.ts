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

  it("recognises Deribit option names whoever relays the quote", () => {
    for (const symbol of ["BTC-25DEC26-67500-P", "ETH-29JAN27-3300-C", "SOL_USDC-7JUN24-150-C", "XRP_USDC-27DEC24-0d625-P"]) {
      expect(pricingModelFor({underlying: symbol.split(/[-_]/)[0], venue: "demo", symbol})).toBe("european-forward");
    }
    for (const symbol of ["SPY230914C00450000", "RIVN  230609P00014000", "BTC-PERPETUAL", "BTC-27DEC24"]) {
      expect(pricingModelFor({underlying: "X", symbol})).toBe("american");
    }
  });
});
