import {readFileSync} from "node:fs";
import {basename, extname, resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {readParquet} from "parquet-wasm";
import type {Command} from "../command.js";
import {UsageError} from "../command.js";
import {parseOhlcCsv} from "../../lib/io/ohlcCsv.js";
import {TextParseError} from "../../lib/io/textParseError.js";
import {parseCboeIndexHistory} from "../../lib/io/cboeIndexHistory.js";
import type {IndexLevelRow, OhlcBarRow} from "../../lib/rows.js";
import {ivRvRatio, rvWindowDaysForIvHorizon} from "../../lib/vol/ivRvRatio.js";
import {REALIZED_VOL_ESTIMATORS, rollingRealizedVol, type RealizedVolEstimator} from "../../lib/vol/rollingRealizedVol.js";
import {validateBars, type BarIssue} from "../../lib/vol/validateBars.js";

const USAGE = `Usage: voldesk rv FILE [--windows 5,10,20,30] [--estimators LIST] [--date YYYY-MM-DD | --last N]
                  [--symbol NAME] [--periods-per-year 252] [--max-gap-days 4] [--exclude-gaps] [--json | --csv]

Realised volatility of daily OHLC bars, annualised, in vol points (20.5 = 20.5%).
FILE is a daily OHLC CSV with any column order (Yahoo: Date,Open,High,Low,Close,Adj Close,Volume; delimiter,
decimal separator and date layout detected) or a Parquet / Arrow snapshot of OhlcBarRow.

  --windows LIST       trailing windows in trading days (default 5,10,20,30)
  --estimators LIST    any of close-to-close, parkinson, garman-klass, rogers-satchell, yang-zhang
                       (or cc, pk, gk, rs, yz; default all)
  --date D             the day to report (default the last bar); --last N: the last N bars
  --periods-per-year   252 for exchange sessions (default), 365 for 7-day crypto series
  --max-gap-days N     calendar days between bars above which a gap is reported (default 4; use 1 for crypto)
  --exclude-gaps       windows containing a reported gap give no value (default: reported, value kept)
  --iv FILE            a daily IV series in vol points (e.g. VIX_History.csv): adds IV/RV against realised vol
                       over the matching horizon, round(days x 252/365) trading days (30 -> 21); with --csv,
                       the IV/RV rows are written instead of the RV table
  --iv-days N          the IV's horizon in calendar days (default 30; VIX9D 9, VIX3M 93)
  --json, --csv        machine output (CSV: one line per date and estimator; JSON adds every bar issue)

Bad bars (missing or non-positive prices, open/close outside high-low, dates not increasing) are reported and
never used: a window holding one has no value. Exit 0 ok, 2 bad input.
`;

const ESTIMATOR_ALIASES: Record<string, RealizedVolEstimator> = {
  cc: "close-to-close",
  pk: "parkinson",
  gk: "garman-klass",
  rs: "rogers-satchell",
  yz: "yang-zhang"
};

/** `voldesk rv FILE`: realised vol by estimator and window for a day (or the last N days) of OHLC bars. */
export const command: Command = {
  name: "rv",
  summary: "realised vol (close-to-close, Parkinson, Garman-Klass, Rogers-Satchell, Yang-Zhang) of a daily OHLC file",
  usage: USAGE,
  async run(argv, io) {
    const args = parseFlags(argv, {
      values: ["--windows", "--estimators", "--date", "--last", "--symbol", "--periods-per-year", "--max-gap-days", "--iv", "--iv-days"],
      switches: ["--json", "--csv", "--exclude-gaps"]
    });
    const file = args.positional[0];
    if (!file || args.positional.length > 1) throw new UsageError("give exactly one FILE; see voldesk rv --help");
    const windows = (args.values["--windows"] ?? "5,10,20,30").split(",").map((w) => positiveInt("--windows", w, 2));
    const estimators = (args.values["--estimators"] ?? REALIZED_VOL_ESTIMATORS.join(",")).split(",").map((e) => {
      const name = ESTIMATOR_ALIASES[e.trim()] ?? (e.trim() as RealizedVolEstimator);
      if (!REALIZED_VOL_ESTIMATORS.includes(name)) throw new UsageError(`--estimators: unknown estimator "${e}"`);
      return name;
    });
    const periodsPerYear = positiveInt("--periods-per-year", args.values["--periods-per-year"] ?? "252", 1);
    const maxGapCalendarDays = positiveInt("--max-gap-days", args.values["--max-gap-days"] ?? "4", 1);
    const symbol = args.values["--symbol"] ?? basename(file).replace(/\.[^.]+$/, "");
    const bars = readOhlcFile(resolve(io.cwd, file), symbol);
    if (!bars.length) throw new UsageError(`${file}: no bars`);
    const {issues, usable, gapBefore} = validateBars(bars, {maxGapCalendarDays});
    const columns = {open: bars.map((b) => b.open), high: bars.map((b) => b.high), low: bars.map((b) => b.low), close: bars.map((b) => b.close)};
    const gapPolicy = args.switches.has("--exclude-gaps") ? "exclude" : "include";
    const series = new Map<string, Float64Array>();
    for (const estimator of estimators) {
      for (const windowDays of windows) {
        series.set(`${estimator}/${windowDays}`, rollingRealizedVol(columns, {estimator, windowDays, periodsPerYear, usable, gapBefore, gapPolicy}));
      }
    }
    const indices = pickIndices(bars.map((b) => b.date), args.values["--date"], args.values["--last"]);
    const rows = indices.flatMap((i) =>
      estimators.map((estimator) => {
        const row: Record<string, string | number | null> = {date: bars[i].date, estimator};
        for (const w of windows) row[`rv${w}VolPct`] = finiteOrNull(series.get(`${estimator}/${w}`)![i] * 100);
        return row;
      })
    );
    const columnsOut = ["date", "estimator", ...windows.map((w) => `rv${w}VolPct`)];
    const ivRv = args.values["--iv"] === undefined ? undefined : ivRvRows();
    const ivRvColumns = ["date", "estimator", "ivVolPct", "rvWindowDays", "rvVolPct", "ivRvRatio"];

    function ivRvRows() {
      const ivPath = resolve(io.cwd, args.values["--iv"]!);
      const ivDays = positiveInt("--iv-days", args.values["--iv-days"] ?? "30", 1);
      const ivByDate = new Map(readLevels(ivPath, basename(ivPath).replace(/_History\.csv$/i, "")).map((r) => [r.date, r.close]));
      const rvWindowDays = rvWindowDaysForIvHorizon(ivDays);
      const iv = bars.map((b) => ivByDate.get(b.date) ?? NaN);
      const out: Record<string, string | number | null>[] = [];
      const perEstimator = estimators.map((estimator) => {
        const rv = rollingRealizedVol(columns, {estimator, windowDays: rvWindowDays, periodsPerYear, usable, gapBefore, gapPolicy}).map((x) => x * 100);
        return {estimator, rv, ratio: ivRvRatio(iv, rv)};
      });
      for (const i of indices) {
        for (const {estimator, rv, ratio} of perEstimator) {
          out.push({date: bars[i].date, estimator, ivVolPct: finiteOrNull(iv[i]), rvWindowDays, rvVolPct: finiteOrNull(rv[i]), ivRvRatio: finiteOrNull(ratio[i])});
        }
      }
      return {ivFile: basename(ivPath), ivHorizonDays: ivDays, rvWindowDays, rows: out};
    }
    if (args.switches.has("--json")) {
      const meta = {file: basename(file), symbol, bars: bars.length, firstDate: bars[0].date, lastDate: bars[bars.length - 1].date, periodsPerYear, windows, gapPolicy};
      io.out(JSON.stringify({...meta, rows, ivRv: ivRv ?? null, issues}, null, 2) + "\n");
    } else if (args.switches.has("--csv")) {
      io.out(ivRv ? toCsv(ivRv.rows, ivRvColumns) : toCsv(rows, columnsOut));
      if (issues.length) io.err(issueSummary(issues));
    } else {
      io.out(`${symbol}: ${bars.length} bars ${bars[0].date} to ${bars[bars.length - 1].date}; realised vol in vol points (annualised x${periodsPerYear})\n\n`);
      io.out(formatTable(rows, columnsOut, {digits: 2}));
      if (ivRv) {
        io.out(`\nIV/RV: ${ivRv.ivFile} (${ivRv.ivHorizonDays}-day IV, vol points) against ${ivRv.rvWindowDays}-day realised vol\n`);
        io.out(formatTable(ivRv.rows, ivRvColumns, {digits: {ivVolPct: 2, rvWindowDays: 0, rvVolPct: 2, ivRvRatio: 3}}));
      }
      io.out("\n" + (issues.length ? issueSummary(issues) : "bar checks: no issues\n"));
    }
    return 0;
  }
};

/** Reads a daily OHLC file: CSV (any column order) or a Parquet / Arrow snapshot of OhlcBarRow. */
export function readOhlcFile(path: string, symbol: string): OhlcBarRow[] {
  const ext = extname(path).toLowerCase();
  if (ext === ".parquet" || ext === ".arrow" || ext === ".feather") {
    const rows = readSnapshotRows(path);
    const need = ["date", "open", "high", "low", "close"];
    const missing = need.filter((k) => !(rows.length && k in rows[0]));
    if (missing.length) throw new UsageError(`${basename(path)}: not an OhlcBarRow snapshot (missing ${missing.join(", ")})`);
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

/** Rows of a project snapshot: Parquet (parquet-wasm → Arrow IPC) or Arrow IPC (file or stream), as plain objects. */
export function readSnapshotRows(path: string): Record<string, unknown>[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
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

/** The text of a file, or a UsageError naming it. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Runs a parser, turning its TextParseError (file, line, column) into a UsageError (exit 2). */
export function withParseErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TextParseError) throw new UsageError(error.message);
    throw error;
  }
}

/** Flags of one command: `--name value` for `values`, bare `--name` for `switches`, the rest positional. */
export function parseFlags(argv: string[], {values, switches}: {values: string[]; switches: string[]}) {
  const out = {positional: [] as string[], values: {} as Record<string, string>, switches: new Set<string>()};
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      out.values[name] = value;
    } else if (switches.includes(name)) out.switches.add(name);
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else out.positional.push(arg);
  }
  if (out.switches.has("--json") && out.switches.has("--csv")) throw new UsageError("--json and --csv are exclusive");
  return out;
}

