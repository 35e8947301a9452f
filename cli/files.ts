import {readdirSync, readFileSync} from "node:fs";
import {basename, extname, resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {readParquet} from "parquet-wasm";
import {UsageError} from "./command.js";
import {SourceError} from "../data-loaders/shared/sourceError.js";
import {parseCboeIndexHistory} from "../lib/io/cboeIndexHistory.js";
import {parseOhlcCsv} from "../lib/io/ohlcCsv.js";
import {TextParseError} from "../lib/io/textParseError.js";
import type {DailyClose} from "../lib/risk/beta.js";
import type {IndexLevelRow, OhlcBarRow} from "../lib/rows.js";

/** A read failure as a UsageError: `x.csv: cannot read (ENOENT)`. */
function readError(shown: string, error: unknown, what = ""): UsageError {
  return new UsageError(`${shown}: cannot read${what} (${(error as {code?: string}).code ?? "read error"})`);
}

/** The UTF-8 text of a file, or a UsageError naming it as `shown` (default the path): `x.csv: cannot read (ENOENT)`. */
export function readText(path: string, shown = path): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw readError(shown, error);
  }
}

/**
 * Runs a parser, turning its TextParseError (file, line, column) or SourceError (source: field: detail) into a
 * UsageError with the same message (exit 2); any other error passes through.
 */
export function withParseErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TextParseError || error instanceof SourceError) throw new UsageError(error.message);
    throw error;
  }
}

/** True for the project's snapshot formats: .parquet, .arrow, .feather (case-insensitive). */
export function isSnapshotFile(path: string): boolean {
  return [".parquet", ".arrow", ".feather"].includes(extname(path).toLowerCase());
}

/** Rows of a project snapshot: Parquet (parquet-wasm → Arrow IPC) or Arrow IPC (file or stream), as plain objects; bigints as numbers. */
export function readSnapshotRows(path: string): Record<string, unknown>[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw readError(path, error);
  }
  try {
    const ipc = extname(path).toLowerCase() === ".parquet" ? readParquet(bytes).intoIPCStream() : bytes;
    return tableFromIPC(ipc)
      .toArray()
      .map((row) => {
        const plain = row.toJSON() as Record<string, unknown>;
        for (const [k, v] of Object.entries(plain)) if (typeof v === "bigint") plain[k] = Number(v);
        return plain;
      });
  } catch (error) {
    throw new UsageError(`${basename(path)}: not a readable ${extname(path).slice(1)} snapshot: ${(error as Error).message}`);
  }
}

/** Throws `bars.parquet: not an OhlcBarRow snapshot (missing open, close)` unless the first row has every column. */
export function requireColumns(rows: Record<string, unknown>[], columns: string[], path: string, rowType: string): void {
  const missing = columns.filter((k) => !(rows.length && k in rows[0]));
  if (missing.length) throw new UsageError(`${basename(path)}: not an ${rowType} snapshot (missing ${missing.join(", ")})`);
}

/** Reads a daily OHLC file: CSV (any column order, see parseOhlcCsv) or a Parquet / Arrow snapshot of OhlcBarRow. */
export function readOhlcFile(path: string, symbol: string): OhlcBarRow[] {
  if (isSnapshotFile(path)) {
    const rows = readSnapshotRows(path);
    requireColumns(rows, ["date", "open", "high", "low", "close"], path, "OhlcBarRow");
    return rows.map((r) => ({
      symbol: String(r.symbol ?? symbol),
      date: String(r.date),
      open: Number(r.open),
      high: Number(r.high),
      low: Number(r.low),
      close: Number(r.close),
      volume: r.volume == null ? NaN : Number(r.volume),
      source: "file"
    }));
  }
  return withParseErrors(() => parseOhlcCsv(readText(path), {file: basename(path), symbol}));
}

/** A CBOE index history (DATE,OPEN,HIGH,LOW,CLOSE or DATE,<NAME>); errors name the file as `shown` (default its name). */
export function readIndexHistory(path: string, index: string, shown = basename(path)): IndexLevelRow[] {
  return withParseErrors(() => parseCboeIndexHistory(readText(path), {file: shown, index}));
}

/** A daily level series: CBOE index history, a CSV with Date and Close, or a Parquet / Arrow snapshot. */
export function readLevels(path: string, name: string): IndexLevelRow[] {
  if (isSnapshotFile(path)) {
    const rows = readSnapshotRows(path);
    if (!rows.length || !("date" in rows[0]) || !("close" in rows[0])) throw new UsageError(`${basename(path)}: expected date and close columns (IndexLevelRow or OhlcBarRow)`);
    return rows.map((r) => ({index: String(r.index ?? r.symbol ?? name), date: String(r.date), open: NaN, high: NaN, low: NaN, close: Number(r.close), source: "file"}));
  }
  const text = readText(path);
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim()) ?? "";
  if (/^DATE,/i.test(header) && (/,CLOSE\b/i.test(header) || header.split(",").length === 2)) {
    return withParseErrors(() => parseCboeIndexHistory(text, {file: basename(path), index: name}));
  }
  return withParseErrors(() => parseOhlcCsv(text, {file: basename(path), symbol: name})).map((b) => ({index: name, date: b.date, open: b.open, high: b.high, low: b.low, close: b.close, source: "file"}));
}

/**
 * Daily closes of every `<SYMBOL>.csv` OHLC file in a folder, by upper-case symbol (`BTC_USD.csv` → BTC).
 * Errors name the folder as `shown`: `prices: cannot read the folder (ENOENT)`, `prices/SPY.csv: line 3, ...`.
 */
export function readPrices(dir: string, shown: string): Record<string, DailyClose[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith(".csv"));
  } catch (error) {
    throw readError(shown, error, " the folder");
  }
  const out: Record<string, DailyClose[]> = {};
  for (const name of names) {
    const symbol = basename(name, ".csv").replace(/_USD$/i, "").toUpperCase();
    const bars = withParseErrors(() => parseOhlcCsv(readText(resolve(dir, name), name), {file: `${shown}/${name}`, symbol}));
    out[symbol] = bars.map((b) => ({date: b.date, close: b.close}));
  }
  return out;
}
