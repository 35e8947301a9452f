import type {RegimeLimits} from "../regime/riskMatrix.js";
import type {UnifiedPosition} from "../positions/unifiedPosition.js";
import type {StrategyGroup} from "../strategies/recognize.js";
import type {GreekKey, GreekTotals} from "./aggregate.js";
import {LIMIT_SPECS, LIMIT_NAMES, limitRoom, type LimitName, type LimitReport} from "./limits.js";

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
  maxStrategySuggestions?: number; // close-out suggestions for at most this many disallowed groups (default: all)
};

/**
 * Hedge suggestions that bring each breached aggregate back inside its limit, each with the aggregates after it.
 *
 * - max_beta_delta: SPY shares (one share = 1 SPY-share eq.), /MES ($5 x SPX = 5 x SPX/SPY ~ 50 SPY-share eq. per
 *   contract) or /ES ($50 x SPX ~ 500), the count that lands nearest zero; futures only when they improve.
 * - max_gamma, max_negative_vega, min_daily_theta: close the contributing positions (same sign as the excess),
 *   shortest-dated first (larger exposure first within an expiry, then book order), as many contracts as needed;
 *   and, for short gamma or short vega, buy SPY puts from `putCandidates` (most gamma, resp. vega, per premium
 *   dollar; 30-120 DTE for vega, >= 7 DTE for gamma).
 * - Strategies the regime does not allow: each group is listed for closing (the first `maxStrategySuggestions` of
 *   them, in the report's order, when a page shows only a few); a leg is matched to the first position with the
 *   group's broker, account and symbol.
 * A suggestion is only returned when it strictly reduces its breach; `resolves` says whether it fully cures it and
 * `newBreaches` which other limits it would break (closing short puts adds delta; buying puts subtracts it).
 * Totals keep their `missing` counts: positions with unknown greeks are neither hedged nor closed.
 *
 * Results are read-only: every `after.missing`, `after.missingSymbols` and empty `newBreaches` is one shared frozen
 * object (a book in a harsh regime yields thousands of suggestions).
 *
 * Cost: one pass over the positions (bucketed by expiry; a bucket is sorted only when the closing reaches it), one
 * over the put candidates, one to index the positions by broker, account and symbol, then O(legs) per disallowed
 * group: ~10 ms on 10,000 positions with 3,500 disallowed groups and 20,000 contracts (bench/pages.ts).
 */
