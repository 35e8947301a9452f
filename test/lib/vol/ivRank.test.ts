import {describe, expect, it} from "vitest";
import {parseCboeIndexHistory} from "../../../lib/io/cboeIndexHistory.js";
import {ivRank, rollingIvRank} from "../../../lib/vol/ivRank.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

describe("ivRank(ivs, {index, windowDays})", () => {
  it("hand-checked: window [10, 20, 15, 30, 18]", () => {
    // min 10, max 30: rank (18-10)/(30-10) = 0.4; other days below 18: 10 and 15 → 2/4 = 0.5
    expect(ivRank([10, 20, 15, 30, 18], {windowDays: 5})).toEqual({
      iv: 18, rank: 0.4, percentile: 0.5, min: 10, max: 30, daysUsed: 5, windowDays: 5, complete: true
    });
  });
  it("uses only the trailing window and says how many days it used", () => {
    expect(ivRank([100, 10, 20, 15], {windowDays: 3})).toMatchObject({rank: 0.5, min: 10, max: 20, daysUsed: 3, complete: true});
    expect(ivRank([10, NaN, 20], {windowDays: 252})).toMatchObject({rank: 1, percentile: 1, daysUsed: 2, complete: false});
  });
  it("is NaN when the window is flat or too short", () => {
    expect(ivRank([5, 5, 5]).rank).toBeNaN();
    expect(ivRank([5]).percentile).toBeNaN();
  });
});

describeWithSharedData("ivRank on CBOE's VIX closes", () => {
  const vix = parseCboeIndexHistory(readSharedText("vix/VIX_History.csv"), {file: "VIX_History.csv", index: "VIX"});
  const closes = vix.map((r) => r.close);
  const at = (date: string) => vix.findIndex((r) => r.date === date);
  it("2020-03-16 (record close 82.69) is rank 1 and percentile 1 over 252 days", () => {
    expect(ivRank(closes, {index: at("2020-03-16")})).toMatchObject({iv: 82.69, rank: 1, percentile: 1, max: 82.69, daysUsed: 252});
  });
  it("2023-09-14 (12.82) ranks near the bottom of its year, checked against min/max of the window by hand", () => {
    const i = at("2023-09-14");
    const window = closes.slice(i - 251, i + 1);
    const [min, max] = [Math.min(...window), Math.max(...window)];
    const r = ivRank(closes, {index: i});
    expect(r.rank).toBeCloseTo((12.82 - min) / (max - min), 12);
    expect(r.percentile).toBeCloseTo(window.filter((v) => v < 12.82).length / 251, 12);
    expect(r.rank).toBeLessThan(0.05);
  });
  it("the first day of history uses 1 day and has no rank; rollingIvRank matches ivRank", () => {
    const rolling = rollingIvRank(closes.slice(0, 300), {windowDays: 252});
    expect(rolling.daysUsed[0]).toBe(1);
    expect(rolling.rank[0]).toBeNaN();
    expect(rolling.rank[299]).toBe(ivRank(closes, {index: 299}).rank);
  });
});
