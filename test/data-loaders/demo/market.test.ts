import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {generateDemoMarket, type DemoMarket} from "../../../data-loaders/demo/market.js";
import type {OptionQuoteRow} from "../../../lib/rows.js";
import {hasSharedData, sharedDataPath} from "../../helpers/sharedData.js";

let market: DemoMarket;
beforeAll(() => {
  market = generateDemoMarket({seed: 1, asOf: "2026-11-20"});
});

const finite = (x: unknown) => typeof x === "number" && Number.isFinite(x);

describe("generateDemoMarket: datasets and schemas", () => {
  it("labels every row and every SnapshotMeta as demo", () => {
    for (const [name, rows] of Object.entries(market.datasets)) {
      expect(rows.length, name).toBeGreaterThan(0);
      expect((rows as {source: string}[]).every((r) => r.source === "demo"), name).toBe(true);
      const meta = market.meta[name as keyof DemoMarket["meta"]];
      expect(meta).toMatchObject({dataset: name, source: "demo", demo: true, stale: false, rows: rows.length});
      expect(meta.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });
  it("writes consistent OHLC bars with >= 5 years for every watchlist symbol", () => {
    const bySymbol = new Map<string, number>();
    for (const b of market.datasets.ohlc) {
      bySymbol.set(b.symbol, (bySymbol.get(b.symbol) ?? 0) + 1);
      if (!(finite(b.open) && finite(b.close) && b.low > 0 && b.high >= Math.max(b.open, b.close) && b.low <= Math.min(b.open, b.close) && b.volume >= 0))
        throw new Error(`bad bar ${JSON.stringify(b)}`);
    }
    for (const s of ["SPY", "QQQ", "IWM", "XLF", "XLE", "XLK", "AAPL", "MSFT", "NVDA", "TSLA"]) expect(bySymbol.get(s)!).toBeGreaterThan(5 * 250);
    expect(bySymbol.get("BTC")!).toBeGreaterThan(5 * 365);
  });
  it("gives the VIX family (VVIX/SKEW close-only, NaN open as CBOE publishes) and DVOL", () => {
    const names = new Set(market.datasets["index-levels"].map((r) => r.index));
    expect([...names].sort()).toEqual(["DVOL_BTC", "DVOL_ETH", "SKEW", "VIX", "VIX3M", "VIX9D", "VVIX"]);
    for (const r of market.datasets["index-levels"]) {
      expect(finite(r.close) && r.close > 0).toBe(true);
      if (r.index === "VVIX" || r.index === "SKEW") expect(Number.isNaN(r.open)).toBe(true);
      else expect(r.high >= Math.max(r.open, r.close) && r.low <= Math.min(r.open, r.close)).toBe(true);
    }
    const vix = market.datasets["index-levels"].filter((r) => r.index === "VIX");
    const vix3m = new Map(market.datasets["index-levels"].filter((r) => r.index === "VIX3M").map((r) => [r.date, r.close]));
    const contango = vix.filter((r) => vix3m.get(r.date)! > r.close).length / vix.length;
    expect(contango).toBeGreaterThan(0.75); // contango most days
  });
  it("bumps IV30 before earnings and crushes it after", () => {
    const aapl = market.datasets["iv-history"].filter((r) => r.index === "IV30_AAPL");
    const report = market.datasets.earnings.find((e) => e.symbol === "AAPL" && e.date >= "2026-07-01")!; // 2026-07-28
    const at = (date: string) => aapl.find((r) => r.date === date)!.close;
    const after = aapl[aapl.findIndex((r) => r.date === report.date) + 1].date;
    expect(at(report.date)).toBeGreaterThan(at(after) + 3); // a 4% move over 30 days adds ~8 vol points
  });
  it("has earnings dates for the single names only", () => {
    expect([...new Set(market.datasets.earnings.map((e) => e.symbol))].sort()).toEqual(["AAPL", "MSFT", "NVDA", "TSLA"]);
  });
  it("has macro series in their units", () => {
    const series = new Set(market.datasets.macro.map((r) => r.series));
    for (const s of ["FearGreed", "Polymarket_Recession_Prob", "Polymarket_RateCut_Prob", "Polymarket_Inflation_Prob", "DVOL_BTC", "DVOL_ETH"]) expect(series).toContain(s);
    for (const r of market.datasets.macro) {
      if (r.unit === "prob") expect(r.value >= 0 && r.value <= 1).toBe(true);
      if (r.unit === "score0to100") expect(r.value >= 0 && r.value <= 100).toBe(true);
    }
  });
});

describe("generateDemoMarket: option chains", () => {
  let chain: OptionQuoteRow[];
  beforeAll(() => {
    chain = market.datasets["option-chains"];
  });
  it("quotes every watchlist underlying, weeklies to ~1 year, with sane quotes", () => {
    expect(new Set(chain.map((q) => q.underlying)).size).toBe(12);
    const spyExpiries = [...new Set(chain.filter((q) => q.underlying === "SPY").map((q) => q.expiry))].sort();
    expect(spyExpiries[0]).toBe("2026-11-27");
    expect(spyExpiries.at(-1)! > "2027-09-01").toBe(true);
    for (const q of chain) {
      const ok =
        q.bid >= 0 && q.bid <= q.ask && q.last >= q.bid && q.last <= q.ask && finite(q.vendorIv) && q.vendorIv > 0 &&
        finite(q.vendorDelta) && finite(q.vendorGamma) && Number.isInteger(q.openInterest) && Number.isInteger(q.volume);
      if (!ok) throw new Error(`bad quote ${JSON.stringify(q)}`);
    }
    expect(chain.find((q) => q.underlying === "SPY")!.symbol).toMatch(/^SPY\d{6}[CP]\d{8}$/);
    expect(chain.find((q) => q.underlying === "BTC")!.symbol).toMatch(/^BTC-\d{1,2}[A-Z]{3}\d{2}-\d+-[CP]$/);
  });
  it("has no static arbitrage: call mids fall and are convex in strike; put mids rise", () => {
    const groups = new Map<string, OptionQuoteRow[]>();
    for (const q of chain) {
      const key = `${q.underlying}|${q.expiry}|${q.right}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(q);
    }
    for (const [key, rows] of groups) {
      rows.sort((a, b) => a.strike - b.strike);
      const mid = rows.map((q) => (q.bid + q.ask) / 2);
      const call = key.endsWith("C");
      for (let i = 1; i < rows.length; i++) {
        const tol = 0.5 * (rows[i].ask - rows[i].bid + rows[i - 1].ask - rows[i - 1].bid); // quotes are rounded to the tick
        if (call ? mid[i] > mid[i - 1] + tol : mid[i] < mid[i - 1] - tol) throw new Error(`${key}: not monotonic at ${rows[i].strike}`);
        const equalSpacing = i + 1 < rows.length && Math.abs(rows[i + 1].strike - 2 * rows[i].strike + rows[i - 1].strike) < 1e-9;
        if (equalSpacing) {
          // butterfly C(K-h) - 2C(K) + C(K+h) >= 0 (a non-negative density), up to the tick rounding of three quotes
          const fly = mid[i - 1] - 2 * mid[i] + mid[i + 1];
          if (fly < -(rows[i].ask - rows[i].bid) - tol) throw new Error(`${key}: butterfly ${fly} < 0 at ${rows[i].strike}`);
        }
      }
    }
  });
  it("satisfies the American put-call parity bounds (SPY, 2027-01-15)", () => {
    // Hull, Options Futures and Other Derivatives (10th ed.), §11.4 with a dividend yield q:
    // S e^{-qT} - K <= C - P <= S - K e^{-rT}; quotes are rounded to the tick, so allow half of both spreads
    const rows = chain.filter((q) => q.underlying === "SPY" && q.expiry === "2027-01-15");
    const S = rows[0].underlyingPrice;
    const T = (Date.UTC(2027, 0, 15, 21) - rows[0].asOfMs) / (365 * 86_400_000);
    let checked = 0;
    for (const c of rows.filter((q) => q.right === "C" && Math.abs(q.strike / S - 1) < 0.1)) {
      const p = rows.find((q) => q.right === "P" && q.strike === c.strike)!;
      const diff = (c.bid + c.ask) / 2 - (p.bid + p.ask) / 2;
      const tol = 0.5 * (c.ask - c.bid + p.ask - p.bid);
      expect(diff).toBeGreaterThanOrEqual(S * Math.exp(-0.012 * T) - c.strike - tol);
      expect(diff).toBeLessThanOrEqual(S - c.strike * Math.exp(-0.04 * T) + tol);
      // and close to European parity: the early-exercise premium of these puts is well under 1% of spot
      expect(Math.abs(diff - (S * Math.exp(-0.012 * T) - c.strike * Math.exp(-0.04 * T)))).toBeLessThan(0.01 * S);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
  it("has a put skew and an ATM term structure from the demo vol state", () => {
    const slice = chain.filter((q) => q.underlying === "SPY" && q.expiry === "2027-01-15" && q.right === "P");
    const S = slice[0].underlyingPrice;
    const near = (k: number) => slice.reduce((b, q) => (Math.abs(q.strike - k) < Math.abs(b.strike - k) ? q : b));
    expect(near(0.9 * S).vendorIv).toBeGreaterThan(near(S).vendorIv + 0.02);
  });
});

describe("generateDemoMarket: the multi-broker book", () => {
  it("keeps one limit of the as-of regime close to breaking (80-100% used)", () => {
    const {utilisation} = market.summary.bookRisk;
    const used = Math.max(utilisation.vega, utilisation.gamma, utilisation.betaDelta);
    expect(used).toBeGreaterThan(0.8);
    expect(used).toBeLessThanOrEqual(1);
  });
  it("holds the advertised structures, some expiring within a week", () => {
    const strategies = new Set(market.summary.legs.map((l) => l.strategy));
    for (const s of ["SPY iron condor", "QQQ short strangle", "IWM put credit spread", "NVDA jade lizard", "SPY call calendar", "AAPL stock", "BTC short put"])
      expect(strategies).toContain(s);
    expect(market.summary.legs.some((l) => l.quote && l.quote.expiry <= "2026-11-27")).toBe(true);
  });
  it("writes IBKR, Tastytrade and Deribit payloads with the vendor fields of the real samples", () => {
    const keysOf = (o: object) => Object.keys(o).sort();
    const ibkrDoc = hasSharedData()
      ? keysOf(JSON.parse(readFileSync(sharedDataPath("api_samples/ibkr/portfolio_positions_page0_doc_example.json"), "utf8"))[0])
      : null;
    for (const item of market.raw.ibkrPositions) {
      if (ibkrDoc) expect(keysOf(item)).toEqual(ibkrDoc);
      expect(item.acctId).toBe("DEMO0001");
    }
    const option = market.raw.ibkrPositions.find((p) => p.assetClass === "OPT")!;
    expect(option.contractDesc).toMatch(/^[A-Z]+ [A-Z]{3}\d{4} [\d.]+ [CP] \[[A-Z]+ \d{6}[CP]\d{8} 100\]$/);
    expect(typeof option.strike).toBe("string");

    const tasty = market.raw.tastytradePositions as {data: {items: Record<string, unknown>[]}; context: string};
    expect(tasty.context).toBe("/accounts/DEMO0002/positions");
    const tastyOption = tasty.data.items.find((i) => i["instrument-type"] === "Equity Option")!;
    if (hasSharedData()) {
      const rivn = JSON.parse(readFileSync(sharedDataPath("api_samples/tastytrade/positions_short_put_rivn_2023-05-24.json"), "utf8")).data.items[0];
      expect(keysOf(tastyOption)).toEqual(keysOf(rivn));
    }
    expect(tastyOption.symbol).toMatch(/^[A-Z ]{6}\d{6}[CP]\d{8}$/);
    expect(typeof tastyOption["average-open-price"]).toBe("string");
    expect(tasty.data.items.some((i) => i["instrument-type"] === "Equity")).toBe(true);

    const deribit = market.raw.deribitPositions as {jsonrpc: string; result: Record<string, unknown>[]};
    expect(deribit.jsonrpc).toBe("2.0");
    const perp = deribit.result.find((r) => r.kind === "future")!;
    if (hasSharedData()) {
      const doc = JSON.parse(readFileSync(sharedDataPath("api_samples/deribit/get_positions_doc_example.json"), "utf8")).result[0];
      expect(keysOf(perp)).toEqual(keysOf(doc));
    }
    const opt = deribit.result.find((r) => r.kind === "option")!;
    for (const k of ["gamma", "vega", "theta", "average_price_usd", "floating_profit_loss_usd", "size", "direction", "mark_price"]) expect(opt).toHaveProperty(k);
    expect(deribit.result.some((r) => r.kind === "option" && (r.size as number) < 0 && r.direction === "sell")).toBe(true);
  });
  it("writes Polymarket Gamma markets with JSON-encoded outcome strings", () => {
    for (const m of market.raw.polymarketGammaMarkets) {
      const prices = JSON.parse(m.outcomePrices as string) as string[];
      expect(JSON.parse(m.outcomes as string)).toEqual(["Yes", "No"]);
      expect(Number(prices[0]) + Number(prices[1])).toBeCloseTo(1, 9);
      expect(m.description).toMatch(/DEMO DATA/);
    }
  });
});
