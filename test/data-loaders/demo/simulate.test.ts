import {describe, expect, it} from "vitest";
import {DEMO_START_DATE, simulateMarket} from "../../../data-loaders/demo/simulate.js";
import {computeMarketStats} from "../../../data-loaders/demo/stats.js";
import {loadWatchlist} from "../../../data-loaders/demo/watchlist.js";
import {loadRiskMatrix} from "../../../data-loaders/shared/riskMatrixConfig.js";

const watchlist = loadWatchlist();
const matrix = loadRiskMatrix("config/risk_matrix.yaml");

describe("simulateMarket", () => {
  it("keeps the past when the as-of date moves on (day d depends only on the seed and days <= d)", () => {
    const early = simulateMarket({seed: 5, asOf: "2023-06-30", watchlist});
    const late = simulateMarket({seed: 5, asOf: "2026-11-20", watchlist});
    const n = early.tradingDates.length;
    expect(late.tradingDates.slice(0, n)).toEqual(early.tradingDates);
    for (const [symbol, bars] of early.bars) {
      const later = late.bars.get(symbol)!;
      const m = bars.close.length;
      expect(later.close.slice(0, m), symbol).toEqual(bars.close);
      expect(later.high.slice(0, m), symbol).toEqual(bars.high);
    }
    for (const [name, series] of early.levels) expect(late.levels.get(name)!.close.slice(0, series.close.length), name).toEqual(series.close);
    expect(late.tradingDates[0]).toBe(DEMO_START_DATE);
  });
  it("differs across seeds", () => {
    const a = simulateMarket({seed: 1, asOf: "2021-01-04", watchlist});
    const b = simulateMarket({seed: 2, asOf: "2021-01-04", watchlist});
    expect(a.bars.get("SPY")!.close).not.toEqual(b.bars.get("SPY")!.close);
  });
  it("visits all four regimes for several seeds (the crisis hazard rises until a crisis happens)", () => {
    for (const seed of [1, 2, 3, 4]) {
      const sim = simulateMarket({seed, asOf: "2020-01-02", watchlist}); // the minimum five-year history
      const s = computeMarketStats(
        {
          dates: sim.tradingDates,
          spyClose: sim.bars.get("SPY")!.close,
          vix: sim.levels.get("VIX")!.close,
          vix3m: sim.levels.get("VIX3M")!.close,
          vvix: sim.levels.get("VVIX")!.close
        },
        matrix
      );
      for (const regime of Object.keys(s.regimeDays)) expect(s.regimeDays[regime], `seed ${seed} ${regime}`).toBeGreaterThan(0);
    }
  });
  it("gives at least five years of history and skips NYSE holidays for equities only", () => {
    const sim = simulateMarket({seed: 1, asOf: "2020-01-02", watchlist});
    expect(sim.tradingDates.length).toBeGreaterThan(5 * 250);
    expect(sim.bars.get("SPY")!.dates).not.toContain("2019-12-25");
    expect(sim.bars.get("BTC")!.dates).toContain("2019-12-25");
  });
  it("rejects an as-of date with less than five years of history, and a non-integer seed", () => {
    expect(() => simulateMarket({seed: 1, asOf: "2019-12-31", watchlist})).toThrow(/asOf must be >= 2020-01-02/);
    expect(() => simulateMarket({seed: 1.5, asOf: "2024-01-02", watchlist})).toThrow(RangeError);
  });
});
