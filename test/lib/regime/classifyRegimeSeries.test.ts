import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseCboeIndexHistory} from "../../../lib/io/cboeIndexHistory.js";
import {alignDailyInputs} from "../../../lib/regime/alignDailyInputs.js";
import {classifyRegimeSeries} from "../../../lib/regime/classifyRegimeSeries.js";
import type {DailyInputs} from "../../../lib/regime/classifyRegimeSeries.js";
import {parseRiskMatrix} from "../../../lib/regime/parseRiskMatrix.js";
import {summarizeRegimeDays} from "../../../lib/regime/summarizeRegimeDays.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const SHIPPED = readFileSync(new URL("../../../config/risk_matrix.yaml", import.meta.url), "utf8");
const matrix = parseRiskMatrix(SHIPPED, "config/risk_matrix.yaml");

/** Days with the given VIX closes (TermStructure 1.2, VVIX 90, recession 10%: only VIX moves). */
const days = (vixes: number[]): DailyInputs[] =>
  vixes.map((vix, i) => ({
    date: `2024-01-${String(i + 1).padStart(2, "0")}`,
    inputs: {VIX: vix, TermStructure: 1.2, VVIX: 90, Polymarket_Recession_Prob: 0.1}
  }));
const regimes = (series: ReturnType<typeof classifyRegimeSeries>) => series.map((d) => d.regime.replace(/_.*/, ""));

describe("classifyRegimeSeries(matrix, rowsByDay, {hysteresis})", () => {
  const flapping = [21, 22.5, 21.9, 22.1, 21.5, 20.5];
  it("without hysteresis follows each day's decision", () => {
    expect(regimes(classifyRegimeSeries(matrix, days(flapping)))).toEqual(["neutral", "high", "neutral", "high", "neutral", "neutral"]);
  });
  it("with a buffer keeps the current regime until the move clears it", () => {
    const series = classifyRegimeSeries(matrix, days(flapping), {hysteresis: {buffer: {VIX: 1}}});
    // high is held while VIX > 22 - 1; 20.5 clears the buffer
    expect(regimes(series)).toEqual(["neutral", "high", "high", "high", "high", "neutral"]);
    expect(series[2].decision.decidedBy.reason).toBe("held");
    expect(series[2].rawRegime).toBe("neutral_volatility");
  });
  it("with N consecutive closes confirms a change only after N agreeing closes", () => {
    const h = {confirmCloses: 2, immediateEscalation: false};
    expect(regimes(classifyRegimeSeries(matrix, days(flapping), {hysteresis: h}))).toEqual(["neutral", "neutral", "neutral", "neutral", "neutral", "neutral"]);
    const series = classifyRegimeSeries(matrix, days([21, 23, 24, 25, 21, 21]), {hysteresis: h});
    expect(regimes(series)).toEqual(["neutral", "neutral", "high", "high", "high", "neutral"]);
    expect([series[1].pendingRegime, series[1].pendingCloses]).toEqual(["high_volatility", 1]);
  });
  it("escalates at once when immediateEscalation is on (the default)", () => {
    const series = classifyRegimeSeries(matrix, days([21, 40, 21, 21, 21]), {hysteresis: {confirmCloses: 3}});
    expect(regimes(series)).toEqual(["neutral", "crisis", "crisis", "crisis", "neutral"]);
  });
  it("rejects unsorted days and a bad closes count", () => {
    const rows = days([20, 21]).reverse();
    expect(() => classifyRegimeSeries(matrix, rows)).toThrow("classifyRegimeSeries: days must be in increasing date order, got 2024-01-01 after 2024-01-02");
    expect(() => classifyRegimeSeries(matrix, days([20]), {hysteresis: {confirmCloses: 0}})).toThrow(
      "classifyRegimeSeries: hysteresis.confirmCloses must be an integer >= 1, got 0"
    );
  });
});