export function suggestHedges(
  positions: readonly UnifiedPosition[],
  totals: GreekTotals,
  report: LimitReport,
  limits: RegimeLimits,
  groups: readonly StrategyGroup[],
  {spySpot, spxSpot, putCandidates = [], asOfDate, maxStrategySuggestions = Infinity}: HedgeOptions
): HedgeSuggestion[] {
  const suggestions: HedgeSuggestion[] = [];
  const spxPerSpy = spxSpot !== undefined && spxSpot > 0 && spySpot > 0 ? spxSpot / spySpot : DEFAULT_SPX_PER_SPY;
  const brokenBefore = brokenLimits(totals, limits);
  // closing or hedging leaves the unknown greeks unknown: every suggestion shares one frozen copy of them
  const missing = Object.freeze({...totals.missing}) as GreekTotals["missing"];
  const missingSymbols = Object.freeze([...totals.missingSymbols]) as string[];
  const copyTotals = (t: GreekTotals): GreekTotals => ({
    betaDelta: t.betaDelta,
    betaGamma: t.betaGamma,
    vegaPerVolPt: t.vegaPerVolPt,
    thetaPerDay: t.thetaPerDay,
    positions: t.positions,
    missing,
    missingSymbols
  });
  let buckets: number[][] | undefined;
  let puts: ReturnType<typeof choosePuts> | undefined;
  for (const breach of report.breaches) {
    const {limit} = breach;
    const greek = LIMIT_SPECS[limit].greek;
    const excess = (t: GreekTotals) => Math.max(0, -limitRoom(limit, t[greek], limits[limit]));
    const keep = (s: Omit<HedgeSuggestion, "newBreaches">) => {
      if (allFinite(s.after) && excess(s.after) < excess(totals) - 1e-9) {
        suggestions.push({...s, newBreaches: newlyBroken(brokenBefore, s.after, limits)});
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
        const after = copyTotals(totals);
        after.betaDelta += n * perContract;
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
    const after = copyTotals(totals);
    const trades: HedgeTrade[] = [];
    buckets ??= expiryBuckets(positions);
    for (const p of closingOrder(positions, buckets, greek, side)) {
      if (excess(after) <= 1e-9) break;
      const step = p.multiplier === 1 && p.instrumentType !== "Equity" ? 0.1 : 1; // coins close in 0.1 steps
      const needed = Math.min(Math.abs(p.quantity), Math.ceil((excess(after) / Math.abs(p[greek] / p.quantity)) / step - 1e-9) * step);
      const fraction = needed / Math.abs(p.quantity);
      shiftBy(after, p, -fraction);
      trades.push({symbol: p.symbol, underlying: p.underlying, instrumentType: p.instrumentType, quantity: -Math.sign(p.quantity) * round(needed), action: "close", note: `${p.broker} ${p.expiry ?? ""}`.trim()});
    }
    if (trades.length) {
      keep({target: limit, method: "close shortest-dated", trades, before: totals[greek], after, resolves: excess(after) <= 1e-9, note: `close ${trades.length} contributing position(s), shortest-dated first`});
    }
    const wantsLongOptionality = (limit === "maxGamma" && totals.betaGamma < 0) || limit === "maxNegativeVega";
    if (wantsLongOptionality && putCandidates.length) {
      puts ??= choosePuts(putCandidates, asOfDate);
      const put = puts[limit === "maxGamma" ? "betaGamma" : "vegaPerVolPt"];
      if (put) {
        const per = put[greek];
        const n = Math.ceil(excess(totals) / per - 1e-9);
        const afterPuts = copyTotals(totals);
        shiftBy(afterPuts, put, n);
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
  if (report.strategyBreaches.length === 0) return suggestions;
  const groupById = new Map<string, StrategyGroup>();
  for (let i = groups.length - 1; i >= 0; --i) groupById.set(groups[i].id, groups[i]); // the first of an id wins
  const positionByLeg = new LegIndex(positions);
  let lastAllowed: readonly string[] | undefined; // checkLimits gives every breach the same list
  let lastAllowedText = "";
  const allowedText = (allowed: readonly string[]) => {
    if (allowed !== lastAllowed) (lastAllowed = allowed), (lastAllowedText = allowed.join(", ") || "none");
    return lastAllowedText;
  };
  const strategyBreaches = report.strategyBreaches.slice(0, maxStrategySuggestions);
  for (const sb of strategyBreaches) {
    const group = groupById.get(sb.groupId);
    if (!group) continue;
    const after = copyTotals(totals);
    const trades: HedgeTrade[] = [];
    for (const leg of group.legs) {
      const p = positionByLeg.get(group.broker, group.account, leg.symbol);
      if (p && p.quantity !== 0) {
        const fraction = leg.quantity / p.quantity;
        shiftByFinite(after, p, -fraction);
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
      newBreaches: newlyBroken(brokenBefore, after, limits),
      note: `${group.label} is not allowed (regime allows: ${allowedText(sb.allowed)})`
    });
  }
  return suggestions;
}

/**
 * Positions whose `greek` has sign `side` and whose four greeks are all finite, by expiry (none last), then larger
 * |greek| first, then book order. Lazy: each expiry's bucket is sorted only when the caller gets to it.
 */
/** Indices of the positions whose four greeks are all finite, bucketed by expiry (ascending; none last). */
function expiryBuckets(positions: readonly UnifiedPosition[]): number[][] {
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < positions.length; ++i) {
    const p = positions[i];
    if (!allFinite(p)) continue;
    const expiry = p.expiry ?? "9999";
    const bucket = buckets.get(expiry);
    if (bucket) bucket.push(i);
    else buckets.set(expiry, [i]);
  }
  return [...buckets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((expiry) => buckets.get(expiry)!);
}

/**
 * The positions of `buckets` whose `greek` has sign `side`, by expiry, then larger |greek| first, then book order.
 * Lazy: an expiry is filtered and sorted only when the caller gets to it.
 */
function* closingOrder(positions: readonly UnifiedPosition[], buckets: readonly number[][], greek: GreekKey, side: number): Generator<UnifiedPosition> {
  const exposure = new Float64Array(positions.length); // greek x side, larger first
  for (const bucket of buckets) {
    const order: number[] = [];
    for (const i of bucket) {
      const value = positions[i][greek];
      if (Math.sign(value) !== side) continue;
      order.push(i);
      exposure[i] = value * side;
    }
    order.sort((i, j) => exposure[j] - exposure[i] || i - j);
    for (const i of order) yield positions[i];
  }
}

/**
 * The first position of each broker, account and symbol. Nested maps rather than one concatenated key: the
 * strings already carry their hashes, so a lookup allocates nothing.
 */
class LegIndex {
  private readonly byBroker = new Map<string, Map<string, Map<string, UnifiedPosition>>>();

  constructor(positions: readonly UnifiedPosition[]) {
    // backwards, so that the first position of a key is the one left; books list an account's legs together
    let broker: string | undefined;
    let account: string | undefined;
    let bySymbol: Map<string, UnifiedPosition> | undefined;
    for (let i = positions.length - 1; i >= 0; --i) {
      const p = positions[i];
      if (p.broker !== broker || p.account !== account || !bySymbol) {
        let byAccount = this.byBroker.get(p.broker);
        if (!byAccount) this.byBroker.set(p.broker, (byAccount = new Map()));
        bySymbol = byAccount.get(p.account);
        if (!bySymbol) byAccount.set(p.account, (bySymbol = new Map()));
        broker = p.broker;
        account = p.account;
      }
      bySymbol.set(p.symbol, p);
    }
  }

  get(broker: string, account: string, symbol: string): UnifiedPosition | undefined {
    return this.byBroker.get(broker)?.get(account)?.get(symbol);
  }
}

function allFinite(t: Pick<GreekTotals, GreekKey>): boolean {
  return Number.isFinite(t.betaDelta) && Number.isFinite(t.betaGamma) && Number.isFinite(t.vegaPerVolPt) && Number.isFinite(t.thetaPerDay);
}

/** Integer count of hedge units (each `per` SPY-share eq.) that brings x nearest zero; 0 when none improves. */
function bestCount(x: number, per: number): number {
  const n = Math.round(-x / per);
  return Math.abs(x + n * per) < Math.abs(x) ? n : 0;
}

/** The best put for each greek in one pass over the candidates (see suggestHedges). */
function choosePuts(candidates: readonly UnifiedPosition[], asOfDate?: string): Record<"betaGamma" | "vegaPerVolPt", UnifiedPosition | null> {
  const asOfMs = asOfDate ? Date.parse(asOfDate) : NaN;
  const dteByExpiry = new Map<string, number>(); // chains repeat a few expiries over thousands of strikes
  const best = {betaGamma: null as UnifiedPosition | null, vegaPerVolPt: null as UnifiedPosition | null};
  let gammaScore = 0;
  let vegaScore = 0;
  for (const p of candidates) {
    if (p.right !== "P" || !(p.price > 0) || !allFinite(p)) continue;
    let d = 45;
    if (asOfDate && p.expiry) {
      const known = dteByExpiry.get(p.expiry);
      if (known === undefined) dteByExpiry.set(p.expiry, (d = (Date.parse(p.expiry) - asOfMs) / 86_400_000));
      else d = known;
    }
    const premium = p.price * p.multiplier;
    // gamma: 7-60 DTE; vega: 30-120 DTE; most of the greek per premium dollar
    if (p.betaGamma > 0 && d >= 7 && d <= 60 && p.betaGamma / premium > gammaScore) {
      best.betaGamma = p;
      gammaScore = p.betaGamma / premium;
    }
    if (p.vegaPerVolPt > 0 && d >= 30 && d <= 120 && p.vegaPerVolPt / premium > vegaScore) {
      best.vegaPerVolPt = p;
      vegaScore = p.vegaPerVolPt / premium;
    }
  }
  return best;
}

/** The limits `t` breaks, as in checkLimits. */
function brokenLimits(t: GreekTotals, limits: RegimeLimits): Set<LimitName> {
  return new Set(LIMIT_NAMES.filter((l) => isBroken(t, l, limits)));
}

function isBroken(t: GreekTotals, l: LimitName, limits: RegimeLimits): boolean {
  return limitRoom(l, t[LIMIT_SPECS[l].greek], limits[l]) < -1e-9 * Math.max(1, Math.abs(limits[l]));
}

const NONE_BROKEN = Object.freeze([]) as unknown as LimitName[];

/** The limits `after` breaks that held before; one shared frozen empty list when none (the common case). */
function newlyBroken(brokenBefore: ReadonlySet<LimitName>, after: GreekTotals, limits: RegimeLimits): LimitName[] {
  let names: LimitName[] | null = null;
  for (const l of LIMIT_NAMES) if (!brokenBefore.has(l) && isBroken(after, l, limits)) (names ??= []).push(l);
  return names ?? NONE_BROKEN;
}

/** t += scale x p, greek by greek (explicit fields: keyed access by GREEK_KEYS is several times slower here). */
function shiftBy(t: GreekTotals, p: Pick<GreekTotals, GreekKey>, scale: number): void {
  t.betaDelta += p.betaDelta * scale;
  t.betaGamma += p.betaGamma * scale;
  t.vegaPerVolPt += p.vegaPerVolPt * scale;
  t.thetaPerDay += p.thetaPerDay * scale;
}

/** shiftBy for the finite greeks of p only. */
function shiftByFinite(t: GreekTotals, p: Pick<GreekTotals, GreekKey>, scale: number): void {
  if (Number.isFinite(p.betaDelta)) t.betaDelta += p.betaDelta * scale;
  if (Number.isFinite(p.betaGamma)) t.betaGamma += p.betaGamma * scale;
  if (Number.isFinite(p.vegaPerVolPt)) t.vegaPerVolPt += p.vegaPerVolPt * scale;
  if (Number.isFinite(p.thetaPerDay)) t.thetaPerDay += p.thetaPerDay * scale;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
