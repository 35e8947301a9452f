import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {isSnapshotFile, readIndexHistory, readLevels, readOhlcFile, readPrices, readSnapshotRows, readText, requireColumns, withParseErrors} from "../../cli/files.js";
import {SourceError} from "../../data-loaders/shared/sourceError.js";
import {TextParseError} from "../../lib/io/textParseError.js";
import {describeWithSharedData, sharedDataPath} from "../helpers/sharedData.js";
import {usageErrorOf} from "./usageErrorOf.js";

const dir = mkdtempSync(join(tmpdir(), "voldesk-files-"));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("readText", () => {
  it("returns the text, or names the file and the error code", () => {
    expect(readText(file("a.txt", "héllo\n"))).toBe("héllo\n");
    const missing = join(dir, "missing.csv");
    expect(usageErrorOf(() => readText(missing))).toBe(`${missing}: cannot read (ENOENT)`);
    expect(usageErrorOf(() => readText(missing, "missing.csv"))).toBe("missing.csv: cannot read (ENOENT)");
    expect(usageErrorOf(() => readText(dir, "a folder"))).toBe("a folder: cannot read (EISDIR)");
  });
});

describe("withParseErrors", () => {
  it("turns TextParseError and SourceError into a UsageError with the same message; passes anything else", () => {
    const throwing = (error: Error) => () =>
      withParseErrors(() => {
        throw error;
      });
    const text = new TextParseError("x.csv", 3, 2, 'expected a number, got "n/a"', "HIGH");
    expect(usageErrorOf(throwing(text))).toBe('x.csv: line 3, column 2 (HIGH): expected a number, got "n/a"');
    expect(usageErrorOf(throwing(new SourceError("deribit", "result[0].size", "expected finite number")))).toBe("deribit: result[0].size: expected finite number");
    const other = new RangeError("boom");
    expect(throwing(other)).toThrow(other);
    expect(withParseErrors(() => 42)).toBe(42);
  });
});

describe("snapshots", () => {
  const arrowPath = file("bars.arrow", tableToIPC(tableFromArrays({date: ["2024-01-02", "2024-01-03"], open: [1, 2], high: [2, 3], low: [0.5, 1.5], close: [1.5, 2.5], volume: new BigInt64Array([10n, 20n])}), "file"));
  it("isSnapshotFile knows .parquet, .arrow and .feather in any case", () => {
    expect(["a.parquet", "a.ARROW", "a.feather", "a.csv", "parquet"].map(isSnapshotFile)).toEqual([true, true, true, false, false]);
  });
  it("readSnapshotRows gives plain rows with bigints as numbers", () => {
    expect(readSnapshotRows(arrowPath)).toEqual([
      {date: "2024-01-02", open: 1, high: 2, low: 0.5, close: 1.5, volume: 10},
      {date: "2024-01-03", open: 2, high: 3, low: 1.5, close: 2.5, volume: 20}
    ]);
    expect(usageErrorOf(() => readSnapshotRows(file("junk.arrow", "not arrow")))).toMatch(/^junk\.arrow: not a readable arrow snapshot: /);
    expect(usageErrorOf(() => readSnapshotRows(join(dir, "none.parquet")))).toBe(`${join(dir, "none.parquet")}: cannot read (ENOENT)`);
  });
  it("requireColumns names the row type and the missing columns", () => {
    expect(() => requireColumns([{a: 1, b: 2}], ["a", "b"], "/x/q.parquet", "OptionQuoteRow")).not.toThrow();
    expect(usageErrorOf(() => requireColumns([{a: 1}], ["a", "b", "c"], "/x/q.parquet", "OptionQuoteRow"))).toBe("q.parquet: not an OptionQuoteRow snapshot (missing b, c)");
    expect(usageErrorOf(() => requireColumns([], ["a"], "/x/q.arrow", "OhlcBarRow"))).toBe("q.arrow: not an OhlcBarRow snapshot (missing a)");
  });
  it("readOhlcFile reads an OhlcBarRow snapshot, naming the symbol", () => {
    expect(readOhlcFile(arrowPath, "T")[1]).toEqual({symbol: "T", date: "2024-01-03", open: 2, high: 3, low: 1.5, close: 2.5, volume: 20, source: "file"});
    const noOpen = file("closes.arrow", tableToIPC(tableFromArrays({date: ["2024-01-02"], close: [1]}), "file"));
    expect(usageErrorOf(() => readOhlcFile(noOpen, "T"))).toBe("closes.arrow: not an OhlcBarRow snapshot (missing open, high, low)");
  });
  it("readLevels reads date and close from a snapshot", () => {
    expect(readLevels(arrowPath, "X")).toEqual([
      {index: "X", date: "2024-01-02", open: NaN, high: NaN, low: NaN, close: 1.5, source: "file"},
      {index: "X", date: "2024-01-03", open: NaN, high: NaN, low: NaN, close: 2.5, source: "file"}
    ]);
  });
});

