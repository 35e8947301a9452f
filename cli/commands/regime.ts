import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Command, CommandIo} from "../command.js";
import {UsageError} from "../command.js";
import {DEFAULT_RISK_MATRIX_PATH, loadRiskMatrix} from "../../data-loaders/shared/riskMatrixConfig.js";
import {parseCboeIndexHistory} from "../../lib/io/cboeIndexHistory.js";
import {TextParseError} from "../../lib/io/textParseError.js";
import {alignDailyInputs} from "../../lib/regime/alignDailyInputs.js";
import {classifyRegimeSeries} from "../../lib/regime/classifyRegimeSeries.js";
import type {ClassifiedDay} from "../../lib/regime/classifyRegimeSeries.js";
import {decideRegime} from "../../lib/regime/decideRegime.js";
import type {RegimeDecision} from "../../lib/regime/decideRegime.js";
import {isKnownInput} from "../../lib/regime/knownInputs.js";
import type {HysteresisSettings, RiskMatrix} from "../../lib/regime/riskMatrix.js";
import {summarizeRegimeDays} from "../../lib/regime/summarizeRegimeDays.js";

/** The CBOE history files `--history` reads when present, by input name. */
const HISTORY_FILES = ["VIX", "VIX3M", "VIX9D", "VVIX", "SKEW"] as const;

const USAGE = `Usage:
  voldesk regime --set NAME=VALUE [--set ...] [--matrix FILE] [--json]
  voldesk regime --history FOLDER [--set NAME=VALUE ...] [--matrix FILE] [--json | --csv]

Decides the volatility regime of a risk matrix (default ${DEFAULT_RISK_MATRIX_PATH}) from market inputs.

  --set NAME=VALUE   an input: VIX, VIX3M, VIX9D, VVIX, SKEW, TermStructure (default VIX3M/VIX), FearGreed,
                     DVOL_BTC, DVOL_ETH, Polymarket_<Name>_Prob (0-1, or a percentage: 40%), or one the matrix
                     declares under inputs. With --history, applies to every day and replaces that file's history.
  --matrix FILE      the risk matrix YAML (validated; errors give file:line:column)
  --history FOLDER   classify every day of the CBOE files in FOLDER (${HISTORY_FILES.map((n) => `${n}_History.csv`).join(", ")};
                     the ones present are used) and print the days per regime
  --from DATE, --to DATE   with --history: only days in [from, to] (YYYY-MM-DD)
  --confirm-closes N, --buffer NAME=AMOUNT   with --history: override the matrix's hysteresis
  --json             machine-readable decision (with --history: summary and every day)
  --csv              with --history: one line per day

Prints the regime, every regime that matched, whether the fallback applied and any undecidable condition
(an input missing or stale). Exit 0 ok, 2 bad input.
`;

type Options = {
  sets: Record<string, number>;
  matrixPath: string;
  json: boolean;
  csv: boolean;
  history: string | null;
  from: string | null;
  to: string | null;
  hysteresis: Partial<HysteresisSettings>;
};

/** `voldesk regime`: decide the regime for given inputs, or classify every day of a CBOE history folder. */
export const command: Command = {
  name: "regime",
  summary: "decide the volatility regime from inputs (--set VIX=14 ...) or over CBOE history (--history DIR)",
  usage: USAGE,
  async run(argv, io) {
    const options = parseArgs(argv);
    const matrix = loadRiskMatrix(options.matrixPath, {cwd: io.cwd});
    for (const name of Object.keys(options.sets)) {
      if (!isKnownInput(name, matrix.declaredInputs)) {
        throw new UsageError(`--set ${name}: unknown input; known: VIX, VIX3M, VIX9D, VVIX, SKEW, TermStructure, FearGreed, DVOL_BTC, DVOL_ETH, Polymarket_<Name>_Prob${matrix.declaredInputs.map((n) => ", " + n).join("")}`);
      }
    }
    if (options.history === null) {
      if (options.csv) throw new UsageError("--csv needs --history");
      if (Object.keys(options.sets).length === 0) throw new UsageError("give inputs with --set NAME=VALUE (or --history FOLDER); see --help");
      const decision = decideRegime(matrix, options.sets);
      io.out(options.json ? JSON.stringify(decision, null, 2) + "\n" : formatDecision(decision));
      return 0;
    }
    return runHistory(matrix, options, io);
  }
};

