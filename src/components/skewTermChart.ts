import * as Plot from "@observablehq/plot";
import type {ExpirySummary} from "../lib/chain/analyzeChain.js";
import {fmtRatio, fmtVolPct} from "./format.js";

/**
 * The as-of day's 25-delta skew across expiries, in vol points: put skew (25Δ put IV − ATM IV) and the risk
 * reversal (25Δ call IV − 25Δ put IV, negative when puts are bid), against days to expiry. The snapshot holds one
 * day of chains, so this is the skew's term structure today, not its history.
 */
export function SkewTermChart(
  expiries: readonly ExpirySummary[],
  {width = 640, height = 300, symbol = "", asOf = ""}: {width?: number; height?: number; symbol?: string; asOf?: string} = {}
): ReturnType<typeof Plot.plot> {
  const series = [
    {name: "Put skew: 25Δ put − ATM", pick: (e: ExpirySummary) => e.put25Iv - e.atmIv},
    {name: "Risk reversal: 25Δ call − 25Δ put", pick: (e: ExpirySummary) => e.call25Iv - e.put25Iv}
  ];
  const data = series.flatMap(({name, pick}) =>
    expiries.filter((e) => Number.isFinite(pick(e))).map((e) => ({series: name, days: e.days, volPts: pick(e) * 100, e}))
  );
  const chart = Plot.plot({
    width,
    height,
    title: `${symbol} 25-delta skew by expiry, as of ${asOf}`,
    subtitle: "Vol points. The data holds one day of chains (no 25Δ skew history is stored), so this is today's skew across expiries.",
    x: {label: "Days to expiry →", grid: true, zero: true},
    y: {label: "↑ Skew (vol pts)", grid: true},
    color: {domain: series.map((s) => s.name), range: ["#e03131", "#7048e8"], legend: true},
    marks: [
      Plot.ruleY([0], {stroke: "#adb5bd"}),
      Plot.line(data, {x: "days", y: "volPts", stroke: "series", strokeWidth: 1.6}),
      Plot.dot(data, {x: "days", y: "volPts", fill: "series", r: 3}),
      Plot.tip(
        data,
        Plot.pointer({
          x: "days",
          y: "volPts",
          title: (d: {e: ExpirySummary}) =>
            `${d.e.expiry} · ${d.e.days.toFixed(1)} DTE\n25Δ put ${fmtVolPct(d.e.put25Iv)} · ATM ${fmtVolPct(d.e.atmIv)} · 25Δ call ${fmtVolPct(d.e.call25Iv)}\nput/ATM ${fmtRatio(d.e.putSkew)} · RR ${((d.e.call25Iv - d.e.put25Iv) * 100).toFixed(1)} vol pts`
        })
      )
    ]
  });
  chart.setAttribute("data-chart", "skew-term");
  return chart;
}