describe("CSV readers", () => {
  it("readOhlcFile reads a CSV in any column order and reports file, line and column", () => {
    const path = file("t.csv", "Date,Close,High,Low,Open\n2024-01-02,101,102,99,100\n");
    expect(readOhlcFile(path, "T")).toEqual([{symbol: "T", date: "2024-01-02", open: 100, high: 102, low: 99, close: 101, volume: NaN, source: "file"}]);
    const bad = file("bad.csv", "Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,oops\n");
    expect(usageErrorOf(() => readOhlcFile(bad, "T"))).toBe('bad.csv: line 2, column 5 (close): expected a number, got "oops"');
  });
  it("readLevels reads CBOE's two layouts and a Date/Close CSV", () => {
    const cboe = file("VIX_History.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,13,14,12,13.2\n");
    const twoColumns = file("VVIX_History.csv", "DATE,VVIX\n01/02/2024,80.5\n");
    const own = file("iv.csv", "Date,Close\n2024-01-02,0.21\n");
    expect(readLevels(cboe, "VIX").map((r) => [r.index, r.date, r.close])).toEqual([["VIX", "2024-01-02", 13.2]]);
    expect(readLevels(twoColumns, "VVIX").map((r) => [r.index, r.date, r.close])).toEqual([["VVIX", "2024-01-02", 80.5]]);
    expect(readLevels(own, "IV30").map((r) => [r.index, r.date, r.close])).toEqual([["IV30", "2024-01-02", 0.21]]);
  });
  it("readIndexHistory names the file as shown in its errors", () => {
    const bad = file("VIX9D_History.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2024,1,1,1,n/a\n");
    expect(usageErrorOf(() => readIndexHistory(bad, "VIX9D", "hist/VIX9D_History.csv"))).toMatch(/^hist\/VIX9D_History\.csv: line 2, column 5 \(CLOSE\): /);
  });
  it("readPrices reads a folder of OHLC CSVs by symbol (BTC_USD.csv is BTC)", () => {
    const prices = join(dir, "prices");
    mkdirSync(prices);
    writeFileSync(join(prices, "spy.csv"), "Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1.5\n2024-01-03,1,2,0.5,1.75\n");
    writeFileSync(join(prices, "BTC_USD.csv"), "Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,42000\n");
    writeFileSync(join(prices, "notes.txt"), "ignored");
    expect(readPrices(prices, "prices")).toEqual({
      SPY: [{date: "2024-01-02", close: 1.5}, {date: "2024-01-03", close: 1.75}],
      BTC: [{date: "2024-01-02", close: 42000}]
    });
    expect(usageErrorOf(() => readPrices(join(dir, "nope"), "nope"))).toBe("nope: cannot read the folder (ENOENT)");
    writeFileSync(join(prices, "QQQ.csv"), "Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,x\n");
    expect(usageErrorOf(() => readPrices(prices, "prices"))).toBe('prices/QQQ.csv: line 2, column 5 (close): expected a number, got "x"');
  });
});

describeWithSharedData("file readers on the real data", () => {
  it("SPY.csv (Yahoo column order) on 2023-09-14 and VIX_History.csv on 2020-03-16", () => {
    const spy = readOhlcFile(sharedDataPath("ohlc/SPY.csv"), "SPY").find((b) => b.date === "2023-09-14");
    // the row in ohlc/SPY.csv: 2023-09-14,450.3599853515625,451.0799865722656,447.7200012207031,449.07000732421875,83430800
    expect(spy).toMatchObject({open: 449.07000732421875, high: 451.0799865722656, low: 447.7200012207031, close: 450.3599853515625, volume: 83430800});
    const vix = readLevels(sharedDataPath("vix/VIX_History.csv"), "VIX").find((r) => r.date === "2020-03-16");
    expect(vix).toMatchObject({index: "VIX", close: 82.69});
  });
});
