import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {RegimeLimits} from "../../../lib/regime/riskMatrix.js";
import type {UnifiedPosition} from "../../../lib/positions/unifiedPosition.js";
import type {StrategyGroup} from "../../../lib/strategies/recognize.js";
import {aggregateGreeks, GREEK_KEYS, type GreekTotals} from "../../../lib/risk/aggregate.js";
import {DEFAULT_SPX_PER_SPY, suggestHedges, type HedgeOptions, type HedgeSuggestion, type HedgeTrade} from "../../../lib/risk/hedges.js";
import {checkLimits, LIMIT_SPECS, limitRoom, type LimitName, type LimitReport} from "../../../lib/risk/limits.js";
import {recognizeStrategies} from "../../../lib/strategies/recognize.js";
import {position} from "./positionFixture.js";

// Issue 7: a what-if on 10,000 positions must fit one animation frame, so suggestHedges indexes the book instead of
// scanning it per breach and per disallowed group. These tests hold the indexed suggestHedges to the
// straightforward scan below (the pre-index implementation), field for field and bit for bit.

// high_volatility in config/risk_matrix.yaml: iron condors, credit spreads and naked shorts are not allowed
const HIGH: RegimeLimits = {maxBetaDelta: 100, maxNegativeVega: -2500, minDailyTheta: 600, maxGamma: 20, allowedStrategies: ["Ratio Backspreads", "Short Strangles (Managed)", "Jade Lizards"]};

describe("issue 7: suggestHedges equals the straightforward scan", () => {
  it("on a book with numeric and strategy breaches, several accounts sharing symbols", () => {
    const positions = [];
    for (let a = 0; a < 6; ++a) {
      const account = `U${a}`;
      positions.push(
        position({account, symbol: `P400-${a % 2}`, strike: 400, quantity: -3, betaDelta: 60, betaGamma: -4, vegaPerVolPt: -300, thetaPerDay: 20}),
        position({account, symbol: `P390-${a % 2}`, strike: 390, quantity: 3, betaDelta: -30, betaGamma: 2, vegaPerVolPt: 200, thetaPerDay: -12}),
        position({account, symbol: `C450-${a}`, right: "C", strike: 450, quantity: -2, betaDelta: -40, betaGamma: -3, vegaPerVolPt: -150, thetaPerDay: 15, expiry: "2024-05-24"})
      );
    }
    const groups = recognizeStrategies(positions);
    const totals = aggregateGreeks(positions, {asOfDate: "2024-05-17", groups}).portfolio;
    const report = checkLimits(totals, groups, HIGH);
    expect(report.breaches.length).toBeGreaterThan(0);
    expect(report.strategyBreaches.length).toBeGreaterThan(6);
    const options = {spySpot: 500, asOfDate: "2024-05-17"};
    const all = suggestHedges(positions, totals, report, HIGH, groups, options);
    expect(all).toEqual(referenceSuggestHedges(positions, totals, report, HIGH, groups, options));
    // a page that shows a few rows asks for a few close-outs: the limit hedges, then the first 3 disallowed groups
    const capped = suggestHedges(positions, totals, report, HIGH, groups, {...options, maxStrategySuggestions: 3});
    const limitHedges = all.filter((x) => x.target !== "allowedStrategies");
    expect(limitHedges.length).toBeGreaterThan(0);
    expect(capped).toEqual([...limitHedges, ...all.filter((x) => x.target === "allowedStrategies").slice(0, 3)]);
  });

  it("on random books with repeated symbols, equal exposures and unknown greeks (property)", () => {
    const greek = fc.oneof(fc.integer({min: -40, max: 40}).map((x) => x * 25), fc.constant(NaN));
    const row = fc.record({
      account: fc.constantFrom("U1", "U2", "U3"), symbol: fc.constantFrom("A", "B", "C", "D"), right: fc.constantFrom("C" as const, "P" as const),
      q: fc.integer({min: -5, max: 5}).filter((q) => q !== 0), day: fc.constantFrom(7, 14, 21),
      betaDelta: greek, betaGamma: fc.integer({min: -8, max: 8}), vegaPerVolPt: greek, thetaPerDay: greek
    });
    const put = position({symbol: "SPYP", right: "P", expiry: "2024-07-19", quantity: 1, price: 5, betaDelta: -40, betaGamma: 1.2, vegaPerVolPt: 55, thetaPerDay: -9});
    const limits = fc.record({maxBetaDelta: fc.constantFrom(0, 100, 300), maxNegativeVega: fc.constantFrom(0, -500), minDailyTheta: fc.constantFrom(0, 100), maxGamma: fc.constantFrom(5, 20)});
    fc.assert(
      fc.property(fc.array(row, {minLength: 1, maxLength: 16}), limits, (rows, l) => {
        const book = rows.map((r) => position({...r, strike: 400 + r.symbol.charCodeAt(0), quantity: r.q, expiry: `2024-06-${String(r.day).padStart(2, "0")}`}));
        const lim = {...l, allowedStrategies: ["Strangles"]};
        const groups = recognizeStrategies(book);
        const totals = aggregateGreeks(book, {asOfDate: "2024-06-01", groups}).portfolio;
        const report = checkLimits(totals, groups, lim);
        const options = {spySpot: 500, putCandidates: [put], asOfDate: "2024-06-01"};
        expect(suggestHedges(book, totals, report, lim, groups, options)).toEqual(referenceSuggestHedges(book, totals, report, lim, groups, options));
      }),
      {numRuns: 300}
    );
  });
});

// ---- the reference: one scan of the book per breach and per disallowed group ----

function referenceSuggestHedges(
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
