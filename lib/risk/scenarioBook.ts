import {easternWallTimeToMs} from "../io/easternTime.js";
import {americanImpliedVol} from "../pricing/american.js";
import {impliedVolBlack76} from "../pricing/impliedVol.js";
import {pricingModelFor} from "../pricing/model.js";
import type {UnifiedPosition} from "../positions/unifiedPosition.js";

/** How a book row is repriced: delta-one (linear), European on the forward (Black-76 / BSM), American (BS 2002). */
export const SCENARIO_KIND = {deltaOne: 0, european: 1, american: 2} as const;

/**
 * A book laid out in columns for full repricing (see scenarioGrid). Each row is one distinct contract: positions
 * with identical pricing inputs (the same contract held in several accounts or brokers) share a row, their sizes
 * summed, since P&L is linear in size. `rowOf[p]` is position p's row (-1 when it cannot be repriced: no spot, no
 * beta, no usable IV; those are listed in `missing`), `positionSize[p]` its own size.
 *
 * Per row: `spot` S in USD (a future's own price for futures and future options), `strike`, `tYears` (ACT/365 to
 * the expiry instant), `rate` (decimal, continuous), `carry` F/S = e^{(r-q)T} for index options on a spot index and
 * BSM-priced equity options (1 for futures, future options and Deribit), `vol` (annualised decimal), `size`
 * (quantity x multiplier, signed), `beta` to SPY.
 */
export type ScenarioBook = {
  n: number;
  rowOf: Int32Array;
  positionSize: Float64Array;
  kind: Uint8Array;
  isCall: Uint8Array;
  spot: Float64Array;
  strike: Float64Array;
  tYears: Float64Array;
  rate: Float64Array;
  divYield: Float64Array;
  carry: Float64Array;
  vol: Float64Array;
  size: Float64Array;
  beta: Float64Array;
  missing: {index: number; symbol: string; reason: string}[];
};

/** Options for prepareScenarioBook. */
export type ScenarioBookOptions = {
  asOfMs: number; // valuation instant, epoch ms UTC
  rate?: number; // continuous, decimal; default 0.04 (Deribit options always use 0)
  divYields?: Readonly<Record<string, number>>; // underlying -> continuous yield, default 0
  /**
   * "american" (default): single-stock and ETF options repriced with Bjerksund-Stensland 2002, like their greeks;
   * "european": all options repriced on the forward (Black-76/BSM), ~50x faster, ignoring early exercise.
   */
  exercise?: "american" | "european";
};

const MS_PER_YEAR = 365 * 86_400_000;

/**
 * Returns the book in typed columns for scenarioGrid. Models follow lib/risk/positionGreeks: Deribit options are
 * Black-76 on the index at rate 0 (expiry 08:00 UTC), future options Black-76 on the future, cash-settled index
 * options Black-76 on the forward, single stocks and ETFs American (or European with `exercise: "european"`);
 * US expiries at 16:00 New York. The IV is the position's `iv`, else implied from its price (coin prices x S).
 * Shares, coins and futures are delta-one rows. Unpriceable positions are listed in `missing`, never guessed.
 */