/** A positive integer flag value (>= min), or a UsageError naming the flag. */
export function positiveInt(flag: string, text: string, min: number): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: expected an integer >= ${min}, got "${text}"`);
  return n;
}

/** Row indices for --date D (that day, which must exist) or --last N; default the last row. */
export function pickIndices(dates: string[], date: string | undefined, last: string | undefined): number[] {
  if (date !== undefined && last !== undefined) throw new UsageError("--date and --last are exclusive");
  if (date !== undefined) {
    const i = dates.indexOf(date);
    if (i < 0) throw new UsageError(`--date ${date}: no row on that day (file covers ${dates[0]} to ${dates[dates.length - 1]})`);
    return [i];
  }
  const n = last === undefined ? 1 : positiveInt("--last", last, 1);
  return Array.from({length: Math.min(n, dates.length)}, (_, k) => dates.length - Math.min(n, dates.length) + k);
}

/** A finite number, else null (JSON has no NaN). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** A fixed-width text table: numbers right-aligned with `digits` decimals, null as "-". */
export function formatTable(rows: Record<string, unknown>[], columns: string[], {digits = 2}: {digits?: number | Record<string, number>} = {}): string {
  const cell = (row: Record<string, unknown>, c: string) => {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "-";
    const d = typeof digits === "number" ? digits : (digits[c] ?? 2);
    return typeof v === "number" ? v.toFixed(d) : String(v);
  };
  const cells = rows.map((r) => columns.map((c) => cell(r, c)));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === "number"));
  const line = (values: string[]) => values.map((v, j) => (numeric[j] ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join("  ").trimEnd();
  return [line(columns), ...cells.map(line)].join("\n") + "\n";
}

/** CSV with a header; numbers written in full, null/NaN as empty, text quoted when needed. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const field = (v: unknown) => {
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "";
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(","), ...rows.map((r) => columns.map((c) => field(r[c])).join(","))].join("\n") + "\n";
}

function issueSummary(issues: BarIssue[]): string {
  const counts = new Map<string, number>();
  for (const x of issues) counts.set(`${x.severity} ${x.kind}`, (counts.get(`${x.severity} ${x.kind}`) ?? 0) + 1);
  const lines = [...counts].map(([k, n]) => `  ${k}: ${n}`);
  const examples = issues.filter((x) => x.severity === "error").slice(0, 5).map((x) => `  e.g. ${x.date} ${x.kind}: ${x.detail}`);
  const gaps = issues.filter((x) => x.kind === "gap").slice(-3).map((x) => `  latest gaps: ${x.date} (${x.detail})`);
  return ["bar checks (errors: bar not used; warnings: used, reported):", ...lines, ...examples, ...gaps].join("\n") + "\n";
}

/** A daily level series: CBOE index history, a CSV with Date and Close, or a Parquet / Arrow snapshot. */
export function readLevels(path: string, name: string): IndexLevelRow[] {
  const ext = extname(path).toLowerCase();
  if (ext === ".parquet" || ext === ".arrow" || ext === ".feather") {
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
