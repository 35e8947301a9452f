import {describe, expect, it} from "vitest";
import {classifyRegimeSeries} from "../../../lib/regime/classifyRegimeSeries.js";
import {parseRiskMatrix} from "../../../lib/regime/parseRiskMatrix.js";
import {summarizeRegimeDays} from "../../../lib/regime/summarizeRegimeDays.js";

const matrix = parseRiskMatrix(
  `regimes:
  neutral_volatility: {condition: "VIX <= 22", limits: {max_beta_delta: 1, max_negative_vega: -1, min_daily_theta: 1, max_gamma: 1, allowed_strategies: []}}
  high_volatility: {condition: "VIX > 22 and VIX < 30", limits: {max_beta_delta: 1, max_negative_vega: -1, min_daily_theta: 1, max_gamma: 1, allowed_strategies: []}}
`,
  "two.yaml"
);

describe("summarizeRegimeDays(days, severityOrder)", () => {
  it("counts regimes, matches, fallback, undecidable days and changes", () => {
    const vix = [20, 25, undefined, 31, 20];
    const days = classifyRegimeSeries(
      matrix,
      vix.map((v, i) => ({date: `2024-02-0${i + 1}`, inputs: v === undefined ? {} : {VIX: v}}))
    );
    expect(summarizeRegimeDays(days, matrix.severityOrder)).toEqual({
      days: 5,
      firstDate: "2024-02-01",
      lastDate: "2024-02-05",
      byRegime: {high_volatility: 1, neutral_volatility: 4}, // day 3 (no VIX) and day 4 (VIX 31) fall back
      matchedByRegime: {high_volatility: 1, neutral_volatility: 2},
      fallbackDays: 2,
      undecidableDays: 1,
      uncertainDays: 1,
      changes: 2
    });
  });
});
