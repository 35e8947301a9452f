import type {OptionQuoteRow, OptionRight} from "../rows.js";
import {splitCsvLine, textLines} from "./csvText.js";
import {parseNumberField} from "./numberField.js";
import {TextParseError} from "./textParseError.js";

/** The underlying's quote in the two header lines of a CBOE quotedata download. */
export type CboeUnderlyingQuote = {
  name: string; // e.g. "SPDR S&P 500 ETF Trust"
  symbol: string; // root of the option symbols, e.g. "SPY"
  last: number;
  change: number;
  bid: number; // NaN when not printed
  ask: number;
  asOfMs: number; // quote time, epoch ms UTC
  asOfText: string; // as printed, e.g. "September 14, 2023 at 4:31 PM EDT"
};

/** A parsed quotedata file: the underlying header and one row per contract (calls and puts). */
export type CboeQuotedata = {underlying: CboeUnderlyingQuote; quotes: OptionQuoteRow[]};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ZONE_OFFSET_HOURS: Record<string, number> = {EDT: -4, EST: -5, CDT: -5, CST: -6, UTC: 0, GMT: 0};
const SIDE_FIELDS = ["last sale", "bid", "ask", "volume", "iv", "delta", "gamma", "open interest"] as const;

/**
 * Parses CBOE's delayed-quotes option chain download ("quotedata.csv"): line 2 `<name>,Last: 450.81,Change: 3.85`,
 * line 3 `"Date: September 14, 2023 at 4:31 PM EDT",Bid: 450.81,Ask: 450.83,...`, then a header and rows holding a
 * call and a put side by side around `Strike`. Columns are located by name on each side of `Strike` (the put
 * side repeats the call side's names).
 *
 * Each contract becomes an OptionQuoteRow with `underlyingPrice` = header last and `asOfMs` = header time.
 * CBOE writes 0 for an IV it could not compute: `vendorIv` is then NaN. Delta and gamma are kept as printed.
 *
 * @throws TextParseError naming file, line and column for a malformed header line or field.
 */
