import {describe, expect, it} from "vitest";
import {loadWatchlist, parseWatchlist} from "../../../data-loaders/demo/watchlist.js";

describe("watchlist config", () => {
  it("ships the required symbols with their demo parameters", () => {
    const wl = loadWatchlist();
    const symbols = wl.symbols.map((s) => s.symbol);
    for (const s of ["SPY", "QQQ", "IWM", "XLF", "XLE", "XLK", "AAPL", "MSFT", "NVDA", "TSLA", "BTC", "ETH"]) expect(symbols).toContain(s);
    expect(wl.symbols.filter((s) => s.earnings).map((s) => s.symbol)).toEqual(["AAPL", "MSFT", "NVDA", "TSLA"]);
    expect(wl.symbols.find((s) => s.symbol === "SPY")!.demo.beta).toBe(1);
  });
  it("names file, path and value of a bad field", () => {
    const text = `anchorDate: "2026-11-20"\nsymbols:\n  - {symbol: SPY, kind: etf, demo: {beta: -1, idioVol: 0, divYield: 0, anchorPrice: 1, trendGrowth: 0, strikeStep: 1, spreadTicks: 1, avgVolume: 1}}\n`;
    expect(() => parseWatchlist(text, "w.yaml")).toThrow("w.yaml: symbols[0].demo.beta: expected a finite number >= 0, got -1");
  });
  it("requires SPY, the market factor", () => {
    const text = `anchorDate: "2026-11-20"\nsymbols:\n  - {symbol: QQQ, kind: etf, demo: {beta: 1, idioVol: 0, divYield: 0, anchorPrice: 1, trendGrowth: 0, strikeStep: 1, spreadTicks: 1, avgVolume: 1}}\n`;
    expect(() => parseWatchlist(text)).toThrow(/SPY is required/);
  });
});
