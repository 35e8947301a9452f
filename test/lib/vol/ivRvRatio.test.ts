import {describe, expect, it} from "vitest";
import {ivRvRatio, rvWindowDaysForIvHorizon} from "../../../lib/vol/ivRvRatio.js";

describe("rvWindowDaysForIvHorizon / ivRvRatio", () => {
  it("matches 30 calendar days with 21 trading days (30 × 252/365 = 20.7), 365 with 252", () => {
    expect([9, 30, 60, 90, 365].map(rvWindowDaysForIvHorizon)).toEqual([6, 21, 41, 62, 252]);
    expect(() => rvWindowDaysForIvHorizon(0)).toThrow(RangeError);
  });
  it("divides per slot; NaN where RV is missing or zero", () => {
    expect(Array.from(ivRvRatio([0.2, 0.2, 0.3], [0.1, NaN, 0]))).toEqual([2, NaN, NaN]);
  });
});
