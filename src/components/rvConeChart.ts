import * as Plot from "@observablehq/plot";
import type {ExpirySummary} from "../lib/chain/analyzeChain.js";
import type {RvConeRow} from "../lib/vol/rvCone.js";
import {fmtVolPct} from "./format.js";

const LAYERS = ["min–max", "25th–75th pct", "median", "RV now", "ATM IV today"];
const COLORS = ["#d0ebff", "#74c0fc", "#1864ab", "#f08c00", "#e03131"];

/**
 * Realised-vol cone with today's implied vols on it: for each RV window (bars), the min–max and 25th–75th percentile
 * bands and the median of the rolling realised vol over the history, the latest RV, and the ATM IV of each listed
 * expiry placed at its horizon in bars (days × periodsPerYear / 365). IV above the cone's upper quartile at a
 * horizon: options price more movement than that horizon usually realises. All in percent.
 */
export function RvConeChart(
  cone: readonly RvConeRow[],
  expiries: readonly ExpirySummary[],
  {
    width = 640,
    height = 320,
    symbol = "",
    periodsPerYear = 252,
    historyLabel = ""
  }: {width?: number; height?: number; symbol?: string; periodsPerYear?: number; historyLabel?: string} = {}
): ReturnType<typeof Plot.plot> {
  const rows = cone.filter((r) => r.count > 0).map((r) => ({...r, layer: LAYERS[0]}));
  const maxWindow = Math.max(...cone.map((r) => r.windowDays));
  const iv = expiries
    .map((e) => ({e, horizon: (e.days * periodsPerYear) / 365, ivPct: e.atmIv * 100, layer: LAYERS[4]}))
    .filter((d) => Number.isFinite(d.ivPct) && d.horizon <= maxWindow * 1.15);
  const pct = (pick: (r: RvConeRow) => number) => (r: RvConeRow) => pick(r) * 100;
  const values = [...rows.flatMap((r) => [r.min, r.max, r.latest]), ...iv.map((d) => d.ivPct / 100)].filter((v) => v > 0).map((v) => v * 100);
  const yDomain: [number, number] = [Math.min(...values) * 0.9, Math.max(...values) * 1.1];
  const yTicks = [1, 2, 3, 5, 10, 15, 20, 30, 50, 100, 150, 200, 300, 500].filter((t) => t >= yDomain[0] && t <= yDomain[1]);
  const unit = periodsPerYear === 365 ? "calendar days" : "trading days";
  const chart = Plot.plot({
    width,
    height,
    title: `${symbol} realised-vol cone with today's ATM IV`,
    subtitle: `Close-to-close RV percentiles by window over ${historyLabel}; red: ATM IV of each listed expiry at its horizon (${unit}).`,
    x: {label: `Window / horizon (${unit}) →`, grid: true, zero: true, domain: [0, maxWindow * 1.15]},
    // log scale: the crisis maxima of short windows would otherwise flatten the quartiles and today's IV
    y: {label: "↑ Vol (%, log scale)", grid: true, type: "log", domain: yDomain, ticks: yTicks, tickFormat: (v: number) => String(v)},
    color: {domain: LAYERS, range: COLORS, legend: true},
    marks: [
      Plot.areaY(rows, {x: "windowDays", y1: pct((r) => r.min), y2: pct((r) => r.max), fill: () => LAYERS[0], curve: "monotone-x"}),
      Plot.areaY(rows, {x: "windowDays", y1: pct((r) => r.p25), y2: pct((r) => r.p75), fill: () => LAYERS[1], curve: "monotone-x"}),
      Plot.line(rows, {x: "windowDays", y: pct((r) => r.median), stroke: () => LAYERS[2], strokeWidth: 2, curve: "monotone-x"}),
      Plot.line(rows, {x: "windowDays", y: pct((r) => r.latest), stroke: () => LAYERS[3], strokeDasharray: "4,3", curve: "monotone-x"}),
      Plot.dot(rows, {x: "windowDays", y: pct((r) => r.latest), fill: () => LAYERS[3], r: 3}),
      Plot.line(iv, {x: "horizon", y: "ivPct", stroke: () => LAYERS[4], strokeWidth: 2}),
      Plot.dot(iv, {x: "horizon", y: "ivPct", fill: () => LAYERS[4], r: 3.5}),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "windowDays",
          y: pct((r) => r.median),
          title: (r: RvConeRow) =>
            `RV ${r.windowDays}-day over ${r.count} windows\nmin ${fmtVolPct(r.min)} · 25% ${fmtVolPct(r.p25)} · median ${fmtVolPct(r.median)}\n75% ${fmtVolPct(r.p75)} · max ${fmtVolPct(r.max)} · now ${fmtVolPct(r.latest)}`
        })
      ),
      Plot.tip(
        iv,
        Plot.pointer({
          x: "horizon",
          y: "ivPct",
          title: (d: {e: ExpirySummary; horizon: number}) => `${d.e.expiry}: ${d.e.days.toFixed(0)} DTE ≈ ${d.horizon.toFixed(0)} bars\nATM IV ${fmtVolPct(d.e.atmIv)}`
        })
      )
    ]
  });
  chart.setAttribute("data-chart", "rv-cone");
  return chart;
}
