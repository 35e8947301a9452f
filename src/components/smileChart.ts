import * as Plot from "@observablehq/plot";
import type {SurfacePoint} from "../lib/chain/analyzeChain.js";
import {fmtLevel, fmtVolPct} from "./format.js";

/**
 * Smiles per expiry: IV in percent against log-moneyness ln(K/F) (or strike), one line per expiry coloured from
 * near (dark) to far (light), from the out-of-the-money quotes the smile is built from. `maxAbsLogMoneyness` trims
 * far wings so the centre stays readable. Tooltip: expiry, strike, right, ln(K/F), IV, bid/ask.
 */
export function SmileChart(
  points: readonly SurfacePoint[],
  {
    width = 640,
    height = 340,
    symbol = "",
    asOf = "",
    x = "logMoneyness",
    maxAbsLogMoneyness = 0.5
  }: {width?: number; height?: number; symbol?: string; asOf?: string; x?: "logMoneyness" | "strike"; maxAbsLogMoneyness?: number} = {}
): ReturnType<typeof Plot.plot> {
  const data = points
    .filter((p) => p.otm && Number.isFinite(p.iv) && Math.abs(p.logMoneyness) <= maxAbsLogMoneyness)
    .map((p) => ({...p, ivPct: p.iv * 100}));
  const expiries = [...new Set(data.map((d) => d.expiry))].sort();
  const chart = Plot.plot({
    width,
    height,
    title: `${symbol} smiles by expiry`,
    subtitle: `IV (%) of out-of-the-money quotes (puts below the forward, calls above), mids of ${asOf}; |ln(K/F)| ≤ ${maxAbsLogMoneyness}.`,
    marginRight: 20,
    x: {label: x === "logMoneyness" ? "Log-moneyness ln(K/F) →" : "Strike →", grid: true},
    y: {label: "↑ IV (%)", grid: true},
    color: {type: "ordinal", domain: expiries, scheme: "viridis", legend: true, label: "Expiry"},
    marks: [
      x === "logMoneyness" ? Plot.ruleX([0], {stroke: "#adb5bd"}) : null,
      Plot.line(data, {x, y: "ivPct", stroke: "expiry", sort: x, strokeWidth: 1.4}),
      Plot.dot(data, {x, y: "ivPct", fill: "expiry", r: 1.6}),
      Plot.tip(
        data,
        Plot.pointer({
          x,
          y: "ivPct",
          title: (d: SurfacePoint) =>
            `${d.expiry} · ${d.right === "P" ? "put" : "call"} ${fmtLevel(d.strike)}\nln(K/F) ${d.logMoneyness.toFixed(3)} · Δ ${d.delta.toFixed(2)}\nIV ${fmtVolPct(d.iv)} · bid ${fmtLevel(d.bid)} / ask ${fmtLevel(d.ask)}`
        })
      )
    ]
  });
  chart.setAttribute("data-chart", "smile");
  return chart;
}
