import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parseCboeIndexHistory} from "../../lib/io/cboeIndexHistory.js";
import {parseOhlcCsv} from "../../lib/io/ohlcCsv.js";
import {decideRegime} from "../../lib/regime/decideRegime.js";
import type {RiskMatrix} from "../../lib/regime/riskMatrix.js";
import type {IndexLevelRow, OhlcBarRow} from "../../lib/rows.js";

/** Aligned daily closes (same dates in every array, oldest first) that the statistics are computed from. */
export type StatsInput = {dates: string[]; spyClose: number[]; vix: number[]; vix3m: number[]; vvix: number[]};

/** The credibility figures of a market history (simulated or real). Vols are annualised decimals. */
export type MarketStats = {
  fromDate: string;
  toDate: string;
  sessions: number;
  spyAnnualVol: number; // sample sd of daily log returns × sqrt(252)
  vixMean: number; // index points
  vixP95: number; // 95th percentile (linear interpolation, R-7 / d3.quantile)
  backwardationShare: number; // share of sessions with VIX3M / VIX < 1 (0–1)
  corrSpyReturnVixChange: number; // Pearson corr of SPY daily log return and VIX daily change in points
  regimeDays: Record<string, number>; // sessions per risk-matrix regime (VIX, VIX3M, VVIX closes; no Polymarket)
};

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Returns the statistics of aligned SPY/VIX/VIX3M/VVIX closes; the regime of each day is the risk matrix's
 * decideRegime on {VIX, VIX3M, VVIX} (conditions on other inputs count as not met). Needs >= 3 sessions.
 */
export function computeMarketStats(input: StatsInput, matrix: RiskMatrix): MarketStats {
  const n = input.dates.length;
  if (n < 3) throw new RangeError(`computeMarketStats: need at least 3 sessions, got ${n}`);
  const returns: number[] = [];
  const vixChanges: number[] = [];
  for (let i = 1; i < n; i++) {
    returns.push(Math.log(input.spyClose[i] / input.spyClose[i - 1]));
    vixChanges.push(input.vix[i] - input.vix[i - 1]);
  }
  const meanReturn = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - meanReturn) ** 2, 0) / (returns.length - 1);
  const regimeDays: Record<string, number> = Object.fromEntries(matrix.severityOrder.map((name) => [name, 0]));
  let backwardation = 0;
  for (let i = 0; i < n; i++) {
    if (input.vix3m[i] / input.vix[i] < 1) backwardation++;
    const inputs: Record<string, number> = {VIX: input.vix[i], VIX3M: input.vix3m[i]};
    if (Number.isFinite(input.vvix[i])) inputs.VVIX = input.vvix[i];
    const decision = decideRegime(matrix, inputs);
    regimeDays[decision.regime] = (regimeDays[decision.regime] ?? 0) + 1;
  }
  const sortedVix = [...input.vix].sort((a, b) => a - b);
  return {
    fromDate: input.dates[0],
    toDate: input.dates[n - 1],
    sessions: n,
    spyAnnualVol: Math.sqrt(variance * 252),
    vixMean: input.vix.reduce((a, b) => a + b, 0) / n,
    vixP95: quantile(sortedVix, 0.95),
    backwardationShare: backwardation / n,
    corrSpyReturnVixChange: pearson(returns, vixChanges),
    regimeDays
  };
}

/** Returns aligned inputs from row arrays (sessions where SPY, VIX and VIX3M all exist; VVIX NaN when absent). */
export function alignStatsInput(
  spy: readonly OhlcBarRow[],
  indexes: readonly IndexLevelRow[],
  {from = "0000-00-00", to = "9999-99-99"}: {from?: string; to?: string} = {}
): StatsInput {
  const byIndex = new Map<string, Map<string, number>>();
  for (const row of indexes) {
    let m = byIndex.get(row.index);
    if (!m) byIndex.set(row.index, (m = new Map()));
    m.set(row.date, row.close);
  }
  const vix = byIndex.get("VIX") ?? new Map();
  const vix3m = byIndex.get("VIX3M") ?? new Map();
  const vvix = byIndex.get("VVIX") ?? new Map();
  const out: StatsInput = {dates: [], spyClose: [], vix: [], vix3m: [], vvix: []};
  for (const bar of spy) {
    if (bar.date < from || bar.date > to || !vix.has(bar.date) || !vix3m.has(bar.date)) continue;
    out.dates.push(bar.date);
    out.spyClose.push(bar.close);
    out.vix.push(vix.get(bar.date));
    out.vix3m.push(vix3m.get(bar.date));
    out.vvix.push(vvix.get(bar.date) ?? NaN);
  }
  return out;
}

/** Returns aligned real inputs from ../shared/data (ohlc/SPY.csv, vix/VIX, VIX3M, VVIX _History.csv). */
export function readRealStatsInput(sharedDataDir: string, range: {from?: string; to?: string} = {}): StatsInput {
  const read = (rel: string) => readFileSync(join(sharedDataDir, rel), "utf8");
  const spy = parseOhlcCsv(read("ohlc/SPY.csv"), {file: "ohlc/SPY.csv", symbol: "SPY"});
  const indexes = ["VIX", "VIX3M", "VVIX"].flatMap((index) =>
    parseCboeIndexHistory(read(`vix/${index}_History.csv`), {file: `vix/${index}_History.csv`, index})
  );
  return alignStatsInput(spy, indexes, range);
}

/** Returns the side-by-side table (Markdown) of simulated vs real statistics. */
export function formatStatsTable(simulated: MarketStats, real?: MarketStats): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const num = (x: number) => x.toFixed(2);
  const regimes = Object.keys(simulated.regimeDays);
  const days = (s: MarketStats, r: string) => `${s.regimeDays[r] ?? 0} (${pct((s.regimeDays[r] ?? 0) / s.sessions)})`;
  const rows: [string, (s: MarketStats) => string][] = [
    ["window", (s) => `${s.fromDate} → ${s.toDate}`],
    ["sessions", (s) => String(s.sessions)],
    ["SPY annualised vol", (s) => pct(s.spyAnnualVol)],
    ["VIX mean", (s) => num(s.vixMean)],
    ["VIX 95th percentile", (s) => num(s.vixP95)],
    ["backwardation share (VIX3M/VIX < 1)", (s) => pct(s.backwardationShare)],
    ["corr(SPY return, VIX change)", (s) => num(s.corrSpyReturnVixChange)],
    ...regimes.map((r): [string, (s: MarketStats) => string] => [`days in ${r}`, (s) => days(s, r)])
  ];
  const header = real ? "| statistic | demo (simulated) | real (../shared/data) |\n|---|---|---|" : "| statistic | demo (simulated) |\n|---|---|";
  return [header, ...rows.map(([label, f]) => `| ${label} | ${f(simulated)} |${real ? ` ${f(real)} |` : ""}`)].join("\n") + "\n";
}
