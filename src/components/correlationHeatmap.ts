import * as Plot from "@observablehq/plot";
import type {CorrelationMatrix} from "../lib/risk/correlationMatrix.js";

/** Correlation matrix heatmap: symbols on both axes, correlation -1..1 on a diverging scale, value in each cell. */
export function CorrelationHeatmap(m: CorrelationMatrix, {width = 640}: {width?: number} = {}): HTMLElement {
  const n = m.symbols.length;
  const cells = m.symbols.flatMap((a, i) => m.symbols.map((b, j) => ({a, b, rho: m.correlation[i * n + j], n: m.nReturns[i * n + j]})));
  const size = Math.min(width, 80 + 44 * n);
  const chart = Plot.plot({
    width: size,
    height: size - 20,
    marginLeft: 60,
    marginBottom: 40,
    x: {domain: m.symbols, label: null, tickRotate: 0},
    y: {domain: m.symbols, label: null},
    color: {type: "diverging", scheme: "PuOr", domain: [-1, 1], legend: true, label: "correlation of daily log returns"},
    marks: [
      Plot.cell(cells, {x: "a", y: "b", fill: "rho", inset: 0.5}),
      Plot.text(cells, {x: "a", y: "b", text: (d: (typeof cells)[number]) => (Number.isFinite(d.rho) ? d.rho.toFixed(2) : "—"), fontSize: 9, fill: (d: (typeof cells)[number]) => (Math.abs(d.rho) > 0.6 ? "white" : "black")}),
      Plot.tip(cells, Plot.pointer({x: "a", y: "b", title: (d: (typeof cells)[number]) => `${d.a} / ${d.b}: ${Number.isFinite(d.rho) ? d.rho.toFixed(3) : "n/a"}\n${d.n} aligned daily returns`}))
    ]
  }) as HTMLElement;
  chart.setAttribute("data-chart", "correlation");
  return chart;
}
