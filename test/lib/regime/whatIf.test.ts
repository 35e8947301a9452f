import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {parseRiskMatrix} from "../../../lib/regime/parseRiskMatrix.js";
import {decideWhatIf} from "../../../lib/regime/whatIf.js";

const file = join(dirname(fileURLToPath(import.meta.url)), "../../../config/risk_matrix.yaml");
const matrix = parseRiskMatrix(readFileSync(file, "utf8"), "config/risk_matrix.yaml");
// a calm market: VIX 17.85 (neutral), VIX3M/VIX = 21.9 / 17.85 = 1.2269, no recession scare
const actual = {VIX: 17.85, VIX3M: 21.9, VVIX: 60.2, Polymarket_Recession_Prob: 0.078};

describe("decideWhatIf(matrix, actual, whatIf)", () => {
  it("with no overrides decides like decideRegime and lists nothing", () => {
    const d = decideWhatIf(matrix, actual, {inputs: {VIX: 17.85, VVIX: 60.2, TermStructure: 21.9 / 17.85}});
    expect(d.regime).toBe("neutral_volatility");
    expect(d.overridden).toEqual([]);
    expect(d.picked).toBeNull();
  });

  it("applies an override and re-derives TermStructure from the overridden VIX", () => {
    // VIX 14 with VIX3M 21.9: TermStructure 1.564 > 1.10, so low_volatility
    const low = decideWhatIf(matrix, actual, {inputs: {VIX: 14}});
    expect(low.regime).toBe("low_volatility");
    expect(low.inputValues.TermStructure).toBeCloseTo(21.9 / 14, 10);
    expect(low.overridden).toEqual([{name: "VIX", value: 14}]);
    // the gap: VIX 14 but TermStructure forced to 1.05 matches nothing, so the fallback applies
    const gap = decideWhatIf(matrix, actual, {inputs: {VIX: 14, TermStructure: 1.05}});
    expect(gap.fallbackApplied).toBe(true);
    expect(gap.regime).toBe("neutral_volatility");
    expect(decideWhatIf(matrix, actual, {inputs: {VIX: 40}}).regime).toBe("crisis_mode");
  });

  it("lets a regime be picked by hand while saying what the inputs match", () => {
    const d = decideWhatIf(matrix, actual, {regime: "crisis_mode"});
    expect(d.regime).toBe("crisis_mode");
    expect(d.limits.maxBetaDelta).toBe(0);
    expect(d.decidedBy.reason).toBe("picked");
    expect(d.matched).toEqual(["neutral_volatility"]);
    expect(() => decideWhatIf(matrix, actual, {regime: "panic"})).toThrow('no regime "panic"');
  });
});
