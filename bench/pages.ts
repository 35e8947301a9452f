/**
 * Page interaction benchmark: on a synthetic book of 10,000 positions and a chain of 20,000 SPY contracts, each step
 * of the Overview page's what-if (decideRegime, checkLimits, suggestHedges; aggregateGreeks runs on a book change
 * only) and one scenario-grid recompute of the Risk page (11 SPY moves x 7 IV shocks by full repricing), as medians
 * after warm-up, against one animation frame (16 ms). Run: `npm run bench` (or import runPagesBench).
 */
import {readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {easternWallTimeToMs} from "../lib/io/easternTime.js";
import type {UnifiedPosition} from "../lib/positions/unifiedPosition.js";
import {bsmGreeks} from "../lib/pricing/bsm.js";
import {createRng} from "../lib/random/createRng.js";
import {decideRegime} from "../lib/regime/decideRegime.js";
import {parseRiskMatrix} from "../lib/regime/parseRiskMatrix.js";
import {aggregateGreeks} from "../lib/risk/aggregate.js";
import {suggestHedges, type HedgeSuggestion} from "../lib/risk/hedges.js";
import {checkLimits, type LimitReport} from "../lib/risk/limits.js";
import {prepareScenarioBook} from "../lib/risk/scenarioBook.js";
import {scenarioGrid} from "../lib/risk/scenarioGrid.js";
import {assignStrategyGroups, recognizeStrategies} from "../lib/strategies/recognize.js";
import {median} from "./benchStats.js";

const FRAME_MS = 16;
const AS_OF_DATE = "2026-11-20";
const AS_OF_MS = easternWallTimeToMs(AS_OF_DATE, 16 * 60);
const RATE = 0.04;
const UNDERLYINGS: {symbol: string; spot: number; beta: number; vol: number}[] = [
  {symbol: "SPY", spot: 600, beta: 1, vol: 0.16},
  {symbol: "QQQ", spot: 520, beta: 1.2, vol: 0.2},
  {symbol: "IWM", spot: 230, beta: 1.15, vol: 0.22},
  {symbol: "AAPL", spot: 240, beta: 1.2, vol: 0.27},
  {symbol: "NVDA", spot: 150, beta: 1.8, vol: 0.5},
  {symbol: "TSLA", spot: 350, beta: 1.6, vol: 0.6},
  {symbol: "XLE", spot: 90, beta: 0.8, vol: 0.25},
  {symbol: "SPX", spot: 6000, beta: 1, vol: 0.16}
];
const EXPIRIES = ["2026-11-27", "2026-12-18", "2027-01-15", "2027-03-19"];

function optionPosition(account: string, u: (typeof UNDERLYINGS)[number], right: "C" | "P", strike: number, expiry: string, quantity: number): UnifiedPosition {
  const tYears = (easternWallTimeToMs(expiry, 16 * 60) - AS_OF_MS) / (365 * 86_400_000);
  const g = bsmGreeks({right, spot: u.spot, strike, tYears, rate: RATE, vol: u.vol});
  const size = 100 * quantity;
  const w = (u.beta * u.spot) / 600;
  const symbol = `${u.symbol}${expiry.replaceAll("-", "").slice(2)}${right}${String(strike * 1000).padStart(8, "0")}`;
  return {
    broker: "ibkr", account, symbol, instrumentType: "Option", underlying: u.symbol, right, strike, expiry, quantity, multiplier: 100,
    currency: "USD", price: g.price, costBasis: g.price * 1.05, underlyingPrice: u.spot, beta: u.beta,
    betaDelta: g.delta * size * w, betaGamma: g.gamma * size * w * w, vegaPerVolPt: g.vegaPerVolPt * size, thetaPerDay: g.thetaPerDay * size,
    unitDelta: g.delta, unitGamma: g.gamma, unitVegaPerVolPt: g.vegaPerVolPt, unitThetaPerDay: g.thetaPerDay, iv: u.vol,
    greeksSource: "local", strategyGroup: null, asOfMs: AS_OF_MS
  };
}

/** ~10,000 legs: iron condors, strangles, verticals, single options and stock, over 40 accounts. */
export function syntheticBook(targetLegs: number): UnifiedPosition[] {
  const rng = createRng(["bench-pages-book"]);
  const legs: UnifiedPosition[] = [];
  let n = 0;
  while (legs.length < targetLegs) {
    const account = `U${1000000 + (n % 40)}`;
    const u = UNDERLYINGS[rng.int(UNDERLYINGS.length)];
    const expiry = EXPIRIES[rng.int(EXPIRIES.length)];
    const step = u.spot >= 1000 ? 25 : u.spot >= 200 ? 5 : 1;
    const atm = Math.round(u.spot / step) * step;
    const off = (k: number) => atm + k * step * (1 + rng.int(4));
    const qty = 1 + rng.int(10);
    const kind = rng.int(5);
    if (kind === 0) legs.push(optionPosition(account, u, "P", off(-3), expiry, qty), optionPosition(account, u, "P", off(-2), expiry, -qty), optionPosition(account, u, "C", off(2), expiry, -qty), optionPosition(account, u, "C", off(3), expiry, qty));
    else if (kind === 1) legs.push(optionPosition(account, u, "P", off(-2), expiry, -qty), optionPosition(account, u, "C", off(2), expiry, -qty));
    else if (kind === 2) legs.push(optionPosition(account, u, "P", off(-1), expiry, -qty), optionPosition(account, u, "P", off(-2), expiry, qty));
    else if (kind === 3) legs.push(optionPosition(account, u, rng.bernoulli(0.5) ? "C" : "P", off(rng.bernoulli(0.5) ? 1 : -1), expiry, rng.bernoulli(0.5) ? qty : -qty));
    else {
      const shares = (rng.bernoulli(0.7) ? 1 : -1) * 10 * (1 + rng.int(20));
      legs.push({
        ...optionPosition(account, u, "C", atm, expiry, 0), symbol: u.symbol, instrumentType: "Equity", right: null, strike: null, expiry: null, quantity: shares, multiplier: 1,
        price: u.spot, costBasis: u.spot * 0.97, betaDelta: (shares * u.beta * u.spot) / 600, betaGamma: 0, vegaPerVolPt: 0, thetaPerDay: 0,
        unitDelta: 1, unitGamma: 0, unitVegaPerVolPt: 0, unitThetaPerDay: 0, iv: NaN
      });
    }
    n++;
  }
  return legs.slice(0, targetLegs);
}

/** 20,000 SPY puts and calls (puts are the hedge candidates), one contract each. */
export function syntheticChain(count: number): UnifiedPosition[] {
  const spy = UNDERLYINGS[0];
  const expiries = ["2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18", "2026-12-31", "2027-01-15", "2027-02-19", "2027-03-19", "2027-06-18", "2027-12-17"];
  const chain: UnifiedPosition[] = [];
  for (let i = 0; chain.length < count; ++i) {
    const expiry = expiries[i % expiries.length];
    const strike = 300 + 0.5 * Math.floor(i / (2 * expiries.length));
    chain.push(optionPosition("hedge", spy, i % 2 === 0 ? "P" : "C", strike, expiry, 1));
  }
  return chain;
}

function time(fn: () => unknown, {warmup = 3, runs = 15} = {}): number {
  for (let i = 0; i < warmup; ++i) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** Prints each step's median on 10,000 positions / 20,000 contracts and whether it fits one 16 ms frame. */
export async function runPagesBench(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const matrix = parseRiskMatrix(readFileSync(join(root, "config", "risk_matrix.yaml"), "utf8"), "config/risk_matrix.yaml");
  const raw = syntheticBook(10_000);
  const groups = recognizeStrategies(raw);
  const positions = assignStrategyGroups(raw, groups);
  const chain = syntheticChain(20_000);
  const putCandidates = chain.filter((c) => c.right === "P");
  const hedgeOptions = {spySpot: 600, putCandidates, asOfDate: AS_OF_DATE};
  const scenarios = [
    {VIX: 14, VIX3M: 16.5, VVIX: 85},
    {VIX: 19, VIX3M: 20, VVIX: 95},
    {VIX: 27, VIX3M: 25, VVIX: 120},
    {VIX: 40, VIX3M: 33, VVIX: 160}
  ];
  let k = 0;
  const nextInputs = () => ({...scenarios[k++ % scenarios.length], Polymarket_Recession_Prob: 0.2});
  const verdict = (ms: number) => (ms <= FRAME_MS ? "fits in one 16 ms frame" : `does NOT fit in 16 ms (${(ms / FRAME_MS).toFixed(1)} frames)`);
  const line = (label: string, ms: number, extra = "") => console.log(`  ${label}: median ${ms.toFixed(2)} ms, ${verdict(ms)}${extra}`);
  console.log(`\npages: synthetic book ${positions.length} positions in ${groups.length} strategy groups; chain ${chain.length} contracts (${putCandidates.length} puts as hedge candidates)`);

  // the steps one by one; the regime cycles through the four scenarios so each run sees other limits
  const aggregates = aggregateGreeks(positions, {asOfDate: AS_OF_DATE, groups});
  const decisions = scenarios.map((s) => decideRegime(matrix, {...s, Polymarket_Recession_Prob: 0.2}));
  const reports = decisions.map((d) => checkLimits(aggregates.portfolio, groups, d.limits, {nearFraction: matrix.nearLimitFraction}));
  line("decideRegime", time(() => decideRegime(matrix, nextInputs())));
  line("aggregateGreeks (depends on the book only; not on a what-if)", time(() => aggregateGreeks(positions, {asOfDate: AS_OF_DATE, groups})));
  line("checkLimits", time(() => checkLimits(aggregates.portfolio, groups, decisions[k++ % 4].limits, {nearFraction: matrix.nearLimitFraction})));
  line("suggestHedges", time(() => {
    const i = k++ % 4;
    suggestHedges(positions, aggregates.portfolio, reports[i], decisions[i].limits, groups, hedgeOptions);
  }));
  const high = decideRegime(matrix, scenarios[2]);
  const highReport = checkLimits(aggregates.portfolio, groups, high.limits);
  line(
    `suggestHedges alone in ${high.regime} (${highReport.breaches.length} numeric breaches, ${highReport.strategyBreaches.length} disallowed groups)`,
    time(() => suggestHedges(positions, aggregates.portfolio, highReport, high.limits, groups, hedgeOptions))
  );

  // the what-if as src/index.md runs it: a what-if changes the regime inputs, never the book, so the aggregates
  // (and the strategy groups) are computed once per book and reused
  let last = {regime: "", breaches: 0, suggestions: 0};
  const pageWhatIf = () => {
    const decision = decideRegime(matrix, nextInputs());
    const report = checkLimits(aggregates.portfolio, groups, decision.limits, {nearFraction: matrix.nearLimitFraction});
    // as the page: close-outs only for the 25 disallowed groups it shows
    const suggestions = suggestHedges(positions, aggregates.portfolio, report, decision.limits, groups, {...hedgeOptions, maxStrategySuggestions: 25});
    last = {regime: decision.regime, breaches: report.breaches.length + report.strategyBreaches.length, suggestions: suggestions.length};
  };
  line("WHAT-IF as the Overview page runs it (decideRegime + checkLimits + suggestHedges, 25 close-outs shown)", time(pageWhatIf, {warmup: 3, runs: 21}), ` [last: ${last.regime}, ${last.breaches} breaches, ${last.suggestions} suggestions]`);
  const limitCheckByLimits = new WeakMap<object, {report: LimitReport; suggestions: HedgeSuggestion[]}>();
  const cachedWhatIf = () => {
    const decision = decideRegime(matrix, {...scenarios[1], VIX: 19 + (k++ % 10) / 10, Polymarket_Recession_Prob: 0.2});
    let limitCheck = limitCheckByLimits.get(decision.limits);
    if (!limitCheck) {
      const report = checkLimits(aggregates.portfolio, groups, decision.limits, {nearFraction: matrix.nearLimitFraction});
      limitCheck = {report, suggestions: suggestHedges(positions, aggregates.portfolio, report, decision.limits, groups, {...hedgeOptions, maxStrategySuggestions: 25})};
      limitCheckByLimits.set(decision.limits, limitCheck);
    }
  };
  line("what-if that stays in the same regime (report and hedges reused per regime, as src/index.md caches them)", time(cachedWhatIf));
  const bookChange = () => {
    const decision = decideRegime(matrix, nextInputs());
    const agg = aggregateGreeks(positions, {asOfDate: AS_OF_DATE, groups});
    const report = checkLimits(agg.portfolio, groups, decision.limits, {nearFraction: matrix.nearLimitFraction});
    suggestHedges(positions, agg.portfolio, report, decision.limits, groups, {...hedgeOptions, maxStrategySuggestions: 25});
  };
  line("book change as the page runs it (decideRegime + aggregateGreeks + checkLimits + suggestHedges, 25 close-outs)", time(bookChange));

  for (const exercise of ["european", "american"] as const) {
    const prepare = () => prepareScenarioBook(positions, {asOfMs: AS_OF_MS, rate: RATE, exercise});
    line(`prepareScenarioBook, ${exercise} (on a book or model change only)`, time(prepare, {warmup: 1, runs: 5}));
    const book = prepare();
    const gridMs = time(() => scenarioGrid(book), {warmup: 1, runs: exercise === "american" ? 5 : 9});
    const cells = 11 * 7;
    line(`scenario grid 11x7, ${exercise} exercise (${book.n} distinct contracts, ${(book.n * cells).toLocaleString("en-US")} cells)`, gridMs);
  }
}
