import {describe, expect, it} from "vitest";
import type {RegimeLimits} from "../../../lib/regime/riskMatrix.js";
import {emptyTotals, type GreekTotals} from "../../../lib/risk/aggregate.js";
import {checkLimits} from "../../../lib/risk/limits.js";
import {recognizeStrategies, type StrategyLegInput} from "../../../lib/strategies/recognize.js";

// neutral_volatility in config/risk_matrix.yaml
const NEUTRAL: RegimeLimits = {maxBetaDelta: 300, maxNegativeVega: -1200, minDailyTheta: 300, maxGamma: 35, allowedStrategies: ["Iron Condors", "Strangles", "Credit Spreads"]};
const CRISIS: RegimeLimits = {maxBetaDelta: 0, maxNegativeVega: 0, minDailyTheta: 0, maxGamma: 10, allowedStrategies: ["Long Puts", "Cash", "Long Volatility"]};
const totals = (t: Partial<GreekTotals>): GreekTotals => ({...emptyTotals(), ...t});
const statuses = (r: ReturnType<typeof checkLimits>) => Object.fromEntries(r.checks.map((c) => [c.limit, c.status]));

describe("checkLimits", () => {
  it("passes a book well inside every neutral limit", () => {
    const r = checkLimits(totals({betaDelta: -100, betaGamma: -10, vegaPerVolPt: -500, thetaPerDay: 500}), [], NEUTRAL);
    expect(r.ok).toBe(true);
    expect(statuses(r)).toEqual({maxBetaDelta: "ok", maxNegativeVega: "ok", minDailyTheta: "ok", maxGamma: "ok"});
  });
  it("sizes breaches and their distance in percent of the limit", () => {
    const r = checkLimits(totals({betaDelta: -450, betaGamma: 20, vegaPerVolPt: -1500, thetaPerDay: 240}), [], NEUTRAL);
    expect(r.ok).toBe(false);
    const by = Object.fromEntries(r.checks.map((c) => [c.limit, c]));
    // |−450| vs 300: 150 over = 50% past; vega −1500 vs floor −1200: 300 over = 25%; theta 240 vs 300: 60 short = 20%
    expect(by.maxBetaDelta).toMatchObject({status: "breach", excess: 150, distancePct: -50});
    expect(by.maxNegativeVega).toMatchObject({status: "breach", excess: 300, distancePct: -25});
    expect(by.minDailyTheta).toMatchObject({status: "breach", excess: 60, distancePct: -20});
    expect(by.maxGamma).toMatchObject({status: "ok", room: 15});
    expect(by.maxBetaDelta.message).toBe("max_beta_delta: betaDelta -450 SPY-share eq. breaks |betaDelta| <= 300 by 150 (50% past the limit)");
  });
  it("warns past the near-limit fraction (default 0.8) and exactly at the limit is inside", () => {
    const r = checkLimits(totals({betaDelta: 241, betaGamma: 35, vegaPerVolPt: -960, thetaPerDay: 359}), [], NEUTRAL);
    expect(statuses(r)).toEqual({maxBetaDelta: "near", maxNegativeVega: "ok", minDailyTheta: "near", maxGamma: "near"});
    expect(r.ok).toBe(true);
    expect(r.warnings).toHaveLength(3);
    expect(statuses(checkLimits(totals({betaDelta: 241, thetaPerDay: 359, vegaPerVolPt: -960}), [], NEUTRAL, {nearFraction: 0.9})).maxBetaDelta).toBe("ok");
  });
  it("treats zero limits (crisis_mode) strictly, with no percentage", () => {
    const r = checkLimits(totals({betaDelta: 3, vegaPerVolPt: -1, thetaPerDay: -5}), [], CRISIS);
    const by = Object.fromEntries(r.checks.map((c) => [c.limit, c]));
    expect(by.maxBetaDelta).toMatchObject({status: "breach", excess: 3, distancePct: null});
    expect(by.maxNegativeVega).toMatchObject({status: "breach", excess: 1});
    expect(by.minDailyTheta).toMatchObject({status: "breach", excess: 5});
    expect(statuses(checkLimits(totals({vegaPerVolPt: 50, thetaPerDay: 0}), [], CRISIS))).toEqual({maxBetaDelta: "ok", maxNegativeVega: "ok", minDailyTheta: "ok", maxGamma: "ok"});
  });
  it("lists strategies the regime does not allow, exempting delta-one", () => {
    const leg = (right: "C" | "P", strike: number, quantity: number, expiry = "2024-06-21"): StrategyLegInput => ({broker: "ibkr", account: "U1", underlying: "SPY", symbol: `${right}${strike}${expiry}`, instrumentType: "Option", right, strike, expiry, quantity, multiplier: 100});
    const groups = recognizeStrategies([
      leg("P", 390, -1), leg("C", 450, -1), // short strangle: allowed in neutral
      leg("C", 500, -1, "2024-07-19"), leg("C", 520, 2, "2024-07-19"), // call ratio backspread: not allowed in neutral
      {...leg("C", 0, 100), symbol: "SPY", instrumentType: "Equity", right: null, strike: null, expiry: null, multiplier: 1}
    ]);
    const r = checkLimits(totals({thetaPerDay: 400}), groups, NEUTRAL);
    expect(r.strategyBreaches.map((b) => b.kind)).toEqual(["call ratio backspread"]);
    expect(r.ok).toBe(false);
    expect(checkLimits(totals({thetaPerDay: 400}), groups, NEUTRAL, {exemptDeltaOne: false}).strategyBreaches.map((b) => b.kind)).toEqual(["call ratio backspread", "stock"]);
  });
  it("flags sums that exclude positions with unknown greeks", () => {
    const t = totals({thetaPerDay: 400});
    t.missing.betaDelta = 2;
    t.missingSymbols = ["XYZ"];
    expect(checkLimits(t, [], NEUTRAL).incomplete).toEqual({missing: {betaDelta: 2, betaGamma: 0, vegaPerVolPt: 0, thetaPerDay: 0}, symbols: ["XYZ"]});
  });
});
