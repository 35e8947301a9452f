import type {InstrumentType, PositionLeg} from "../../lib/positions/unifiedPosition.js";
import {parseOccSymbol} from "../../lib/positions/occSymbol.js";
import {SourceError, array, describeValue, finite, optionalFinite, optionalStr, record, str} from "../shared/sourceError.js";

const SOURCE = "ibkr";

const ASSET_CLASSES: Record<string, InstrumentType> = {
  STK: "Equity",
  OPT: "Option",
  FUT: "Future",
  FOP: "FutureOption",
  CRYPTO: "Crypto"
};

/**
 * Position legs from IBKR Client Portal Web API position payloads: `GET /portfolio/{accountId}/positions/{pageId}`
 * (a bare array) and `GET /portfolio/{accountId}/position/{conid}` (an array of one), or an object mapping
 * account ids to such arrays. IBKR sends no greeks here (they are computed locally) and no timestamp, so the
 * caller passes the fetch time as `asOfMs`.
 *
 * `position` is the signed quantity; `mktPrice` and `avgPrice` are per share / per unit (avgCost is avgPrice x
 * multiplier and is not used). Cash (FX balance) rows and zero positions are skipped; any other asset class
 * throws SourceError rather than under-stating risk. Futures underlyings are written "/ROOT" ("/ES").
 */
export function toIbkrPositionLegs(payload: unknown, {asOfMs}: {asOfMs: number}): PositionLeg[] {
  if (!Number.isFinite(asOfMs)) throw new RangeError(`toIbkrPositionLegs: asOfMs must be finite, got ${asOfMs}`);
  const rows: {raw: unknown; path: string}[] = [];
  if (Array.isArray(payload)) payload.forEach((raw, i) => rows.push({raw, path: `[${i}]`}));
  else {
    const byAccount = record(SOURCE, payload, "");
    for (const [account, list] of Object.entries(byAccount)) {
      array(SOURCE, list, account).forEach((raw, i) => rows.push({raw, path: `${account}[${i}]`}));
    }
  }
  const legs: PositionLeg[] = [];
  for (const {raw, path} of rows) {
    const leg = toLeg(record(SOURCE, raw, path), path, asOfMs);
    if (leg) legs.push(leg);
  }
  return legs;
}

function toLeg(raw: Record<string, unknown>, path: string, asOfMs: number): PositionLeg | null {
  const assetClass = str(SOURCE, raw, "assetClass", path);
  if (assetClass === "CASH") return null;
  const instrumentType = ASSET_CLASSES[assetClass];
  if (!instrumentType) {
    throw new SourceError(SOURCE, `${path}.assetClass`, `unsupported asset class ${describeValue(assetClass)}`);
  }
  const quantity = finite(SOURCE, raw, "position", path);
  if (quantity === 0) return null;
  const account = str(SOURCE, raw, "acctId", path);
  const contractDesc = str(SOURCE, raw, "contractDesc", path);
  const currency = str(SOURCE, raw, "currency", path);
  const isOption = instrumentType === "Option" || instrumentType === "FutureOption";
  // contractDesc of an option ends in "[META 240621P00330000 100]": the OCC symbol and the multiplier
  const bracket = /\[(.+?)\s+(\d+)\]\s*$/.exec(contractDesc);
  const occ = bracket ? parseOccSymbol(bracket[1]) : null;
  const firstToken = contractDesc.split(/\s+/)[0];
  let underlying = optionalStr(SOURCE, raw, "undSym", path) ?? (isOption ? (occ?.root ?? firstToken) : firstToken);
  if (instrumentType === "Future" || instrumentType === "FutureOption") underlying = "/" + underlying.replace(/^\//, "");
  const multiplierRaw = optionalFinite(SOURCE, raw, "multiplier", path);
  const multiplier = Number.isNaN(multiplierRaw) || multiplierRaw === 0 ? (isOption || instrumentType === "Future" ? NaN : 1) : multiplierRaw;
  if (Number.isNaN(multiplier)) {
    throw new SourceError(SOURCE, `${path}.multiplier`, `expected finite number for ${assetClass}, got ${describeValue(raw.multiplier)}`);
  }
  let right: PositionLeg["right"] = null;
  let strike: number | null = null;
  let expiry: string | null = null;
  const expiryRaw = optionalStr(SOURCE, raw, "expiry", path);
  if (expiryRaw !== null) {
    if (!/^\d{8}$/.test(expiryRaw)) throw new SourceError(SOURCE, `${path}.expiry`, `expected YYYYMMDD, got ${describeValue(expiryRaw)}`);
    expiry = `${expiryRaw.slice(0, 4)}-${expiryRaw.slice(4, 6)}-${expiryRaw.slice(6, 8)}`;
  }
  if (isOption) {
    const putOrCall = raw.putOrCall;
    if (putOrCall !== "C" && putOrCall !== "P") {
      throw new SourceError(SOURCE, `${path}.putOrCall`, `expected "C" or "P", got ${describeValue(putOrCall)}`);
    }
    right = putOrCall;
    strike = finite(SOURCE, raw, "strike", path);
    if (!(strike > 0)) throw new SourceError(SOURCE, `${path}.strike`, `expected positive strike, got ${describeValue(raw.strike)}`);
    if (expiry === null) throw new SourceError(SOURCE, `${path}.expiry`, "expected YYYYMMDD for an option, got null");
  }
  return {
    broker: SOURCE,
    account,
    symbol: isOption && bracket ? bracket[1].replace(/\s+/g, "") : contractDesc,
    instrumentType,
    underlying,
    right,
    strike,
    expiry,
    quantity,
    multiplier,
    currency,
    price: optionalFinite(SOURCE, raw, "mktPrice", path),
    costBasis: optionalFinite(SOURCE, raw, "avgPrice", path),
    underlyingPrice: NaN,
    brokerDelta: NaN,
    brokerGamma: NaN,
    brokerVegaPerVolPt: NaN,
    brokerThetaPerDay: NaN,
    asOfMs
  };
}
