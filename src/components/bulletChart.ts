import * as Plot from "@observablehq/plot";
import type {LimitCheck} from "../lib/risk/limits.js";

export type LimitBullet = {
  label: string; // e.g. "Beta delta (SPY sh)"
  value: number;
  limit: number; // the regime's limit, in the value's unit
  kind: "max-abs" | "min" | "max-negative"; // how the limit reads: |value| <= limit, value >= limit, value >= limit (<= 0)
  unit: string;
  status: "ok" | "near" | "breach";
  after?: number; // optional: the value after a suggested hedge, drawn as a hollow dot
};

const LIMIT_LABELS: Record<LimitCheck["limit"], [string, string, LimitBullet["kind"]]> = {
  maxBetaDelta: ["Beta delta", "SPY-share eq.", "max-abs"],
  maxNegativeVega: ["Vega", "USD per vol pt", "max-negative"],
  minDailyTheta: ["Theta", "USD per day", "min"],
  maxGamma: ["Beta gamma", "SPY-sh eq. per SPY pt", "max-abs"]
};

/** Bullets from checkLimits' checks (labels and units as traders read them); `after` values by limit, optional. */
export function bulletsFromChecks(checks: readonly LimitCheck[], after: Partial<Record<LimitCheck["limit"], number>> = {}): LimitBullet[] {
  return checks.map((c) => {
    const [label, unit, kind] = LIMIT_LABELS[c.limit];
    return {label, value: c.value, limit: c.limitValue, kind, unit, status: c.status, after: after[c.limit]};
  });
}

const STATUS_COLOR = {ok: "#2f9e44", near: "#f08c00", breach: "#e03131"};

/**
 * One bullet chart per limit: a grey band for the allowed zone, a bar for the current value coloured by status,
 * and a tick at the limit. Each row has its own x scale, so a gamma of 12 and a vega of -2,000 both read well.
 */
export function BulletChart(bullets: LimitBullet[], {width = 640}: {width?: number} = {}): HTMLElement {
  const rows = bullets.map((b) => ({...b, span: Math.max(Math.abs(b.value), Math.abs(b.limit), Math.abs(b.after ?? 0), 1) * 1.25}));
  const container = document.createElement("div");
  container.className = "voldesk-bullets";
  for (const row of rows) {
    const domain: [number, number] = row.kind === "max-negative" ? [-row.span, row.span * 0.25] : row.kind === "min" ? [Math.min(0, row.value * 1.25), row.span] : [-row.span, row.span];
    const allowed: [number, number] =
      row.kind === "max-abs" ? [-row.limit, row.limit] : row.kind === "min" ? [row.limit, domain[1]] : [row.limit, domain[1]];
    const chart = Plot.plot({
      width,
      height: 60,
      marginTop: 6,
      marginBottom: 30,
      marginLeft: 170,
      marginRight: 90,
      x: {domain, grid: false, tickFormat: "~s", label: row.unit},
      y: {axis: null, domain: [row.label]},
      marks: [
        Plot.barX([{y: row.label, x1: allowed[0], x2: allowed[1]}], {y: "y", x1: "x1", x2: "x2", fill: "#dee2e6", inset: 1}),
        Plot.barX([{y: row.label, x: row.value}], {y: "y", x1: 0, x2: "x", fill: STATUS_COLOR[row.status], inset: 7}),
        Plot.tickX([{y: row.label, x: row.limit}], {y: "y", x: "x", stroke: "#212529", strokeWidth: 2}),
        ...(row.kind === "max-abs" ? [Plot.tickX([{y: row.label, x: -row.limit}], {y: "y", x: "x", stroke: "#212529", strokeWidth: 2})] : []),
        Plot.text([row], {y: "label", x: domain[0], text: "label", textAnchor: "end", dx: -8, fontSize: 12}),
        Plot.text([row], {
          y: "label",
          x: domain[1],
          text: (d: typeof row) => `${Math.round(d.value).toLocaleString("en-US")} / ${d.limit.toLocaleString("en-US")}`,
          textAnchor: "start",
          dx: 8,
          fill: STATUS_COLOR[row.status],
          fontWeight: "bold"
        }),
        ...(row.after !== undefined && Number.isFinite(row.after)
          ? [Plot.dot([{y: row.label, x: row.after}], {y: "y", x: "x", r: 6, stroke: "#212529", strokeWidth: 2, fill: "white", title: () => `after hedge: ${row.after!.toFixed(1)} ${row.unit}`})]
          : []),
        Plot.tip([row], Plot.pointer({y: "label", x: "value", title: (d: typeof row) => `${d.label}: ${d.value.toFixed(1)} ${d.unit}\nlimit ${d.limit} (${d.kind})\nstatus ${d.status}`}))
      ]
    });
    chart.setAttribute("data-chart", "limit-bullet");
    container.append(chart);
  }
  return container;
}
