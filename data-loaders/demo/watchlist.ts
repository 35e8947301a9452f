import {readFileSync} from "node:fs";
import type {ConfigRule} from "../../lib/config/configError.js";
import {yamlLocator, type YamlPath} from "../../lib/config/yamlLocator.js";

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

const ENTRY_KEYS = ["symbol", "kind", "demo", "earnings"];
const EARNINGS_KEYS = ["months", "day", "session", "movePct"];

/**
 * Returns the validated watchlist from YAML text; throws ConfigError located to the line and column,
 * e.g. `config/watchlist.yaml:17:52 symbols[2].demo.beta: expected a finite number >= 0, got "high"`.
 */
export function parseWatchlist(text: string, file = "watchlist.yaml"): Watchlist {
  const located = yamlLocator(text, file);
  const fail: Fail = located.fail; // an explicit type, so calls narrow like assertions
  const value = located.value;
  const doc = value as {anchorDate?: unknown; symbols?: unknown; version?: unknown} | null;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) fail([], "wrong-type", "expected a mapping with anchorDate and symbols");
  checkKeys(doc, ["version", "anchorDate", "symbols"], [], fail);
  if (typeof doc.anchorDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(doc.anchorDate))
    fail(["anchorDate"], "wrong-type", `expected "YYYY-MM-DD", got ${JSON.stringify(doc.anchorDate)}`);
  if (!Array.isArray(doc.symbols) || doc.symbols.length === 0) fail(["symbols"], "wrong-type", "expected a non-empty list");
  const seen = new Set<string>();
  const symbols = (doc.symbols as unknown[]).map((raw, i): WatchlistEntry => {
    const at = (...rest: (string | number)[]) => ["symbols", i, ...rest];
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) fail(at(), "wrong-type", "expected a mapping");
    const item = raw as Record<string, unknown>;
    checkKeys(item, ENTRY_KEYS, at(), fail);
    if (typeof item.symbol !== "string" || !/^[A-Z][A-Z0-9.]{0,9}$/.test(item.symbol))
      fail(at("symbol"), "wrong-type", `expected an upper-case ticker, got ${JSON.stringify(item.symbol)}`);
    if (seen.has(item.symbol as string)) fail(at("symbol"), "duplicate", `${item.symbol} is listed twice`);
    seen.add(item.symbol as string);
    if (item.kind !== "etf" && item.kind !== "stock" && item.kind !== "crypto")
      fail(at("kind"), "invalid-value", `expected etf, stock or crypto, got ${JSON.stringify(item.kind)}`);
    if (item.demo === null || typeof item.demo !== "object") fail(at("demo"), "missing-key", "expected the demo parameters");
    const demoRaw = item.demo as Record<string, unknown>;
    checkKeys(demoRaw, DEMO_FIELDS, at("demo"), fail);
    const demo = {} as DemoSymbolParams;
    for (const field of DEMO_FIELDS) {
      const v = demoRaw[field];
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
        fail(at("demo", field), "wrong-type", `expected a finite number >= 0, got ${JSON.stringify(v)}`);
      demo[field] = v as number;
    }
    if (!(demo.anchorPrice > 0)) fail(at("demo", "anchorPrice"), "out-of-range", "must be > 0");
    const entry: WatchlistEntry = {symbol: item.symbol as string, kind: item.kind as WatchlistEntry["kind"], demo};
    if (item.earnings !== undefined) {
      if (item.earnings === null || typeof item.earnings !== "object") fail(at("earnings"), "wrong-type", "expected a mapping");
      const e = item.earnings as Record<string, unknown>;
      checkKeys(e, EARNINGS_KEYS, at("earnings"), fail);
      const months = e.months;
      if (!Array.isArray(months) || !months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12))
        fail(at("earnings", "months"), "invalid-value", "expected a list of months 1-12");
      if (!Number.isInteger(e.day) || (e.day as number) < 1 || (e.day as number) > 28)
        fail(at("earnings", "day"), "out-of-range", `expected a day 1-28, got ${JSON.stringify(e.day)}`);
      if (e.session !== "before-open" && e.session !== "after-close")
        fail(at("earnings", "session"), "invalid-value", `expected before-open or after-close, got ${JSON.stringify(e.session)}`);
      if (typeof e.movePct !== "number" || !(e.movePct > 0))
        fail(at("earnings", "movePct"), "out-of-range", `expected a number > 0, got ${JSON.stringify(e.movePct)}`);
      entry.earnings = {
        months: months as number[],
        day: e.day as number,
        session: e.session as EarningsCadence["session"],
        movePct: e.movePct as number
      };
    }
    return entry;
  });
  if (!symbols.some((s) => s.symbol === "SPY")) fail(["symbols"], "missing-key", "SPY is required (the market factor)");
  return {anchorDate: doc.anchorDate as string, symbols};
}

type Fail = (path: YamlPath, rule: ConfigRule, detail: string) => never;

function checkKeys(object: object, allowed: readonly string[], at: YamlPath, fail: Fail) {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) fail([...at, key], "unknown-key", `unknown key "${key}"; expected one of ${allowed.join(", ")}`);
  }
}
