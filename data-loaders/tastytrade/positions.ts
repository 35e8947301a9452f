import type {InstrumentType, PositionLeg} from "../../lib/positions/unifiedPosition.js";
import {parseOccSymbol} from "../../lib/positions/occSymbol.js";
import {SourceError, array, describeValue, finite, oneOf, optionalFinite, optionalStr, record, str} from "../shared/sourceError.js";

const SOURCE = "tastytrade";

const INSTRUMENT_TYPES: Record<string, InstrumentType> = {
  Equity: "Equity",
  "Equity Option": "Option",
  Future: "Future",
  "Future Option": "FutureOption",
  Cryptocurrency: "Crypto"
};

/**
 * Position legs from Tastytrade `GET /accounts/{account}/positions` ({"data": {"items": [...]}}, kebab-case keys,
 * numbers mostly as decimal strings). `quantity` is unsigned; the sign comes from `quantity-direction`
 * ("Long" / "Short"; "Zero" rows are skipped). Option strike/right/expiry come from the OCC symbol
 * ("RIVN  230609P00014000"); future options from the trailing "C5000"/"P5000" and `expires-at`.
 * `price` is `mark-price` or `mark` when the request asked for marks, else `close-price` (previous close).
 * Tastytrade sends no greeks with positions; they are computed locally. The caller passes the fetch time.
 * Futures underlyings are reduced to their root ("/ESZ3" -> "/ES"); crypto pairs to the coin ("BTC/USD" -> "BTC").
 */
export function toTastytradePositionLegs(payload: unknown, {asOfMs}: {asOfMs: number}): PositionLeg[] {
  if (!Number.isFinite(asOfMs)) throw new RangeError(`toTastytradePositionLegs: asOfMs must be finite, got ${asOfMs}`);
  const data = record(SOURCE, record(SOURCE, payload, "").data, "data");
  const items = array(SOURCE, data.items, "data.items");
  const legs: PositionLeg[] = [];
  items.forEach((item, i) => {
    const leg = toLeg(record(SOURCE, item, `data.items[${i}]`), `data.items[${i}]`, asOfMs);
    if (leg) legs.push(leg);
  });
  return legs;
}

function toLeg(raw: Record<string, unknown>, path: string, asOfMs: number): PositionLeg | null {
  const type = str(SOURCE, raw, "instrument-type", path);
  const instrumentType = INSTRUMENT_TYPES[type];
  if (!instrumentType) throw new SourceError(SOURCE, `${path}.instrument-type`, `unsupported instrument type ${describeValue(type)}`);
  const direction = oneOf(SOURCE, raw, "quantity-direction", ["Long", "Short", "Zero"] as const, path);
  const size = finite(SOURCE, raw, "quantity", path);
  if (size < 0) throw new SourceError(SOURCE, `${path}.quantity`, `expected unsigned quantity, got ${describeValue(raw.quantity)}`);
  if (direction === "Zero" || size === 0) return null;
  const symbol = str(SOURCE, raw, "symbol", path);
  const underlyingSymbol = str(SOURCE, raw, "underlying-symbol", path);
  const multiplier = finite(SOURCE, raw, "multiplier", path);
  if (!(multiplier > 0)) throw new SourceError(SOURCE, `${path}.multiplier`, `expected positive number, got ${describeValue(raw.multiplier)}`);
  let underlying = underlyingSymbol;
  let right: PositionLeg["right"] = null;
  let strike: number | null = null;
  let expiry: string | null = null;
  if (instrumentType === "Option") {
    const occ = parseOccSymbol(symbol);
    if (!occ) throw new SourceError(SOURCE, `${path}.symbol`, `expected OCC option symbol, got ${describeValue(symbol)}`);
    ({right, strike, expiry} = occ);
  } else if (instrumentType === "FutureOption") {
    const tail = /([CP])(\d+(?:\.\d+)?)$/.exec(symbol);
    if (!tail) throw new SourceError(SOURCE, `${path}.symbol`, `expected future option symbol ending in C/P and strike, got ${describeValue(symbol)}`);
    right = tail[1] as "C" | "P";
    strike = Number(tail[2]);
    expiry = expiresAtDate(raw, path);
  } else if (instrumentType === "Future") {
    expiry = optionalStr(SOURCE, raw, "expires-at", path) === null ? null : expiresAtDate(raw, path);
  }
  if (instrumentType === "Future" || instrumentType === "FutureOption") underlying = futureRoot(underlyingSymbol);
  if (instrumentType === "Crypto") underlying = underlyingSymbol.split("/")[0];
  const mark = optionalFinite(SOURCE, raw, "mark-price", path);
  const mark2 = Number.isNaN(mark) ? optionalFinite(SOURCE, raw, "mark", path) : mark;
  return {
    broker: SOURCE,
    account: str(SOURCE, raw, "account-number", path),
    symbol,
    instrumentType,
    underlying,
    right,
    strike,
    expiry,
    quantity: direction === "Short" ? -size : size,
    multiplier,
    currency: "USD",
    price: Number.isNaN(mark2) ? optionalFinite(SOURCE, raw, "close-price", path) : mark2,
    costBasis: optionalFinite(SOURCE, raw, "average-open-price", path),
    underlyingPrice: NaN,
    brokerDelta: NaN,
    brokerGamma: NaN,
    brokerVegaPerVolPt: NaN,
    brokerThetaPerDay: NaN,
    asOfMs
  };
}

function expiresAtDate(raw: Record<string, unknown>, path: string): string {
  const text = str(SOURCE, raw, "expires-at", path);
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new SourceError(SOURCE, `${path}.expires-at`, `expected ISO-8601 time, got ${describeValue(text)}`);
  return new Date(ms).toISOString().slice(0, 10); // expirations are 20:00-22:00 UTC: same calendar day as in New York
}

/** "/ESZ3" or "/ESZ23" -> "/ES"; a symbol without a month code is kept. */
function futureRoot(symbol: string): string {
  const match = /^\/?([A-Z0-9]+?)[FGHJKMNQUVXZ]\d{1,2}$/.exec(symbol);
  return "/" + (match ? match[1] : symbol.replace(/^\//, ""));
}
