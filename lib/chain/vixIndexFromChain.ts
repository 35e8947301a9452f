import type {OptionQuoteRow} from "../rows.js";
import {expiryTime} from "./expiryTime.js";
import {vixIndex, vixTermVariance, type VixStrikeQuote, type VixTerm} from "./vixIndex.js";

/** A VIX-style index for one chain, with the two terms it came from. */
export type ChainVixIndex = {level: number; near: VixTerm & {expiry: string}; next: VixTerm & {expiry: string}; weightNear: number; bracketed: boolean};

/**
 * CBOE's VIX methodology applied to any chain of quotes (SPX for the VIX itself; SPY, QQQ or a single name for a
 * comparable "IV index"): picks the near term (latest expiry settling at or before `targetDays`, with at least
 * `minDays` to go) and the next term (earliest settling after), computes each term's model-free variance with
 * vixTermVariance, and interpolates in minutes with vixIndex. Calls and puts are paired by expiry and strike;
 * a strike missing one side counts as a zero bid there. For American options (equities, ETFs) the result is an
 * approximation: the methodology assumes European prices.
 * @param rate continuous risk-free rate used for both terms (Cboe interpolates the Treasury curve per term)
 * @returns undefined when no two expiries bracket the target
 */
export function vixIndexFromChain(
  quotes: readonly OptionQuoteRow[],
  {asOfMs, rate, targetDays = 30, minDays = 1}: {asOfMs: number; rate: number; targetDays?: number; minDays?: number}
): ChainVixIndex | undefined {
  const byExpiry = new Map<string, {root: string; strikes: Map<number, VixStrikeQuote>}>();
  for (const q of quotes) {
    const e = byExpiry.get(q.expiry) ?? {root: q.underlying, strikes: new Map()};
    byExpiry.set(q.expiry, e);
    const s = e.strikes.get(q.strike) ?? {strike: q.strike, callBid: 0, callAsk: NaN, putBid: 0, putAsk: NaN};
    if (q.right === "C") [s.callBid, s.callAsk] = [q.bid, q.ask];
    else [s.putBid, s.putAsk] = [q.bid, q.ask];
    e.strikes.set(q.strike, s);
  }
  const terms = [...byExpiry.entries()]
    .map(([expiry, e]) => ({expiry, e, minutes: expiryTime({expiry, root: e.root, asOfMs}).minutes}))
    .filter((t) => t.minutes >= minDays * 1440)
    .sort((a, b) => a.minutes - b.minutes);
  const target = targetDays * 1440;
  const nearAt = terms.findLastIndex((t) => t.minutes <= target);
  if (nearAt < 0 || (terms[nearAt].minutes < target && nearAt + 1 >= terms.length)) return undefined;
  const pick = terms[nearAt].minutes === target ? [terms[nearAt], terms[nearAt]] : [terms[nearAt], terms[nearAt + 1]];
  const [near, next] = pick.map((t) => ({...vixTermVariance([...t.e.strikes.values()], {minutes: t.minutes, rate}), expiry: t.expiry}));
  return {...vixIndex(near, next, {targetDays}), near, next};
}
