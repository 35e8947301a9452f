import type {RegimeLimits} from "../regime/riskMatrix.js";
import type {UnifiedPosition} from "../positions/unifiedPosition.js";
import type {StrategyGroup} from "../strategies/recognize.js";
import {GREEK_KEYS, type GreekTotals} from "./aggregate.js";
import {LIMIT_SPECS, limitRoom, type LimitName, type LimitReport} from "./limits.js";

/** One trade of a suggestion. `quantity` is signed: + buys, - sells (closing a short buys it back). */
export type HedgeTrade = {symbol: string; underlying: string; instrumentType: UnifiedPosition["instrumentType"]; quantity: number; action: "open" | "close"; note: string};

/** A suggested hedge for one breach, with the portfolio aggregates after it. */
export type HedgeSuggestion = {
  target: LimitName | "allowedStrategies";
  method: "SPY shares" | "/MES" | "/ES" | "close shortest-dated" | "buy SPY puts" | "close disallowed strategy";
  trades: HedgeTrade[];
  before: number; // the targeted aggregate before (NaN for strategies)
  after: GreekTotals; // portfolio aggregates after the trades
  resolves: boolean; // the targeted limit holds after the trades
  newBreaches: LimitName[]; // limits that held before and are broken after the trades
  note: string;
};

/** Default SPX/SPY price ratio when no SPX level is given: SPY is 1/10 of the index, less accrued dividends and fees
 * (2023-09-14 close: SPX 4505.10 / SPY 450.36 = 10.003). */
export const DEFAULT_SPX_PER_SPY = 10;

/** Options for suggestHedges. */
export type HedgeOptions = {
  spySpot: number;
  spxSpot?: number; // for the /MES and /ES sizes; else spySpot x DEFAULT_SPX_PER_SPY
  putCandidates?: readonly UnifiedPosition[]; // SPY puts, quantity 1 each, greeks per contract (see toUnifiedPositions)
  asOfDate?: string; // "YYYY-MM-DD": candidates expiring within 7 days are not used
};

/**
 * Hedge suggestions that bring each breached aggregate back inside its limit, each with the aggregates after it.
 *
 * - max_beta_delta: SPY shares (one share = 1 SPY-share eq.), /MES ($5 x SPX = 5 x SPX/SPY ~ 50 SPY-share eq. per
 *   contract) or /ES ($50 x SPX ~ 500), the count that lands nearest zero; futures only when they improve.
 * - max_gamma, max_negative_vega, min_daily_theta: close the contributing positions (same sign as the excess),
 *   shortest-dated first, as many contracts as needed; and, for short gamma or short vega, buy SPY puts from
 *   `putCandidates` (most gamma, resp. vega, per premium dollar; 30-120 DTE for vega, >= 7 DTE for gamma).
 * - Strategies the regime does not allow: each group is listed for closing.
 * A suggestion is only returned when it strictly reduces its breach; `resolves` says whether it fully cures it and
 * `newBreaches` which other limits it would break (closing short puts adds delta; buying puts subtracts it).
 * Totals keep their `missing` counts: positions with unknown greeks are neither hedged nor closed.
 */
