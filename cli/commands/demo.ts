import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseFlags} from "../args.js";
import type {Command} from "../command.js";
import {UsageError} from "../command.js";
import {writeFileAtomic} from "../../data-loaders/shared/atomicWrite.js";
import {loadRiskMatrix} from "../../data-loaders/shared/riskMatrixConfig.js";
import {rowsToTable, tableToParquet} from "../../data-loaders/shared/snapshotEncoding.js";
import {DEMO_DATASETS, demoOptionsFromEnv, generateDemoMarket} from "../../data-loaders/demo/market.js";
import {alignStatsInput, computeMarketStats, formatStatsTable, readRealStatsInput} from "../../data-loaders/demo/stats.js";

const USAGE = `Usage: voldesk demo [--seed N] [--asof YYYY-MM-DD] [--out DIR] [--shared-data DIR] [--no-stats]

Generates the embedded DEMO market (simulated, labelled source "demo" everywhere) and writes it to DIR
(default ./demo-data):
  <dataset>.parquet + <dataset>.meta.json   for ${DEMO_DATASETS.join(", ")}
  raw/ibkr-positions.json, raw/tastytrade-positions.json, raw/deribit-positions.json,
  raw/polymarket-gamma-markets.json          broker/vendor payloads as the live APIs return them
Every file is written atomically (temporary file, then rename). Same seed and as-of date: byte-identical files.

  --seed N          integer seed (default $VOLDESK_SEED, else 1)
  --asof D          last simulated day (default $VOLDESK_ASOF, else 2026-11-20); must be >= 2020-01-02
  --shared-data DIR real data for the statistics table (default $VOLDESK_SHARED_DATA, else ../shared/data)
  --no-stats        skip the simulated-vs-real statistics table

Progress and timing go to stderr; the statistics table (Markdown) to stdout. Exit 0 ok, 2 bad input.
`;

const DEMO_FLAGS = {
  seed: {type: "string"},
  asof: {type: "string"},
  out: {type: "string"},
  "shared-data": {type: "string"},
  "no-stats": {type: "boolean"}
} as const;

/** `voldesk demo`: writes the deterministic demo market as Parquet + JSON and prints its statistics vs real data. */
export const command: Command = {
  name: "demo",
  summary: "generate the deterministic DEMO market (history, VIX family, chains, broker books, macro) as Parquet/JSON",
  usage: USAGE,
  async run(argv, io) {
    const {values} = parseFlags(argv, DEMO_FLAGS, {command: "demo"});
    const stats = !values["no-stats"];
    let options: {seed: number; asOf: string};
    try {
      options = demoOptionsFromEnv({
        VOLDESK_SEED: values.seed ?? process.env.VOLDESK_SEED,
        VOLDESK_ASOF: values.asof ?? process.env.VOLDESK_ASOF
      });
    } catch (error) {
      throw new UsageError((error as Error).message.replace("VOLDESK_SEED", "--seed / VOLDESK_SEED"));
    }
    const outDir = resolve(io.cwd, values.out ?? "demo-data");
    const started = performance.now();
    let market;
    try {
      market = generateDemoMarket({...options, onProgress: (message) => io.err(message + "\n")});
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    const generatedMs = performance.now() - started;
    for (const dataset of DEMO_DATASETS) {
      const rows = market.datasets[dataset] as unknown as Record<string, unknown>[];
      writeFileAtomic(join(outDir, `${dataset}.parquet`), await tableToParquet(rowsToTable(rows, dataset)));
      writeFileAtomic(join(outDir, `${dataset}.meta.json`), JSON.stringify(market.meta[dataset], null, 2) + "\n");
    }
    const raw: [string, unknown][] = [
      ["ibkr-positions.json", market.raw.ibkrPositions],
      ["tastytrade-positions.json", market.raw.tastytradePositions],
      ["deribit-positions.json", market.raw.deribitPositions],
      ["polymarket-gamma-markets.json", market.raw.polymarketGammaMarkets]
    ];
    for (const [name, payload] of raw) writeFileAtomic(join(outDir, "raw", name), JSON.stringify(payload, null, 2) + "\n");
    const totalMs = performance.now() - started;
    io.err(`demo: generated in ${generatedMs.toFixed(0)} ms, written in ${(totalMs - generatedMs).toFixed(0)} ms to ${outDir}\n`);

    const {regime, limits, bookRisk} = market.summary;
    io.out(`DEMO market (simulated data, not a real book): seed ${market.seed}, as of ${market.asOf} (equity close ${market.equityDate})\n`);
    io.out(
      `regime ${regime}; book: beta delta ${bookRisk.betaDelta.toFixed(0)} (max ${limits.maxBetaDelta}), vega ${bookRisk.vegaUsdPerVolPt.toFixed(0)} USD/vol pt (floor ${limits.maxNegativeVega}), theta ${bookRisk.thetaUsdPerDay.toFixed(0)} USD/day (min ${limits.minDailyTheta}), gamma ${bookRisk.gamma.toFixed(1)} (max ${limits.maxGamma})\n\n`
    );
    if (stats) {
      const matrix = loadRiskMatrix(fileURLToPath(new URL("../../config/risk_matrix.yaml", import.meta.url)));
      const simulated = computeMarketStats(
        alignStatsInput(
          market.datasets.ohlc.filter((b) => b.symbol === "SPY"),
          market.datasets["index-levels"]
        ),
        matrix
      );
      const sharedDir = values["shared-data"] ?? process.env.VOLDESK_SHARED_DATA ?? fileURLToPath(new URL("../../../shared/data", import.meta.url));
      const real = existsSync(join(sharedDir, "ohlc", "SPY.csv")) ? computeMarketStats(readRealStatsInput(sharedDir, {from: "2010-01-01"}), matrix) : undefined;
      if (!real) io.err(`demo: no real data at ${sharedDir}; statistics of the simulation only\n`);
      io.out(formatStatsTable(simulated, real));
    }
    return 0;
  }
};