function runHistory(matrix: RiskMatrix, options: Options, io: CommandIo): number {
  const folder = resolve(io.cwd, options.history!);
  const series: Record<string, {date: string; close: number}[]> = {};
  for (const name of HISTORY_FILES) {
    const file = join(folder, `${name}_History.csv`);
    if (!existsSync(file)) continue;
    try {
      series[name] = parseCboeIndexHistory(readFileSync(file, "utf8"), {file: join(options.history!, `${name}_History.csv`), index: name});
    } catch (error) {
      if (error instanceof TextParseError) throw new UsageError(error.message);
      throw error;
    }
  }
  const found = Object.keys(series);
  if (found.length === 0) throw new UsageError(`--history ${options.history}: no CBOE history file found (${HISTORY_FILES.map((n) => `${n}_History.csv`).join(", ")})`);
  const rows = alignDailyInputs(series, options.sets).filter(
    (row) => (options.from === null || row.date >= options.from) && (options.to === null || row.date <= options.to)
  );
  const days = classifyRegimeSeries(matrix, rows, {hysteresis: options.hysteresis});
  const summary = summarizeRegimeDays(days, matrix.severityOrder);
  if (options.json) {
    io.out(JSON.stringify({files: found, set: options.sets, fallback: matrix.fallback, summary, days: days.map(dayRecord)}, null, 2) + "\n");
  } else if (options.csv) {
    const header = ["date", "regime", "raw_regime", "matched", "fallback", "undecidable", ...found, "TermStructure"];
    const lines = days.map((d) => {
      const r = dayRecord(d);
      const values = [...found, "TermStructure"].map((n) => (n in d.decision.inputValues ? String(d.decision.inputValues[n]) : ""));
      return [r.date, r.regime, r.rawRegime, r.matched.join("|"), r.fallbackApplied, r.undecidable.join("|"), ...values].join(",");
    });
    io.out([header.join(","), ...lines].join("\n") + "\n");
  } else {
    const width = Math.max(18, ...matrix.severityOrder.map((r) => r.length));
    const pct = (n: number) => (summary.days ? ((100 * n) / summary.days).toFixed(1) + "%" : "-");
    const out = [
      `${summary.days} days ${summary.firstDate} .. ${summary.lastDate} from ${found.join(", ")} in ${options.history}` +
        (Object.keys(options.sets).length ? `; set: ${formatInputs(options.sets)}` : ""),
      `${"regime".padEnd(width)}  ${"days".padStart(6)}  ${"share".padStart(6)}  matched`,
      ...matrix.severityOrder.map(
        (r) => `${r.padEnd(width)}  ${String(summary.byRegime[r]).padStart(6)}  ${pct(summary.byRegime[r]).padStart(6)}  ${summary.matchedByRegime[r]}`
      ),
      `no regime matched (fallback ${matrix.fallback}): ${summary.fallbackDays} days (${pct(summary.fallbackDays)}), counted under ${matrix.fallback} above`,
      `days with an undecidable condition: ${summary.undecidableDays}; of which an undecidable regime outranked the decision: ${summary.uncertainDays}`,
      `regime changes: ${summary.changes}`
    ];
    io.out(out.join("\n") + "\n");
  }
  return 0;
}

