import {describe, expect, it} from "vitest";
import {conditionInputs, forEachConditionInput} from "../../../lib/regime/conditionInputs.js";
import {parseCondition} from "../../../lib/regime/parseCondition.js";

describe("conditionInputs(node)", () => {
  it("lists each input once, in source order, not names that merely contain another", () => {
    expect(conditionInputs(parseCondition("VIX > 35 or VVIX > 150"))).toEqual(["VIX", "VVIX"]);
    expect(conditionInputs(parseCondition("not (15 <= VIX <= 22) and VIX3M > VIX"))).toEqual(["VIX", "VIX3M"]);
    expect(conditionInputs(parseCondition("TermStructure > 1.10"))).toEqual(["TermStructure"]);
  });

  it("reports each occurrence's offset in the condition text", () => {
    const seen: [string, number][] = [];
    forEachConditionInput(parseCondition("VIX < 15 and TermStructure > 1.10"), (name, offset) => seen.push([name, offset]));
    expect(seen).toEqual([["VIX", 0], ["TermStructure", 13]]);
  });
});
