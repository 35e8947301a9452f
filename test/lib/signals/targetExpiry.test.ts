import {describe, expect, it} from "vitest";
import {targetExpiry} from "../../../lib/signals/targetExpiry.js";

const e = (expiry: string, days: number) => ({expiry, days});

describe("targetExpiry(expiries, {targetDays})", () => {
  it("picks the expiry nearest 45 days", () => {
    // |28 - 45| = 17 > |56 - 45| = 11
    const list = [e("2026-11-27", 7), e("2026-12-18", 28), e("2027-01-15", 56), e("2027-02-19", 91)];
    expect(targetExpiry(list)?.expiry).toBe("2027-01-15");
    expect(targetExpiry(list, {targetDays: 30})?.expiry).toBe("2026-12-18");
  });
  it("takes the earlier expiry on a tie and skips expired ones", () => {
    expect(targetExpiry([e("b", 50), e("a", 40)])?.expiry).toBe("a");
    expect(targetExpiry([e("x", -1), e("y", 0), e("z", 200)])?.expiry).toBe("z");
  });
  it("is undefined with nothing left to trade", () => {
    expect(targetExpiry([])).toBeUndefined();
    expect(targetExpiry([e("x", 0)])).toBeUndefined();
  });
});
