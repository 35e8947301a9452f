import {describe, expect, it} from "vitest";
import {parseOhlcCsv} from "../../../lib/io/ohlcCsv.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const opts = {file: "x.csv", symbol: "SPY"};

describe("parseOhlcCsv(text, {file, symbol})", () => {
  it("reads Yahoo's column order and keeps Close, not Adj Close", () => {
    const text = "Date,Open,High,Low,Close,Adj Close,Volume\n2023-09-14,449.07,451.08,447.72,450.36,437.1,83430800\n";
    expect(parseOhlcCsv(text, opts)).toEqual([
      {symbol: "SPY", date: "2023-09-14", open: 449.07, high: 451.08, low: 447.72, close: 450.36, volume: 83430800, source: "file"}
    ]);
  });
  it("detects ';' with decimal commas, thousands points and day/month dates, and reverses newest-first files", () => {
    const text = "date;Close;High;Low;Open;Volume\n" + "15/09/2023;1.443,5;1.450,0;1.440,25;1.449,0;1.000\n14/09/2023;1.450,36;1.451,08;1.447,72;1.449,07;2.000\n";
    const bars = parseOhlcCsv(text, opts);
    expect(bars.map((b) => [b.date, b.close, b.low, b.volume])).toEqual([
      ["2023-09-14", 1450.36, 1447.72, 2000],
      ["2023-09-15", 1443.5, 1440.25, 1000]
    ]);
  });
  it("keeps Yahoo 'null' cells as NaN for the validator, and NaN volume without a volume column", () => {
    const [bar] = parseOhlcCsv("Date,Open,High,Low,Close\n2023-09-14,null,null,null,null\n", opts);
    expect(bar.close).toBeNaN();
    expect(bar.volume).toBeNaN();
  });
  it("fails naming file, line and column", () => {
    expect(() => parseOhlcCsv("Date,Open,High,Close\n", opts)).toThrow('x.csv: line 1: no low column in header "Date,Open,High,Close"');
    expect(() => parseOhlcCsv("Date,Open,High,Low,Close\n2023-09-14,1,2,0.5,abc\n", opts)).toThrow(
      'x.csv: line 2, column 5 (close): expected a number, got "abc"'
    );
    expect(() => parseOhlcCsv("Date,Open,High,Low,Close\n2023-09-14,1,2,0.5,1\n2023-09-14,1,2,0.5,1\n2023-09-15,1,2,0.5,1\n", opts)).toThrow(
      "x.csv: line 3, column 1 (date): repeated date: 2023-09-14 after 2023-09-14"
    );
  });
});

describeWithSharedData("parseOhlcCsv on ../shared/data/ohlc/SPY.csv (Date,Close,High,Low,Open,Volume)", () => {
  it("reads 8,448 bars and the 2023-09-14 close 450.36 (SOURCES.md)", () => {
    const bars = parseOhlcCsv(readSharedText("ohlc/SPY.csv"), {file: "SPY.csv", symbol: "SPY"});
    expect(bars.length).toBe(8448);
    expect(bars.find((b) => b.date === "2023-09-14")?.close).toBeCloseTo(450.36, 4);
  });
  it("reads the newest-first DVOL file oldest first", () => {
    const bars = parseOhlcCsv(readSharedText("crypto_vol/btc_dvol.csv"), {file: "btc_dvol.csv", symbol: "DVOL_BTC"});
    expect([bars[0].date, bars.at(-1)?.date, bars.length]).toEqual(["2021-03-24", "2026-04-06", 1840]);
  });
});
