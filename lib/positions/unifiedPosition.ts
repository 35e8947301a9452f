import type {OptionRight, SourceName} from "../rows.js";

/** What a position is. Equity = stock/ETF; Option = equity or index option; FutureOption = option on a future. */
export type InstrumentType = "Equity" | "Option" | "Future" | "FutureOption" | "Crypto" | "CryptoOption";

/** Where the per-unit greeks came from: the broker's own numbers, or lib/pricing from price, IV, rate, dividends. */
export type GreeksSource = "broker" | "local";

/**
 * One raw position leg as a broker reports it, normalised but not yet risk-weighted
 * (the output of data-loaders/<broker>/positions.ts, the input of lib/risk/positionGreeks.ts).
 *
 * Units:
 * - `quantity`: signed count of contracts (options, futures), shares (Equity) or coins (Crypto, Deribit options;
 *   Deribit futures are converted from USD contracts to coins); negative = short.
 * - `multiplier`: underlying units per contract (100 for US equity options, 50 for /ES, 1 for shares and coins).
 * - `price`, `costBasis`: per unit of `quantity` before the multiplier (an option's quoted premium, a share price),
 *   in `currency`; `costBasis` is the average open price. NaN when the broker gives none.
 *   Deribit options are quoted in coin (`currency` "BTC"), so `price` 0.05 means 0.05 BTC per 1 BTC of options.
 * - `underlyingPrice`: the underlying's price in USD when the broker reports it (Deribit index), else NaN.
 * - `broker*` greeks: per unit of `quantity` INCLUDING the multiplier, i.e. a position's greek divided by quantity
 *   (`brokerDelta` 50 for one 100-multiplier option of delta 0.5); NaN when the broker supplies none.
 *   `brokerVegaPerVolPt` in USD per vol point, `brokerThetaPerDay` in USD per calendar day,
 *   `brokerGamma` in underlying units of delta per 1 USD of underlying.
 */
export type PositionLeg = {
  broker: SourceName;
  account: string;
  symbol: string;
  instrumentType: InstrumentType;
  underlying: string;
  right: OptionRight | null;
  strike: number | null;
  expiry: string | null; // "YYYY-MM-DD"
  quantity: number;
  multiplier: number;
  currency: string;
  price: number;
  costBasis: number;
  underlyingPrice: number;
  brokerDelta: number;
  brokerGamma: number;
  brokerVegaPerVolPt: number;
  brokerThetaPerDay: number;
  asOfMs: number; // when the broker's numbers were taken, epoch ms UTC
};

/**
 * A position with its risk in common units: the specification's fields plus what a real book needs.
 * Declared with `type` so apache-arrow's tableFromJSON accepts arrays of it.
 *
 * Position-level risk (summed by lib/risk/aggregate.ts):
 * - `betaDelta`: SPY-share equivalents = unitDelta x multiplier x quantity x beta x S / S_SPY
 *   (the number of SPY shares with the same expected $ move for a 1% SPY move).
 * - `betaGamma`: change of `betaDelta` per 1 SPY point (SPY-share equivalents per $1 of SPY)
 *   = unitGamma x multiplier x quantity x (beta x S / S_SPY)^2.
 * - `vegaPerVolPt`: position USD per 1 vol point (0.01 of IV) of the position's own IV.
 * - `thetaPerDay`: position USD per calendar day (negative = decay; the holder pays).
 * Each is NaN when it could not be computed (no greeks, no spot, no beta): aggregates count those, never sum them.
 *
 * Per-unit raw greeks (one unit of the underlying, before multiplier and quantity; a call's `unitDelta` is 0..1,
 * a share's is 1): `unitDelta` (dV/dS), `unitGamma` (d2V/dS2 per USD), `unitVegaPerVolPt` (USD per vol point),
 * `unitThetaPerDay` (USD per calendar day). `iv` is the annualised decimal used for local greeks (NaN if none).
 */
export type UnifiedPosition = {
  broker: SourceName;
  account: string;
  symbol: string;
  instrumentType: InstrumentType;
  underlying: string;
  right: OptionRight | null;
  strike: number | null;
  expiry: string | null; // "YYYY-MM-DD", null for shares, coins and perpetuals
  quantity: number;
  multiplier: number;
  currency: string;
  price: number;
  costBasis: number;
  underlyingPrice: number; // S, USD
  beta: number; // to SPY, NaN if unknown
  betaDelta: number;
  betaGamma: number;
  vegaPerVolPt: number;
  thetaPerDay: number;
  unitDelta: number;
  unitGamma: number;
  unitVegaPerVolPt: number;
  unitThetaPerDay: number;
  iv: number;
  greeksSource: GreeksSource;
  strategyGroup: string | null; // id from lib/strategies/recognize.ts
  asOfMs: number;
};

/**
 * The account id masked for display: all but the first character and the last three become "*"
 * ("U1234567" -> "U****567"). Ids of 4 characters or fewer become all "*" but the first.
 */
export function maskAccount(account: string): string {
  if (account.length <= 1) return account;
  if (account.length <= 4) return account[0] + "*".repeat(account.length - 1);
  return account[0] + "*".repeat(account.length - 4) + account.slice(-3);
}
