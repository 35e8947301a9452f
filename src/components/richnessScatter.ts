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
  {width = 640, height = 300, percentileLine = 0.5, ivRvLine = 1.2}: {width?: number; height?: number; percentileLine?: number; ivRvLine?: number} = {}
): ReturnType<typeof Plot.plot> {
  const data = rows.filter((r) => Number.isFinite(r.ivPercentile) && Number.isFinite(r.ivRv));
  const chart = Plot.plot({
    width,
    height,
    title: "Where premium is rich: IV percentile × IV/RV",
    subtitle: `Dot size = signal stars. Guides at the signal's thresholds: IV percentile ${fmtPct(percentileLine)}, IV/RV ${fmtRatio(ivRvLine)}.`,
    marginRight: 40,
    x: {label: "IV percentile (%) →", domain: [0, 100], grid: true},
    y: {label: "↑ IV/RV (ratio)", grid: true, zero: true},
    r: {domain: [0, 5], range: [3, 12]},
    marks: [
      Plot.ruleX([percentileLine * 100], {stroke: "#868e96", strokeDasharray: "4,3"}),
      Plot.ruleY([ivRvLine], {stroke: "#868e96", strokeDasharray: "4,3"}),
      Plot.ruleY([1], {stroke: "#ced4da"}),
      Plot.dot(data, {x: (d) => d.ivPercentile * 100, y: "ivRv", r: (d) => d.signal.stars, fill: "#1c7ed6", fillOpacity: 0.7, stroke: "white"}),
      Plot.text(data, {x: (d) => d.ivPercentile * 100, y: "ivRv", text: "symbol", dy: -12, fontSize: 11}),
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
