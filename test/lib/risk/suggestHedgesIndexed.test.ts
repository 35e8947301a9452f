import {describe, expect, it} from "vitest";
import type {RegimeLimits} from "../../../lib/regime/riskMatrix.js";
import {aggregateGreeks} from "../../../lib/risk/aggregate.js";
import {suggestHedges} from "../../../lib/risk/hedges.js";
import {checkLimits} from "../../../lib/risk/limits.js";
import {suggestHedgesIndexed} from "../../../lib/risk/suggestHedgesIndexed.js";
import {recognizeStrategies} from "../../../lib/strategies/recognize.js";
import {position} from "./positionFixture.js";

// high_volatility in config/risk_matrix.yaml: iron condors, credit spreads and naked shorts are not allowed
const HIGH: RegimeLimits = {maxBetaDelta: 100, maxNegativeVega: -2500, minDailyTheta: 600, maxGamma: 20, allowedStrategies: ["Ratio Backspreads", "Short Strangles (Managed)", "Jade Lizards"]};

describe("suggestHedgesIndexed", () => {
  it("returns exactly suggestHedges' suggestions on a book with numeric and strategy breaches", () => {
    const positions = [];
    for (let a = 0; a < 6; ++a) {
      const account = `U${a}`;
      positions.push(
        position({account, symbol: `P400-${a % 2}`, strike: 400, quantity: -3, betaDelta: 60, betaGamma: -4, vegaPerVolPt: -300, thetaPerDay: 20}),
        position({account, symbol: `P390-${a % 2}`, strike: 390, quantity: 3, betaDelta: -30, betaGamma: 2, vegaPerVolPt: 200, thetaPerDay: -12}),
        position({account, symbol: `C450-${a}`, right: "C", strike: 450, quantity: -2, betaDelta: -40, betaGamma: -3, vegaPerVolPt: -150, thetaPerDay: 15, expiry: "2024-05-24"})
      );
    }
    const groups = recognizeStrategies(positions);
    const totals = aggregateGreeks(positions, {asOfDate: "2024-05-17", groups}).portfolio;
    const report = checkLimits(totals, groups, HIGH);
    expect(report.breaches.length).toBeGreaterThan(0);
    expect(report.strategyBreaches.length).toBeGreaterThan(6);
    const options = {spySpot: 500, asOfDate: "2024-05-17"};
    expect(suggestHedgesIndexed(positions, totals, report, HIGH, groups, options)).toEqual(suggestHedges(positions, totals, report, HIGH, groups, options));
  });
});
