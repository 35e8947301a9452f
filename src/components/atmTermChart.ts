import * as Plot from "@observablehq/plot";
import type {ExpirySummary} from "../lib/chain/analyzeChain.js";
import {fmtLevel, fmtVolPct} from "./format.js";

/**
 * The ATM term structure: ATM IV (at the forward) and the 25-delta put and call IVs, in percent, against days to
 * expiry, one point per listed expiry. Tooltip: expiry, DTE, forward and the three vols.
 */
export function AtmTermChart(
  expiries: readonly ExpirySummary[],
  {width = 640, height = 300, symbol = "", asOf = ""}: {width?: number; height?: number; symbol?: string; asOf?: string} = {}
): ReturnType<typeof Plot.plot> {
  const series = [
    {name: "ATM", pick: (e: ExpirySummary) => e.atmIv},
    {name: "25Δ put", pick: (e: ExpirySummary) => e.put25Iv},
    {name: "25Δ call", pick: (e: ExpirySummary) => e.call25Iv}
  ];
  const data = series.flatMap(({name, pick}) =>
    expiries.filter((e) => Number.isFinite(pick(e))).map((e) => ({series: name, days: e.days, ivPct: pick(e) * 100, e}))
  );
  const chart = Plot.plot({
    width,
    height,
    title: `${symbol} ATM term structure`,
    subtitle: `IV (%) per listed expiry on ${asOf}: at the forward (ATM) and at the 25-delta put and call strikes.`,
    x: {label: "Days to expiry →", grid: true, zero: true},
    y: {label: "↑ IV (%)", grid: true},
    color: {domain: series.map((s) => s.name), range: ["#1c7ed6", "#e03131", "#2f9e44"], legend: true},
    marks: [
      Plot.line(data, {x: "days", y: "ivPct", stroke: "series", strokeWidth: (d) => (d.series === "ATM" ? 2.2 : 1.2)}),
      Plot.dot(data, {x: "days", y: "ivPct", fill: "series", r: 3}),
      Plot.tip(
        data,
        Plot.pointer({
          x: "days",
          y: "ivPct",
          title: (d: {series: string; e: ExpirySummary}) =>
            `${d.e.expiry} · ${d.e.days.toFixed(1)} DTE · forward ${fmtLevel(d.e.forward)}\nATM ${fmtVolPct(d.e.atmIv)} · 25Δ put ${fmtVolPct(d.e.put25Iv)} · 25Δ call ${fmtVolPct(d.e.call25Iv)}`
        })
      )
    ]
  });
  chart.setAttribute("data-chart", "atm-term");
  return chart;
}
