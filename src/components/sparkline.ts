import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {fmtVolPct} from "./format.js";

/**
 * A word-sized line of a vol series (decimals) over time, with its last point marked and, as the tooltip, the
 * range and last value. No axes: it sits in a table cell. Returns a span (empty dash when there is no data).
 */
export function Sparkline(points: readonly {date: string; iv: number}[], {width = 140, height = 28}: {width?: number; height?: number} = {}): HTMLElement {
  const data = points.filter((p) => Number.isFinite(p.iv)).map((p) => ({date: new Date(p.date), ivPct: p.iv * 100}));
  if (data.length < 2) return html`<span class="muted">—</span>`;
  const ivs = data.map((d) => d.ivPct / 100);
  const last = data[data.length - 1];
  const chart = Plot.plot({
    width,
    height,
    margin: 3,
    x: {axis: null, type: "utc"},
    y: {axis: null, zero: false},
    marks: [
      Plot.lineY(data, {x: "date", y: "ivPct", stroke: "#1c7ed6", strokeWidth: 1.25}),
      Plot.dot([last], {x: "date", y: "ivPct", r: 2.5, fill: "#1c7ed6"})
    ]
  });
  const title = `ATM IV 30d, ${points[0].date} → ${points[points.length - 1].date}: low ${fmtVolPct(Math.min(...ivs))}, high ${fmtVolPct(Math.max(...ivs))}, last ${fmtVolPct(last.ivPct / 100)}`;
  const span = html`<span class="voldesk-sparkline" title=${title}>${chart}</span>`;
  span.setAttribute("data-chart", "sparkline");
  return span;
}