describeWithSharedData("every day of the real CBOE VIX/VIX3M/VVIX history (../shared/data/vix)", () => {
  const series = Object.fromEntries(
    ["VIX", "VIX3M", "VVIX"].map((name) => [name, parseCboeIndexHistory(readSharedText(`vix/${name}_History.csv`), {file: `${name}_History.csv`, index: name})])
  );
  const rows = alignDailyInputs(series);
  const classified = classifyRegimeSeries(matrix, rows);
  const summary = summarizeRegimeDays(classified, matrix.severityOrder);
  const byDate = new Map(classified.map((d) => [d.date, d]));

  it("gives a regime to every day", () => {
    console.log("[regime] days per regime, VIX/VIX3M/VVIX, shipped matrix, no Polymarket input:", JSON.stringify(summary));
    const fallback = classified.filter((d) => d.decision.fallbackApplied);
    const gap = fallback.filter((d) => !d.decision.undecidable.some((u) => u.regime === "low_volatility"));
    console.log(`[regime] fallback days: ${fallback.length}; true gap (VIX < 15, TermStructure <= 1.10): ${gap.length}; VIX < 15 without VIX3M: ${fallback.length - gap.length}`);
    expect(gap.every((d) => d.decision.inputValues.VIX < 15 && d.decision.inputValues.TermStructure <= 1.1)).toBe(true);
    expect(summary.days).toBe(9234); // every VIX date; VIX3M and VVIX dates are all VIX dates
    expect([summary.firstDate, summary.lastDate]).toEqual(["1990-01-02", "2026-07-22"]);
    expect(Object.values(summary.byRegime).reduce((a, b) => a + b, 0)).toBe(9234);
    for (const regime of matrix.severityOrder) expect(summary.byRegime[regime]).toBeGreaterThan(100);
  });

  it("matches crisis and high on exactly the days an independent count of the CSV gives", () => {
    // independent reference: count straight from the text, no shared parser
    const closes = (name: string) =>
      new Map(readSharedText(`vix/${name}_History.csv`).trim().split("\n").slice(1).map((l) => {
        const f = l.split(",");
        return [f[0], Number(f[f.length - 1])] as const;
      }));
    const vix = closes("VIX");
    const vvix = closes("VVIX");
    let crisis = 0;
    let high = 0;
    for (const [date, close] of vix) {
      if (close > 35 || (vvix.get(date) ?? 0) > 150) ++crisis;
      if (close > 22) ++high;
    }
    expect(summary.matchedByRegime.crisis_mode).toBe(crisis);
    expect(summary.matchedByRegime.high_volatility).toBe(high); // no Polymarket history: only VIX > 22 can be true
    expect(summary.byRegime.crisis_mode).toBe(crisis);
  });

  it("puts known days where they belong", () => {
    expect(byDate.get("2020-03-16")!.regime).toBe("crisis_mode"); // record close 82.69
    expect(byDate.get("2008-10-24")!.regime).toBe("crisis_mode");
    const y2017 = classified.filter((d) => d.date.startsWith("2017"));
    const low2017 = y2017.filter((d) => d.regime === "low_volatility").length;
    expect(low2017 / y2017.length).toBeGreaterThan(0.5); // 2017: VIX ~10-12 in steep contango
  });

  it("marks days without VIX3M (before 2009-09-18) with a low VIX as undecidable, not low", () => {
    const day = byDate.get("2006-12-01")!;
    expect(day.decision.inputValues.VIX).toBeLessThan(15);
    expect(day.decision.undecidable.map((u) => u.regime)).toContain("low_volatility");
    expect(day.regime).toBe("neutral_volatility");
    expect(day.decision.fallbackApplied).toBe(true);
  });

  it("hysteresis reduces regime changes", () => {
    const damped = summarizeRegimeDays(
      classifyRegimeSeries(matrix, rows, {hysteresis: {confirmCloses: 3, buffer: {VIX: 1, TermStructure: 0.02}}}),
      matrix.severityOrder
    );
    console.log(`[regime] changes: ${summary.changes} without hysteresis, ${damped.changes} with 3 closes + buffer VIX 1, TermStructure 0.02`);
    expect(damped.changes).toBeLessThan(summary.changes / 2);
  });
});