export function prepareScenarioBook(positions: readonly UnifiedPosition[], options: ScenarioBookOptions): ScenarioBook {
  const {asOfMs, rate = 0.04, divYields = {}, exercise = "american"} = options;
  if (!Number.isFinite(asOfMs)) throw new RangeError(`prepareScenarioBook: asOfMs must be finite, got ${asOfMs}`);
  const n = positions.length;
  const book: ScenarioBook = {
    n: 0,
    rowOf: new Int32Array(n).fill(-1),
    positionSize: new Float64Array(n),
    kind: new Uint8Array(n),
    isCall: new Uint8Array(n),
    spot: new Float64Array(n),
    strike: new Float64Array(n),
    tYears: new Float64Array(n),
    rate: new Float64Array(n),
    divYield: new Float64Array(n),
    carry: new Float64Array(n),
    vol: new Float64Array(n),
    size: new Float64Array(n),
    beta: new Float64Array(n),
    missing: []
  };
  const rowByKey = new Map<string, number>();
  // books repeat a few expiries and underlyings over thousands of positions: each instant and model is found once
  const expiryMsByCrypto = [new Map<string, number>(), new Map<string, number>()];
  const expiryInstantMs = (expiry: string, crypto: boolean) => {
    const known = expiryMsByCrypto[crypto ? 1 : 0];
    let ms = known.get(expiry);
    if (ms === undefined) known.set(expiry, (ms = crypto ? Date.parse(`${expiry}T08:00:00Z`) : easternWallTimeToMs(expiry, 16 * 60)));
    return ms;
  };
  const modelByVenue = new Map<string, Map<string, ReturnType<typeof pricingModelFor>>>();
  const modelFor = (underlying: string, venue: string) => {
    let byUnderlying = modelByVenue.get(venue);
    if (!byUnderlying) modelByVenue.set(venue, (byUnderlying = new Map()));
    let model = byUnderlying.get(underlying);
    if (model === undefined) byUnderlying.set(underlying, (model = pricingModelFor({underlying, venue})));
    return model;
  };
  let i = 0;
  // one row per distinct set of pricing inputs; `fill` writes a new row's columns
  const add = (key: string, fill: () => void) => {
    let row = rowByKey.get(key);
    if (row === undefined) {
      row = book.n++;
      rowByKey.set(key, row);
      fill();
    }
    book.rowOf[i] = row;
    book.size[row] += book.positionSize[i];
  };
  for (i = 0; i < n; ++i) {
    const p = positions[i];
    const miss = (reason: string) => book.missing.push({index: i, symbol: p.symbol, reason});
    const s = p.underlyingPrice;
    if (!(s > 0)) {
      miss("no underlying price");
      continue;
    }
    if (!Number.isFinite(p.beta)) {
      miss("no beta to SPY");
      continue;
    }
    const size = p.quantity * p.multiplier;
    book.positionSize[i] = size;
    const row = book.n;
    if (p.right === null) {
      add(`${s}|${p.beta}`, () => {
        book.kind[row] = SCENARIO_KIND.deltaOne;
        book.spot[row] = s;
        book.beta[row] = p.beta;
      });
      continue;
    }
    const strike = p.strike ?? NaN;
    if (!(strike > 0) || p.expiry === null) {
      miss("option without strike or expiry");
      continue;
    }
    const crypto = p.instrumentType === "CryptoOption" || p.broker === "deribit";
    const expiryMs = expiryInstantMs(p.expiry, crypto);
    const tYears = Math.max(0, (expiryMs - asOfMs) / MS_PER_YEAR);
    const r = crypto ? 0 : rate;
    const q = divYields[p.underlying] ?? 0;
    const americanStyle = !crypto && p.instrumentType !== "FutureOption" && modelFor(p.underlying, p.broker) === "american";
    const american = americanStyle && exercise === "american";
    const carry = crypto || p.instrumentType === "FutureOption" ? 1 : Math.exp((r - q) * tYears);
    let vol = p.iv;
    if (!(vol > 0) && tYears > 0) {
      const priceUsd = p.currency === "USD" || p.currency === "USDC" ? p.price : p.price * s;
      const iv = americanStyle
        ? americanImpliedVol({right: p.right, spot: s, strike, tYears, rate: r, divYield: q, price: priceUsd})
        : impliedVolBlack76({right: p.right, price: priceUsd, forward: s * carry, strike, tYears, rate: r});
      vol = iv.ok ? iv.vol : NaN;
    }
    if (tYears > 0 && !(vol > 0)) {
      miss("no usable implied vol");
      continue;
    }
    const kind = american ? SCENARIO_KIND.american : SCENARIO_KIND.european;
    const rowVol = tYears > 0 ? vol : 0;
    add(`${kind}|${p.right}|${s}|${p.beta}|${strike}|${tYears}|${r}|${q}|${carry}|${rowVol}`, () => {
      book.kind[row] = kind;
      book.spot[row] = s;
      book.beta[row] = p.beta;
      book.isCall[row] = p.right === "C" ? 1 : 0;
      book.strike[row] = strike;
      book.tYears[row] = tYears;
      book.rate[row] = r;
      book.divYield[row] = q;
      book.carry[row] = carry;
      book.vol[row] = rowVol;
    });
  }
  return book;
}
