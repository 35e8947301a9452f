import {americanGreeks} from "../../lib/pricing/american.js";
import {black76Greeks} from "../../lib/pricing/black76.js";
import type {Greeks} from "../../lib/pricing/greeks.js";
import type {RegimeLimits} from "../../lib/regime/riskMatrix.js";
import {createRng} from "../../lib/random/createRng.js";
import {hashSeed} from "../../lib/random/hashSeed.js";
import type {OptionQuoteRow, OptionRight} from "../../lib/rows.js";
import {dayNumber, newYorkTimeToMs} from "./calendarDays.js";
import {CRYPTO_BASIS, DEMO_RATE} from "./chains.js";
import type {WatchlistEntry} from "./watchlist.js";

/** Fake account ids: obviously not real accounts. */
export const DEMO_ACCOUNTS = {ibkr: "DEMO0001", tastytrade: "DEMO0002", deribitUserId: 1} as const;

/** One leg of the demo book, before it is written in a broker's dialect. qty: + long / - short, in contracts or shares. */
export type DemoLeg = {
  broker: "ibkr" | "tastytrade" | "deribit";
  strategy: string; // e.g. "SPY iron condor" (a label for the README/tests; brokers do not report it)
  underlying: string;
  qty: number;
  quote?: OptionQuoteRow; // absent for stock and perpetuals
  avgPrice: number; // per share / per coin, USD (Deribit legs: USD too, converted on output)
  markPrice: number;
};

/** Book aggregates as the risk page would compute them (see RegimeLimits for units). */
export type BookRisk = {
  betaDelta: number; // SPY-share equivalents (equities only; crypto excluded)
  vegaUsdPerVolPt: number;
  thetaUsdPerDay: number;
  gamma: number; // SPY-share delta per 1 SPY point
  utilisation: Record<"betaDelta" | "vega" | "gamma", number>; // share of the regime's limit used (1 = at the limit)
};

type PickSpec = {underlying: string; days: number; right: OptionRight; delta: number};

function pick(chain: readonly OptionQuoteRow[], today: string, spec: PickSpec, expiry?: string): OptionQuoteRow {
  const rows = chain.filter((q) => q.underlying === spec.underlying && q.right === spec.right);
  if (rows.length === 0) throw new Error(`demo book: no ${spec.underlying} ${spec.right} quotes`);
  const t0 = dayNumber(today);
  const target =
    expiry ??
    rows.reduce((best, q) =>
      Math.abs(dayNumber(q.expiry) - t0 - spec.days) < Math.abs(dayNumber(best.expiry) - t0 - spec.days) ? q : best
    ).expiry;
  const slice = rows.filter((q) => q.expiry === target);
  return slice.reduce((best, q) => (Math.abs(q.vendorDelta - spec.delta) < Math.abs(best.vendorDelta - spec.delta) ? q : best));
}

/** Returns the quote of `like`'s expiry and right whose strike is nearest `strike` (calendars share a strike). */
function sameStrike(chain: readonly OptionQuoteRow[], like: OptionQuoteRow, strike: number): OptionQuoteRow {
  return chain
    .filter((q) => q.underlying === like.underlying && q.right === like.right && q.expiry === like.expiry)
    .reduce((best, q) => (Math.abs(q.strike - strike) < Math.abs(best.strike - strike) ? q : best));
}

/** Returns per-share (per-coin) model greeks of a quote, with the pricing model the chain used. */
export function quoteGreeks(q: OptionQuoteRow, entry: WatchlistEntry, asOfMs: number): Greeks {
  const expiryMs = entry.kind === "crypto" ? dayNumber(q.expiry) * 86_400_000 + 8 * 3_600_000 : newYorkTimeToMs(q.expiry, 16);
  const tYears = Math.max((expiryMs - asOfMs) / (365 * 86_400_000), 1e-6);
  if (entry.kind === "crypto") {
    const forward = q.underlyingPrice * Math.exp(CRYPTO_BASIS * tYears);
    return black76Greeks({right: q.right, forward, strike: q.strike, tYears, rate: CRYPTO_BASIS, vol: q.vendorIv});
  }
  return americanGreeks({
    right: q.right,
    spot: q.underlyingPrice,
    strike: q.strike,
    tYears,
    rate: DEMO_RATE,
    divYield: entry.demo.divYield,
    vol: q.vendorIv
  });
}

/**
 * Returns the demo book's legs: premium-selling structures spread over three brokers, with the SPY iron condor
 * sized so the book sits just inside (<= 93% of) the binding limit of the as-of regime, when that regime allows
 * any short premium at all (crisis limits of 0 are breached by design: the risk page then has work to do).
 */
