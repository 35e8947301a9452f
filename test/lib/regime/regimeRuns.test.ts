import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {regimeRuns} from "../../../lib/regime/regimeRuns.js";

describe("regimeRuns(days)", () => {
  it("collapses consecutive days of one regime", () => {
    const days = [
      {date: "2026-01-02", regime: "neutral"},
      {date: "2026-01-05", regime: "neutral"},
      {date: "2026-01-06", regime: "high"},
      {date: "2026-01-07", regime: "neutral"}
    ];
    expect(regimeRuns(days)).toEqual([
      {regime: "neutral", startDate: "2026-01-02", endDate: "2026-01-05", untilDate: "2026-01-06", days: 2},
      {regime: "high", startDate: "2026-01-06", endDate: "2026-01-06", untilDate: "2026-01-07", days: 1},
      {regime: "neutral", startDate: "2026-01-07", endDate: "2026-01-07", untilDate: "2026-01-07", days: 1}
    ]);
    expect(regimeRuns([])).toEqual([]);
  });
  it("keeps every day and alternates regimes between runs", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c"), {maxLength: 60}), (regimes) => {
        const days = regimes.map((regime, i) => ({date: `d${String(i).padStart(3, "0")}`, regime}));
        const runs = regimeRuns(days);
        expect(runs.reduce((n, r) => n + r.days, 0)).toBe(days.length);
        runs.forEach((r, i) => i > 0 && expect(r.regime).not.toBe(runs[i - 1].regime));
      })
    );
  });
});
