import {describe, expect, it} from "vitest";
import {parseCboeQuotedata} from "../../../lib/io/cboeQuotedata.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const HEAD = [
  "",
  "SPDR S&P 500 ETF Trust,Last: 450.81,Change:  3.85",
  '"Date: September 14, 2023 at 4:31 PM EDT",Bid: 450.81,Ask: 450.83,Size: 9*11,"Volume: 71,039,449"',
  "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest"
].join("\n");

describe("parseCboeQuotedata(text, {file})", () => {
  it("reads the underlying header and both sides of a row by position around Strike", () => {
    const row = "Fri Sep 15 2023,SPY230915C00450000,1.8,0.5,1.76,1.79,1000,0.1201,0.6,0.1,\"1,234\",450.00,SPY230915P00450000,0.6,-1,0.6,0.61,900,0,0.4,0.1,5";
    const {underlying, quotes} = parseCboeQuotedata(`${HEAD}\n${row}\n`, {file: "q.csv"});
    // 4:31 PM EDT = 20:31 UTC
    expect(underlying).toEqual({
      name: "SPDR S&P 500 ETF Trust", symbol: "SPY", last: 450.81, change: 3.85, bid: 450.81, ask: 450.83,
      asOfMs: Date.UTC(2023, 8, 14, 20, 31), asOfText: "September 14, 2023 at 4:31 PM EDT"
    });
    expect(quotes[0]).toMatchObject({symbol: "SPY230915C00450000", expiry: "2023-09-15", strike: 450, right: "C", bid: 1.76, ask: 1.79, vendorIv: 0.1201, openInterest: 1234});
    expect(quotes[1]).toMatchObject({symbol: "SPY230915P00450000", right: "P", bid: 0.6, ask: 0.61, openInterest: 5});
    expect(quotes[1].vendorIv).toBeNaN(); // CBOE's 0 = not computed
  });
  it("fails naming file, line and column", () => {
    const bad = "Fri Sep 15 2023,SPY230915C00450000,1.8,0.5,x,1.79,1000,0.12,0.6,0.1,1,450.00,SPY230915P00450000,0.6,-1,0.6,0.61,900,0,0.4,0.1,5";
    expect(() => parseCboeQuotedata(`${HEAD}\n${bad}\n`, {file: "q.csv"})).toThrow('q.csv: line 5, column 5 (bid): expected a number, got "x"');
    expect(() => parseCboeQuotedata("\nfoo,bar\n", {file: "q.csv"})).toThrow("q.csv: line 2: expected");
  });
});

describeWithSharedData("parseCboeQuotedata on the SPY 2023-09-14 download", () => {
  it("reads 3,646 rows = 7,292 contracts over 31 expiries, last 450.81", () => {
    const {underlying, quotes} = parseCboeQuotedata(readSharedText("options/spy_quotedata_2023-09-14.csv"), {file: "spy_quotedata_2023-09-14.csv"});
    expect(quotes.length).toBe(7292);
    expect(new Set(quotes.map((q) => q.expiry)).size).toBe(31);
    expect(underlying.last).toBe(450.81);
    // SOURCES.md: 875 of the 3,646 call IVs are 0
    expect(quotes.filter((q) => q.right === "C" && Number.isNaN(q.vendorIv)).length).toBe(875);
  });
});
