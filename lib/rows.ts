/**
 * The unified row types every snapshot uses, whatever the source (a live adapter or the demo simulator).
 * Loaders write arrays of these as Arrow IPC streams / Parquet; pages and lib/ read them back.
 *
 * Units follow ../shared/STYLE.md: vol as an annualised decimal (0.2 = 20%), `volPct` in percent points,
 * days as "YYYY-MM-DD" strings, instants as epoch ms UTC (`asOfMs`), money with a currency suffix.
 * Declared with `type`, not `interface`: apache-arrow's tableFromJSON rejects interfaces.
 */

/** Where a row came from: "demo" rows are simulated and must be labelled as such wherever they are shown. */
export type SourceName =
  | "demo"
  | "cboe"
  | "yahoo"
  | "ibkr"
  | "tastytrade"
  | "deribit"
  | "polymarket"
  | "cnn"
  | "alternative.me"
  | "file";

/** One daily bar of an underlying (equity/ETF session or a crypto UTC day). */
export type OhlcBarRow = {
  symbol: string;
  date: string; // "YYYY-MM-DD"
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  source: SourceName;
};

/** One daily level of a volatility index (VIX, VIX9D, VIX3M, VIX6M, VVIX, SKEW, DVOL_BTC, DVOL_ETH), in index points. */
export type IndexLevelRow = {
  index: string;
  date: string;
  open: number; // NaN where the source publishes closes only
  high: number;
  low: number;
  close: number;
  source: SourceName;
};

/** "C" call, "P" put. */
export type OptionRight = "C" | "P";

/** One option contract's quote at a snapshot time. Vendor IV/greeks are kept as reported (NaN when absent). */
export type OptionQuoteRow = {
  underlying: string;
  symbol: string; // OCC-style, e.g. SPY230914C00450000
  expiry: string; // "YYYY-MM-DD"
  strike: number;
  right: OptionRight;
  bid: number;
  ask: number;
  last: number;
  volume: number;
  openInterest: number;
  vendorIv: number; // decimal; NaN when the vendor has none
  vendorDelta: number;
  vendorGamma: number;
  underlyingPrice: number;
  asOfMs: number;
  source: SourceName;
};

/** One macro/sentiment observation: Fear & Greed score, a Polymarket probability, a DVOL print. */
export type MacroRow = {
  series: string; // e.g. "FearGreed", "Polymarket_Recession_Prob", "DVOL_BTC"
  asOfMs: number;
  value: number;
  unit: "score0to100" | "prob" | "volPct" | "ratio";
  source: SourceName;
  label: string; // human text, e.g. the market question
};

/** Metadata written beside every snapshot so a page can say where, when and how fresh. */
export type SnapshotMeta = {
  dataset: string;
  source: SourceName;
  asOf: string; // ISO-8601 ending in Z
  rows: number;
  demo: boolean;
  stale: boolean; // true when the live fetch failed and this is the last good snapshot
  staleReason?: string;
};

/** One scheduled earnings report of a single name; the move lands on the next session after "after-close". */
export type EarningsDateRow = {
  symbol: string;
  date: string; // "YYYY-MM-DD", the report day
  session: "before-open" | "after-close";
  confirmed: boolean; // false for dates projected from the usual cadence
  source: SourceName;
};