function dayRecord(day: ClassifiedDay) {
  return {
    date: day.date,
    regime: day.regime,
    rawRegime: day.rawRegime,
    matched: day.decision.matched,
    fallbackApplied: day.decision.fallbackApplied,
    undecidable: day.decision.undecidable.map((u) => u.regime),
    certain: day.decision.certain,
    inputs: day.decision.inputValues
  };
}

function formatDecision(d: RegimeDecision): string {
  const lines = [
    `regime: ${d.regime}${d.fallbackApplied ? " (fallback: no regime's condition matched)" : ` (decided by "${d.decidedBy.condition}")`}`,
    `  ${d.description}`,
    `inputs: ${formatInputs(d.inputValues)}`,
    `matched: ${d.matched.length ? d.matched.join(", ") : "none"}`,
    `fallback applied: ${d.fallbackApplied ? "yes" : "no"}`
  ];
  for (const u of d.undecidable) {
    lines.push(`undecidable: ${u.regime} (${u.inputs.map((n) => `${n} ${u.reasons[n]}`).join("; ")})`);
  }
  if (!d.certain) lines.push(`warning: an undecidable regime ranks above ${d.regime}; with the missing inputs it might win`);
  const l = d.limits;
  lines.push(
    `limits: max_beta_delta ${l.maxBetaDelta}, max_negative_vega ${l.maxNegativeVega}, min_daily_theta ${l.minDailyTheta}, max_gamma ${l.maxGamma}`,
    `allowed strategies: ${l.allowedStrategies.join(", ")}`
  );
  return lines.join("\n") + "\n";
}

function formatInputs(values: Record<string, number>): string {
  const entries = Object.entries(values);
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(" ") : "none";
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    sets: {},
    matrixPath: DEFAULT_RISK_MATRIX_PATH,
    json: false,
    csv: false,
    history: null,
    from: null,
    to: null,
    hysteresis: {}
  };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1; // --flag=value as well as --flag value
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--set": {
        const [name, amount] = splitAssignment(value(), "--set");
        options.sets[name] = amount;
        break;
      }
      case "--buffer": {
        const [name, amount] = splitAssignment(value(), "--buffer");
        if (!(amount >= 0)) throw new UsageError(`--buffer ${name}: expected an amount >= 0, got ${amount}`);
        options.hysteresis.buffer = {...options.hysteresis.buffer, [name]: amount};
        break;
      }
      case "--confirm-closes": {
        const text = value();
        const n = Number(text);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--confirm-closes: expected an integer >= 1, got "${text}"`);
        options.hysteresis.confirmCloses = n;
        break;
      }
      case "--matrix":
        options.matrixPath = value();
        break;
      case "--history":
        options.history = value();
        break;
      case "--from":
      case "--to": {
        const date = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`${flag}: expected YYYY-MM-DD, got "${date}"`);
        if (flag === "--from") options.from = date;
        else options.to = date;
        break;
      }
      case "--json":
        options.json = true;
        break;
      case "--csv":
        options.csv = true;
        break;
      default:
        throw new UsageError(`unknown option "${arg}"; see voldesk regime --help`);
    }
  }
  if (options.json && options.csv) throw new UsageError("choose one of --json and --csv");
  if (options.history === null && (options.from || options.to || Object.keys(options.hysteresis).length)) {
    throw new UsageError("--from, --to, --confirm-closes and --buffer need --history");
  }
  return options;
}

/** "VIX=14" → ["VIX", 14]; "Polymarket_Recession_Prob=40%" → [..., 0.4]. */
function splitAssignment(text: string, flag: string): [string, number] {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(text);
  if (!match) throw new UsageError(`${flag}: expected NAME=VALUE, got "${text}"`);
  const [, name, raw] = match;
  const percent = raw.endsWith("%");
  const numberText = percent ? raw.slice(0, -1) : raw;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(numberText)) throw new UsageError(`${flag} ${name}: expected a number, got "${raw}"`);
  const value = percent ? Number(`${numberText}e-2`) : Number(numberText);
  return [name, value];
}
