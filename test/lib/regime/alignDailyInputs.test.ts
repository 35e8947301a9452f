import {describe, expect, it} from "vitest";
import {alignDailyInputs} from "../../../lib/regime/alignDailyInputs.js";

describe("alignDailyInputs(seriesByInput, constant)", () => {
  it("joins by date over the union, sorted, leaving gaps missing", () => {
    const rows = alignDailyInputs({
      VIX: [
        {date: "2024-01-02", close: 13},
        {date: "2024-01-03", close: 14}
      ],
      VVIX: [
        {date: "2024-01-03", close: 80},
        {date: "2024-01-01", close: NaN}
      ]
    });
    expect(rows).toEqual([
      {date: "2024-01-02", inputs: {VIX: 13}},
      {date: "2024-01-03", inputs: {VIX: 14, VVIX: 80}}
    ]);
  });
  it("adds constants to every day and lets them replace a series", () => {
    const rows = alignDailyInputs({VIX: [{date: "2024-01-02", close: 13}], VVIX: [{date: "2024-01-02", close: 80}]}, {VVIX: 200, Polymarket_Recession_Prob: 0.2});
    expect(rows).toEqual([{date: "2024-01-02", inputs: {VIX: 13, VVIX: 200, Polymarket_Recession_Prob: 0.2}}]);
  });
});
