import {fileURLToPath} from "node:url";
import {decideRegime} from "../../lib/regime/decideRegime.js";
import type {RegimeLimits, RiskMatrix} from "../../lib/regime/riskMatrix.js";
import type {EarningsDateRow, IndexLevelRow, MacroRow, OhlcBarRow, OptionQuoteRow, SnapshotMeta} from "../../lib/rows.js";
import {loadRiskMatrix} from "../shared/riskMatrixConfig.js";
import {type BookRisk, buildDemoBook, type DemoLeg} from "./book.js";
import {deribitPositionsPayload, ibkrPositionsPayload, tastytradePositionsPayload} from "./brokerPayloads.js";
import {dayNumber, newYorkTimeToMs} from "./calendarDays.js";
import {demoOptionChain} from "./chains.js";
import {demoMacro} from "./macro.js";
import {simulateMarket} from "./simulate.js";
import {loadWatchlist, type Watchlist} from "./watchlist.js";

/** The as-of date used when VOLDESK_ASOF is not set: fixed, so builds are reproducible. */
export const DEFAULT_DEMO_ASOF = "2026-11-20";
/** The seed used when VOLDESK_SEED is not set. */
export const DEFAULT_DEMO_SEED = 1;

/** Names of the row datasets, in output order (see data-loaders/demo/README.md for columns and units). */
export const DEMO_DATASETS = ["ohlc", "index-levels", "iv-history", "option-chains", "earnings", "macro"] as const;
export type DemoDatasetName = (typeof DEMO_DATASETS)[number];

/** Everything the demo source produces for one (seed, asOf). */
export type DemoMarket = {
  seed: number;
  asOf: string; // the requested as-of day
  equityDate: string; // last NYSE session <= asOf (option chains and the book are marked at its close)
  datasets: {
    ohlc: OhlcBarRow[];
    "index-levels": IndexLevelRow[];
    "iv-history": IndexLevelRow[];
    "option-chains": OptionQuoteRow[];
    earnings: EarningsDateRow[];
    macro: MacroRow[];
  };
  meta: Record<DemoDatasetName, SnapshotMeta>;
  /** Raw broker and vendor payloads, as the live adapters would receive them. */
  raw: {
    ibkrPositions: Record<string, unknown>[];
    tastytradePositions: Record<string, unknown>;
    deribitPositions: Record<string, unknown>;
    polymarketGammaMarkets: Record<string, unknown>[];
  };
  /** The as-of regime and what the book does to its limits (for tests and the closing note; not a snapshot). */
  summary: {regime: string; limits: RegimeLimits; bookRisk: BookRisk; legs: DemoLeg[]};
};

const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/** Returns VOLDESK_SEED / VOLDESK_ASOF from an environment, with the fixed defaults; throws RangeError when malformed. */
export function demoOptionsFromEnv(env: Record<string, string | undefined>): {seed: number; asOf: string} {
  const seedText = env.VOLDESK_SEED;
  const seed = seedText === undefined || seedText === "" ? DEFAULT_DEMO_SEED : Number(seedText);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`VOLDESK_SEED must be an integer, got "${seedText}"`);
  const asOf = env.VOLDESK_ASOF || DEFAULT_DEMO_ASOF;
  dayNumber(asOf);
  return {seed, asOf};
}

/**
 * Returns the whole demo market for a seed and an as-of date: >= 5 years of daily history, the VIX family, IV30
 * history, option chains, earnings dates, macro inputs, the raw broker books and a SnapshotMeta per dataset
 * (source "demo", demo: true). Deterministic: the same (seed, asOf) gives identical output, and a later asOf
 * keeps every earlier day's rows unchanged. Progress messages go to `onProgress` (the CLI prints them on stderr).
 * @throws RangeError for a non-integer seed or an asOf before 2020-01-02.
 */
