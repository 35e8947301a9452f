import * as Plot from "@observablehq/plot";
import type {ExpiryBucket, GreekTotals} from "../lib/risk/aggregate.js";

const GREEKS: {key: "betaDelta" | "betaGamma" | "vegaPerVolPt" | "thetaPerDay"; label: string}[] = [
  {key: "betaDelta", label: "beta delta (SPY-share eq.)"},
  {key: "betaGamma", label: "beta gamma (SPY-sh eq. per SPY pt)"},
  {key: "vegaPerVolPt", label: "vega (USD per vol pt)"},
  {key: "thetaPerDay", label: "theta (USD per day)"}
];

/** Greeks by days-to-expiry bucket: one small bar chart per greek (each with its own unit), buckets on y. */
export function GreeksByBucketChart(byBucket: Record<ExpiryBucket, GreekTotals>, {width = 640}: {width?: number} = {}): HTMLElement {
  const rows = Object.entries(byBucket).flatMap(([bucket, t]) => GREEKS.map((g) => ({bucket: `${bucket} DTE`, greek: g.label, value: t[g.key]})));
  const container = document.createElement("div");
  container.setAttribute("data-chart", "greeks-by-bucket");
  container.style.display = "grid";
  container.style.gridTemplateColumns = `repeat(${width > 700 ? 2 : 1}, 1fr)`;
  for (const g of GREEKS) {
    const data = rows.filter((r) => r.greek === g.label);
    container.append(
      Plot.plot({
        width: width > 700 ? width / 2 - 10 : width,
        height: 170,
        marginLeft: 70,
        title: g.label,
        x: {label: g.label, grid: true, tickFormat: "~s"},
        y: {label: null, domain: data.map((d) => d.bucket)},
        color: {domain: ["negative", "positive"], range: ["#e03131", "#1c7ed6"], legend: false},
        marks: [
          Plot.barX(data, {y: "bucket", x: "value", fill: (d: (typeof data)[number]) => (d.value < 0 ? "negative" : "positive"), tip: true}),
          Plot.ruleX([0])
        ]
      }) as HTMLElement
    );
  }
  return container;
}
