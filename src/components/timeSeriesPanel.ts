import * as Plot from "@observablehq/plot";
import type {Period} from "./timelineNavigator.js";
import {TIMELINE_MARGINS} from "./timelineNavigator.js";

/** One observation of a named daily series. */
export type SeriesPoint = {date: string; value: number; series: string};

/** A shaded stretch of the timeline (e.g. a regime run) or of the value axis (e.g. a Fear & Greed zone). */
export type TimeShade = {x1: string; x2: string; fill: string};
export type ValueBand = {y1: number; y2: number; fill: string; label: string};

/**
 * One chart of a shared timeline: daily series as lines over exactly `period` (the same x domain and margins on
 * every panel, so they line up), y fitted to what is visible. Options: `colors` (series → colour, also the legend),
 * horizontal `rules` (e.g. 1.0), `shades` behind the lines over date spans, `bands` over value ranges,
 * `belowRule` fills the area between a series and a rule where the series is below it. Tooltip on the nearest
 * date: every series' value, formatted with `format`. Marked with `data-chart` and `data-period-days`.
 */
export function TimeSeriesPanel(
  points: readonly SeriesPoint[],
  {
    id,
    period,
    width = 640,
    height = 200,
    title,
    subtitle,
    caption,
    yLabel,
    format = (v: number) => v.toFixed(2),
    colors,
    rules = [],
    shades = [],
    bands = [],
    belowRule,
    yDomain
  }: {
    id: string;
    period: Period;
    width?: number;
    height?: number;
    title: string;
    subtitle?: string | Node;
    caption?: string | Node;
    yLabel: string;
    format?: (value: number) => string;
    colors?: Record<string, string>;
    rules?: {y: number; label?: string}[];
    shades?: TimeShade[];
    bands?: ValueBand[];
    belowRule?: {series: string; y: number; fill: string};
    yDomain?: [number, number];
  }
): ReturnType<typeof Plot.plot> {
  const [start, end] = period;
  const visible = points.filter((p) => p.date >= start && p.date <= end && Number.isFinite(p.value)).map((p) => ({...p, x: new Date(p.date)}));
  const names = colors ? Object.keys(colors) : [...new Set(visible.map((p) => p.series))];
  const byDate = new Map<string, SeriesPoint[]>();
  for (const p of visible) byDate.set(p.date, [...(byDate.get(p.date) ?? []), p]);
  const tipRows = [...byDate].map(([date, ps]) => ({x: new Date(date), date, ps, value: ps[0].value}));
  const spanDays = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  const clippedShades = shades.filter((s) => s.x2 >= start && s.x1 <= end);
  const dates = points.map((p) => p.date).sort();
  const empty = visible.length === 0 ? `No data in this period: the series runs ${dates[0] ?? "—"} → ${dates[dates.length - 1] ?? "—"}` : null;
  const below = belowRule ? visible.filter((p) => p.series === belowRule.series) : [];
  const chart = Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption,
    ...TIMELINE_MARGINS,
    x: {type: "utc", domain: [new Date(start), new Date(end)], label: null},
    y: {label: yLabel, grid: true, domain: yDomain, nice: true},
    color: colors ? {domain: names, range: names.map((n) => colors[n]), legend: names.length > 1} : {legend: names.length > 1},
    marks: [
      ...bands.map((b) => Plot.rect([b], {y1: "y1", y2: "y2", fill: b.fill, fillOpacity: 0.12})),
      ...bands.map((b) => Plot.text([b], {y: (d: ValueBand) => (d.y1 + d.y2) / 2, text: "label", frameAnchor: "right", dx: -4, fill: "#495057", fontSize: 10})),
      ...[...new Set(clippedShades.map((s) => s.fill))].map((fill) =>
        Plot.rect(
          clippedShades.filter((s) => s.fill === fill),
          {x1: (s: TimeShade) => new Date(s.x1 < start ? start : s.x1), x2: (s: TimeShade) => new Date(s.x2 > end ? end : s.x2), fill, fillOpacity: 0.16}
        )
      ),
      belowRule
        ? Plot.areaY(below, {x: "x", y1: belowRule.y, y2: (p: SeriesPoint) => Math.min(p.value, belowRule.y), fill: belowRule.fill, fillOpacity: 0.35})
        : null,
      ...rules.map((r) => Plot.ruleY([r.y], {stroke: "#495057", strokeDasharray: "4,3"})),
      ...rules.filter((r) => r.label).map((r) => Plot.text([r], {y: "y", text: "label", frameAnchor: "left", dx: 4, dy: -7, fill: "#495057", fontSize: 10})),
      Plot.lineY(visible, {x: "x", y: "value", stroke: "series", strokeWidth: 1.3}),
      empty ? Plot.text([empty], {frameAnchor: "middle", fontSize: 13, fill: "#868e96"}) : null,
      Plot.ruleX(tipRows, Plot.pointerX({x: "x", stroke: "#adb5bd"})),
      Plot.tip(
        tipRows,
        Plot.pointerX({
          x: "x",
          y: "value",
          title: (d: {date: string; ps: SeriesPoint[]}) => [d.date, ...d.ps.map((p) => `${p.series}: ${format(p.value)}`)].join("\n")
        })
      )
    ]
  });
  chart.setAttribute("data-chart", id);
  chart.setAttribute("data-period-days", String(spanDays));
  return chart;
}