export function suggestHedges(
  positions: readonly UnifiedPosition[],
  totals: GreekTotals,
  report: LimitReport,
  limits: RegimeLimits,
  groups: readonly StrategyGroup[],
  {spySpot, spxSpot, putCandidates = [], asOfDate}: HedgeOptions
): HedgeSuggestion[] {
  const suggestions: HedgeSuggestion[] = [];
  const spxPerSpy = spxSpot !== undefined && spxSpot > 0 && spySpot > 0 ? spxSpot / spySpot : DEFAULT_SPX_PER_SPY;
  for (const breach of report.breaches) {
    const {limit} = breach;
    const greek = LIMIT_SPECS[limit].greek;
    const excess = (t: GreekTotals) => Math.max(0, -limitRoom(limit, t[greek], limits[limit]));
    const keep = (s: Omit<HedgeSuggestion, "newBreaches">) => {
      if (GREEK_KEYS.every((k) => Number.isFinite(s.after[k])) && excess(s.after) < excess(totals) - 1e-9) {
        suggestions.push({...s, newBreaches: newlyBroken(totals, s.after, limits)});
      }
    };
    if (limit === "maxBetaDelta") {
      const x = totals.betaDelta;
      for (const [method, perContract, symbol, type] of [
        ["SPY shares", 1, "SPY", "Equity"],
        ["/MES", 5 * spxPerSpy, "/MES", "Future"],
        ["/ES", 50 * spxPerSpy, "/ES", "Future"]
      ] as const) {
        const n = bestCount(x, perContract);
        if (n === 0) continue;
        const after = shifted(totals, {betaDelta: n * perContract});
        keep({
          target: limit,
          method,
          trades: [{symbol, underlying: symbol, instrumentType: type, quantity: n, action: "open", note: `${fmt(perContract)} SPY-share eq. each`}],
          before: x,
          after,
          resolves: Math.abs(after.betaDelta) <= limits.maxBetaDelta + 1e-9,
          note: `${n > 0 ? "buy" : "sell"} ${Math.abs(n)} ${method === "SPY shares" ? "SPY shares" : method + " contracts"}`
        });
      }
      continue;
    }
    // gamma, vega, theta: close what pushes the aggregate past its limit, shortest-dated first
    const side = LIMIT_SPECS[limit].kind === "floor" ? -1 : Math.sign(totals[greek]);
    const contributors = positions
      .filter((p) => Number.isFinite(p[greek]) && Math.sign(p[greek]) === side && GREEK_KEYS.every((k) => Number.isFinite(p[k])))
      .sort((a, b) => (a.expiry ?? "9999") < (b.expiry ?? "9999") ? -1 : (a.expiry ?? "9999") > (b.expiry ?? "9999") ? 1 : a[greek] * side > b[greek] * side ? -1 : 1);
    let after = totals;
    const trades: HedgeTrade[] = [];
    for (const p of contributors) {
      if (excess(after) <= 1e-9) break;
      const step = p.multiplier === 1 && p.instrumentType !== "Equity" ? 0.1 : 1; // coins close in 0.1 steps
      const needed = Math.min(Math.abs(p.quantity), Math.ceil((excess(after) / Math.abs(p[greek] / p.quantity)) / step - 1e-9) * step);
      const fraction = needed / Math.abs(p.quantity);
      after = shifted(after, Object.fromEntries(GREEK_KEYS.map((k) => [k, -p[k] * fraction])));
      trades.push({symbol: p.symbol, underlying: p.underlying, instrumentType: p.instrumentType, quantity: -Math.sign(p.quantity) * round(needed), action: "close", note: `${p.broker} ${p.expiry ?? ""}`.trim()});
    }
    if (trades.length) {
      keep({target: limit, method: "close shortest-dated", trades, before: totals[greek], after, resolves: excess(after) <= 1e-9, note: `close ${trades.length} contributing position(s), shortest-dated first`});
    }
    const wantsLongOptionality = (limit === "maxGamma" && totals.betaGamma < 0) || limit === "maxNegativeVega";
    if (wantsLongOptionality && putCandidates.length) {
      const put = choosePut(putCandidates, limit === "maxGamma" ? "betaGamma" : "vegaPerVolPt", asOfDate);
      if (put) {
        const per = put[greek];
        const n = Math.ceil(excess(totals) / per - 1e-9);
        const afterPuts = shifted(totals, Object.fromEntries(GREEK_KEYS.map((k) => [k, put[k] * n])));
        keep({
          target: limit,
          method: "buy SPY puts",
          trades: [{symbol: put.symbol, underlying: "SPY", instrumentType: "Option", quantity: n, action: "open", note: `${put.expiry} ${put.strike} put, ${fmt(per)} ${LIMIT_SPECS[limit].unit} each`}],
          before: totals[greek],
          after: afterPuts,
          resolves: excess(afterPuts) <= 1e-9,
          note: `buy ${n} SPY ${put.strike} puts expiring ${put.expiry} (adds ${fmt(put.betaDelta * n)} beta delta)`
        });
      }
    }
  }
  for (const sb of report.strategyBreaches) {
    const group = groups.find((g) => g.id === sb.groupId);
    if (!group) continue;
    let after = totals;
    const trades: HedgeTrade[] = [];
    for (const leg of group.legs) {
      const p = positions.find((q) => q.broker === group.broker && q.account === group.account && q.symbol === leg.symbol);
      if (p && p.quantity !== 0) {
        const fraction = leg.quantity / p.quantity;
        after = shifted(after, Object.fromEntries(GREEK_KEYS.filter((k) => Number.isFinite(p[k])).map((k) => [k, -p[k] * fraction])));
      }
      trades.push({symbol: leg.symbol, underlying: group.underlying, instrumentType: p?.instrumentType ?? "Option", quantity: -leg.quantity, action: "close", note: group.label});
    }
    suggestions.push({
      target: "allowedStrategies",
      method: "close disallowed strategy",
      trades,
      before: NaN,
      after,
      resolves: true,
      newBreaches: newlyBroken(totals, after, limits),
      note: `${group.label} is not allowed (regime allows: ${sb.allowed.join(", ") || "none"})`
    });
  }
  return suggestions;
}

/** Integer count of hedge units (each `per` SPY-share eq.) that brings x nearest zero; 0 when none improves. */
function bestCount(x: number, per: number): number {
  const n = Math.round(-x / per);
  return Math.abs(x + n * per) < Math.abs(x) ? n : 0;
}

function choosePut(candidates: readonly UnifiedPosition[], greek: "betaGamma" | "vegaPerVolPt", asOfDate?: string): UnifiedPosition | null {
  const dte = (p: UnifiedPosition) => (asOfDate && p.expiry ? (Date.parse(p.expiry) - Date.parse(asOfDate)) / 86_400_000 : 45);
  const [lo, hi] = greek === "vegaPerVolPt" ? [30, 120] : [7, 60];
  let best: UnifiedPosition | null = null;
  let bestScore = 0;
  for (const p of candidates) {
    if (p.right !== "P" || !(p.price > 0) || !(p[greek] > 0) || !GREEK_KEYS.every((k) => Number.isFinite(p[k]))) continue;
    const d = dte(p);
    if (d < lo || d > hi) continue;
    const score = p[greek] / (p.price * p.multiplier);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

function newlyBroken(before: GreekTotals, after: GreekTotals, limits: RegimeLimits): LimitName[] {
  const broken = (t: GreekTotals, l: LimitName) => limitRoom(l, t[LIMIT_SPECS[l].greek], limits[l]) < -1e-9 * Math.max(1, Math.abs(limits[l]));
  return (Object.keys(LIMIT_SPECS) as LimitName[]).filter((l) => !broken(before, l) && broken(after, l));
}

function shifted(t: GreekTotals, delta: Partial<Record<(typeof GREEK_KEYS)[number], number>>): GreekTotals {
  const next: GreekTotals = {...t, missing: {...t.missing}, missingSymbols: [...t.missingSymbols]};
  for (const k of GREEK_KEYS) next[k] = t[k] + (delta[k] ?? 0);
  return next;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
