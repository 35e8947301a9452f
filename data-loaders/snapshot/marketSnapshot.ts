import type {PositionLeg, UnifiedPosition} from "../../lib/positions/unifiedPosition.js";
import {buildRiskBook} from "../../lib/risk/riskBook.js";
import type {SnapshotMeta} from "../../lib/rows.js";
import {toDeribitPositionLegs} from "../deribit/positions.js";
import {generateDemoMarket, type DemoMarket} from "../demo/market.js";
import {toIbkrPositionLegs} from "../ibkr/positions.js";
import {rowsToTable, tableToArrowStream, tableToParquet} from "../shared/snapshotEncoding.js";
import type {TarEntry} from "../shared/tarArchive.js";
import {toTastytradePositionLegs} from "../tastytrade/positions.js";

/** Datasets also written as Parquet, for storage and download. The rest are Arrow IPC streams only. */
const PARQUET_DATASETS = new Set(["ohlc", "option-chains", "positions"]);

/** Contents of meta.json in the market archive: what the snapshot is and how fresh each dataset is. */
export type MarketSnapshotMeta = {
  asOf: string; // requested as-of day
  equityDate: string; // last NYSE session on or before it: chains and the book are marked at its close
  seed: number;
  demo: boolean;
  rate: number; // continuous risk-free rate used for local greeks (decimal)
  datasets: SnapshotMeta[];
};

/** Risk-free rate for local greeks of the demo book (continuous, decimal). */
const DEMO_RATE = 0.04;

/**
 * The market snapshot the pages read, as archive entries: one Arrow IPC stream per dataset (DuckDB-WASM reads them
 * through `sql:` front matter), Parquet copies of the large ones, and meta.json. Today the source is the demo
 * market; broker payloads go through the same normalisers a live book would.
 */
export async function marketSnapshotEntries({
  seed,
  asOf,
  onProgress = () => {}
}: {
  seed: number;
  asOf: string;
  onProgress?: (message: string) => void;
}): Promise<TarEntry[]> {
  const market = generateDemoMarket({seed, asOf, onProgress});
  const legs = brokerLegs(market);
  const positions = positionsFromLegs(legs, market);
  onProgress(`snapshot: ${legs.length} position legs from 3 brokers, ${positions.length} positions`);

  const rowsByDataset: Record<string, Record<string, unknown>[]> = {
    ...market.datasets,
    "position-legs": legs,
    positions
  };
  const positionsMeta = (dataset: string, rows: number): SnapshotMeta => ({
    ...market.meta["option-chains"],
    dataset,
    rows
  });
  const metas: SnapshotMeta[] = [
    ...Object.values(market.meta),
    positionsMeta("position-legs", legs.length),
    positionsMeta("positions", positions.length)
  ];
  const entries: TarEntry[] = [];
  for (const [dataset, rows] of Object.entries(rowsByDataset)) {
    const table = rowsToTable(rows, dataset);
    entries.push({name: `${dataset}.arrow`, data: tableToArrowStream(table)});
    if (PARQUET_DATASETS.has(dataset)) entries.push({name: `${dataset}.parquet`, data: await tableToParquet(table)});
  }
  const meta: MarketSnapshotMeta = {
    asOf: market.asOf,
    equityDate: market.equityDate,
    seed: market.seed,
    demo: true,
    rate: DEMO_RATE,
    datasets: metas
  };
  entries.push({name: "meta.json", data: JSON.stringify(meta, null, 2)});
  return entries;
}

/** The demo book's raw broker payloads through the live normalisers, each stamped with its own as-of time. */
function brokerLegs(market: DemoMarket): PositionLeg[] {
  const equityAsOfMs = market.meta["option-chains"].asOf ? Date.parse(market.meta["option-chains"].asOf) : NaN;
  return [
    ...toIbkrPositionLegs(market.raw.ibkrPositions, {asOfMs: equityAsOfMs}),
    ...toTastytradePositionLegs(market.raw.tastytradePositions, {asOfMs: equityAsOfMs}),
    ...toDeribitPositionLegs(market.raw.deribitPositions, {asOfMs: equityAsOfMs})
  ];
}

/** Base-case UnifiedPositions: spots from the last bars, IVs from the chain snapshot, betas from 1 year of bars. */
function positionsFromLegs(legs: PositionLeg[], market: DemoMarket): UnifiedPosition[] {
  const closesByUnderlying: Record<string, {date: string; close: number}[]> = {};
  for (const bar of market.datasets.ohlc) (closesByUnderlying[bar.symbol] ??= []).push({date: bar.date, close: bar.close});
  const ivs: Record<string, number> = {};
  for (const quote of market.datasets["option-chains"]) if (Number.isFinite(quote.vendorIv)) ivs[quote.symbol] = quote.vendorIv;
  return buildRiskBook(legs, {
    closesByUnderlying,
    asOfMs: Date.parse(market.meta["option-chains"].asOf),
    asOfDate: market.equityDate,
    ivs,
    rate: DEMO_RATE
  }).positions;
}
