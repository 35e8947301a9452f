import {html} from "htl";

/** Regime colours, the same as the .regime--<name> banners in style.css. Unknown regimes get grey. */
export const REGIME_COLORS: Record<string, string> = {
  low_volatility: "#1c7ed6",
  neutral_volatility: "#2f9e44",
  high_volatility: "#e8590c",
  crisis_mode: "#c92a2a"
};

/** The colour of a regime (grey when the matrix names one this palette does not know). */
export function regimeColor(regime: string): string {
  return REGIME_COLORS[regime] ?? "#868e96";
}

/** A swatch legend of regimes, most severe first, each with its day count when given. */
export function RegimeLegend(regimes: readonly string[], {days}: {days?: Record<string, number>} = {}): HTMLElement {
  return html`<div class="voldesk-regime-legend">${regimes.map(
    (r) => html`<span style=${`--swatch: ${regimeColor(r)}`}>${r.replace(/_/g, " ")}${days ? ` (${days[r] ?? 0} days)` : ""}</span>`
  )}</div>`;
}
