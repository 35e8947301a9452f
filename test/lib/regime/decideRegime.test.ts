import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decideRegime} from "../../../lib/regime/decideRegime.js";
import type {MarketInputs} from "../../../lib/regime/marketInputs.js";
import {parseRiskMatrix} from "../../../lib/regime/parseRiskMatrix.js";

const SHIPPED = readFileSync(new URL("../../../config/risk_matrix.yaml", import.meta.url), "utf8");
const matrix = parseRiskMatrix(SHIPPED, "config/risk_matrix.yaml");

/** Full inputs: nothing undecidable. TermStructure is derived from VIX3M unless given. */
const full = (vix: number, extra: MarketInputs = {}): MarketInputs => ({
  VIX: vix,
  VIX3M: vix * 1.2,
  VVIX: 90,
  Polymarket_Recession_Prob: 0.1,
  ...extra
});

describe("decideRegime(matrix, inputs) with the shipped matrix", () => {
  // [case, inputs, regime, matched (most severe first), fallback]
  const table: [string, MarketInputs, string, string[], boolean][] = [
    ["calm contango", full(12, {VIX3M: 14}), "low_volatility", ["low_volatility"], false],
    ["VIX 14.99, TS 1.2", full(14.99), "low_volatility", ["low_volatility"], false],
    ["VIX 15 is neutral, not low", full(15), "neutral_volatility", ["neutral_volatility"], false],
    ["VIX 22 is still neutral", full(22), "neutral_volatility", ["neutral_volatility"], false],
    ["VIX 22.01 is high", full(22.01), "high_volatility", ["high_volatility"], false],
    ["VIX 35 is high, not crisis", full(35), "high_volatility", ["high_volatility"], false],
    ["VIX 35.01 is crisis (and high)", full(35.01), "crisis_mode", ["crisis_mode", "high_volatility"], false],
    ["VVIX 150 is not crisis", full(18, {VVIX: 150}), "neutral_volatility", ["neutral_volatility"], false],
    ["VVIX 150.01 is crisis", full(18, {VVIX: 150.01}), "crisis_mode", ["crisis_mode", "neutral_volatility"], false],
    ["VVIX crisis beats low", full(12, {VVIX: 160}), "crisis_mode", ["crisis_mode", "low_volatility"], false],
    ["recession 40% is not high", full(18, {Polymarket_Recession_Prob: 0.4}), "neutral_volatility", ["neutral_volatility"], false],
    ["recession 41% is high", full(18, {Polymarket_Recession_Prob: 0.41}), "high_volatility", ["high_volatility", "neutral_volatility"], false],
    ["recession 41% with low VIX", full(12, {Polymarket_Recession_Prob: 0.41}), "high_volatility", ["high_volatility", "low_volatility"], false],
    ["TermStructure exactly 1.10 (VIX 14, VIX3M 15.4)", full(14, {VIX3M: 15.4}), "neutral_volatility", [], true],
    ["TermStructure 1.10 from 24.2/22 is exact too", full(22, {VIX3M: 24.2}), "neutral_volatility", ["neutral_volatility"], false],
    ["gap: VIX 14, TermStructure 1.05", full(14, {TermStructure: 1.05}), "neutral_volatility", [], true],
    ["gap: VIX 14 in backwardation", full(14, {VIX3M: 13}), "neutral_volatility", [], true]
  ];
  it.each(table)("%s", (_, inputs, regime, matched, fallback) => {
    const d = decideRegime(matrix, inputs);
    expect([d.regime, d.matched, d.fallbackApplied, d.undecidable, d.certain]).toEqual([regime, matched, fallback, [], true]);
    expect(d.limits).toBe(matrix.regimes[regime].limits);
  });

  it("says which condition decided, with the inputs it used", () => {
    const d = decideRegime(matrix, full(40, {VIX3M: 30}));
    expect(d.decidedBy).toEqual({regime: "crisis_mode", condition: "VIX > 35 or VVIX > 150", reason: "matched", inputs: {VIX: 40, VVIX: 90}});
    expect(d.inputValues).toEqual({VIX: 40, VVIX: 90, Polymarket_Recession_Prob: 0.1, VIX3M: 30, TermStructure: 0.75});
    expect(d.severityOrder).toEqual(["crisis_mode", "high_volatility", "neutral_volatility", "low_volatility"]);
    const gap = decideRegime(matrix, full(14, {TermStructure: 1.05}));
    expect(gap.decidedBy).toEqual({regime: "neutral_volatility", condition: "15 <= VIX <= 22", reason: "fallback", inputs: {}});
  });

  it("reports missing inputs as undecidable, never as false", () => {
    // the example: no Polymarket input, so high_volatility cannot be ruled out
    const d = decideRegime(matrix, {VIX: 14, VIX3M: 15.4, VVIX: 90});
    expect(d.regime).toBe("neutral_volatility");
    expect(d.fallbackApplied).toBe(true);
    expect(d.undecidable).toEqual([{regime: "high_volatility", inputs: ["Polymarket_Recession_Prob"], reasons: {Polymarket_Recession_Prob: "missing"}}]);
    expect(d.certain).toBe(false);
  });

  it("decides despite missing inputs when another side of an `or` is true", () => {
    const d = decideRegime(matrix, {VIX: 40});
    expect([d.regime, d.matched, d.certain]).toEqual(["crisis_mode", ["crisis_mode", "high_volatility"], true]);
    expect(d.undecidable).toEqual([]); // low: VIX < 15 is false, so `and` is false without TermStructure
  });

  it("lists a stale input's regime as undecidable and flags the decision uncertain", () => {
    const d = decideRegime(matrix, full(30, {VVIX: {value: 170, stale: true}}));
    expect(d.regime).toBe("high_volatility");
    expect(d.undecidable).toEqual([{regime: "crisis_mode", inputs: ["VVIX"], reasons: {VVIX: "stale"}}]);
    expect(d.certain).toBe(false);
    const old = decideRegime(matrix, full(30, {VVIX: {value: 170, asOfMs: 0}}), {asOfMs: 3 * 86_400_000, maxInputAgeMs: 86_400_000});
    expect(old.undecidable.map((u) => u.regime)).toEqual(["crisis_mode"]);
  });

  it("keeps the decision certain when only less severe regimes are undecidable", () => {
    const d = decideRegime(matrix, {VIX: 13, VVIX: 90, Polymarket_Recession_Prob: 0.5});
    expect([d.regime, d.certain]).toEqual(["high_volatility", true]);
    expect(d.undecidable).toEqual([{regime: "low_volatility", inputs: ["TermStructure"], reasons: {TermStructure: "= VIX3M/VIX, VIX3M missing"}}]);
  });

  it("follows a configured severity order and fallback", () => {
    const text = SHIPPED.replace(
      "severity_order: [crisis_mode, high_volatility, neutral_volatility, low_volatility]",
      "severity_order: [crisis_mode, low_volatility, high_volatility, neutral_volatility]"
    ).replace("fallback: neutral_volatility", "fallback: high_volatility");
    const custom = parseRiskMatrix(text, "custom.yaml");
    const both = decideRegime(custom, full(12, {Polymarket_Recession_Prob: 0.41}));
    expect([both.regime, both.matched]).toEqual(["low_volatility", ["low_volatility", "high_volatility"]]);
    const gap = decideRegime(custom, full(14, {TermStructure: 1.05}));
    expect([gap.regime, gap.fallbackApplied, gap.limits.maxGamma]).toEqual(["high_volatility", true, 20]);
  });

  it("reaches every regime of the matrix", () => {
    const reached = new Set([8, 12, 18, 30, 40].map((vix) => decideRegime(matrix, full(vix)).regime));
    expect([...reached].sort()).toEqual(Object.keys(matrix.regimes).sort());
  });
});
