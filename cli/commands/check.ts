import {resolve} from "node:path";
import {parseAssignment, parseFlags, parseNumber} from "../args.js";
import type {Command} from "../command.js";
import {UsageError} from "../command.js";
import {readPrices, readText, withParseErrors} from "../files.js";
import {toDeribitPositionLegs} from "../../data-loaders/deribit/positions.js";
import {toIbkrPositionLegs} from "../../data-loaders/ibkr/positions.js";
import {DEFAULT_RISK_MATRIX_PATH, loadRiskMatrix} from "../../data-loaders/shared/riskMatrixConfig.js";
import {SourceError} from "../../data-loaders/shared/sourceError.js";
import {toTastytradePositionLegs} from "../../data-loaders/tastytrade/positions.js";
import {parseCboeQuotedata} from "../../lib/io/cboeQuotedata.js";
import {easternWallTimeToMs} from "../../lib/io/easternTime.js";
import {maskAccount, type PositionLeg, type UnifiedPosition} from "../../lib/positions/unifiedPosition.js";
import {decideRegime, type RegimeDecision} from "../../lib/regime/decideRegime.js";
import {isKnownInput} from "../../lib/regime/knownInputs.js";
import type {RegimeLimits} from "../../lib/regime/riskMatrix.js";
import {aggregateGreeks, EXPIRY_BUCKETS, type Aggregates, type GreekTotals} from "../../lib/risk/aggregate.js";
import type {BetaEntry} from "../../lib/risk/betaTable.js";
import {spyPutCandidates} from "../../lib/risk/hedgeCandidates.js";
import {suggestHedges, type HedgeSuggestion} from "../../lib/risk/hedges.js";
import {checkLimits, type LimitReport} from "../../lib/risk/limits.js";
import {buildRiskBook} from "../../lib/risk/riskBook.js";
import type {StrategyGroup} from "../../lib/strategies/recognize.js";

type Broker = "ibkr" | "tastytrade" | "deribit";

const USAGE = `Usage:
  voldesk check --positions FILE... (--set NAME=VALUE... | --regime NAME) [options]

Loads broker position payloads, decides the regime, aggregates beta-weighted greeks, checks the regime's limits
and allowed strategies, and suggests hedges for every breach.

  --positions FILE...   broker payloads as the APIs return them: IBKR /portfolio/{acct}/positions/{page} or
                        /position/{conid}, Tastytrade /accounts/{acct}/positions, Deribit private/get_positions
  --broker NAME         ibkr, tastytrade or deribit for every file (default: detected from each file's shape)
  --matrix FILE         risk matrix YAML (default ${DEFAULT_RISK_MATRIX_PATH})
  --set NAME=VALUE      a regime input (VIX=18, VIX3M=20, VVIX=95, Polymarket_Recession_Prob=40%, ...)
  --regime NAME         use this regime's limits instead of deciding one
  --as-of DATE|ISO      valuation time (YYYY-MM-DD = 16:00 New York that day; default now)
  --prices DIR          daily OHLC CSVs named <SYMBOL>.csv (BTC_USD.csv = BTC): betas to SPY over the last
                        252 sessions to --as-of, and spots (last close on or before --as-of)
  --spot SYM=PRICE      an underlying's price (wins over --prices); SPY's is required one way or another
  --beta SYM=VALUE      a manual beta override
  --beta-window N       beta window in sessions (default 252 = 1 year)
  --iv SYMBOL=VOL       an option's IV (decimal) for local greeks; default implied from the position price
  --rate R              risk-free rate, continuous decimal (default 0.04)
  --chain FILE          CBOE quotedata CSV of SPY options: SPY puts to buy as gamma/vega hedges
  --near FRACTION       near-limit warning fraction (default: the matrix's, 0.8)
  --json                machine-readable output

Exit: 0 inside all limits, 1 on a breach (a limit or a strategy the regime does not allow), 2 bad input.
`;

