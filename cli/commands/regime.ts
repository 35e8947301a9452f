import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {assertExclusive, parseAssignment, parseFlags, positiveInt} from "../args.js";
import type {Command, CommandIo} from "../command.js";
import {UsageError} from "../command.js";
import {readIndexHistory} from "../files.js";
import {DEFAULT_RISK_MATRIX_PATH, loadRiskMatrix} from "../../data-loaders/shared/riskMatrixConfig.js";
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
    const options = parseOptions(argv);
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
    if (existsSync(file)) series[name] = readIndexHistory(file, name, join(options.history!, `${name}_History.csv`));
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

const REGIME_FLAGS = {
  set: {type: "string", multiple: true},
  buffer: {type: "string", multiple: true},
  "confirm-closes": {type: "string"},
  matrix: {type: "string"},
  history: {type: "string"},
  from: {type: "string"},
  to: {type: "string"},
  json: {type: "boolean"},
  csv: {type: "boolean"}
} as const;

function parseOptions(argv: string[]): Options {
  const {values} = parseFlags(argv, REGIME_FLAGS, {command: "regime"});
  assertExclusive(values, "json", "csv");
  const options: Options = {
    sets: {},
    matrixPath: values.matrix ?? DEFAULT_RISK_MATRIX_PATH,
    json: values.json ?? false,
    csv: values.csv ?? false,
    history: values.history ?? null,
    from: values.from === undefined ? null : isoDate(values.from, "--from"),
    to: values.to === undefined ? null : isoDate(values.to, "--to"),
    hysteresis: {}
  };
  for (const text of values.set ?? []) {
    const [name, amount] = parseAssignment(text, "--set", {percent: true, identifier: true});
    options.sets[name] = amount;
  }
  for (const text of values.buffer ?? []) {
    const [name, amount] = parseAssignment(text, "--buffer", {percent: true, identifier: true});
    if (!(amount >= 0)) throw new UsageError(`--buffer ${name}: expected an amount >= 0, got ${amount}`);
    options.hysteresis.buffer = {...options.hysteresis.buffer, [name]: amount};
  }
  if (values["confirm-closes"] !== undefined) options.hysteresis.confirmCloses = positiveInt("--confirm-closes", values["confirm-closes"], 1);
  if (options.history === null && (options.from || options.to || Object.keys(options.hysteresis).length)) {
    throw new UsageError("--from, --to, --confirm-closes and --buffer need --history");
  }
  return options;
}

function isoDate(text: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(`${flag}: expected YYYY-MM-DD, got "${text}"`);
  return text;
}
