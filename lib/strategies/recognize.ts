import type {OptionRight} from "../rows.js";
import type {PositionLeg} from "../positions/unifiedPosition.js";

/** What a group of legs is. Directional words are part of the name ("short strangle", "credit put vertical"). */
export type StrategyKind =
  | "iron condor"
  | "reverse iron condor"
  | "short strangle"
  | "long strangle"
  | "short straddle"
  | "long straddle"
  | "credit put vertical"
  | "credit call vertical"
  | "debit put vertical"
  | "debit call vertical"
  | "long calendar"
  | "short calendar"
  | "long diagonal"
  | "short diagonal"
  | "jade lizard"
  | "call ratio backspread"
  | "put ratio backspread"
  | "covered call"
  | "long put"
  | "long call"
  | "short put"
  | "short call"
  | "stock"
  | "future"
  | "crypto"
  | "custom";

/** The fields recognition reads; UnifiedPosition and PositionLeg both have them. */
export type StrategyLegInput = Pick<
  PositionLeg,
  "broker" | "account" | "underlying" | "symbol" | "instrumentType" | "right" | "strike" | "expiry" | "quantity" | "multiplier"
>;

/** One recognised structure: its legs with the signed quantity of each symbol that belongs to it. */
export type StrategyGroup = {
  id: string; // "broker:account:underlying:n"
  kind: StrategyKind;
  label: string; // e.g. "short strangle SPY 2024-06-21 P400/C500 x2"
  broker: string;
  account: string;
  underlying: string;
  legs: {symbol: string; quantity: number}[];
  matrixNames: string[]; // risk_matrix.yaml allowed_strategies names this group counts as
};

/**
 * The risk_matrix.yaml `allowed_strategies` names a strategy kind counts as; a group is allowed when any of its
 * names is in the regime's list. Short strangles and straddles count as "Strangles" and
 * "Short Strangles (Managed)"; long premium structures (long straddle/strangle, long put/call) as "Long Volatility";
 * long calendars and long diagonals as "Long Calendars". Naked short options, short calendars, covered calls and
 * custom groups have no name (never allowed). Delta-one kinds (stock, future, crypto) have none either:
 * `checkLimits` exempts them by default because max_beta_delta governs them.
 */
export const MATRIX_NAMES: Readonly<Record<StrategyKind, readonly string[]>> = {
  "iron condor": ["Iron Condors"],
  "reverse iron condor": ["Reverse Iron Condors"],
  "short strangle": ["Strangles", "Short Strangles (Managed)"],
  "long strangle": ["Strangles", "Long Volatility"],
  "short straddle": ["Strangles", "Short Strangles (Managed)"],
  "long straddle": ["Long Volatility"],
  "credit put vertical": ["Credit Spreads"],
  "credit call vertical": ["Credit Spreads"],
  "debit put vertical": ["Debit Spreads"],
  "debit call vertical": ["Debit Spreads"],
  "long calendar": ["Long Calendars"],
  "short calendar": [],
  "long diagonal": ["Long Calendars"],
  "short diagonal": [],
  "jade lizard": ["Jade Lizards"],
  "call ratio backspread": ["Ratio Backspreads"],
  "put ratio backspread": ["Ratio Backspreads"],
  "covered call": [],
  "long put": ["Long Puts", "Long Volatility"],
  "long call": ["Long Volatility"],
  "short put": [],
  "short call": [],
  stock: [],
  future: [],
  crypto: [],
  custom: []
};

/** Kinds whose risk is pure delta (exempt from allowed_strategies by default). */
export const DELTA_ONE_KINDS: readonly StrategyKind[] = ["stock", "future", "crypto"];

type Leg = {symbol: string; right: OptionRight; strike: number; expiry: string; qty: number; multiplier: number};
type Match = {kind: StrategyKind; legs: {leg: Leg; qty: number}[]};

const EPS = 1e-9;
const MAX_COMBINATION_LEGS = 16; // beyond this per underlying, only pairs and singles are searched

