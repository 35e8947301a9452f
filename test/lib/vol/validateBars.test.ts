import {describe, expect, it} from "vitest";
import {parseCboeIndexHistory} from "../../../lib/io/cboeIndexHistory.js";
import {validateBars} from "../../../lib/vol/validateBars.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const bar = (date: string, open: number, high: number, low: number, close: number) => ({date, open, high, low, close});

describe("validateBars(bars)", () => {
  it("reports each kind of bad bar and marks it unusable; gaps and flat bars are warnings", () => {
    const {issues, usable, gapBefore} = validateBars([
      bar("2023-09-11", 10, 11, 9, 10),
      bar("2023-09-12", 12, 11, 9, 10), // open above high
      bar("2023-09-13", 10, 11, 9, NaN), // missing close
      bar("2023-09-14", 0, 11, 9, 10), // non-positive open (also outside range)
      bar("2023-09-14", 10, 11, 9, 10), // repeated date
      bar("2023-09-20", 10, 10, 10, 10) // 6-day gap, flat bar
    ]);
    expect(Array.from(usable)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(Array.from(gapBefore)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(issues.map((x) => `${x.index}:${x.kind}:${x.severity}`)).toEqual([
      "1:open-outside-range:error",
      "2:missing-value:error",
      "3:non-positive:error",
      "3:open-outside-range:error",
      "4:date-not-increasing:error",
      "5:no-range:warning",
      "5:gap:warning"
    ]);
    expect(issues[0].detail).toBe("open 12 outside low 9 - high 11");
  });
  it("does not flag a normal long weekend (Friday to Tuesday = 4 days)", () => {
    expect(validateBars([bar("2023-09-01", 1, 1.1, 0.9, 1), bar("2023-09-05", 1, 1.1, 0.9, 1)]).issues).toEqual([]);
  });
});

describeWithSharedData("validateBars on CBOE's VIX history", () => {
  it("finds the quirks SOURCES.md lists: 47 opens outside high-low (1992-2006) and 506 close-only flat rows", () => {
    const vix = parseCboeIndexHistory(readSharedText("vix/VIX_History.csv"), {file: "VIX_History.csv", index: "VIX"});
    const {issues} = validateBars(vix);
    const openOutside = issues.filter((x) => x.kind === "open-outside-range");
    expect(openOutside.length).toBe(47);
    expect(openOutside[0]).toMatchObject({date: "1992-02-11", detail: "open 19.24 outside low 17.61 - high 18.57"});
    expect(openOutside.at(-1)?.date).toBe("2006-02-08");
    expect(issues.filter((x) => x.kind === "no-range" && x.date <= "2004-06-11").length).toBe(506);
  });
});