export function generateDemoMarket({
  seed = DEFAULT_DEMO_SEED,
  asOf = DEFAULT_DEMO_ASOF,
  onProgress = () => {},
  watchlist = loadWatchlist(),
  riskMatrix = loadRiskMatrix(fileURLToPath(new URL("../../config/risk_matrix.yaml", import.meta.url)))
}: {
  seed?: number;
  asOf?: string;
  onProgress?: (message: string) => void;
  watchlist?: Watchlist;
  riskMatrix?: RiskMatrix;
} = {}): DemoMarket {
  onProgress(`demo: simulating seed ${seed} to ${asOf}`);
  const sim = simulateMarket({seed, asOf, watchlist, onProgress});
  const equityDate = sim.tradingDates[sim.tradingDates.length - 1];
  const equityAsOfMs = newYorkTimeToMs(equityDate, 16);
  const cryptoAsOfMs = (dayNumber(asOf) + 1) * 86_400_000;

  const ohlc: OhlcBarRow[] = [];
  for (const [symbol, bars] of sim.bars) {
    const crypto = watchlist.symbols.find((s) => s.symbol === symbol)?.kind === "crypto";
    bars.dates.forEach((date, i) => {
      const [open, close] = [round(bars.open[i]), round(bars.close[i])];
      ohlc.push({
        symbol,
        date,
        open,
        high: Math.max(round(bars.high[i]), open, close),
        low: Math.min(round(bars.low[i]), open, close),
        close,
        volume: crypto ? round(bars.volume[i], 0) : bars.volume[i],
        source: "demo"
      });
    });
  }
  const indexLevels: IndexLevelRow[] = [];
  const ivHistory: IndexLevelRow[] = [];
  for (const [index, series] of sim.levels) {
    const target = index.startsWith("IV30_") ? ivHistory : indexLevels;
    series.dates.forEach((date, i) => {
      const close = round(series.close[i]);
      const open = round(series.open[i]);
      target.push({
        index,
        date,
        open,
        high: Number.isNaN(open) ? NaN : Math.max(round(series.high[i]), open, close),
        low: Number.isNaN(open) ? NaN : Math.min(round(series.low[i]), open, close),
        close,
        source: "demo"
      });
    });
  }
  onProgress(`demo: ${ohlc.length} bars, ${indexLevels.length + ivHistory.length} index levels`);

  const macro = demoMacro(sim);
  const last = (name: string) => sim.levels.get(name)!.close[sim.levels.get(name)!.close.length - 1];
  const decision = decideRegime(riskMatrix, {
    VIX: round(last("VIX")),
    VIX3M: round(last("VIX3M")),
    VIX9D: round(last("VIX9D")),
    VVIX: round(last("VVIX")),
    SKEW: round(last("SKEW")),
    FearGreed: macro.latest.fearGreedScore,
    Polymarket_Recession_Prob: macro.latest.recessionProb,
    Polymarket_RateCut_Prob: macro.latest.rateCutProb,
    Polymarket_Inflation_Prob: macro.latest.inflationProb,
    ...(sim.levels.has("DVOL_BTC") ? {DVOL_BTC: round(last("DVOL_BTC"))} : {}),
    ...(sim.levels.has("DVOL_ETH") ? {DVOL_ETH: round(last("DVOL_ETH"))} : {})
  });

  const spots = new Map<string, number>();
  const chain: OptionQuoteRow[] = [];
  const state = sim.volStates[sim.volStates.length - 1];
  const idioScale = sim.idioScale[sim.idioScale.length - 1];
  for (const entry of watchlist.symbols) {
    const bars = sim.bars.get(entry.symbol)!;
    const spot = round(bars.close[bars.close.length - 1]);
    spots.set(entry.symbol, spot);
    const crypto = entry.kind === "crypto";
    const plan = sim.earnings.get(entry.symbol);
    const variance = sim.cryptoSpotVariance;
    chain.push(
      ...demoOptionChain({
        seed,
        entry,
        today: crypto ? asOf : equityDate,
        asOfMs: crypto ? cryptoAsOfMs : equityAsOfMs,
        spot,
        volState: state,
        idioScale,
        cryptoVariance: entry.symbol === "BTC" ? {spot: variance.btc, theta: variance.btcTheta} : {spot: variance.eth, theta: variance.ethTheta},
        earningsReactionDates: plan?.reactionDates,
        earningsMove: plan?.move,
        vixLevel: last("VIX")
      })
    );
  }
  onProgress(`demo: ${chain.length} option quotes`);

  const earnings: EarningsDateRow[] = [];
  for (const entry of watchlist.symbols) {
    const plan = sim.earnings.get(entry.symbol);
    if (!plan || !entry.earnings) continue;
    for (const date of plan.dates) earnings.push({symbol: entry.symbol, date, session: entry.earnings.session, confirmed: date <= asOf || dayNumber(date) - dayNumber(asOf) <= 45, source: "demo"});
  }

  const {legs, risk} = buildDemoBook({
    seed,
    today: equityDate,
    cryptoToday: asOf,
    chain,
    spots,
    watchlist: watchlist.symbols,
    limits: decision.limits,
    equityAsOfMs,
    cryptoAsOfMs
  });
  onProgress(`demo: book of ${legs.length} legs in regime ${decision.regime}`);

  const datasets: DemoMarket["datasets"] = {
    ohlc,
    "index-levels": indexLevels,
    "iv-history": ivHistory,
    "option-chains": chain,
    earnings,
    macro: macro.rows
  };
  const latestMs: Record<DemoDatasetName, number> = {
    ohlc: cryptoAsOfMs,
    "index-levels": cryptoAsOfMs,
    "iv-history": equityAsOfMs,
    "option-chains": cryptoAsOfMs,
    earnings: equityAsOfMs,
    macro: cryptoAsOfMs
  };
  const meta = Object.fromEntries(
    DEMO_DATASETS.map((dataset): [DemoDatasetName, SnapshotMeta] => [
      dataset,
      {dataset, source: "demo", asOf: new Date(latestMs[dataset]).toISOString(), rows: datasets[dataset].length, demo: true, stale: false}
    ])
  ) as Record<DemoDatasetName, SnapshotMeta>;
  return {
    seed,
    asOf,
    equityDate,
    datasets,
    meta,
    raw: {
      ibkrPositions: ibkrPositionsPayload(legs),
      tastytradePositions: tastytradePositionsPayload(legs, equityDate),
      deribitPositions: deribitPositionsPayload(legs, cryptoAsOfMs, spots),
      polymarketGammaMarkets: macro.polymarketGamma
    },
    summary: {regime: decision.regime, limits: decision.limits, bookRisk: risk, legs}
  };
}
