import * as Plot from "@observablehq/plot";
import type {WatchlistRow} from "../lib/signals/watchlistRow.js";
import {fmtPct, fmtRatio, fmtVolPct} from "./format.js";

/**
 * Where premium is rich: each underlying at (IV percentile, IV/RV), sized by its signal stars, with the signal's
 * thresholds as guide lines (`percentileLine`, `ivRvLine`). Up and to the right: implied vol high against its own
 * year and against what is being realised.
 */
export function RichnessScatter(
  rows: readonly WatchlistRow[],
  {width = 640, height = 360, percentileLine = 0.5, ivRvLine = 1.2}: {width?: number; height?: number; percentileLine?: number; ivRvLine?: number} = {}
): ReturnType<typeof Plot.plot> {
  const data = rows.filter((r) => Number.isFinite(r.ivPercentile) && Number.isFinite(r.ivRv));
  const ivRvs = data.map((d) => d.ivRv);
  const yDomain: [number, number] = [Math.min(...ivRvs, 1) - 0.15, Math.max(...ivRvs, ivRvLine) + 0.1];
  const labels = placeLabels(data, {width, height, yDomain});
  const chart = Plot.plot({
    width,
    height,
    title: "Where premium is rich: IV percentile × IV/RV",
    subtitle: `Dot size = signal stars. Guides at the signal's thresholds: IV percentile ${fmtPct(percentileLine)}, IV/RV ${fmtRatio(ivRvLine)}.`,
    marginRight: 40,
    x: {label: "IV percentile (%) →", domain: [0, 100], grid: true},
    y: {label: "↑ IV/RV (ratio)", grid: true, domain: yDomain},
    r: {domain: [0, 5], range: [3, 9]},
    marks: [
      Plot.ruleX([percentileLine * 100], {stroke: "#868e96", strokeDasharray: "4,3"}),
      Plot.ruleY([ivRvLine], {stroke: "#868e96", strokeDasharray: "4,3"}),
      Plot.ruleY([1], {stroke: "#ced4da"}),
      Plot.dot(data, {x: (d) => d.ivPercentile * 100, y: "ivRv", r: (d) => d.signal.stars, fill: "#1c7ed6", fillOpacity: 0.7, stroke: "white"}),
      Plot.link(labels, {x1: "x", y1: "y", x2: "labelX", y2: "labelY", stroke: "#adb5bd", strokeWidth: 0.75}),
      Plot.text(labels, {x: "labelX", y: "labelY", text: "symbol", textAnchor: "start", dx: 10, fontSize: 11}),
      Plot.tip(
        data,
        Plot.pointer({
          x: (d) => d.ivPercentile * 100,
          y: "ivRv",
          title: (d: WatchlistRow) =>
            `${d.symbol}\nIV30 ${fmtVolPct(d.iv30)} · RV${d.rvWindowDays} ${fmtVolPct(d.rv)}\nIV percentile ${fmtPct(d.ivPercentile)} · IV rank ${fmtPct(d.ivRank)}\nIV/RV ${fmtRatio(d.ivRv)} · ${d.signal.stars} stars`
        })
      )
    ]
  });
  chart.setAttribute("data-chart", "richness-scatter");
  return chart;
}

/**
 * Label positions that do not overlap: labels sit to the right of their dot, and a label that would collide with
 * one already placed (sorted from the top) moves down by one line, joined to its dot by a thin line.
 */
function placeLabels(rows: readonly WatchlistRow[], {width, height, yDomain}: {width: number; height: number; yDomain: [number, number]}) {
  const lineY = ((yDomain[1] - yDomain[0]) * 14) / Math.max(height - 70, 50); // one text line in data units
  const labelX = (100 * 50) / Math.max(width - 80, 100); // a label's width in percentile points
  const placed: {x: number; y: number; labelX: number; labelY: number; symbol: string}[] = [];
  for (const r of [...rows].sort((a, b) => b.ivRv - a.ivRv)) {
    const x = r.ivPercentile * 100;
    let labelY = r.ivRv;
    while (placed.some((p) => Math.abs(p.labelX - (x + 1.5)) < labelX && Math.abs(p.labelY - labelY) < lineY)) labelY -= lineY;
    placed.push({x, y: r.ivRv, labelX: x + 1.5, labelY, symbol: r.symbol});
  }
  return placed;
}
