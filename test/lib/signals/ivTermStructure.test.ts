import {describe, expect, it} from "vitest";
import {ivTermStructure} from "../../../lib/signals/ivTermStructure.js";

describe("ivTermStructure({frontIv, backIv})", () => {
  it("reads back above front as contango and below as backwardation", () => {
    // 22% / 20% = 1.10; 18% / 20% = 0.90
    expect(ivTermStructure({frontIv: 0.2, backIv: 0.22})).toMatchObject({state: "contango"});
    expect(ivTermStructure({frontIv: 0.2, backIv: 0.22}).ratio).toBeCloseTo(1.1, 14);
    expect(ivTermStructure({frontIv: 0.2, backIv: 0.18}).state).toBe("backwardation");
  });
  it("calls a ratio within the flat band flat, boundaries included", () => {
    expect(ivTermStructure({frontIv: 0.2, backIv: 0.203}).state).toBe("flat"); // 1.015
    expect(ivTermStructure({frontIv: 0.25, backIv: 0.255}).state).toBe("flat"); // exactly 1.02
    expect(ivTermStructure({frontIv: 0.2, backIv: 0.203}, {flatBand: 0}).state).toBe("contango");
  });
  it("is unknown when a vol is missing or not positive", () => {
    expect(ivTermStructure({frontIv: NaN, backIv: 0.2}).state).toBe("unknown");
    expect(ivTermStructure({frontIv: 0, backIv: 0.2}).state).toBe("unknown");
    expect(ivTermStructure({frontIv: 0.2, backIv: -1}).ratio).toBeNaN();
  });
  it("rejects a negative band", () => {
    expect(() => ivTermStructure({frontIv: 0.2, backIv: 0.2}, {flatBand: -0.1})).toThrow("ivTermStructure: flatBand must be >= 0, got -0.1");
  });
});
