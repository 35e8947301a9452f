import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {DEFAULT_PREMIUM_SIGNAL_THRESHOLDS, premiumSignal, premiumSignalRules} from "../../../lib/signals/premiumSignal.js";

const rich = {ivPercentile: 0.9, ivRvRatio: 1.5, termState: "contango" as const, putSkew: 1.3};

describe("premiumSignal(inputs)", () => {
  it("gives five stars when every rule holds and none when none does", () => {
    expect(premiumSignal(rich).stars).toBe(5);
    const poor = premiumSignal({ivPercentile: 0.1, ivRvRatio: 0.8, termState: "backwardation", putSkew: 1.0});
    expect(poor.stars).toBe(0);
    expect(poor.missing).toBe(0);
    expect(poor.checks.every((c) => c.met === false)).toBe(true);
  });
  it("counts the IV percentile twice: above the median, and in the top fifth", () => {
    // 0.6: rich (+1) but not high; IV/RV 1.2 and skew 1.1 sit exactly on their thresholds (inclusive, +2); flat: 0
    const s = premiumSignal({ivPercentile: 0.6, ivRvRatio: 1.2, termState: "flat", putSkew: 1.1});
    expect(s.checks.map((c) => [c.id, c.met])).toEqual([
      ["iv-percentile-rich", true],
      ["iv-percentile-high", false],
      ["iv-over-rv", true],
      ["contango", false],
      ["put-skew", true]
    ]);
    expect(s.stars).toBe(3);
  });
  it("scores a missing input as not met and counts it", () => {
    const s = premiumSignal({ivPercentile: NaN, ivRvRatio: 1.5, termState: "unknown", putSkew: NaN});
    expect(s.stars).toBe(1);
    expect(s.missing).toBe(4);
    expect(s.checks.filter((c) => c.met === null).map((c) => c.id)).toEqual(["iv-percentile-rich", "iv-percentile-high", "contango", "put-skew"]);
  });
  it("writes the thresholds into the rules' text", () => {
    const rules = premiumSignalRules({...DEFAULT_PREMIUM_SIGNAL_THRESHOLDS, ivRvMin: 1.3});
    expect(rules.map((r) => r.id)).toEqual(["iv-percentile-rich", "iv-percentile-high", "iv-over-rv", "contango", "put-skew"]);
    expect(rules[2].rule).toContain("IV/RV ≥ 1.30");
    expect(rules[0].rule).toContain("≥ 50%");
  });
  it("never scores fewer stars when IV percentile or IV/RV rises (monotone)", () => {
    const unit = fc.double({min: 0, max: 1, noNaN: true});
    fc.assert(
      fc.property(unit, unit, fc.double({min: 0.3, max: 3, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}), (p, dp, ratio, dr) => {
        const base = {ivPercentile: p, ivRvRatio: ratio, termState: "flat" as const, putSkew: 1.05};
        const up = {...base, ivPercentile: Math.min(1, p + dp), ivRvRatio: ratio + dr};
        expect(premiumSignal(up).stars).toBeGreaterThanOrEqual(premiumSignal(base).stars);
      })
    );
  });
});
