import type {IndexLevelRow} from "../rows.js";
import {splitCsvLine, textLines} from "./csvText.js";
import {detectDateLayout, parseDateField} from "./dateField.js";
import {parseNumberField} from "./numberField.js";
import {TextParseError} from "./textParseError.js";

/**
 * Parses CBOE's daily index history download (`cdn.cboe.com/api/global/us_indices/daily_prices/<NAME>_History.csv`)
 * into one row per day, in file order, in index points (VIX 17.24 = 17.24 vol points).
 *
 * Two layouts are accepted (header names are case-insensitive, columns in any order):
 * `DATE,OPEN,HIGH,LOW,CLOSE` and close-only `DATE,<NAME>` (VVIX, SKEW), where open/high/low are NaN.
 * Dates are MM/DD/YYYY as CBOE writes them (ISO also accepted). Blank lines are skipped.
 * Rows are kept exactly as published (e.g. VIX's pre-2004 rows with open = high = low = close, or an open
 * outside high-low); judging bars is the validator's job, not the parser's.
 *
 * @throws TextParseError naming file, line and column for a missing header, an unparsable date or number,
 * a missing close, or dates that do not strictly increase.
 */
export function parseCboeIndexHistory(text: string, {file, index}: {file: string; index: string}): IndexLevelRow[] {
  const lines = textLines(text);
  const headerAt = lines.findIndex((line) => line.trim() !== "");
  if (headerAt < 0) throw new TextParseError(file, 1, 0, "empty file: expected a DATE,... header");
  const header = splitCsvLine(lines[headerAt]).map((h) => h.trim().toUpperCase());
  const col = (name: string) => header.indexOf(name);
  const dateCol = col("DATE");
  if (dateCol < 0) throw new TextParseError(file, headerAt + 1, 1, `expected a DATE column, got header "${lines[headerAt].trim()}"`);
  let closeCol = col("CLOSE");
  const [openCol, highCol, lowCol] = [col("OPEN"), col("HIGH"), col("LOW")];
  if (closeCol < 0) {
    // close-only layout: DATE,<NAME>, e.g. DATE,VVIX
    const others = header.map((_, i) => i).filter((i) => i !== dateCol && header[i] !== "");
    if (others.length !== 1) {
      throw new TextParseError(file, headerAt + 1, 0, `expected DATE,OPEN,HIGH,LOW,CLOSE or DATE,<NAME>, got "${lines[headerAt].trim()}"`);
    }
    closeCol = others[0];
  }
  const dateSamples: string[] = [];
  for (let i = headerAt + 1; i < lines.length && dateSamples.length < 500; ++i) {
    if (lines[i].trim()) dateSamples.push(splitCsvLine(lines[i])[dateCol] ?? "");
  }
  const layout = detectDateLayout(dateSamples) ?? "mdy";

  const rows: IndexLevelRow[] = [];
  let prevDate = "";
  for (let i = headerAt + 1; i < lines.length; ++i) {
    if (!lines[i].trim()) continue;
    const fields = splitCsvLine(lines[i]);
    const lineNo = i + 1;
    const date = parseDateField(fields[dateCol] ?? "", layout);
    if (!date) throw new TextParseError(file, lineNo, dateCol + 1, `expected a date (MM/DD/YYYY), got "${fields[dateCol] ?? ""}"`, "DATE");
    if (date <= prevDate) {
      throw new TextParseError(file, lineNo, dateCol + 1, `dates must strictly increase: ${date} after ${prevDate}`, "DATE");
    }
    prevDate = date;
    const num = (c: number, required: boolean): number => {
      if (c < 0) return NaN;
      const raw = fields[c] ?? "";
      const value = parseNumberField(raw);
      if (value === undefined || (required && !Number.isFinite(value))) {
        throw new TextParseError(file, lineNo, c + 1, `expected a number, got "${raw}"`, header[c]);
      }
      return value;
    };
    rows.push({
      index,
      date,
      open: num(openCol, false),
      high: num(highCol, false),
      low: num(lowCol, false),
      close: num(closeCol, true),
      source: "cboe"
    });
  }
  return rows;
}
