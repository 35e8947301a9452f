import type {OhlcBarRow, SourceName} from "../rows.js";
import {splitCsvLine, textLines} from "./csvText.js";
import {detectDateLayout, parseDateField} from "./dateField.js";
import {detectDecimalSeparator, parseNumberField} from "./numberField.js";
import {TextParseError} from "./textParseError.js";

const COLUMN_NAMES: Record<"date" | "open" | "high" | "low" | "close" | "volume", string[]> = {
  date: ["date", "datetime", "time", "timestamp", "day", "trade date"],
  open: ["open", "open price"],
  high: ["high", "high price"],
  low: ["low", "low price"],
  close: ["close", "close price", "close/last", "last", "price"],
  volume: ["volume", "vol", "vol."]
};

/**
 * Parses a daily OHLC CSV with any column order and common number formats into bars, oldest first.
 *
 * - Header names are matched case-insensitively (`Date, Open, High, Low, Close, Adj Close, Volume` as Yahoo writes
 *   them, or the `Date, Close, High, Low, Open, Volume` order of yfinance dumps; `$` signs are ignored). `Close` is
 *   used, never `Adj Close` (Yahoo's Close is split- but not dividend-adjusted).
 * - Delimiter (`,` `;` tab) and decimal separator (`1,234.5` vs `1.234,5`) are detected from the file.
 * - Dates: ISO (time suffix allowed), `YYYYMMDD`, or slashed (month/day vs day/month detected).
 * - Files written newest first are reversed. Missing cells (`null`, empty) become NaN and volume is NaN when
 *   there is no volume column: such bars stay in the output for `validateBars` to report.
 *
 * @throws TextParseError naming file, line and column for a missing column, unparsable field, or
 * repeated / unordered dates.
 */
export function parseOhlcCsv(
  text: string,
  {file, symbol, source = "file"}: {file: string; symbol: string; source?: SourceName}
): OhlcBarRow[] {
  const lines = textLines(text);
  const headerAt = lines.findIndex((line) => line.trim() !== "");
  if (headerAt < 0) throw new TextParseError(file, 1, 0, "empty file: expected a header with Date, Open, High, Low, Close");
  const headerLine = lines[headerAt];
  const delimiter = ([",", ";", "\t"] as const).reduce((best, d) =>
    headerLine.split(d).length > headerLine.split(best).length ? d : best
  );
  const header = splitCsvLine(headerLine, delimiter).map((h) => h.trim().toLowerCase().replace(/[$"]/g, "").trim());
  const col = {} as Record<keyof typeof COLUMN_NAMES, number>;
  for (const key of Object.keys(COLUMN_NAMES) as (keyof typeof COLUMN_NAMES)[]) {
    col[key] = header.findIndex((h) => COLUMN_NAMES[key].includes(h));
    if (col[key] < 0 && key !== "volume") {
      throw new TextParseError(file, headerAt + 1, 0, `no ${key} column in header "${headerLine.trim()}"`);
    }
  }

  const records: {lineNo: number; fields: string[]}[] = [];
  for (let i = headerAt + 1; i < lines.length; ++i) {
    if (lines[i].trim()) records.push({lineNo: i + 1, fields: splitCsvLine(lines[i], delimiter)});
  }
  const sample = records.slice(0, 200);
  const layout = detectDateLayout(sample.map((r) => r.fields[col.date] ?? ""));
  if (!layout) {
    const first = records[0];
    throw new TextParseError(file, first?.lineNo ?? headerAt + 2, col.date + 1, `unrecognised date "${first?.fields[col.date] ?? ""}"`, header[col.date]);
  }
  const priceCols = [col.open, col.high, col.low, col.close];
  // a comma delimiter rules out decimal commas unless fields are quoted; sample prices and volume alike
  const decimal = detectDecimalSeparator(sample.flatMap((r) => priceCols.map((c) => r.fields[c] ?? "")));

  const bars: OhlcBarRow[] = [];
  for (const {lineNo, fields} of records) {
    const date = parseDateField(fields[col.date] ?? "", layout);
    if (!date) throw new TextParseError(file, lineNo, col.date + 1, `expected a date, got "${fields[col.date] ?? ""}"`, header[col.date]);
    const num = (c: number): number => {
      if (c < 0) return NaN;
      const raw = fields[c] ?? "";
      const value = parseNumberField(raw, decimal);
      if (value === undefined) throw new TextParseError(file, lineNo, c + 1, `expected a number, got "${raw}"`, header[c]);
      return value;
    };
    bars.push({symbol, date, open: num(col.open), high: num(col.high), low: num(col.low), close: num(col.close), volume: num(col.volume), source});
  }
  const descending = bars.length > 1 && bars[0].date > bars[bars.length - 1].date;
  if (descending) {
    bars.reverse();
    records.reverse();
  }
  for (let i = 1; i < bars.length; ++i) {
    if (bars[i].date <= bars[i - 1].date) {
      const what = bars[i].date === bars[i - 1].date ? "repeated date" : "dates out of order";
      throw new TextParseError(file, records[i].lineNo, col.date + 1, `${what}: ${bars[i].date} after ${bars[i - 1].date}`, header[col.date]);
    }
  }
  return bars;
}
