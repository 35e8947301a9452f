import {existsSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {assertExclusive, parseFlags, pickIndices, positiveInt} from "../args.js";
import type {Command} from "../command.js";
import {UsageError} from "../command.js";
import {readIndexHistory, readLevels} from "../files.js";
import {finiteOrNull, formatTable, toCsv} from "../table.js";
import type {IndexLevelRow} from "../../lib/rows.js";
import {ivRank} from "../../lib/vol/ivRank.js";
import {vixTermStructure} from "../../lib/vol/vixTermStructure.js";

const USAGE = `Usage: voldesk ivrank FILE [--window 252] [--date YYYY-MM-DD | --last N] [--term-structure] [--json | --csv]

IV rank and IV percentile of a daily implied-vol series, with the window they used.
FILE is a CBOE index history (VIX_History.csv, VIX3M, VIX9D, VVIX, SKEW: DATE,OPEN,HIGH,LOW,CLOSE or DATE,<NAME>),
a daily CSV with Date and Close columns (e.g. your own 30-day constant-maturity ATM IV), or a Parquet / Arrow
snapshot of IndexLevelRow. Rank a constant-maturity IV (VIX, or a 30-day ATM IV), not a rolling contract.

  rank       = (IV - min) / (max - min) over the trailing window (today included), 0-100
  percentile = share of the other days in the window with an IV lower than today's, 0-100

  --window N          trailing window in observations (trading days; default 252). Fewer days of history than
                      N: the result uses what there is and daysUsed says how many.
  --date D, --last N  the day to report (default the last), or the last N days
  --term-structure    with a VIX file: add VIX3M/VIX (TermStructure; > 1 contango, < 1 backwardation) and
                      VIX9D/VIX from VIX3M_History.csv / VIX9D_History.csv in the same folder
  --json, --csv       machine output
Exit 0 ok, 2 bad input.
`;

const IVRANK_FLAGS = {
  window: {type: "string"},
  date: {type: "string"},
  last: {type: "string"},
  "term-structure": {type: "boolean"},
  json: {type: "boolean"},
  csv: {type: "boolean"}
} as const;

/** `voldesk ivrank FILE`: IV rank and percentile of a daily IV / vol-index series. */
export const command: Command = {
  name: "ivrank",
  summary: "IV rank and IV percentile (252-day default) of a VIX-style or IV series; VIX term structure",
  usage: USAGE,
  async run(argv, io) {
    const {values, positionals} = parseFlags(argv, IVRANK_FLAGS, {command: "ivrank", positionals: true});
    assertExclusive(values, "json", "csv");
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError("give exactly one FILE; see voldesk ivrank --help");
    const windowDays = positiveInt("--window", values.window ?? "252", 2);
    const path = resolve(io.cwd, file);
    const name = basename(path).replace(/_History\.csv$/i, "").replace(/\.[^.]+$/, "");
    const levels = readLevels(path, name);
    if (!levels.length) throw new UsageError(`${file}: no rows`);
    const closes = levels.map((r) => r.close);
    const indices = pickIndices(levels.map((r) => r.date), values.date, values.last);
    const terms = values["term-structure"] ? termStructureByDate(path, levels) : undefined;
    const rows = indices.map((i) => {
      const r = ivRank(closes, {index: i, windowDays});
      const row: Record<string, string | number | null> = {
        date: levels[i].date,
        level: finiteOrNull(r.iv),
        ivRankPct: finiteOrNull(r.rank * 100),
        ivPercentilePct: finiteOrNull(r.percentile * 100),
        windowMin: finiteOrNull(r.min),
        windowMax: finiteOrNull(r.max),
        daysUsed: r.daysUsed,
        windowDays
      };
      const t = terms?.get(levels[i].date);
      if (terms) Object.assign(row, {termStructure: finiteOrNull(t?.termStructure ?? NaN), shortRatio: finiteOrNull(t?.shortRatio ?? NaN), state: t?.state ?? "unknown"});
      return row;
    });
    const columns = ["date", "level", "ivRankPct", "ivPercentilePct", "windowMin", "windowMax", "daysUsed", "windowDays", ...(terms ? ["termStructure", "shortRatio", "state"] : [])];
    if (values.json) io.out(JSON.stringify({file: basename(path), series: name, windowDays, rows}, null, 2) + "\n");
    else if (values.csv) io.out(toCsv(rows, columns));
    else {
      io.out(`${name}: ${levels.length} days ${levels[0].date} to ${levels[levels.length - 1].date}; level in the file's units\n\n`);
      io.out(formatTable(rows, columns, {digits: {level: 2, ivRankPct: 1, ivPercentilePct: 1, windowMin: 2, windowMax: 2, daysUsed: 0, windowDays: 0, termStructure: 3, shortRatio: 3}}));
      io.out(`\nrank = (IV - min) / (max - min) over the last ${windowDays} days, 0-100; percentile = share of the other days in that window below today, 0-100\n`);
      const short = rows.filter((r) => (r.daysUsed as number) < windowDays);
      if (short.length) io.out(`note: ${short.length} row(s) had fewer than ${windowDays} days of history; daysUsed says how many were used\n`);
      if (terms) io.out("termStructure = VIX3M / VIX: above 1 contango (calm, normal), below 1 backwardation (stress); shortRatio = VIX9D / VIX\n");
    }
    return 0;
  }
};

function termStructureByDate(path: string, vix: IndexLevelRow[]) {
  const sibling = (index: string) => {
    const p = join(dirname(path), `${index}_History.csv`);
    if (!existsSync(p)) throw new UsageError(`--term-structure needs ${p}`);
    return readIndexHistory(p, index);
  };
  return new Map(vixTermStructure({vix, vix3m: sibling("VIX3M"), vix9d: sibling("VIX9D")}).map((r) => [r.date, r]));
}