/**
 * Groups legs into strategies per broker, account and underlying.
 *
 * Legs of the same symbol are netted first. The option legs are then split into structures: 4 legs (iron
 * condor, reverse iron condor), 3 (jade lizard), 2 (ratio backspread when long/short >= 1.5, straddle, strangle,
 * vertical, calendar, diagonal), choosing the split that leaves the fewest groups (exhaustive search up to 10
 * option legs per underlying, else greedily, largest structures first). Then covered calls (long shares and short
 * calls, as many calls as the shares cover). A 1:1 structure takes the smallest quantity of its legs, so "-10 / +10 / -10 / +12" is an
 * iron condor of 10 plus a long option of 2. What remains: delta-one legs each form "stock" / "future" /
 * "crypto"; one remaining option, or options all of the same right and sign, are singles (long put, short call,
 * ...); anything else is one "custom" group. Strikes and expiries decide credit vs debit (no prices needed):
 * a vertical is credit when the short leg is nearer the money (higher put strike, lower call strike).
 * Quantities are in the legs' own units (contracts, or coins on Deribit); multipliers must match within a structure.
 */
export function recognizeStrategies(positions: readonly StrategyLegInput[]): StrategyGroup[] {
  const byKey = new Map<string, StrategyLegInput[]>();
  for (const p of positions) {
    const key = `${p.broker}:${p.account}:${p.underlying}`;
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const groups: StrategyGroup[] = [];
  // how many ids start with `${prefix}:`, for every prefix of an id that ends before one of its colons: numbering
  // by a scan of all earlier groups was quadratic (1.7 s on 10,000 positions)
  const idsUnder = new Map<string, number>();
  const nextId = (key: string) => {
    const id = `${key}:${(idsUnder.get(key) ?? 0) + 1}`;
    for (let c = id.indexOf(":"); c >= 0; c = id.indexOf(":", c + 1)) {
      const prefix = id.slice(0, c);
      idsUnder.set(prefix, (idsUnder.get(prefix) ?? 0) + 1);
    }
    return id;
  };
  for (const [key, list] of byKey) {
    const {broker, account, underlying} = list[0];
    const add = (kind: StrategyKind, legs: {symbol: string; quantity: number}[], detail: string) =>
      groups.push({
        id: nextId(key),
        kind,
        label: `${kind} ${underlying}${detail ? " " + detail : ""}`,
        broker,
        account,
        underlying,
        legs,
        matrixNames: [...MATRIX_NAMES[kind]]
      });
    const netted = new Map<string, StrategyLegInput & {qty: number}>();
    for (const p of list) {
      const prior = netted.get(p.symbol);
      if (prior) prior.qty += p.quantity;
      else netted.set(p.symbol, {...p, qty: p.quantity});
    }
    const options: Leg[] = [];
    const deltaOne: (StrategyLegInput & {qty: number})[] = [];
    for (const p of netted.values()) {
      if (Math.abs(p.qty) < EPS) continue;
      if (p.right !== null && p.strike !== null && p.expiry !== null) {
        options.push({symbol: p.symbol, right: p.right, strike: p.strike, expiry: p.expiry, qty: p.qty, multiplier: p.multiplier});
      } else deltaOne.push(p);
    }
    options.sort((a, b) => (a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : a.strike - b.strike || (a.right < b.right ? -1 : 1)));

    for (const match of bestPartition(options) ?? greedyPartition(options)) {
      for (const {leg, qty} of match.legs) leg.qty -= qty;
      add(match.kind, match.legs.map(({leg, qty}) => ({symbol: leg.symbol, quantity: qty})), describe(match.legs));
    }
    // covered calls: long shares (Equity) with short calls on the same underlying
    for (const stock of deltaOne.filter((d) => d.instrumentType === "Equity" && d.qty > 0)) {
      for (const call of options.filter((l) => l.right === "C" && l.qty < -EPS)) {
        const contracts = Math.min(-call.qty, Math.floor((stock.qty + EPS) / call.multiplier));
        if (contracts <= 0) continue;
        call.qty += contracts;
        stock.qty -= contracts * call.multiplier;
        add("covered call", [{symbol: stock.symbol, quantity: contracts * call.multiplier}, {symbol: call.symbol, quantity: -contracts}], describe([{leg: call, qty: -contracts}]));
      }
    }
    for (const d of deltaOne) {
      if (Math.abs(d.qty) < EPS) continue;
      const kind: StrategyKind = d.instrumentType === "Future" ? "future" : d.instrumentType === "Crypto" ? "crypto" : "stock";
      add(kind, [{symbol: d.symbol, quantity: d.qty}], `x${round(d.qty)}`);
    }
    const rest = options.filter((l) => Math.abs(l.qty) > EPS);
    const uniform = rest.every((l) => l.right === rest[0].right && Math.sign(l.qty) === Math.sign(rest[0].qty));
    if (rest.length > 0 && uniform) {
      for (const leg of rest) add(single(leg), [{symbol: leg.symbol, quantity: leg.qty}], describe([{leg, qty: leg.qty}]));
    } else if (rest.length > 0) {
      add("custom", rest.map((l) => ({symbol: l.symbol, quantity: l.qty})), describe(rest.map((leg) => ({leg, qty: leg.qty}))));
    }
  }
  return groups;
}

/** Largest structures first, greedily (used when the exhaustive search would be too large). */
function greedyPartition(options: Leg[]): Match[] {
  const qty = new Map(options.map((l) => [l, l.qty]));
  const view = () => options.map((l) => ({...l, qty: qty.get(l)!, source: l}));
  const matches: Match[] = [];
  for (const size of [4, 3, 2]) {
    if (size > 2 && options.length > MAX_COMBINATION_LEGS) continue;
    for (;;) {
      const legs = view().filter((l) => Math.abs(l.qty) > EPS);
      const match = findMatch(legs, size);
      if (!match) break;
      matches.push({kind: match.kind, legs: match.legs.map(({leg, qty: q}) => ({leg: (leg as Leg & {source: Leg}).source, qty: q}))});
      for (const {leg, qty: q} of matches.at(-1)!.legs) qty.set(leg, qty.get(leg)! - q);
    }
  }
  return matches;
}

const SEARCH_BUDGET = 20_000; // visited states before giving up on the exhaustive search

/**
 * The decomposition into structures that leaves the fewest groups (structures + leftover legs), by exhaustive
 * search over combinations of the remaining legs; null when the search exceeds its budget.
 */
function bestPartition(options: Leg[]): Match[] | null {
  if (options.length > 10) return null;
  let visits = 0;
  let best: {cost: number; matches: Match[]} = {cost: Infinity, matches: []};
  const qty = options.map((l) => l.qty);
  const chosen: Match[] = [];
  const search = (leftover: number): boolean => {
    if (++visits > SEARCH_BUDGET) return false;
    const cost = chosen.length + leftover;
    if (cost >= best.cost) return true;
    const first = qty.findIndex((q) => Math.abs(q) > EPS);
    if (first < 0) {
      best = {cost, matches: chosen.map((m) => ({kind: m.kind, legs: [...m.legs]}))};
      return true;
    }
    const others = qty.map((q, i) => i).filter((i) => i > first && Math.abs(qty[i]) > EPS);
    for (const size of [4, 3, 2]) {
      for (const combo of combinations(others, size - 1)) {
        const idx = [first, ...combo];
        const legs = idx.map((i) => ({...options[i], qty: qty[i]}));
        const match = classify(legs);
        if (!match) continue;
        const taken = match.legs.map(({leg, qty: q}) => ({i: idx[legs.indexOf(leg as (typeof legs)[number])], q}));
        for (const {i, q} of taken) qty[i] -= q;
        chosen.push({kind: match.kind, legs: taken.map(({i, q}) => ({leg: options[i], qty: q}))});
        const ok = search(leftover);
        chosen.pop();
        for (const {i, q} of taken) qty[i] += q;
        if (!ok) return false;
      }
    }
    const saved = qty[first];
    qty[first] = 0;
    const ok = search(leftover + 1);
    qty[first] = saved;
    return ok;
  };
  return search(0) ? best.matches : null;
}

function* combinations(items: number[], k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i < items.length; ++i) yield* combinations(items, k, i + 1, [...prefix, items[i]]);
}

