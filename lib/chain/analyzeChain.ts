import {pricingModelFor, type ExerciseModel} from "../pricing/model.js";
import type {OptionQuoteRow} from "../rows.js";
import {constantMaturityIv} from "./constantMaturityIv.js";
import {deltaStrike} from "./deltaStrike.js";
import {expirySmile, type SmilePoint} from "./expirySmile.js";
import {expiryTime} from "./expiryTime.js";
import {impliedForward} from "./impliedForward.js";
import {cleanQuotes, type CleanQuote, type QuoteDropReason} from "./quoteHygiene.js";
import {smileVolAt} from "./smileVolAt.js";

/** One expiry's summary: forward, ATM and 25-delta vols (decimals), skew ratios. */
export type ExpirySummary = {
  expiry: string;
  tYears: number;
  days: number; // calendar days to settlement (fractional)
  forward: number;
  discount: number;
  divYield: number; // continuous, implied by the forward: r - ln(F/S)/T
  atmIv: number; // at K = F, linear in ln(K/F) between the out-of-the-money nodes around it
  put25Strike: number;
  put25Iv: number;
  call25Strike: number;
  call25Iv: number;
  putSkew: number; // put25Iv / atmIv
  callSkew: number; // call25Iv / atmIv
  quotesUsed: number;
};

/** One surface point, long format for plotting: strike (or delta) × expiry. */
export type SurfacePoint = SmilePoint & {
  expiry: string;
  tYears: number;
  vendorIv: number; // the venue's own IV (decimal), NaN when absent
  bid: number;
  ask: number;
  openInterest: number;
  wideSpread: boolean;
};

/** A constant-maturity row: ATM and 25-delta vols interpolated in total variance to `days`. */
export type ConstantMaturityRow = {days: number; atmIv: number; put25Iv: number; call25Iv: number; putSkew: number; callSkew: number};

/** Everything `analyzeChain` computes from one snapshot. */
export type ChainAnalysis = {
  underlying: string;
  spot: number;
  asOfMs: number;
  rate: number;
  model: ExerciseModel;
  expiries: ExpirySummary[];
  constantMaturity: ConstantMaturityRow[];
  surface: SurfacePoint[];
  dropped: Record<QuoteDropReason, number>;
  skippedExpiries: {expiry: string; reason: string}[];
};

/**
 * Chain analytics from one quote snapshot of one underlying:
 * 1. quote hygiene (cleanQuotes: zero bids, crossed/locked, sentinels dropped and counted; wide spreads flagged);
 * 2. per expiry (time to settlement from expiryTime; expired ones skipped): implied forward from put-call parity
 *    at `rate` on the strikes nearest the money, and the dividend yield it implies;
 * 3. implied vols of every clean quote's mid with the pricing kernel (American or Black-76 per pricingModelFor);
 * 4. the smile from out-of-the-money options (puts below F, calls at or above F): ATM vol at the forward, and the
 *    25-delta put and call found by solving for the 25-delta strike on that smile (deltaStrike);
 * 5. constant-maturity ATM / 25-delta vols at `constantMaturityDays` (default 30/60/90), linear in total variance.
 * All vols are annualised decimals. `rate` is continuous (e.g. 0.053); the risk-free curve is taken flat.
 */
export function analyzeChain(
  quotes: readonly OptionQuoteRow[],
  {
    spot,
    asOfMs,
    rate,
    constantMaturityDays = [30, 60, 90],
    wideSpreadRel = 0.25
  }: {spot: number; asOfMs: number; rate: number; constantMaturityDays?: number[]; wideSpreadRel?: number}
): ChainAnalysis {
  if (!(spot > 0)) throw new RangeError(`analyzeChain: spot must be > 0, got ${spot}`);
  if (!Number.isFinite(rate)) throw new RangeError(`analyzeChain: rate must be finite, got ${rate}`);
  const underlying = quotes[0]?.underlying ?? "";
  const model = pricingModelFor({underlying, venue: quotes[0]?.source, symbol: quotes[0]?.symbol});
  const {kept, dropped} = cleanQuotes(quotes, {wideSpreadRel});
  const droppedCount = {missing: 0, sentinel: 0, "zero-bid": 0, crossed: 0, locked: 0} as Record<QuoteDropReason, number>;
  for (const d of dropped) droppedCount[d.reason]++;

  const byExpiry = new Map<string, CleanQuote[]>();
  for (const q of kept) {
    const list = byExpiry.get(q.expiry) ?? [];
    list.push(q);
    byExpiry.set(q.expiry, list);
  }
  const expiries: ExpirySummary[] = [];
  const surface: SurfacePoint[] = [];
  const skippedExpiries: {expiry: string; reason: string}[] = [];
  for (const expiry of [...byExpiry.keys()].sort()) {
    const list = byExpiry.get(expiry)!;
    const {tYears, minutes} = expiryTime({expiry, root: list[0].underlying, asOfMs});
    if (!(tYears > 0)) {
      skippedExpiries.push({expiry, reason: "expired at the snapshot time"});
      continue;
    }
    const callMid = new Map(list.filter((q) => q.right === "C").map((q) => [q.strike, q.mid]));
    const pairs = list.filter((q) => q.right === "P" && callMid.has(q.strike)).map((q) => ({strike: q.strike, callMid: callMid.get(q.strike)!, putMid: q.mid}));
    const fwd = impliedForward(pairs, {tYears, rate});
    if (!Number.isFinite(fwd.forward)) {
      skippedExpiries.push({expiry, reason: "no strike with both a call and a put quote for put-call parity"});
      continue;
    }
    const divYield = rate - Math.log(fwd.forward / spot) / tYears;
    const market = {spot, forward: fwd.forward, tYears, rate, divYield, model};
    const smile = expirySmile(list, market);
    const vendor = new Map(list.map((q) => [`${q.strike}${q.right}`, q]));
    for (const p of smile) {
      const q = vendor.get(`${p.strike}${p.right}`)!;
      surface.push({...p, expiry, tYears, vendorIv: q.vendorIv, bid: q.bid, ask: q.ask, openInterest: q.openInterest, wideSpread: q.wideSpread});
    }
    const nodes = smile.filter((p) => p.otm && Number.isFinite(p.iv));
    const atmIv = smileVolAt(nodes, 0);
    const put25 = deltaStrike(nodes, {...market, right: "P", targetDelta: -0.25});
    const call25 = deltaStrike(nodes, {...market, right: "C", targetDelta: 0.25});
    expiries.push({
      expiry,
      tYears,
      days: minutes / 1440,
      forward: fwd.forward,
      discount: fwd.discount,
      divYield,
      atmIv,
      put25Strike: put25.strike,
      put25Iv: put25.iv,
      call25Strike: call25.strike,
      call25Iv: call25.iv,
      putSkew: put25.iv / atmIv,
      callSkew: call25.iv / atmIv,
      quotesUsed: list.length
    });
  }
  const constantMaturity = constantMaturityDays.map((days): ConstantMaturityRow => {
    const at = (pick: (e: ExpirySummary) => number) => constantMaturityIv(expiries.map((e) => ({tYears: e.tYears, iv: pick(e)})), days / 365);
    const [atmIv, put25Iv, call25Iv] = [at((e) => e.atmIv), at((e) => e.put25Iv), at((e) => e.call25Iv)];
    return {days, atmIv, put25Iv, call25Iv, putSkew: put25Iv / atmIv, callSkew: call25Iv / atmIv};
  });
  return {underlying, spot, asOfMs, rate, model, expiries, constantMaturity, surface, dropped: droppedCount, skippedExpiries};
}