export function buildDemoBook({
  seed,
  today,
  cryptoToday,
  chain,
  spots,
  watchlist,
  limits,
  equityAsOfMs,
  cryptoAsOfMs
}: {
  seed: number;
  today: string;
  cryptoToday: string;
  chain: readonly OptionQuoteRow[];
  spots: Map<string, number>;
  watchlist: readonly WatchlistEntry[];
  limits: RegimeLimits;
  equityAsOfMs: number;
  cryptoAsOfMs: number;
}): {legs: DemoLeg[]; risk: BookRisk} {
  const rng = createRng([seed, "book", today]);
  const entryOf = new Map(watchlist.map((e) => [e.symbol, e]));
  const has = (s: string) => entryOf.has(s) && spots.has(s);
  const legs: DemoLeg[] = [];
  const option = (broker: DemoLeg["broker"], strategy: string, qty: number, quote: OptionQuoteRow): DemoLeg => {
    const mid = (quote.bid + quote.ask) / 2;
    // premium sellers opened earlier at a better price (credit collected is above today's mark on average)
    const edge = qty < 0 ? 1 + 0.35 * rng.uniform() : 1 - 0.2 * rng.uniform();
    return {broker, strategy, underlying: quote.underlying, qty, quote, avgPrice: Math.max(mid * edge, 0.01), markPrice: mid};
  };
  const stock = (broker: DemoLeg["broker"], symbol: string, qty: number): DemoLeg => {
    const mark = spots.get(symbol)!;
    return {broker, strategy: `${symbol} stock`, underlying: symbol, qty, avgPrice: mark * (0.85 + 0.2 * rng.uniform()), markPrice: mark};
  };
  const P = (underlying: string, days: number, delta: number) => pick(chain, today, {underlying, days, right: "P", delta});
  const C = (underlying: string, days: number, delta: number) => pick(chain, today, {underlying, days, right: "C", delta});
  const vertical = (short: OptionQuoteRow, longDelta: number) =>
    pick(chain, today, {underlying: short.underlying, days: 0, right: short.right, delta: longDelta}, short.expiry);

  // IBKR: the lever (SPY iron condor, sized below), a QQQ strangle, an IWM put spread expiring this week,
  // an NVDA jade lizard, a SPY call calendar, AAPL stock
  const ibkr: DemoLeg[] = [];
  if (has("QQQ")) ibkr.push(option("ibkr", "QQQ short strangle", -2, P("QQQ", 30, -0.16)), option("ibkr", "QQQ short strangle", -2, C("QQQ", 30, 0.16)));
  if (has("IWM")) {
    const s = P("IWM", 3, -0.3);
    ibkr.push(option("ibkr", "IWM put credit spread", -5, s), option("ibkr", "IWM put credit spread", 5, vertical(s, -0.12)));
  }
  if (has("NVDA")) {
    const sc = C("NVDA", 30, 0.25);
    ibkr.push(
      option("ibkr", "NVDA jade lizard", -1, P("NVDA", 30, -0.25)),
      option("ibkr", "NVDA jade lizard", -1, sc),
      option("ibkr", "NVDA jade lizard", 1, vertical(sc, 0.12))
    );
  }
  const front = C("SPY", 7, 0.5);
  const back = pick(chain, today, {underlying: "SPY", days: 60, right: "C", delta: 0.5});
  const backSame = sameStrike(chain, back, front.strike);
  ibkr.push(option("ibkr", "SPY call calendar", -3, front), option("ibkr", "SPY call calendar", 3, backSame));
  if (has("AAPL")) ibkr.push(stock("ibkr", "AAPL", 200));

  // Tastytrade: TSLA strangle, XLE put spread, MSFT iron condor expiring this week, XLK put calendar, XLF stock
  const tasty: DemoLeg[] = [];
  if (has("TSLA")) tasty.push(option("tastytrade", "TSLA short strangle", -1, P("TSLA", 45, -0.16)), option("tastytrade", "TSLA short strangle", -1, C("TSLA", 45, 0.16)));
  if (has("XLE")) {
    const s = P("XLE", 30, -0.3);
    tasty.push(option("tastytrade", "XLE put credit spread", -10, s), option("tastytrade", "XLE put credit spread", 10, vertical(s, -0.15)));
  }
  if (has("MSFT")) {
    const sp = P("MSFT", 4, -0.2);
    const sc = C("MSFT", 4, 0.2);
    tasty.push(
      option("tastytrade", "MSFT iron condor", -2, sp),
      option("tastytrade", "MSFT iron condor", 2, vertical(sp, -0.07)),
      option("tastytrade", "MSFT iron condor", -2, sc),
      option("tastytrade", "MSFT iron condor", 2, vertical(sc, 0.07))
    );
  }
  if (has("XLK")) {
    const f = P("XLK", 30, -0.5);
    const b = pick(chain, today, {underlying: "XLK", days: 90, right: "P", delta: -0.5});
    const same = sameStrike(chain, b, f.strike);
    tasty.push(option("tastytrade", "XLK put calendar", -4, f), option("tastytrade", "XLK put calendar", 4, same));
  }
  if (has("XLF")) tasty.push(stock("tastytrade", "XLF", 300));

  // Deribit: a short BTC put, a long ETH call, a BTC perpetual
  const deribit: DemoLeg[] = [];
  if (has("BTC")) {
    const put = pick(chain.filter((q) => q.underlying === "BTC"), cryptoToday, {underlying: "BTC", days: 30, right: "P", delta: -0.2});
    deribit.push(option("deribit", "BTC short put", -3, put), {
      broker: "deribit",
      strategy: "BTC perpetual",
      underlying: "BTC",
      qty: 50_000, // USD notional, as Deribit sizes perpetuals
      avgPrice: spots.get("BTC")! * (0.95 + 0.1 * rng.uniform()),
      markPrice: spots.get("BTC")! * 1.0002
    });
  }
  if (has("ETH")) deribit.push(option("deribit", "ETH long call", 20, pick(chain.filter((q) => q.underlying === "ETH"), cryptoToday, {underlying: "ETH", days: 60, right: "C", delta: 0.3})));

  // the lever: a SPY iron condor, as many as the binding limit of the regime allows
  const icLegs = (() => {
    const sp = P("SPY", 45, -0.16);
    const sc = C("SPY", 45, 0.16);
    return [
      {q: sp, sign: -1},
      {q: vertical(sp, -0.07), sign: 1},
      {q: sc, sign: -1},
      {q: vertical(sc, 0.07), sign: 1}
    ];
  })();
  const rest = [...ibkr, ...tasty, ...deribit];
  const greeksOf = (leg: DemoLeg) =>
    leg.quote ? quoteGreeks(leg.quote, entryOf.get(leg.underlying)!, entryOf.get(leg.underlying)!.kind === "crypto" ? cryptoAsOfMs : equityAsOfMs) : undefined;
  const spy = spots.get("SPY")!;
  const contribution = (leg: DemoLeg, g: Greeks | undefined) => {
    const entry = entryOf.get(leg.underlying)!;
    const crypto = entry.kind === "crypto";
    const multiplier = leg.quote ? (crypto ? 1 : 100) : 1;
    const weight = crypto ? 0 : (entry.demo.beta * spots.get(leg.underlying)!) / spy;
    if (!g) return {betaDelta: crypto ? 0 : leg.qty * weight, vega: 0, theta: 0, gamma: 0};
    return {
      betaDelta: leg.qty * multiplier * g.delta * weight,
      vega: leg.qty * multiplier * g.vegaPerVolPt,
      theta: leg.qty * multiplier * g.thetaPerDay,
      gamma: leg.qty * multiplier * g.gamma * weight * weight
    };
  };
  const sum = (items: ReturnType<typeof contribution>[]) =>
    items.reduce((a, b) => ({betaDelta: a.betaDelta + b.betaDelta, vega: a.vega + b.vega, theta: a.theta + b.theta, gamma: a.gamma + b.gamma}), {
      betaDelta: 0,
      vega: 0,
      theta: 0,
      gamma: 0
    });
  const restRisk = sum(rest.map((leg) => contribution(leg, greeksOf(leg))));
  const spyEntry = entryOf.get("SPY")!;
  const perCondor = sum(
    icLegs.map(({q, sign}) =>
      contribution({broker: "ibkr", strategy: "", underlying: "SPY", qty: sign, quote: q, avgPrice: 0, markPrice: 0}, quoteGreeks(q, spyEntry, equityAsOfMs))
    )
  );
  const utilisation = (r: typeof restRisk) => ({
    betaDelta: limits.maxBetaDelta > 0 ? Math.abs(r.betaDelta) / limits.maxBetaDelta : Infinity,
    vega: r.vega >= 0 ? 0 : limits.maxNegativeVega < 0 ? r.vega / limits.maxNegativeVega : Infinity,
    gamma: limits.maxGamma > 0 ? Math.abs(r.gamma) / limits.maxGamma : Infinity
  });
  // size the condors on vega and gamma (a SPY share hedge fixes beta delta afterwards)
  let condors = 1;
  for (let n = 1; n <= 500; n++) {
    const u = utilisation({
      betaDelta: 0,
      vega: restRisk.vega + n * perCondor.vega,
      theta: 0,
      gamma: restRisk.gamma + n * perCondor.gamma
    });
    if (Math.max(u.vega, u.gamma) > 0.93) break;
    condors = n;
  }
  for (const {q, sign} of icLegs) ibkr.unshift(option("ibkr", "SPY iron condor", sign * condors, q));
  // SPY shares bring beta delta to ~40% of the limit (the usual long bias of a premium seller)
  const unhedged = restRisk.betaDelta + condors * perCondor.betaDelta;
  const hedgeShares = Math.round(0.4 * limits.maxBetaDelta - unhedged);
  if (hedgeShares !== 0) ibkr.push({...stock("ibkr", "SPY", hedgeShares), strategy: "SPY share hedge"});
  legs.push(...ibkr, ...tasty, ...deribit);
  const total = sum(legs.map((leg) => contribution(leg, greeksOf(leg))));
  return {
    legs,
    risk: {
      betaDelta: total.betaDelta,
      vegaUsdPerVolPt: total.vega,
      thetaUsdPerDay: total.theta,
      gamma: total.gamma,
      utilisation: utilisation(total)
    }
  };
}

/** A stable fake IBKR contract id for a symbol. */
export function fakeConid(text: string): number {
  return 100_000_000 + (hashSeed(["conid", text])[0] % 800_000_000);
}