function single(leg: Leg): StrategyKind {
  return `${leg.qty > 0 ? "long" : "short"} ${leg.right === "P" ? "put" : "call"}` as StrategyKind;
}

function findMatch(legs: Leg[], size: number): Match | null {
  const pick: Leg[] = [];
  const search = (start: number): Match | null => {
    if (pick.length === size) return classify(pick);
    for (let i = start; i < legs.length; ++i) {
      pick.push(legs[i]);
      const found = search(i + 1);
      pick.pop();
      if (found) return found;
    }
    return null;
  };
  return search(0);
}

/** Classifies exactly these legs (unit structures take the smallest quantity; ratios use the full ones). */
function classify(legs: Leg[]): Match | null {
  if (legs.some((l) => l.multiplier !== legs[0].multiplier)) return null;
  const unit = Math.min(...legs.map((l) => Math.abs(l.qty)));
  const take = (kind: StrategyKind): Match => ({kind, legs: legs.map((leg) => ({leg, qty: Math.sign(leg.qty) * unit}))});
  const sameExpiry = legs.every((l) => l.expiry === legs[0].expiry);
  const long = (l: Leg) => l.qty > 0;
  if (legs.length === 4 && sameExpiry) {
    const puts = legs.filter((l) => l.right === "P").sort((a, b) => a.strike - b.strike);
    const calls = legs.filter((l) => l.right === "C").sort((a, b) => a.strike - b.strike);
    if (puts.length !== 2 || calls.length !== 2) return null;
    const [p1, p2] = puts;
    const [c1, c2] = calls;
    if (!(p1.strike < p2.strike && p2.strike <= c1.strike && c1.strike < c2.strike)) return null;
    if (long(p1) && !long(p2) && !long(c1) && long(c2)) return take("iron condor");
    if (!long(p1) && long(p2) && long(c1) && !long(c2)) return take("reverse iron condor");
    return null;
  }
  if (legs.length === 3 && sameExpiry) {
    const puts = legs.filter((l) => l.right === "P");
    const calls = legs.filter((l) => l.right === "C").sort((a, b) => a.strike - b.strike);
    if (puts.length !== 1 || calls.length !== 2) return null;
    const [p] = puts;
    const [c1, c2] = calls;
    if (!long(p) && !long(c1) && long(c2) && p.strike < c1.strike && c1.strike < c2.strike) return take("jade lizard");
    return null;
  }
  if (legs.length !== 2) return null;
  const [a, b] = legs;
  if (a.right === b.right && sameExpiry && a.strike !== b.strike && long(a) !== long(b)) {
    const [shortLeg, longLeg] = long(a) ? [b, a] : [a, b];
    const call = a.right === "C";
    const ratio = Math.abs(longLeg.qty) / Math.abs(shortLeg.qty);
    // backspread: more long options, further out of the money than the short ones
    const longFurtherOtm = call ? longLeg.strike > shortLeg.strike : longLeg.strike < shortLeg.strike;
    if (ratio >= 1.5 - EPS && longFurtherOtm) {
      return {kind: call ? "call ratio backspread" : "put ratio backspread", legs: [{leg: shortLeg, qty: shortLeg.qty}, {leg: longLeg, qty: longLeg.qty}]};
    }
    const credit = call ? shortLeg.strike < longLeg.strike : shortLeg.strike > longLeg.strike;
    return take(`${credit ? "credit" : "debit"} ${call ? "call" : "put"} vertical` as StrategyKind);
  }
  if (a.right !== b.right && sameExpiry && long(a) === long(b)) {
    const put = a.right === "P" ? a : b;
    const call = a.right === "P" ? b : a;
    const side = long(a) ? "long" : "short";
    return take(`${side} ${put.strike === call.strike ? "straddle" : "strangle"}` as StrategyKind);
  }
  if (a.right === b.right && a.expiry !== b.expiry && long(a) !== long(b)) {
    const back = a.expiry > b.expiry ? a : b;
    const side = long(back) ? "long" : "short";
    return take(`${side} ${a.strike === b.strike ? "calendar" : "diagonal"}` as StrategyKind);
  }
  return null;
}

