import type {PositionLeg} from "../../lib/positions/unifiedPosition.js";
import {SourceError, array, describeValue, finite, oneOf, optionalFinite, record, str} from "../shared/sourceError.js";

const SOURCE = "deribit";
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** The parts of a Deribit instrument name: "BTC-27DEC24-60000-C", "BTC-27DEC24", "BTC-PERPETUAL", "SOL_USDC-...". */
export type DeribitInstrument = {
  base: string; // "BTC"
  settle: string; // "BTC" for inverse instruments, "USDC" for linear ones
  expiry: string | null; // "YYYY-MM-DD"; null for perpetuals
  strike: number | null;
  right: "C" | "P" | null;
};

/**
 * Position legs from Deribit JSON-RPC `private/get_positions` ({"result": [...]}), futures and options.
 *
 * Amounts are in coin: an option's `size` is already in base currency (BTC); an inverse future's `size` is in USD,
 * so its coin amount is `size_currency` (or size / mark_price when absent); linear (_USDC) futures are in coin.
 * Deribit's position greeks are kept as broker greeks, divided by the coin quantity: `delta` in coin, `gamma`
 * in coin per USD, `vega` USD per vol point, `theta` USD per day (Deribit's web UI units). Option `price` and
 * `costBasis` stay in the quote currency (coin for inverse options). `underlyingPrice` is `index_price` (USD).
 * Rows with direction "zero" are skipped; combo kinds throw SourceError. The account is `user_id` when present.
 */
export function toDeribitPositionLegs(payload: unknown, {asOfMs, account}: {asOfMs: number; account?: string}): PositionLeg[] {
  if (!Number.isFinite(asOfMs)) throw new RangeError(`toDeribitPositionLegs: asOfMs must be finite, got ${asOfMs}`);
  const envelope = record(SOURCE, payload, "");
  if (envelope.error !== undefined && envelope.error !== null) {
    const message = record(SOURCE, envelope.error, "error").message;
    throw new SourceError(SOURCE, "error", `JSON-RPC error ${describeValue(message)}`);
  }
  const result = array(SOURCE, envelope.result, "result");
  const legs: PositionLeg[] = [];
  result.forEach((item, i) => {
    const path = `result[${i}]`;
    const leg = toLeg(record(SOURCE, item, path), path, asOfMs, account);
    if (leg) legs.push(leg);
  });
  return legs;
}

function toLeg(raw: Record<string, unknown>, path: string, asOfMs: number, account?: string): PositionLeg | null {
  const kind = oneOf(SOURCE, raw, "kind", ["future", "option", "spot", "future_combo", "option_combo"] as const, path);
  if (kind === "future_combo" || kind === "option_combo") {
    throw new SourceError(SOURCE, `${path}.kind`, `unsupported kind "${kind}" (request positions by leg)`);
  }
  const direction = oneOf(SOURCE, raw, "direction", ["buy", "sell", "zero"] as const, path);
  if (direction === "zero") return null;
  const name = str(SOURCE, raw, "instrument_name", path);
  const instrument = parseDeribitInstrument(name);
  if (!instrument) throw new SourceError(SOURCE, `${path}.instrument_name`, `unrecognised instrument name ${describeValue(name)}`);
  if ((kind === "option") !== (instrument.right !== null)) {
    throw new SourceError(SOURCE, `${path}.instrument_name`, `${describeValue(name)} does not match kind "${kind}"`);
  }
  const size = Math.abs(finite(SOURCE, raw, "size", path));
  const markPrice = finite(SOURCE, raw, "mark_price", path);
  const inverse = instrument.settle === instrument.base;
  let coins = size;
  if (kind === "future" && inverse) {
    const sizeCurrency = optionalFinite(SOURCE, raw, "size_currency", path);
    coins = Number.isNaN(sizeCurrency) ? size / markPrice : Math.abs(sizeCurrency);
  }
  if (coins === 0) return null;
  const quantity = direction === "sell" ? -coins : coins;
  const perUnit = (key: string) => optionalFinite(SOURCE, raw, key, path) / quantity;
  const userId = raw.user_id;
  return {
    broker: SOURCE,
    account: account ?? (typeof userId === "number" || typeof userId === "string" ? String(userId) : "deribit"),
    symbol: name,
    instrumentType: kind === "option" ? "CryptoOption" : kind === "future" ? "Future" : "Crypto",
    underlying: instrument.base,
    right: instrument.right,
    strike: instrument.strike,
    expiry: instrument.expiry,
    quantity,
    multiplier: 1,
    currency: kind === "option" ? instrument.settle : "USD",
    price: markPrice,
    costBasis: optionalFinite(SOURCE, raw, "average_price", path),
    underlyingPrice: optionalFinite(SOURCE, raw, "index_price", path),
    brokerDelta: perUnit("delta"),
    brokerGamma: kind === "option" ? perUnit("gamma") : 0,
    brokerVegaPerVolPt: kind === "option" ? perUnit("vega") : 0,
    brokerThetaPerDay: kind === "option" ? perUnit("theta") : 0,
    asOfMs
  };
}

/**
 * Parses a Deribit instrument name; null when it has none of the documented forms.
 * Strikes may use "d" as the decimal point ("XRP_USDC-27DEC24-0d625-C").
 */
export function parseDeribitInstrument(name: string): DeribitInstrument | null {
  const parts = name.split("-");
  const [base, settle = base] = parts[0].split("_");
  if (!/^[A-Z0-9]+$/.test(base)) return null;
  if (parts.length === 2 && parts[1] === "PERPETUAL") return {base, settle, expiry: null, strike: null, right: null};
  const expiry = parts.length >= 2 ? parseExpiry(parts[1]) : null;
  if (expiry === null) return null;
  if (parts.length === 2) return {base, settle, expiry, strike: null, right: null};
  if (parts.length === 4 && (parts[3] === "C" || parts[3] === "P") && /^\d+(d\d+)?$/.test(parts[2])) {
    return {base, settle, expiry, strike: Number(parts[2].replace("d", ".")), right: parts[3]};
  }
  return null;
}

function parseExpiry(text: string): string | null {
  const match = /^(\d{1,2})([A-Z]{3})(\d{2})$/.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]) + 1;
  if (month === 0) return null;
  return `20${match[3]}-${String(month).padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}
