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
    // "-1" starts at column 43 of line 3
    expect(() => parseWatchlist(text, "w.yaml")).toThrow("w.yaml:3:43 symbols[0].demo.beta: expected a finite number >= 0, got -1");
  });
  it("rejects unknown keys, duplicates and YAML syntax errors with their positions", () => {
    const spy = "{beta: 1, idioVol: 0, divYield: 0, anchorPrice: 1, trendGrowth: 0, strikeStep: 1, spreadTicks: 1, avgVolume: 1}";
    const typo = `anchorDate: "2026-11-20"\nsymbols:\n  - symbol: SPY\n    kind: etf\n    demo: ${spy}\n    earning: {}\n`;
    expect(() => parseWatchlist(typo, "w.yaml")).toThrow('w.yaml:6:14 symbols[0].earning: unknown key "earning"; expected one of symbol, kind, demo, earnings');
    const twice = `anchorDate: "2026-11-20"\nsymbols:\n  - {symbol: SPY, kind: etf, demo: ${spy}}\n  - {symbol: SPY, kind: etf, demo: ${spy}}\n`;
    expect(() => parseWatchlist(twice, "w.yaml")).toThrow("w.yaml:4:14 symbols[1].symbol: SPY is listed twice");
    expect(() => parseWatchlist('anchorDate: "2026-11-20\nsymbols: [', "w.yaml")).toThrow(/^w\.yaml:2:11 \(root\): Missing closing "quote/); // the parser reports it where the input ends
  });
  it("requires SPY, the market factor", () => {
    const text = `anchorDate: "2026-11-20"\nsymbols:\n  - {symbol: QQQ, kind: etf, demo: {beta: 1, idioVol: 0, divYield: 0, anchorPrice: 1, trendGrowth: 0, strikeStep: 1, spreadTicks: 1, avgVolume: 1}}\n`;
    expect(() => parseWatchlist(text)).toThrow(/SPY is required/);
  });
});
