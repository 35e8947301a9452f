import * as Plot from "@observablehq/plot";
import type {ScenarioGrid} from "../lib/risk/scenarioGrid.js";
import {fmtMoney} from "./format.js";

/**
 * The scenario P&L grid as a heatmap: SPY move (%) on x, IV shock (vol points) on y, P&L in USD on a diverging
 * red-blue scale centred on zero, each cell labelled in $k, with a USD tooltip.
 */
export function ScenarioHeatmap(grid: ScenarioGrid, {width = 640, height = 320}: {width?: number; height?: number} = {}): HTMLElement {
  const nv = grid.volShocksPts.length;
  const cells = grid.spotMovesPct.flatMap((move, i) => grid.volShocksPts.map((shock, j) => ({move, shock, pnlUsd: grid.pnlUsd[i * nv + j]})));
  const extent = Math.max(1, ...cells.map((c) => Math.abs(c.pnlUsd)));
  const label = (d: (typeof cells)[number]) => `${d.pnlUsd < 0 ? "-" : ""}${Math.abs(d.pnlUsd) >= 10_000 ? Math.round(Math.abs(d.pnlUsd) / 1000) : (Math.abs(d.pnlUsd) / 1000).toFixed(1)}k`;
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {type: "band", domain: grid.spotMovesPct, label: "SPY move (%), beta-mapped per underlying", tickFormat: (d: number) => `${d > 0 ? "+" : ""}${d}%`},
    y: {type: "band", domain: [...grid.volShocksPts].reverse(), label: "IV shock (vol pts)", tickFormat: (d: number) => `${d > 0 ? "+" : ""}${d}`},
    color: {type: "diverging", scheme: "RdBu", domain: [-extent, extent], legend: true, label: "P&L (USD)", tickFormat: "~s"},
    marks: [
      Plot.cell(cells, {x: "move", y: "shock", fill: "pnlUsd", inset: 0.5}),
      Plot.text(cells, {x: "move", y: "shock", text: label, fontSize: 10, fill: (d: (typeof cells)[number]) => (Math.abs(d.pnlUsd) > extent * 0.6 ? "white" : "black")}),
      Plot.tip(cells, Plot.pointer({x: "move", y: "shock", title: (d: (typeof cells)[number]) => `SPY ${d.move > 0 ? "+" : ""}${d.move}%, IV ${d.shock > 0 ? "+" : ""}${d.shock} vol pts\nP&L ${fmtMoney(d.pnlUsd)}`}))
    ]
  }) as HTMLElement;
  chart.setAttribute("data-chart", "scenario-grid");
  return chart;
}
