import {describe, expect, it} from "vitest";
import {parseCboeIndexHistory} from "../../../lib/io/cboeIndexHistory.js";
import {vixTermStructure} from "../../../lib/vol/vixTermStructure.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const row = (index: string, date: string, close: number) => ({index, date, open: NaN, high: NaN, low: NaN, close, source: "cboe" as const});

describe("vixTermStructure({vix, vix3m, vix9d})", () => {
  it("VIX3M/VIX above 1 is contango, below 1 backwardation, missing VIX3M unknown", () => {
    const rows = vixTermStructure({
      vix: [row("VIX", "2023-01-03", 20), row("VIX", "2023-01-04", 25), row("VIX", "2023-01-05", 20)],
      vix3m: [row("VIX3M", "2023-01-03", 22), row("VIX3M", "2023-01-04", 24)],
      vix9d: [row("VIX9D", "2023-01-03", 18)]
    });
    expect(rows.map((r) => [r.termStructure, r.state])).toEqual([[1.1, "contango"], [0.96, "backwardation"], [NaN, "unknown"]]);
    expect(rows[0].shortRatio).toBeCloseTo(0.9, 15);
  });
});

describeWithSharedData("vixTermStructure on CBOE's history", () => {
  const read = (index: string) => parseCboeIndexHistory(readSharedText(`vix/${index}_History.csv`), {file: `${index}_History.csv`, index});
  const rows = vixTermStructure({vix: read("VIX"), vix3m: read("VIX3M"), vix9d: read("VIX9D")});
  const on = (date: string) => rows.find((r) => r.date === date)!;
  it("2023-09-14: VIX3M 15.34 / VIX 12.82 = 1.1966, contango; VIX9D 11.80 / 12.82", () => {
    expect(on("2023-09-14").termStructure).toBeCloseTo(15.34 / 12.82, 12);
    expect(on("2023-09-14").state).toBe("contango");
    expect(on("2023-09-14").shortRatio).toBeCloseTo(11.8 / 12.82, 12);
  });
  it("2020-03-16 (COVID crash) is in backwardation", () => {
    expect(on("2020-03-16").state).toBe("backwardation");
  });
});
