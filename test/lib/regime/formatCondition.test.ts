import {describe, expect, it} from "vitest";
import {formatCondition} from "../../../lib/regime/formatCondition.js";
import {parseCondition} from "../../../lib/regime/parseCondition.js";

describe("formatCondition(ast)", () => {
  it.each([
    ["VIX<15   and TermStructure>1.10", "VIX < 15 and TermStructure > 1.10"],
    ["(15<=VIX<=22)", "15 <= VIX <= 22"],
    ["VIX > 22 or (Polymarket_Recession_Prob > 40%)", "VIX > 22 or Polymarket_Recession_Prob > 40%"],
    ["(VIX > 1 or VIX > 2) and VIX > 3", "(VIX > 1 or VIX > 2) and VIX > 3"],
    ["VIX > 1 or (VIX > 2 or VIX > 3)", "VIX > 1 or (VIX > 2 or VIX > 3)"],
    ["not (VIX > 1 and VVIX > 2)", "not (VIX > 1 and VVIX > 2)"],
    ["not not VIX == -3", "not not VIX == -3"]
  ])("prints %j canonically as %j", (input, canonical) => {
    expect(formatCondition(parseCondition(input))).toBe(canonical);
  });
});
