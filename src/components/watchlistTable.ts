import {html} from "htl";
import type {WatchlistRow} from "../lib/signals/watchlistRow.js";
import {fmtLevel, fmtPct, fmtRatio, fmtVolPct} from "./format.js";
import {Sparkline} from "./sparkline.js";

type Column = {
  key: string;
  label: string;
  definition: string; // header tooltip
  sortValue?: (row: WatchlistRow) => number | string;
  render: (row: WatchlistRow) => unknown;
  numeric?: boolean;
};

const STATE_CLASS = {contango: "status-ok", backwardation: "status-breach", flat: "muted", unknown: "muted"};

/** The stars as text: ★★★☆☆. */
function stars(n: number): string {
  return "★".repeat(n) + "☆".repeat(Math.max(0, 5 - n));
}

function columns(surfaceHref: (symbol: string) => string): Column[] {
  return [
    {
      key: "symbol",
      label: "Underlying",
      definition: "Click to open the underlying's volatility surface",
      sortValue: (r) => r.symbol,
      render: (r) => html`<a class="voldesk-watchlist__link" href=${surfaceHref(r.symbol)} data-symbol=${r.symbol}>${r.symbol} →</a>`
    },
    {key: "spot", label: "Spot", definition: "Last close", numeric: true, sortValue: (r) => r.spot, render: (r) => html`<span title=${`close of ${r.spotDate}`}>${fmtLevel(r.spot)}</span>`},
    {key: "iv30", label: "IV30", definition: "30-day ATM implied vol, last close", numeric: true, sortValue: (r) => r.iv30, render: (r) => html`<span title=${`as of ${r.ivDate}`}>${fmtVolPct(r.iv30)}</span>`},
    {
      key: "ivPercentile",
      label: "IV pctl",
      definition: "IV percentile: share of the other days of the window with a lower IV30",
      numeric: true,
      sortValue: (r) => r.ivPercentile,
      render: (r) => html`<span title=${`${r.rankDaysUsed} of ${r.rankWindowDays} days`}>${fmtPct(r.ivPercentile)}</span>`
    },
    {
      key: "ivRank",
      label: "IV rank",
      definition: "IV rank: (IV30 − window low) / (window high − window low)",
      numeric: true,
      sortValue: (r) => r.ivRank,
      render: (r) => fmtPct(r.ivRank)
    },
    {
      key: "ivRv",
      label: "IV/RV",
      definition: "IV30 over close-to-close realised vol of the last 21 sessions (30 days for crypto)",
      numeric: true,
      sortValue: (r) => r.ivRv,
      render: (r) => html`<span title=${`RV${r.rvWindowDays} ${fmtVolPct(r.rv)}`}>${fmtRatio(r.ivRv)}</span>`
    },
    {
      key: "term",
      label: "Term 30→90d",
      definition: "ATM IV at 90 days over 30 days, from the chain: > 1.02 contango, < 0.98 backwardation",
      sortValue: (r) => r.term.ratio,
      render: (r) =>
        html`<span class=${STATE_CLASS[r.term.state]} title=${`30d ${fmtVolPct(r.term.frontIv)} → 90d ${fmtVolPct(r.term.backIv)}`}>${r.term.state} ${fmtRatio(r.term.ratio)}</span>`
    },
    {
      key: "skew",
      label: "Put skew",
      definition: "25-delta put IV / ATM IV at the target expiry",
      numeric: true,
      sortValue: (r) => r.target?.putSkew ?? NaN,
      render: (r) => html`<span title=${r.target ? `25Δ put ${fmtVolPct(r.target.put25Iv)} vs ATM ${fmtVolPct(r.target.atmIv)}` : ""}>${fmtRatio(r.target?.putSkew ?? NaN)}</span>`
    },
    {
      key: "signal",
      label: "Signal",
      definition: "Premium-selling stars, one per rule met (rules below the table)",
      sortValue: (r) => r.signal.stars,
      render: (r) => {
        const detail = r.signal.checks.map((c) => `${c.met === null ? "?" : c.met ? "✓" : "✗"} ${c.rule}`).join("\n");
        return html`<span class="voldesk-stars" data-stars=${r.signal.stars} title=${detail} aria-label=${`${r.signal.stars} of 5 stars`}>${stars(r.signal.stars)}</span>`;
      }
    },
    {
      key: "target",
      label: "Target DTE",
      definition: "Days to the listed expiry nearest 45 days",
      numeric: true,
      sortValue: (r) => r.target?.days ?? NaN,
      render: (r) => (r.target ? html`<span title=${`expires ${r.target.expiry}`}>${Math.round(r.target.days)}d <span class="muted">${r.target.expiry}</span></span>` : "—")
    },
    {key: "spark", label: "ATM IV, 1 year", definition: "30-day ATM implied vol over the rank window", render: (r) => Sparkline(r.history)}
  ];
}

/**
 * The watchlist as a sortable table (click a header; again to reverse): underlying (a link to its surface page),
 * spot, IV30, IV percentile and rank, IV/RV, term structure, put skew, signal stars, target DTE and a sparkline
 * of ATM IV. Header tooltips define every column. Missing values sort last.
 */
export function WatchlistTable(
  rows: readonly WatchlistRow[],
  {surfaceHref = (symbol: string) => `./surface?symbol=${encodeURIComponent(symbol)}`, sort = "signal", descending = true}: {surfaceHref?: (symbol: string) => string; sort?: string; descending?: boolean} = {}
): HTMLElement {
  const cols = columns(surfaceHref);
  let sortKey = sort;
  let desc = descending;
  const tbody = html`<tbody></tbody>`;
  const headers = cols.map((c) => {
    const th = html`<th class=${c.numeric ? "num" : ""} title=${c.definition} scope="col">${c.label}</th>`;
    if (c.sortValue) {
      th.classList.add("sortable");
      th.addEventListener("click", () => {
        desc = sortKey === c.key ? !desc : c.numeric || c.key === "signal";
        sortKey = c.key;
        render();
      });
    }
    return th;
  });
  const render = () => {
    const col = cols.find((c) => c.key === sortKey) ?? cols[0];
    const value = col.sortValue ?? (() => 0);
    const missing = (v: number | string) => typeof v === "number" && !Number.isFinite(v);
    // secondary order: IV percentile, high first
    const sorted = [...rows].sort((a, b) => {
      const [va, vb] = [value(a), value(b)];
      if (missing(va) !== missing(vb)) return missing(va) ? 1 : -1;
      const cmp = va < vb ? -1 : va > vb ? 1 : 0;
      return (desc ? -cmp : cmp) || (b.ivPercentile || 0) - (a.ivPercentile || 0);
    });
    headers.forEach((th, i) => th.setAttribute("aria-sort", cols[i].key === sortKey ? (desc ? "descending" : "ascending") : "none"));
    tbody.replaceChildren(
      ...sorted.map((r) => html`<tr data-symbol=${r.symbol}>${cols.map((c) => html`<td class=${c.numeric ? "num" : ""}>${c.render(r)}</td>`)}</tr>`)
    );
  };
  render();
  const table = html`<table class="voldesk-watchlist"><thead><tr>${headers}</tr></thead>${tbody}</table>`;
  const wrap = html`<div class="voldesk-table-wrap">${table}</div>`;
  wrap.setAttribute("data-chart", "watchlist-table");
  return wrap;
}
