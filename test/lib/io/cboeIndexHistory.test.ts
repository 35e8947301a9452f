import {describe, expect, it} from "vitest";
import {parseCboeIndexHistory} from "../../../lib/io/cboeIndexHistory.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

describe("parseCboeIndexHistory(text, {file, index})", () => {
  it("reads the OHLC layout, MM/DD/YYYY dates, CRLF and a trailing blank line", () => {
    const text = "DATE,OPEN,HIGH,LOW,CLOSE\r\n09/14/2023,13.53,13.68,12.81,12.82\r\n09/15/2023,13.41,14.06,13.38,13.79\r\n\r\n";
    expect(parseCboeIndexHistory(text, {file: "VIX_History.csv", index: "VIX"})).toEqual([
      {index: "VIX", date: "2023-09-14", open: 13.53, high: 13.68, low: 12.81, close: 12.82, source: "cboe"},
      {index: "VIX", date: "2023-09-15", open: 13.41, high: 14.06, low: 13.38, close: 13.79, source: "cboe"}
    ]);
  });
  it("reads the close-only layout DATE,<NAME> with NaN open/high/low", () => {
    const [row] = parseCboeIndexHistory("DATE,VVIX\n03/06/2006,71.730000\n", {file: "VVIX_History.csv", index: "VVIX"});
    expect(row).toMatchObject({index: "VVIX", date: "2006-03-06", close: 71.73});
    expect(row.open).toBeNaN();
    expect(row.high).toBeNaN();
  });
  it("names file, line and column for a bad number", () => {
    const text = "DATE,OPEN,HIGH,LOW,CLOSE\n09/14/2023,13.53,n/x,12.81,12.82\n";
    expect(() => parseCboeIndexHistory(text, {file: "VIX_History.csv", index: "VIX"})).toThrow(
      'VIX_History.csv: line 2, column 3 (HIGH): expected a number, got "n/x"'
    );
  });
  it("names file, line and column for a bad date, a missing close and decreasing dates", () => {
    const opts = {file: "X.csv", index: "X"};
    expect(() => parseCboeIndexHistory("DATE,X\n13/45/2023,1\n", opts)).toThrow("X.csv: line 2, column 1 (DATE)");
    expect(() => parseCboeIndexHistory("DATE,X\n01/02/2023,\n", opts)).toThrow('X.csv: line 2, column 2 (X): expected a number, got ""');
    expect(() => parseCboeIndexHistory("DATE,X\n01/03/2023,1\n01/02/2023,1\n", opts)).toThrow(
      "X.csv: line 3, column 1 (DATE): dates must strictly increase: 2023-01-02 after 2023-01-03"
    );
    expect(() => parseCboeIndexHistory("Date;Open\n", opts)).toThrow("X.csv: line 1");
  });
});

describeWithSharedData("parseCboeIndexHistory on CBOE's files (../shared/data/vix)", () => {
  it("reads every row of VIX, VIX3M, VIX9D, VVIX, SKEW with the counts in SOURCES.md", () => {
    const counts: Record<string, number> = {VIX: 9234, VIX3M: 4235, VIX9D: 3909, VVIX: 5066, SKEW: 9189};
    for (const [index, n] of Object.entries(counts)) {
      const rows = parseCboeIndexHistory(readSharedText(`vix/${index}_History.csv`), {file: `${index}_History.csv`, index});
      expect(rows.length).toBe(n);
    }
  });
  it("has the VIX peak close 82.69 on 2020-03-16 and the 2023-09-14 close", () => {
    const rows = parseCboeIndexHistory(readSharedText("vix/VIX_History.csv"), {file: "VIX_History.csv", index: "VIX"});
    const peak = rows.reduce((a, b) => (b.close > a.close ? b : a));
    expect(peak).toMatchObject({date: "2020-03-16", close: 82.69});
    expect(rows.find((r) => r.date === "2023-09-14")?.close).toBeCloseTo(12.82, 6);
  });
});
