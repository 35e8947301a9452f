import {basename, resolve} from "node:path";
import {assertExclusive, parseFlags, pickIndices, positiveInt} from "../args.js";
import type {Command} from "../command.js";
import {UsageError} from "../command.js";
import {readLevels, readOhlcFile} from "../files.js";
import {finiteOrNull, formatTable, toCsv} from "../table.js";
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

const RV_FLAGS = {
  windows: {type: "string"},
  estimators: {type: "string"},
  date: {type: "string"},
  last: {type: "string"},
  symbol: {type: "string"},
  "periods-per-year": {type: "string"},
  "max-gap-days": {type: "string"},
  iv: {type: "string"},
  "iv-days": {type: "string"},
  "exclude-gaps": {type: "boolean"},
  json: {type: "boolean"},
  csv: {type: "boolean"}
} as const;

/** `voldesk rv FILE`: realised vol by estimator and window for a day (or the last N days) of OHLC bars. */
export const command: Command = {
  name: "rv",
  summary: "realised vol (close-to-close, Parkinson, Garman-Klass, Rogers-Satchell, Yang-Zhang) of a daily OHLC file",
  usage: USAGE,
  async run(argv, io) {
    const {values, positionals} = parseFlags(argv, RV_FLAGS, {command: "rv", positionals: true});
    assertExclusive(values, "json", "csv");
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError("give exactly one FILE; see voldesk rv --help");
    const windows = (values.windows ?? "5,10,20,30").split(",").map((w) => positiveInt("--windows", w, 2));
    const estimators = (values.estimators ?? REALIZED_VOL_ESTIMATORS.join(",")).split(",").map((e) => {
      const name = ESTIMATOR_ALIASES[e.trim()] ?? (e.trim() as RealizedVolEstimator);
      if (!REALIZED_VOL_ESTIMATORS.includes(name)) throw new UsageError(`--estimators: unknown estimator "${e}"`);
      return name;
    });
    const periodsPerYear = positiveInt("--periods-per-year", values["periods-per-year"] ?? "252", 1);
    const maxGapCalendarDays = positiveInt("--max-gap-days", values["max-gap-days"] ?? "4", 1);
    const symbol = values.symbol ?? basename(file).replace(/\.[^.]+$/, "");
    const bars = readOhlcFile(resolve(io.cwd, file), symbol);
    if (!bars.length) throw new UsageError(`${file}: no bars`);
    const {issues, usable, gapBefore} = validateBars(bars, {maxGapCalendarDays});
    const columns = {open: bars.map((b) => b.open), high: bars.map((b) => b.high), low: bars.map((b) => b.low), close: bars.map((b) => b.close)};
    const gapPolicy = values["exclude-gaps"] ? "exclude" : "include";
    const series = new Map<string, Float64Array>();
    for (const estimator of estimators) {
      for (const windowDays of windows) {
        series.set(`${estimator}/${windowDays}`, rollingRealizedVol(columns, {estimator, windowDays, periodsPerYear, usable, gapBefore, gapPolicy}));
      }
    }
    const indices = pickIndices(bars.map((b) => b.date), values.date, values.last);
    const rows = indices.flatMap((i) =>
      estimators.map((estimator) => {
        const row: Record<string, string | number | null> = {date: bars[i].date, estimator};
        for (const w of windows) row[`rv${w}VolPct`] = finiteOrNull(series.get(`${estimator}/${w}`)![i] * 100);
        return row;
      })
    );
    const columnsOut = ["date", "estimator", ...windows.map((w) => `rv${w}VolPct`)];
    const ivRv = values.iv === undefined ? undefined : ivRvRows();
    const ivRvColumns = ["date", "estimator", "ivVolPct", "rvWindowDays", "rvVolPct", "ivRvRatio"];

    function ivRvRows() {
      const ivPath = resolve(io.cwd, values.iv!);
      const ivDays = positiveInt("--iv-days", values["iv-days"] ?? "30", 1);
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
    if (values.json) {
      const meta = {file: basename(file), symbol, bars: bars.length, firstDate: bars[0].date, lastDate: bars[bars.length - 1].date, periodsPerYear, windows, gapPolicy};
      io.out(JSON.stringify({...meta, rows, ivRv: ivRv ?? null, issues}, null, 2) + "\n");
    } else if (values.csv) {
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

function issueSummary(issues: BarIssue[]): string {
  const counts = new Map<string, number>();
  for (const x of issues) counts.set(`${x.severity} ${x.kind}`, (counts.get(`${x.severity} ${x.kind}`) ?? 0) + 1);
  const lines = [...counts].map(([k, n]) => `  ${k}: ${n}`);
  const examples = issues.filter((x) => x.severity === "error").slice(0, 5).map((x) => `  e.g. ${x.date} ${x.kind}: ${x.detail}`);
  const gaps = issues.filter((x) => x.kind === "gap").slice(-3).map((x) => `  latest gaps: ${x.date} (${x.detail})`);
  return ["bar checks (errors: bar not used; warnings: used, reported):", ...lines, ...examples, ...gaps].join("\n") + "\n";
}
