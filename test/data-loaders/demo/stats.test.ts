import {beforeAll, describe, expect, it} from "vitest";
import {generateDemoMarket} from "../../../data-loaders/demo/market.js";
import {alignStatsInput, computeMarketStats, formatStatsTable, readRealStatsInput, type MarketStats} from "../../../data-loaders/demo/stats.js";
import {loadRiskMatrix} from "../../../data-loaders/shared/riskMatrixConfig.js";
import {describeWithSharedData, SHARED_DATA_DIR} from "../../helpers/sharedData.js";

const matrix = loadRiskMatrix("config/risk_matrix.yaml");

describe("computeMarketStats", () => {
  it("computes a hand-checked case", () => {
    // closes 100, 110, 99: log returns ln1.1 = 0.09531, ln0.9 = -0.10536; VIX 20 -> 15 -> 30 (changes -5, +15)
    const s = computeMarketStats(
      {dates: ["a", "b", "c"], spyClose: [100, 110, 99], vix: [20, 15, 30], vix3m: [22, 18, 27], vvix: [90, 90, 160]},
      matrix
    );
    const mean = (Math.log(1.1) + Math.log(0.9)) / 2;
    const sd = Math.sqrt(((Math.log(1.1) - mean) ** 2 + (Math.log(0.9) - mean) ** 2) / 1);
    expect(s.spyAnnualVol).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(s.vixMean).toBeCloseTo(65 / 3, 12);
    expect(s.vixP95).toBeCloseTo(20 + 0.9 * 10, 12); // h = 2*0.95 = 1.9 between 20 and 30
    expect(s.backwardationShare).toBeCloseTo(1 / 3, 12); // only 27/30 < 1
    expect(s.corrSpyReturnVixChange).toBeCloseTo(-1, 12); // two points are always perfectly (anti)correlated
    // day 1: VIX 20, ts 1.1 (not > 1.10) -> neutral; day 2: VIX 15 -> neutral (15 <= VIX); day 3: VVIX 160 -> crisis
    expect(s.regimeDays).toEqual({crisis_mode: 1, high_volatility: 0, neutral_volatility: 2, low_volatility: 0});
  });
});

describeWithSharedData("simulated SPY/VIX vs the real ones in ../shared/data", () => {
  let real: MarketStats;
  let simulated: MarketStats;
  beforeAll(() => {
    real = computeMarketStats(readRealStatsInput(SHARED_DATA_DIR, {from: "2010-01-01"}), matrix);
    const market = generateDemoMarket({seed: 1, asOf: "2026-11-20"});
    simulated = computeMarketStats(
      alignStatsInput(market.datasets.ohlc.filter((b) => b.symbol === "SPY"), market.datasets["index-levels"]),
      matrix
    );
  });
  it("reads the real figures (cross-checked with an independent Python computation over the same files)", () => {
    // python3 csv + statistics over ohlc/SPY.csv, vix/VIX_History.csv, vix/VIX3M_History.csv from 2010-01-01
    expect(real.sessions).toBe(4162);
    expect(real.spyAnnualVol).toBeCloseTo(0.1719, 3);
    expect(real.vixMean).toBeCloseTo(18.4356, 3);
    expect(real.backwardationShare).toBeCloseTo(0.0771, 3);
    expect(real.corrSpyReturnVixChange).toBeCloseTo(-0.8073, 3);
  });
  it("keeps the simulation within sane bands of reality", () => {
    expect(simulated.spyAnnualVol).toBeGreaterThan(0.12);
    expect(simulated.spyAnnualVol).toBeLessThan(0.25);
    expect(simulated.vixMean).toBeGreaterThan(14);
    expect(simulated.vixMean).toBeLessThan(24);
    expect(simulated.vixP95).toBeGreaterThan(24);
    expect(simulated.vixP95).toBeLessThan(45);
    expect(simulated.backwardationShare).toBeGreaterThan(0.03);
    expect(simulated.backwardationShare).toBeLessThan(0.25);
    expect(simulated.corrSpyReturnVixChange).toBeLessThan(-0.5);
    expect(simulated.corrSpyReturnVixChange).toBeGreaterThan(-0.9);
  });
  it("visits all four regimes of the risk matrix, each on a realistic share of days", () => {
    for (const regime of ["low_volatility", "neutral_volatility", "high_volatility", "crisis_mode"]) {
      expect(simulated.regimeDays[regime], regime).toBeGreaterThan(0.01 * simulated.sessions);
    }
    expect(formatStatsTable(simulated, real)).toContain("| VIX mean |");
  });
});
