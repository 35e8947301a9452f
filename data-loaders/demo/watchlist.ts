import {readFileSync} from "node:fs";
import {parse} from "yaml";

/** Simulation parameters of one watchlist symbol (see config/watchlist.yaml for units). */
export type DemoSymbolParams = {
  beta: number;
  idioVol: number;
  divYield: number;
  anchorPrice: number;
  trendGrowth: number;
  strikeStep: number;
  spreadTicks: number;
  avgVolume: number;
};

/** Quarterly earnings cadence of a single name. */
export type EarningsCadence = {months: number[]; day: number; session: "before-open" | "after-close"; movePct: number};

/** One watchlist entry, validated. */
export type WatchlistEntry = {
  symbol: string;
  kind: "etf" | "stock" | "crypto";
  demo: DemoSymbolParams;
  earnings?: EarningsCadence;
};

/** The validated watchlist: `anchorDate` is the day the simulated prices are pulled towards `anchorPrice`. */
export type Watchlist = {anchorDate: string; symbols: WatchlistEntry[]};

/** A config file that fails validation; the CLI reports it with exit code 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const DEMO_FIELDS: (keyof DemoSymbolParams)[] = [
  "beta",
  "idioVol",
  "divYield",
  "anchorPrice",
  "trendGrowth",
  "strikeStep",
  "spreadTicks",
  "avgVolume"
];

/** Returns the watchlist read from a YAML file (default config/watchlist.yaml); throws ConfigError naming the field. */
export function loadWatchlist(path = new URL("../../config/watchlist.yaml", import.meta.url)): Watchlist {
  return parseWatchlist(readFileSync(path, "utf8"), String(path));
}

/** Returns the validated watchlist from YAML text; throws ConfigError("<file>: symbols[2].demo.beta: …"). */
export function parseWatchlist(text: string, file = "watchlist.yaml"): Watchlist {
  const doc = parse(text) as {anchorDate?: unknown; symbols?: unknown};
  const fail = (path: string, detail: string): never => {
    throw new ConfigError(`${file}: ${path}: ${detail}`);
  };
  if (typeof doc?.anchorDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(doc.anchorDate))
    fail("anchorDate", `expected "YYYY-MM-DD", got ${JSON.stringify(doc?.anchorDate)}`);
  if (!Array.isArray(doc.symbols) || doc.symbols.length === 0) fail("symbols", "expected a non-empty list");
  const symbols = (doc.symbols as unknown[]).map((raw, i): WatchlistEntry => {
    const item = raw as Record<string, unknown>;
    const path = `symbols[${i}]`;
    if (typeof item?.symbol !== "string" || !/^[A-Z][A-Z0-9.]{0,9}$/.test(item.symbol))
      fail(`${path}.symbol`, `expected an upper-case ticker, got ${JSON.stringify(item?.symbol)}`);
    if (item.kind !== "etf" && item.kind !== "stock" && item.kind !== "crypto")
      fail(`${path}.kind`, `expected etf, stock or crypto, got ${JSON.stringify(item.kind)}`);
    const demoRaw = (item.demo ?? {}) as Record<string, unknown>;
    const demo = {} as DemoSymbolParams;
    for (const field of DEMO_FIELDS) {
      const value = demoRaw[field];
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        fail(`${path}.demo.${field}`, `expected a finite number >= 0, got ${JSON.stringify(value)}`);
      demo[field] = value as number;
    }
    if (!(demo.anchorPrice > 0)) fail(`${path}.demo.anchorPrice`, "must be > 0");
    const entry: WatchlistEntry = {symbol: item.symbol as string, kind: item.kind as WatchlistEntry["kind"], demo};
    if (item.earnings !== undefined) {
      const e = item.earnings as Record<string, unknown>;
      const months = e.months;
      if (!Array.isArray(months) || !months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12))
        fail(`${path}.earnings.months`, "expected a list of months 1-12");
      if (!Number.isInteger(e.day) || (e.day as number) < 1 || (e.day as number) > 28)
        fail(`${path}.earnings.day`, `expected a day 1-28, got ${JSON.stringify(e.day)}`);
      if (e.session !== "before-open" && e.session !== "after-close")
        fail(`${path}.earnings.session`, `expected before-open or after-close, got ${JSON.stringify(e.session)}`);
      if (typeof e.movePct !== "number" || !(e.movePct > 0))
        fail(`${path}.earnings.movePct`, `expected a number > 0, got ${JSON.stringify(e.movePct)}`);
      entry.earnings = {
        months: months as number[],
        day: e.day as number,
        session: e.session as EarningsCadence["session"],
        movePct: e.movePct as number
      };
    }
    return entry;
  });
  if (!symbols.some((s) => s.symbol === "SPY")) fail("symbols", "SPY is required (the market factor)");
  return {anchorDate: doc.anchorDate as string, symbols};
}
