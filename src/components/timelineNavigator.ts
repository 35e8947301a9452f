import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import {html} from "htl";

/** A period on the shared timeline: first and last day, "YYYY-MM-DD". */
export type Period = [string, string];

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The margins every chart on a shared timeline uses, so their x axes line up. */
export const TIMELINE_MARGINS = {marginLeft: 56, marginRight: 28};

/**
 * A period selector for a shared timeline: preset buttons (3M … All) and a brushable overview of one series (drag
 * to choose any window). Its `value` is the selected [start, end] days; it dispatches "input" on every change, so
 * `view(TimelineNavigator(...))` in a page makes the period reactive. Redraws itself on resize, keeping the period.
 */
export function TimelineNavigator(
  points: readonly {date: string; value: number}[],
  {
    label = "",
    initialDays = 365,
    presets = [
      ["3M", 91],
      ["6M", 182],
      ["1Y", 365],
      ["3Y", 1096],
      ["5Y", 1826],
      ["All", Infinity]
    ],
    height = 72
  }: {label?: string; initialDays?: number; presets?: [string, number][]; height?: number} = {}
): HTMLElement & {value: Period} {
  const data = points.filter((p) => Number.isFinite(p.value)).map((p) => ({date: new Date(p.date), value: p.value}));
  const first = data[0]?.date ?? new Date();
  const last = data[data.length - 1]?.date ?? new Date();
  const preset = (days: number): Period => [iso(new Date(Math.max(+first, +last - days * DAY_MS))), iso(last)];
  let value = preset(initialDays);
  let moveBrush: (period: Period) => void = () => {};

  const status = html`<span class="muted"></span>`;
  const buttons = presets.map(([name, days]) => {
    const button = html`<button type="button">${name}</button>`;
    button.addEventListener("click", () => set(preset(days)));
    return button;
  });
  const chartHolder = html`<div></div>`;
  const root = html`<div class="voldesk-navigator">
    <div class="voldesk-navigator__bar"><strong>Period</strong> ${buttons} ${status}</div>
    ${chartHolder}
  </div>` as HTMLElement & {value: Period};
  root.setAttribute("data-chart", "timeline-navigator");

  function showStatus() {
    const days = Math.round((Date.parse(value[1]) - Date.parse(value[0])) / DAY_MS);
    status.textContent = `${value[0]} → ${value[1]} (${days} days). Drag on the ${label} overview to pick any window.`;
    root.value = value;
  }
  function set(period: Period) {
    value = period;
    moveBrush(period);
    showStatus();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }
  function draw(width: number) {
    const chart = Plot.plot({
      width,
      height,
      ...TIMELINE_MARGINS,
      marginBottom: 22,
      x: {type: "utc", label: null},
      y: {axis: null},
      marks: [
        Plot.areaY(data, {x: "date", y: "value", fill: "#dee2e6"}),
        Plot.lineY(data, {x: "date", y: "value", stroke: "#868e96", strokeWidth: 1}),
        Plot.text([label], {frameAnchor: "top-left", dx: 4, dy: 2, fill: "#495057", fontSize: 11})
      ]
    });
    const x = chart.scale("x")!;
    const toPx = (day: string) => x.apply(new Date(day)) as number;
    const brush = d3
      .brushX()
      .extent([
        [TIMELINE_MARGINS.marginLeft, 0],
        [width - TIMELINE_MARGINS.marginRight, height - 22]
      ])
      .on("end", (event: d3.D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // programmatic moves
        const selection = event.selection as [number, number] | null;
        if (!selection) return set([iso(first), iso(last)]);
        const [a, b] = selection.map((px) => x.invert!(px) as Date);
        set([iso(a), iso(b)]);
      });
    const g = d3.select(chart as SVGSVGElement).append("g").attr("class", "voldesk-navigator__brush").call(brush);
    moveBrush = (period) => g.call(brush.move, [toPx(period[0]), toPx(period[1])]);
    moveBrush(value);
    chartHolder.replaceChildren(chart);
  }
  let drawnWidth = 0;
  new ResizeObserver(([entry]) => {
    const width = Math.floor(entry.contentRect.width);
    if (width > 0 && width !== drawnWidth) draw((drawnWidth = width));
  }).observe(chartHolder);
  showStatus();
  return root;
}