type Options = {
  files: string[];
  broker: Broker | null;
  matrixPath: string;
  sets: Record<string, number>;
  regime: string | null;
  asOf: string | null;
  prices: string | null;
  spots: Record<string, number>;
  betas: Record<string, number>;
  betaWindow: number;
  ivs: Record<string, number>;
  rate: number;
  chain: string | null;
  near: number | null;
  json: boolean;
};

/** `voldesk check`: regime, aggregates, limit breaches and hedge suggestions for the given positions. */
export const command: Command = {
  name: "check",
  summary: "check positions against the regime's risk limits and suggest hedges (exit 1 on a breach)",
  usage: USAGE,
  async run(argv, io) {
    const options = parseOptions(argv);
    const matrix = loadRiskMatrix(options.matrixPath, {cwd: io.cwd});
    for (const name of Object.keys(options.sets)) {
      if (!isKnownInput(name, matrix.declaredInputs)) throw new UsageError(`--set ${name}: unknown input`);
    }
    const asOfMs = options.asOf === null ? Date.now() : parseAsOf(options.asOf);
    const asOfDate = new Date(asOfMs - 4 * 3_600_000).toISOString().slice(0, 10); // New York date (close enough for DTE)

    let decision: RegimeDecision | null = null;
    let regimeName: string;
    let limits: RegimeLimits;
    if (options.regime !== null) {
      const def = matrix.regimes[options.regime];
      if (!def) throw new UsageError(`--regime ${options.regime}: not in ${options.matrixPath} (${Object.keys(matrix.regimes).join(", ")})`);
      regimeName = def.name;
      limits = def.limits;
    } else {
      if (Object.keys(options.sets).length === 0) throw new UsageError("give regime inputs with --set NAME=VALUE, or --regime NAME");
      decision = decideRegime(matrix, options.sets);
      regimeName = decision.regime;
      limits = decision.limits;
    }

    const legs: PositionLeg[] = [];
    for (const file of options.files) legs.push(...readPositions(resolve(io.cwd, file), file, options.broker, asOfMs));

    const closes = options.prices === null ? {} : readPrices(resolve(io.cwd, options.prices), options.prices);
    const spyLeg = legs.find((l) => l.underlying === "SPY" && l.instrumentType === "Equity" && l.price > 0);
    const spotOverrides = {...options.spots};
    if (!closes.SPY && spotOverrides.SPY === undefined && spyLeg) spotOverrides.SPY = spyLeg.price;
    if (!closes.SPY && !(spotOverrides.SPY > 0)) throw new UsageError("no SPY price: give --spot SPY=PRICE or --prices DIR with SPY.csv");
    const book = buildRiskBook(legs, {
      closesByUnderlying: closes,
      asOfMs,
      asOfDate,
      spots: spotOverrides,
      betaOverrides: options.betas,
      betaWindowDays: options.betaWindow,
      ivs: options.ivs,
      rate: options.rate
    });
    const {positions, groups, betas, spots, spotDates, market} = book;
    const spySpot = market.spySpot;
    const aggregates = aggregateGreeks(positions, {asOfDate, groups});
    const report = checkLimits(aggregates.portfolio, groups, limits, {nearFraction: options.near ?? matrix.nearLimitFraction});
    let putCandidates: UnifiedPosition[] = [];
    if (options.chain !== null) {
      const text = readText(resolve(io.cwd, options.chain), options.chain);
      putCandidates = spyPutCandidates(withParseErrors(() => parseCboeQuotedata(text, {file: options.chain!})).quotes, market);
    }
    const suggestions = suggestHedges(positions, aggregates.portfolio, report, limits, groups, {spySpot, spxSpot: spots.SPX, putCandidates, asOfDate});
    const underlyings = [...new Set(positions.map((p) => p.underlying))];
    const usedBetas = Object.fromEntries(underlyings.map((u) => [u, betas[u] ?? null]));
    const warnings: string[] = [];
    for (const u of underlyings) {
      if (!betas[u]) warnings.push(`no beta for ${u}: give --beta ${u}=VALUE or --prices DIR with ${u}.csv`);
      const date = spotDates[u];
      if (date !== undefined && options.spots[u] === undefined && Date.parse(asOfDate) - Date.parse(date) > 5 * 86_400_000) {
        warnings.push(`spot for ${u} is the ${date} close, ${Math.round((Date.parse(asOfDate) - Date.parse(date)) / 86_400_000)} days before the valuation date`);
      }
    }

    if (options.json) {
      const payload = {asOfMs, asOf: new Date(asOfMs).toISOString(), regime: regimeName, decision, limits, spySpot, betas: usedBetas, positions: positions.map((p) => ({...p, account: maskAccount(p.account), strategyGroup: p.strategyGroup && maskGroupId(p.strategyGroup)})), strategies: groups.map((g) => ({...g, account: maskAccount(g.account), id: maskGroupId(g.id)})), aggregates, report: {...report, strategyBreaches: report.strategyBreaches.map((b) => ({...b, groupId: maskGroupId(b.groupId)}))}, suggestions, warnings, ok: report.ok};
      io.out(JSON.stringify(payload, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n");
    } else {
      io.out(formatText({regimeName, decision, limits, asOfMs, spySpot, positions, usedBetas, groups, aggregates, report, suggestions, warnings}));
    }
    return report.ok ? 0 : 1;
  }
};

/** "broker:account:underlying:n" with the account masked. */
function maskGroupId(id: string): string {
  const [broker, account, ...rest] = id.split(":");
  return [broker, maskAccount(account ?? ""), ...rest].join(":");
}

function parseAsOf(text: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return easternWallTimeToMs(text, 16 * 60);
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || !Number.isFinite(ms)) throw new UsageError(`--as-of: expected YYYY-MM-DD or ISO-8601 time, got "${text}"`);
  return ms;
}

/** The broker whose position payload this is, from its shape; null if none fits. */
export function detectBroker(payload: unknown): Broker | null {
  if (Array.isArray(payload)) return payload.length === 0 || (payload[0] && typeof payload[0] === "object" && "acctId" in payload[0]) ? "ibkr" : null;
  if (payload === null || typeof payload !== "object") return null;
  const o = payload as Record<string, unknown>;
  if ("jsonrpc" in o || ("result" in o && Array.isArray(o.result))) return "deribit";
  if (o.data && typeof o.data === "object" && "items" in (o.data as object)) return "tastytrade";
  const values = Object.values(o);
  if (values.length > 0 && values.every((v) => Array.isArray(v) && (v.length === 0 || (v[0] && typeof v[0] === "object" && "acctId" in v[0])))) return "ibkr";
  return null;
}

function readPositions(path: string, shown: string, forced: Broker | null, asOfMs: number): PositionLeg[] {
  const text = readText(path, shown);
  let payload: unknown;
  try {
    payload = JSON.parse(text.trim() === "" ? "null" : text);
  } catch (error) {
    throw new UsageError(`${shown}: not JSON (${(error as Error).message})`);
  }
  const broker = forced ?? detectBroker(payload);
  if (broker === null) throw new UsageError(`${shown}: not an IBKR, Tastytrade or Deribit positions payload; use --broker`);
  try {
    if (broker === "ibkr") return toIbkrPositionLegs(payload, {asOfMs});
    if (broker === "tastytrade") return toTastytradePositionLegs(payload, {asOfMs});
    return toDeribitPositionLegs(payload, {asOfMs});
  } catch (error) {
    if (error instanceof SourceError) throw new UsageError(`${shown}: ${error.message}`);
    throw error;
  }
}

type TextReport = {
  regimeName: string;
  decision: RegimeDecision | null;
  limits: RegimeLimits;
  asOfMs: number;
  spySpot: number;
  positions: UnifiedPosition[];
  usedBetas: Record<string, BetaEntry | null>;
  groups: StrategyGroup[];
  aggregates: Aggregates;
  report: LimitReport;
  suggestions: HedgeSuggestion[];
  warnings: string[];
};

function formatText(r: TextReport): string {
  const lines: string[] = [];
  const d = r.decision;
  lines.push(`as of ${new Date(r.asOfMs).toISOString()}   SPY ${num(r.spySpot)}`);
  if (d) {
    lines.push(`regime: ${d.regime} ${d.fallbackApplied ? "(fallback: no regime's condition matched)" : `(decided by "${d.decidedBy.condition}" with ${Object.entries(d.decidedBy.inputs).map(([k, v]) => `${k}=${num(v)}`).join(" ")})`}`);
    lines.push(`  inputs: ${Object.entries(d.inputValues).map(([k, v]) => `${k}=${num(v)}`).join(" ") || "none"}; matched: ${d.matched.join(", ") || "none"}`);
    for (const u of d.undecidable) lines.push(`  undecidable: ${u.regime} (${u.inputs.map((n) => `${n} ${u.reasons[n]}`).join("; ")})`);
  } else lines.push(`regime: ${r.regimeName} (given with --regime)`);
  const l = r.limits;
  lines.push(`  limits: |beta delta| <= ${l.maxBetaDelta}, vega >= ${l.maxNegativeVega}, theta >= ${l.minDailyTheta}, |gamma| <= ${l.maxGamma}; allowed: ${l.allowedStrategies.join(", ")}`);
  lines.push("", `positions: ${r.positions.length} (${[...new Set(r.positions.map((p) => `${p.broker} ${maskAccount(p.account)}`))].join(", ")})`);
  for (const [u, b] of Object.entries(r.usedBetas)) lines.push(`  beta ${u}: ${b ? `${num(b.beta)} (${b.source}${b.source === "computed" ? `, ${b.nReturns} returns to ${b.lastDate}` : ""})` : "unknown"}`);
  lines.push("", "aggregates            beta delta   beta gamma   vega/vol pt   theta/day   positions  missing");
  const row = (name: string, t: GreekTotals) => {
    const missing = Math.max(...Object.values(t.missing));
    return `  ${name.padEnd(18)} ${num(t.betaDelta).padStart(11)} ${num(t.betaGamma).padStart(12)} ${num(t.vegaPerVolPt).padStart(13)} ${num(t.thetaPerDay).padStart(11)} ${String(t.positions).padStart(11)}  ${missing ? missing : ""}`;
  };
  lines.push(row("portfolio", r.aggregates.portfolio));
  for (const [title, table] of [["broker", r.aggregates.byBroker], ["underlying", r.aggregates.byUnderlying], ["strategy", r.aggregates.byStrategy]] as const) {
    for (const [k, t] of Object.entries(table)) lines.push(row(`${title === "strategy" ? "" : title + " "}${k}`, t));
  }
  for (const b of EXPIRY_BUCKETS) if (r.aggregates.byExpiryBucket[b].positions) lines.push(row(`DTE ${b}`, r.aggregates.byExpiryBucket[b]));
  lines.push("", "strategies:");
  for (const g of r.groups) lines.push(`  ${g.label}${g.matrixNames.length ? ` [${g.matrixNames.join(", ")}]` : ""}`);
  lines.push("", "limits:");
  for (const c of r.report.checks) lines.push(`  ${c.status === "breach" ? "BREACH" : c.status === "near" ? "near  " : "ok    "} ${c.message}`);
  for (const s of r.report.strategyBreaches) lines.push(`  BREACH strategy not allowed: ${s.label}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (r.report.incomplete) lines.push(`  warning: greeks unknown for ${r.report.incomplete.symbols.join(", ")}: aggregates exclude them`);
  if (r.suggestions.length) {
    lines.push("", "suggestions:");
    for (const s of r.suggestions) {
      const a = s.after;
      const side = s.newBreaches.length ? `; would break ${s.newBreaches.join(", ")}` : "";
      lines.push(`  ${s.target} via ${s.method}: ${s.note}${s.resolves ? "" : " (reduces, does not cure)"}${side}`);
      for (const t of s.trades) lines.push(`    ${t.quantity > 0 ? "buy " : "sell"} ${num(Math.abs(t.quantity))} ${t.symbol} (${t.action}${t.note ? ", " + t.note : ""})`);
      lines.push(`    after: beta delta ${num(a.betaDelta)}, beta gamma ${num(a.betaGamma)}, vega ${num(a.vegaPerVolPt)}, theta ${num(a.thetaPerDay)}`);
    }
  }
  lines.push("", r.report.ok ? "inside all limits" : `${r.report.breaches.length + r.report.strategyBreaches.length} breach(es)`);
  return lines.join("\n") + "\n";
}

function num(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4);
}

const CHECK_FLAGS = {
  positions: {type: "string", multiple: true},
  broker: {type: "string"},
  matrix: {type: "string"},
  set: {type: "string", multiple: true},
  regime: {type: "string"},
  "as-of": {type: "string"},
  prices: {type: "string"},
  spot: {type: "string", multiple: true},
  beta: {type: "string", multiple: true},
  "beta-window": {type: "string"},
  iv: {type: "string", multiple: true},
  rate: {type: "string"},
  chain: {type: "string"},
  near: {type: "string"},
  json: {type: "boolean"}
} as const;

function parseOptions(argv: string[]): Options {
  const {values: v} = parseFlags(argv, CHECK_FLAGS, {command: "check", lists: {positions: "FILE"}});
  const o: Options = {files: v.positions ?? [], broker: null, matrixPath: v.matrix ?? DEFAULT_RISK_MATRIX_PATH, sets: {}, regime: v.regime ?? null, asOf: v["as-of"] ?? null, prices: v.prices ?? null, spots: {}, betas: {}, betaWindow: 252, ivs: {}, rate: 0.04, chain: v.chain ?? null, near: null, json: v.json ?? false};
  if (v.broker !== undefined) {
    const b = v.broker;
    if (b !== "ibkr" && b !== "tastytrade" && b !== "deribit") throw new UsageError(`--broker: expected ibkr, tastytrade or deribit, got "${b}"`);
    o.broker = b;
  }
  for (const text of v.set ?? []) {
    const [k, n] = parseAssignment(text, "--set", {percent: true});
    o.sets[k] = n;
  }
  for (const text of v.spot ?? []) {
    const [k, n] = parseAssignment(text, "--spot");
    if (!(n > 0)) throw new UsageError(`--spot ${k}: expected a price > 0, got ${n}`);
    o.spots[k.toUpperCase()] = n;
  }
  for (const text of v.beta ?? []) {
    const [k, n] = parseAssignment(text, "--beta");
    o.betas[k.toUpperCase()] = n;
  }
  if (v["beta-window"] !== undefined) {
    const n = parseNumber(v["beta-window"], "--beta-window");
    if (!Number.isInteger(n) || n < 20) throw new UsageError(`--beta-window: expected an integer >= 20, got ${n}`);
    o.betaWindow = n;
  }
  for (const text of v.iv ?? []) {
    const [k, n] = parseAssignment(text, "--iv");
    if (!(n > 0 && n < 10)) throw new UsageError(`--iv ${k}: expected a decimal vol in (0, 10), got ${n}`);
    o.ivs[k] = n;
  }
  if (v.rate !== undefined) {
    o.rate = parseNumber(v.rate, "--rate");
    if (Math.abs(o.rate) > 1) throw new UsageError(`--rate: expected a decimal (0.04 = 4%), got ${o.rate}`);
  }
  if (v.near !== undefined) {
    o.near = parseNumber(v.near, "--near");
    if (!(o.near > 0 && o.near <= 1)) throw new UsageError(`--near: expected a fraction in (0, 1], got ${o.near}`);
  }
  if (o.files.length === 0) throw new UsageError("give at least one --positions FILE");
  return o;
}
