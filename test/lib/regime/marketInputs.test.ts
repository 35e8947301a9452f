import {describe, expect, it} from "vitest";
import {resolveInputs} from "../../../lib/regime/marketInputs.js";

describe("resolveInputs(inputs)", () => {
  it("derives TermStructure = VIX3M / VIX, exact in decimal at the 1.10 boundary", () => {
    expect(resolveInputs({VIX: 14, VIX3M: 15.4})("TermStructure")).toEqual({ok: true, value: 1.1});
    // 24.2 / 22 is 1.0999999999999999 in doubles; the decimal quotient is exactly 1.1
    expect(24.2 / 22).not.toBe(1.1);
    expect(resolveInputs({VIX: 22, VIX3M: 24.2})("TermStructure")).toEqual({ok: true, value: 1.1});
    expect(resolveInputs({VIX: 20, VIX3M: 21})("TermStructure")).toEqual({ok: true, value: 1.05});
  });
  it("prefers a given TermStructure and explains a missing derivation", () => {
    expect(resolveInputs({VIX: 20, VIX3M: 21, TermStructure: 0.9})("TermStructure")).toEqual({ok: true, value: 0.9});
    expect(resolveInputs({VIX3M: 21})("TermStructure")).toEqual({ok: false, reason: "= VIX3M/VIX, VIX missing"});
    expect(resolveInputs({VIX: 20, VIX3M: {value: 21, stale: true}})("TermStructure")).toEqual({ok: false, reason: "= VIX3M/VIX, VIX3M stale"});
    expect(resolveInputs({VIX: 0, VIX3M: 21})("TermStructure")).toEqual({ok: false, reason: "= VIX3M/VIX, VIX not positive"});
  });
  it("treats NaN as missing, flagged or old inputs as stale", () => {
    expect(resolveInputs({VIX: NaN})("VIX")).toEqual({ok: false, reason: "missing"});
    expect(resolveInputs({VIX: {value: 20, stale: true}})("VIX")).toEqual({ok: false, reason: "stale"});
    const inputs = {VIX: {value: 20, asOfMs: 1_000}, VVIX: {value: 90, asOfMs: 5_000}};
    const lookup = resolveInputs(inputs, {asOfMs: 6_000, maxInputAgeMs: 2_000});
    expect(lookup("VIX")).toEqual({ok: false, reason: "stale"});
    expect(lookup("VVIX")).toEqual({ok: true, value: 90});
  });
});