function describe(legs: {leg: Leg; qty: number}[]): string {
  const expiries = [...new Set(legs.map(({leg}) => leg.expiry))].join("/");
  const strikes = legs.map(({leg}) => `${leg.right}${round(leg.strike)}`).join("/");
  const unit = Math.min(...legs.map(({qty}) => Math.abs(qty)));
  return `${expiries} ${strikes} x${round(unit)}`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Each position's `strategyGroup`: the id of the group holding the largest share of its quantity (null if none).
 * Returns new objects; the input is not modified.
 */
export function assignStrategyGroups<T extends {broker: string; account: string; underlying: string; symbol: string; strategyGroup: string | null}>(
  positions: readonly T[],
  groups: readonly StrategyGroup[]
): T[] {
  const best = new Map<string, {id: string; qty: number}>();
  for (const g of groups) {
    for (const leg of g.legs) {
      const key = `${g.broker}:${g.account}:${g.underlying}:${leg.symbol}`;
      const prior = best.get(key);
      if (!prior || Math.abs(leg.quantity) > prior.qty) best.set(key, {id: g.id, qty: Math.abs(leg.quantity)});
    }
  }
  return positions.map((p) => ({...p, strategyGroup: best.get(`${p.broker}:${p.account}:${p.underlying}:${p.symbol}`)?.id ?? null}));
}