export function parseCboeQuotedata(text: string, {file}: {file: string}): CboeQuotedata {
  const lines = textLines(text);
  let at = lines.findIndex((line) => line.trim() !== "");
  if (at < 0) throw new TextParseError(file, 1, 0, "empty file: expected CBOE quotedata header lines");
  const first = splitCsvLine(lines[at]);
  const lastField = first.findIndex((f) => /^\s*last:/i.test(f));
  if (lastField < 0) throw new TextParseError(file, at + 1, 0, `expected "<name>,Last: <price>,Change: <change>", got "${lines[at]}"`);
  const labelled = (fields: string[], label: string, lineNo: number): number => {
    const i = fields.findIndex((f) => f.trim().toLowerCase().startsWith(label.toLowerCase() + ":"));
    if (i < 0) return NaN;
    const raw = fields[i].slice(fields[i].indexOf(":") + 1);
    const value = parseNumberField(raw);
    if (value === undefined) throw new TextParseError(file, lineNo, i + 1, `expected a number after "${label}:", got "${raw.trim()}"`);
    return value;
  };
  const name = first.slice(0, lastField).join(",").trim();
  const last = labelled(first, "Last", at + 1);
  const change = labelled(first, "Change", at + 1);

  ++at;
  const second = splitCsvLine(lines[at] ?? "");
  const dateMatch = /^\s*Date:\s*(.+)$/i.exec(second[0] ?? "");
  if (!dateMatch) throw new TextParseError(file, at + 1, 1, `expected "Date: <Month D, YYYY> at <h:mm AM/PM> <zone>", got "${second[0] ?? ""}"`);
  const asOfText = dateMatch[1].trim();
  const asOfMs = parseQuoteTime(asOfText);
  if (!Number.isFinite(asOfMs)) throw new TextParseError(file, at + 1, 1, `unrecognised quote time "${asOfText}"`);
  const bid = labelled(second, "Bid", at + 1);
  const ask = labelled(second, "Ask", at + 1);

  ++at;
  const header = splitCsvLine(lines[at] ?? "").map((h) => h.trim().toLowerCase());
  const strikeCol = header.indexOf("strike");
  const expiryCol = header.findIndex((h) => h.startsWith("expiration"));
  if (strikeCol < 0 || expiryCol < 0) {
    throw new TextParseError(file, at + 1, 0, `expected a header with "Expiration Date" and "Strike", got "${lines[at] ?? ""}"`);
  }
  const sideColumns = (from: number, to: number, symbolName: string) => {
    const find = (h: string) => {
      const i = header.slice(from, to).indexOf(h);
      return i < 0 ? -1 : i + from;
    };
    const symbol = find(symbolName);
    if (symbol < 0) throw new TextParseError(file, at + 1, 0, `no "${symbolName}" column in the header`);
    return {symbol, ...Object.fromEntries(SIDE_FIELDS.map((f) => [f, find(f)]))} as {symbol: number} & Record<(typeof SIDE_FIELDS)[number], number>;
  };
  const sides: [OptionRight, ReturnType<typeof sideColumns>][] = [
    ["C", sideColumns(0, strikeCol, "calls")],
    ["P", sideColumns(strikeCol + 1, header.length, "puts")]
  ];

  const quotes: OptionQuoteRow[] = [];
  let underlyingSymbol = "";
  for (let i = at + 1; i < lines.length; ++i) {
    if (!lines[i].trim()) continue;
    const lineNo = i + 1;
    const fields = splitCsvLine(lines[i]);
    const num = (c: number): number => {
      if (c < 0) return NaN;
      const raw = fields[c] ?? "";
      const value = parseNumberField(raw);
      if (value === undefined) throw new TextParseError(file, lineNo, c + 1, `expected a number, got "${raw}"`, header[c]);
      return value;
    };
    const expiry = parseExpiration(fields[expiryCol] ?? "");
    if (!expiry) throw new TextParseError(file, lineNo, expiryCol + 1, `expected a date like "Thu Sep 14 2023", got "${fields[expiryCol] ?? ""}"`, "expiration date");
    const strike = num(strikeCol);
    if (!(strike > 0)) throw new TextParseError(file, lineNo, strikeCol + 1, `expected a positive strike, got "${fields[strikeCol]}"`, "strike");
    for (const [right, c] of sides) {
      const symbol = (fields[c.symbol] ?? "").trim();
      const occ = /^([A-Z0-9.]+?)\d{6}[CP]\d{8}$/.exec(symbol);
      if (!occ) throw new TextParseError(file, lineNo, c.symbol + 1, `expected an OCC-style symbol, got "${symbol}"`, header[c.symbol]);
      if (!underlyingSymbol) underlyingSymbol = occ[1];
      const iv = num(c.iv);
      quotes.push({
        underlying: occ[1],
        symbol,
        expiry,
        strike,
        right,
        bid: num(c.bid),
        ask: num(c.ask),
        last: num(c["last sale"]),
        volume: num(c.volume),
        openInterest: num(c["open interest"]),
        vendorIv: iv > 0 ? iv : NaN,
        vendorDelta: num(c.delta),
        vendorGamma: num(c.gamma),
        underlyingPrice: last,
        asOfMs,
        source: "cboe"
      });
    }
  }
  return {underlying: {name, symbol: underlyingSymbol, last, change, bid, ask, asOfMs, asOfText}, quotes};
}

/** "Thu Sep 14 2023" → "2023-09-14"; undefined if not that shape. */
function parseExpiration(raw: string): string | undefined {
  const m = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})$/.exec(raw.trim());
  const month = m ? MONTHS.indexOf(m[1].toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[2].padStart(2, "0")}`;
}

/** "September 14, 2023 at 4:31 PM EDT" → epoch ms UTC (NaN if not that shape). */
function parseQuoteTime(text: string): number {
  const m = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\s+at\s+(\d{1,2}):(\d{2})\s*(AM|PM)\s*([A-Z]{3})?$/i.exec(text);
  if (!m) return NaN;
  const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
  const offset = ZONE_OFFSET_HOURS[(m[7] ?? "EDT").toUpperCase()];
  if (month < 0 || offset === undefined) return NaN;
  const hour12 = +m[4] % 12;
  const hour = m[6].toUpperCase() === "PM" ? hour12 + 12 : hour12;
  return Date.UTC(+m[3], month, +m[2], hour, +m[5]) - offset * 3_600_000;
}
