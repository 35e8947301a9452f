/**
 * The straightforward suggestHedges, one scan of the book per breach and per disallowed group (the pre-index
 * implementation): test/lib/risk/hedges.test.ts holds the indexed lib/risk/hedges.ts to it, field for field.
 */
import type {RegimeLimits} from "../../../lib/regime/riskMatrix.js";
import type {UnifiedPosition} from "../../../lib/positions/unifiedPosition.js";
import type {StrategyGroup} from "../../../lib/strategies/recognize.js";
import {GREEK_KEYS, type GreekTotals} from "../../../lib/risk/aggregate.js";
import {DEFAULT_SPX_PER_SPY, type HedgeOptions, type HedgeSuggestion, type HedgeTrade} from "../../../lib/risk/hedges.js";
import {LIMIT_SPECS, limitRoom, type LimitName, type LimitReport} from "../../../lib/risk/limits.js";
import {position} from "./positionFixture.js";

export function referenceSuggestHedges(
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
    // shortest-dated first, larger exposure first, then book order (the documented tie-break)
    const contributors = positions
      .map((p, i) => ({p, i}))
      .filter(({p}) => Number.isFinite(p[greek]) && Math.sign(p[greek]) === side && GREEK_KEYS.every((k) => Number.isFinite(p[k])))
      .sort((a, b) => {
        const ea = a.p.expiry ?? "9999";
        const eb = b.p.expiry ?? "9999";
        if (ea !== eb) return ea < eb ? -1 : 1;
        const ga = a.p[greek] * side;
        const gb = b.p[greek] * side;
        return ga !== gb ? (ga > gb ? -1 : 1) : a.i - b.i;
      })
      .map(({p}) => p);
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
