import {describe, expect, it} from "vitest";
import {isKnownInput} from "../../../lib/regime/knownInputs.js";

describe("isKnownInput(name, declared)", () => {
  it.each(["VIX", "VIX3M", "VIX9D", "VVIX", "SKEW", "TermStructure", "FearGreed", "DVOL_BTC", "DVOL_ETH", "Polymarket_Recession_Prob", "Polymarket_Fed_Cut_Prob"])(
    "knows %s",
    (name) => expect(isKnownInput(name)).toBe(true)
  );
  it.each(["vix", "VIX6M", "Polymarket__Prob", "Polymarket_Prob", "TermStructureX"])("does not know %s", (name) => {
    expect(isKnownInput(name)).toBe(false);
  });
  it("accepts declared inputs", () => expect(isKnownInput("VIX6M", ["VIX6M"])).toBe(true));
});
