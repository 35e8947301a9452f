import {html} from "htl";

export type DatasetStatus = {dataset: string; source: string; asOf: string; demo: boolean; stale: boolean; staleReason?: string};

/**
 * The strip at the top of every page: says plainly when the data is the simulated demo market, and names every
 * stale source (a live source that failed, shown from its last good snapshot) with its reason and as-of time.
 */
export function DataBanner(statuses: DatasetStatus[], {asOf}: {asOf?: string} = {}): HTMLElement {
  const demo = statuses.some((s) => s.demo);
  const stale = statuses.filter((s) => s.stale);
  asOf ??= statuses.map((s) => s.asOf).sort().at(-1) ?? "";
  return html`<div class="voldesk-banners">
    ${demo
      ? html`<div class="voldesk-banner voldesk-banner--demo" data-testid="demo-banner">
          <strong>DEMO DATA</strong> — a simulated market and a simulated book (source: demo), as of ${asOf.slice(0, 10)}.
          Not anyone's portfolio; not investment advice.
        </div>`
      : null}
    ${stale.map(
      (s) => html`<div class="voldesk-banner voldesk-banner--stale" data-testid="stale-banner">
        <strong>STALE</strong> ${s.dataset} from ${s.source}: showing the last good snapshot of ${s.asOf}
        ${s.staleReason ? html`(${s.staleReason})` : null}
      </div>`
    )}
  </div>`;
}
