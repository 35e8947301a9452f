import * as Plot from "@observablehq/plot";
import type {DeltaGridCell} from "../lib/chain/deltaGrid.js";
import {fmtLevel, fmtVolPct} from "./format.js";

/**
 * The implied-vol surface as a heatmap: delta buckets (deep puts left, ATM, deep calls right) × expiry (nearest on
 * top), each cell coloured and labelled with its IV in percent; empty where the listed strikes do not reach the
 * delta. Tooltip: expiry, DTE, bucket, strike and IV.
 */
export function IvHeatmap(
  cells: readonly DeltaGridCell[],
  {width = 640, symbol = "", asOf = ""}: {width?: number; symbol?: string; asOf?: string} = {}
): ReturnType<typeof Plot.plot> {
  const buckets = [...new Map(cells.map((c) => [c.column, c.bucket])).entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b);
  const label = (c: DeltaGridCell) => `${c.expiry} · ${Math.round(c.days)}d`;
  const expiries = [...new Map(cells.map((c) => [c.expiry, label(c)])).entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, l]) => l);
  const data = cells.filter((c) => Number.isFinite(c.iv)).map((c) => ({...c, row: label(c), ivPct: c.iv * 100}));
  const ivPcts = data.map((d) => d.ivPct);
  const darkAbove = Math.min(...ivPcts) + 0.6 * (Math.max(...ivPcts) - Math.min(...ivPcts)); // white labels on dark cells
  const chart = Plot.plot({
    width,
    height: 40 + 26 * expiries.length,
    title: `${symbol} implied-vol surface: expiry × delta`,
    subtitle: `IV (%) at the strike with each BSM delta, from the chain of ${asOf}. Left: out-of-the-money puts; right: calls. Blank: the delta is not reached on the out-of-the-money side of the listed strikes.`,
    marginLeft: 130,
    marginTop: 4,
    marginBottom: 36,
    x: {domain: buckets, label: "Delta bucket (Δ, puts P / calls C)", tickSize: 0},
    y: {domain: expiries, label: null, tickSize: 0},
    color: {type: "linear", scheme: "YlOrRd", label: "IV (%)", legend: true, tickFormat: (d: number) => d.toFixed(0)},
    marks: [
      Plot.cell(data, {x: "bucket", y: "row", fill: "ivPct", inset: 0.5}),
      Plot.text(data, {x: "bucket", y: "row", text: (d) => d.ivPct.toFixed(1), fontSize: 10, fill: (d) => (d.ivPct > darkAbove ? "white" : "black")}),
      Plot.tip(
        data,
        Plot.pointer({
          x: "bucket",
          y: "row",
          title: (d: DeltaGridCell & {ivPct: number}) => `${d.expiry} (${Math.round(d.days)} DTE) · ${d.bucket}\nstrike ${fmtLevel(d.strike)}\nIV ${fmtVolPct(d.iv)}`
        })
      )
    ]
  });
  chart.setAttribute("data-chart", "iv-heatmap");
  return chart;
}
