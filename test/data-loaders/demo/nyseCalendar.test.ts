import {describe, expect, it} from "vitest";
import {isNyseTradingDay, nyseTradingDays} from "../../../data-loaders/demo/nyseCalendar.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

describe("isNyseTradingDay", () => {
  it("closes on the rule-based holidays, observed dates and special closures", () => {
    expect(isNyseTradingDay("2024-03-29")).toBe(false); // Good Friday 2024
    expect(isNyseTradingDay("2022-06-20")).toBe(false); // Juneteenth 2022, observed Monday
    expect(isNyseTradingDay("2021-06-18")).toBe(true); // Juneteenth not yet an NYSE holiday in 2021
    expect(isNyseTradingDay("2021-12-31")).toBe(true); // New Year 2022 fell on a Saturday: not observed on Friday
    expect(isNyseTradingDay("2020-07-03")).toBe(false); // Independence Day 2020 (Saturday) observed Friday
    expect(isNyseTradingDay("2025-01-09")).toBe(false); // national day of mourning (President Carter)
    expect(isNyseTradingDay("2026-11-21")).toBe(false); // Saturday
  });
});

describeWithSharedData("nyseTradingDays vs the real SPY history", () => {
  it("reproduces every session of ohlc/SPY.csv from 2015 to 2026-08-21 exactly", () => {
    const real = readSharedText("ohlc/SPY.csv")
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0])
      .filter((d) => d >= "2015-01-01" && d <= "2026-08-21");
    expect(nyseTradingDays("2015-01-01", "2026-08-21")).toEqual(real);
  });
});
