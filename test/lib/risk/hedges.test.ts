import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {parseCboeQuotedata} from "../../../lib/io/cboeQuotedata.js";
import type {RegimeLimits} from "../../../lib/regime/riskMatrix.js";
import {aggregateGreeks, GREEK_KEYS} from "../../../lib/risk/aggregate.js";
import {spyPutCandidates} from "../../../lib/risk/hedgeCandidates.js";
import {suggestHedges} from "../../../lib/risk/hedges.js";
import {checkLimits, limitRoom, LIMIT_SPECS} from "../../../lib/risk/limits.js";
import {recognizeStrategies} from "../../../lib/strategies/recognize.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";
import {referenceSuggestHedges} from "./hedgesReferenceScan.js";
import {position} from "./positionFixture.js";

const NEUTRAL: RegimeLimits = {maxBetaDelta: 300, maxNegativeVega: -1200, minDailyTheta: 300, maxGamma: 35, allowedStrategies: ["Iron Condors", "Strangles", "Credit Spreads"]};

function run(positions: ReturnType<typeof position>[], limits = NEUTRAL, extra = {}) {
  const groups = recognizeStrategies(positions);
  const totals = aggregateGreeks(positions, {asOfDate: "2024-06-01", groups}).portfolio;
  const report = checkLimits(totals, groups, limits);
  return {totals, report, suggestions: suggestHedges(positions, totals, report, limits, groups, {spySpot: 500, spxSpot: 5010, asOfDate: "2024-06-01", ...extra})};
}

describe("suggestHedges", () => {
  it("hedges delta with SPY shares, /MES and /ES sized from the SPX/SPY ratio", () => {
    // 460 SPY-share eq. long: 300 allowed
    const book = [position({symbol: "QQQ", instrumentType: "Equity", right: null, strike: null, expiry: null, underlying: "QQQ", quantity: 400, multiplier: 1, betaDelta: 460, betaGamma: 0, vegaPerVolPt: 0, thetaPerDay: 400})];
    const {suggestions} = run(book);
    const by = Object.fromEntries(suggestions.map((s) => [s.method, s]));
    expect(by["SPY shares"].trades[0].quantity).toBe(-460);
    expect(by["SPY shares"].after.betaDelta).toBe(0);
    // /MES: 5 x 5010/500 = 50.1 SPY-share eq. per contract; -9 contracts -> 460 - 450.9 = 9.1
    expect(by["/MES"].trades[0].quantity).toBe(-9);
    expect(by["/MES"].after.betaDelta).toBeCloseTo(9.1, 9);
    // /ES: 501 per contract; -1 -> -41, inside 300
    expect(by["/ES"]).toMatchObject({resolves: true});
    expect(by["/ES"].after.betaDelta).toBeCloseTo(-41, 9);
  });

  it("closes the shortest-dated contributing shorts for a vega breach, only as many contracts as needed", () => {
    const book = [
      position({symbol: "A", expiry: "2024-07-19", quantity: -10, vegaPerVolPt: -800, thetaPerDay: 200, betaDelta: 0, betaGamma: 0}),
      position({symbol: "B", expiry: "2024-06-21", quantity: -10, vegaPerVolPt: -600, thetaPerDay: 200, betaDelta: 0, betaGamma: 0}),
      position({symbol: "C", expiry: "2024-06-14", quantity: 2, vegaPerVolPt: 50, thetaPerDay: -10, betaDelta: 0, betaGamma: 0})
    ];
    // vega -1350 vs floor -1200: 150 over; B (earliest short) has -60 per contract: close 3 -> -1170
    const s = run(book).suggestions.find((x) => x.target === "maxNegativeVega")!;
    expect(s.trades).toEqual([{symbol: "B", underlying: "SPY", instrumentType: "Option", quantity: 3, action: "close", note: "ibkr 2024-06-21"}]);
    expect(s.after.vegaPerVolPt).toBeCloseTo(-1170, 9);
    expect(s.after.thetaPerDay).toBeCloseTo(390 - 60, 9);
    expect(s.resolves).toBe(true);
    expect(s.newBreaches).toEqual([]);
  });

  it("says which other limit a hedge would break", () => {
    // a short book at delta -280 (inside 300) and vega -1300 (100 past the -1200 floor): buying back 2 of the shorts
    // cures vega and moves delta toward zero; buying SPY puts (-40 delta each) pushes delta past the cap
    const book = [position({symbol: "SP", expiry: "2024-06-14", quantity: -10, betaDelta: -280, betaGamma: 0, vegaPerVolPt: -1300, thetaPerDay: 400})];
    const put = position({symbol: "SPYP", right: "P", expiry: "2024-07-19", quantity: 1, price: 5, betaDelta: -40, betaGamma: 1.2, vegaPerVolPt: 55, thetaPerDay: -9});
    const {suggestions} = run(book, NEUTRAL, {putCandidates: [put]});
    const buy = suggestions.find((x) => x.method === "buy SPY puts")!;
    // 100 over / 55 per put = 2 puts: delta -280 - 80 = -360 breaks |delta| <= 300
    expect(buy.trades[0].quantity).toBe(2);
    expect(buy.newBreaches).toEqual(["maxBetaDelta"]);
    expect(suggestions.find((x) => x.method === "close shortest-dated")!.newBreaches).toEqual([]);
  });

  it("lists disallowed strategies for closing with the aggregates after", () => {
    const book = [position({symbol: "P", quantity: -1, betaDelta: 10, vegaPerVolPt: -30, thetaPerDay: 400})]; // naked short put
    const s = run(book).suggestions.find((x) => x.target === "allowedStrategies")!;
    expect(s.trades[0]).toMatchObject({symbol: "P", quantity: 1, action: "close"});
    expect(s.after).toMatchObject({betaDelta: 0, vegaPerVolPt: 0, thetaPerDay: 0});
  });

  it("property: every suggestion reduces its breach and no aggregate is NaN", () => {
    const greek = fc.oneof(fc.double({min: -2000, max: 2000, noNaN: true}), fc.constant(NaN));
    const row = fc.record({
      betaDelta: greek, betaGamma: fc.double({min: -60, max: 60, noNaN: true}), vegaPerVolPt: greek, thetaPerDay: greek,
      q: fc.integer({min: -20, max: 20}).filter((q) => q !== 0), day: fc.integer({min: 1, max: 28}), right: fc.constantFrom("C" as const, "P" as const), strike: fc.integer({min: 380, max: 460})
    });
    const candidates = [position({symbol: "SPYP", right: "P", expiry: "2024-07-19", quantity: 1, price: 5, betaDelta: -40, betaGamma: 1.2, vegaPerVolPt: 55, thetaPerDay: -9})];
    const limits = fc.record({maxBetaDelta: fc.constantFrom(0, 100, 300, 600), maxNegativeVega: fc.constantFrom(0, -500, -2500), minDailyTheta: fc.constantFrom(0, 100, 600), maxGamma: fc.constantFrom(10, 20, 50)});
    fc.assert(
      fc.property(fc.array(row, {minLength: 1, maxLength: 12}), limits, (rows, l) => {
        const book = rows.map((r, i) => position({...r, symbol: `S${i}`, quantity: r.q, expiry: `2024-06-${String(r.day).padStart(2, "0")}`}));
        const lim = {...l, allowedStrategies: ["Strangles"]};
        const {totals, suggestions} = run(book, lim, {putCandidates: candidates});
        for (const s of suggestions) {
          for (const k of GREEK_KEYS) expect(Number.isFinite(s.after[k])).toBe(true);
          if (s.target === "allowedStrategies") continue;
          const g = LIMIT_SPECS[s.target].greek;
          const excess = (t: typeof totals) => Math.max(0, -limitRoom(s.target as keyof typeof LIMIT_SPECS, t[g], lim[s.target as keyof typeof LIMIT_SPECS] as number));
          expect(excess(s.after)).toBeLessThan(excess(totals));
          if (s.resolves) expect(excess(s.after)).toBeLessThanOrEqual(1e-9);
        }
      }),
      {numRuns: 300}
    );
  });
});

describeWithSharedData("SPY put hedges from the real CBOE chain (2023-09-14 16:31 EDT)", () => {
  const chain = parseCboeQuotedata(readSharedText("options/spy_quotedata_2023-09-14.csv"), {file: "spy_quotedata_2023-09-14.csv"});
  const market = {asOfMs: chain.underlying.asOfMs, spySpot: 450.36, rate: 0.053};
  const candidates = spyPutCandidates(chain.quotes, market);
  it("computes candidate greeks from CBOE's IV, close to CBOE's own delta", () => {
    const put = candidates.find((p) => p.expiry === "2023-10-20" && p.strike === 440)!;
    const quote = chain.quotes.find((q) => q.symbol === put.symbol)!;
    expect(put.iv).toBe(quote.vendorIv);
    expect(put.unitDelta).toBeCloseTo(quote.vendorDelta, 1); // CBOE's model/rates differ slightly: 0.05 tolerance
    expect(put.betaDelta).toBeCloseTo(put.unitDelta * 100, 9);
  });
  it("buys puts to cure a short-vega breach", () => {
    const book = [position({symbol: "SHORT", expiry: "2023-09-22", quantity: -30, betaDelta: 0, betaGamma: 0, vegaPerVolPt: -2000, thetaPerDay: 900})];
    const groups = recognizeStrategies(book);
    const totals = aggregateGreeks(book, {asOfDate: "2023-09-14", groups}).portfolio;
    const report = checkLimits(totals, groups, NEUTRAL);
    const s = suggestHedges(book, totals, report, NEUTRAL, groups, {spySpot: 450.36, putCandidates: candidates, asOfDate: "2023-09-14"}).find((x) => x.method === "buy SPY puts")!;
    expect(s.resolves).toBe(true);
    expect(s.after.vegaPerVolPt).toBeGreaterThanOrEqual(-1200);
    expect(s.trades[0].quantity).toBeGreaterThan(0);
  });
});

// Issue 7: a what-if on 10,000 positions must fit one animation frame, so suggestHedges indexes the book instead of
// scanning it per breach and per disallowed group. These tests hold the indexed suggestHedges to the
// straightforward scan in hedgesReferenceScan.ts (the pre-index implementation), field for field and bit for bit.

// high_volatility in config/risk_matrix.yaml: iron condors, credit spreads and naked shorts are not allowed
const HIGH: RegimeLimits = {maxBetaDelta: 100, maxNegativeVega: -2500, minDailyTheta: 600, maxGamma: 20, allowedStrategies: ["Ratio Backspreads", "Short Strangles (Managed)", "Jade Lizards"]};

describe("issue 7: suggestHedges equals the straightforward scan", () => {
  it("on a book with numeric and strategy breaches, several accounts sharing symbols", () => {
    const positions = [];
    for (let a = 0; a < 6; ++a) {
      const account = `U${a}`;
      positions.push(
        position({account, symbol: `P400-${a % 2}`, strike: 400, quantity: -3, betaDelta: 60, betaGamma: -4, vegaPerVolPt: -300, thetaPerDay: 20}),
        position({account, symbol: `P390-${a % 2}`, strike: 390, quantity: 3, betaDelta: -30, betaGamma: 2, vegaPerVolPt: 200, thetaPerDay: -12}),
        position({account, symbol: `C450-${a}`, right: "C", strike: 450, quantity: -2, betaDelta: -40, betaGamma: -3, vegaPerVolPt: -150, thetaPerDay: 15, expiry: "2024-05-24"})
      );
    }
    const groups = recognizeStrategies(positions);
    const totals = aggregateGreeks(positions, {asOfDate: "2024-05-17", groups}).portfolio;
    const report = checkLimits(totals, groups, HIGH);
    expect(report.breaches.length).toBeGreaterThan(0);
    expect(report.strategyBreaches.length).toBeGreaterThan(6);
    const options = {spySpot: 500, asOfDate: "2024-05-17"};
    const all = suggestHedges(positions, totals, report, HIGH, groups, options);
    expect(all).toEqual(referenceSuggestHedges(positions, totals, report, HIGH, groups, options));
    // a page that shows a few rows asks for a few close-outs: the limit hedges, then the first 3 disallowed groups
    const capped = suggestHedges(positions, totals, report, HIGH, groups, {...options, maxStrategySuggestions: 3});
    const limitHedges = all.filter((x) => x.target !== "allowedStrategies");
    expect(limitHedges.length).toBeGreaterThan(0);
    expect(capped).toEqual([...limitHedges, ...all.filter((x) => x.target === "allowedStrategies").slice(0, 3)]);
  });

  it("on random books with repeated symbols, equal exposures and unknown greeks (property)", () => {
    const greek = fc.oneof(fc.integer({min: -40, max: 40}).map((x) => x * 25), fc.constant(NaN));
    const row = fc.record({
      account: fc.constantFrom("U1", "U2", "U3"), symbol: fc.constantFrom("A", "B", "C", "D"), right: fc.constantFrom("C" as const, "P" as const),
      q: fc.integer({min: -5, max: 5}).filter((q) => q !== 0), day: fc.constantFrom(7, 14, 21),
      betaDelta: greek, betaGamma: fc.integer({min: -8, max: 8}), vegaPerVolPt: greek, thetaPerDay: greek
    });
    const put = position({symbol: "SPYP", right: "P", expiry: "2024-07-19", quantity: 1, price: 5, betaDelta: -40, betaGamma: 1.2, vegaPerVolPt: 55, thetaPerDay: -9});
    const limits = fc.record({maxBetaDelta: fc.constantFrom(0, 100, 300), maxNegativeVega: fc.constantFrom(0, -500), minDailyTheta: fc.constantFrom(0, 100), maxGamma: fc.constantFrom(5, 20)});
    fc.assert(
      fc.property(fc.array(row, {minLength: 1, maxLength: 16}), limits, (rows, l) => {
        const book = rows.map((r) => position({...r, strike: 400 + r.symbol.charCodeAt(0), quantity: r.q, expiry: `2024-06-${String(r.day).padStart(2, "0")}`}));
        const lim = {...l, allowedStrategies: ["Strangles"]};
        const groups = recognizeStrategies(book);
        const totals = aggregateGreeks(book, {asOfDate: "2024-06-01", groups}).portfolio;
        const report = checkLimits(totals, groups, lim);
        const options = {spySpot: 500, putCandidates: [put], asOfDate: "2024-06-01"};
        expect(suggestHedges(book, totals, report, lim, groups, options)).toEqual(referenceSuggestHedges(book, totals, report, lim, groups, options));
      }),
      {numRuns: 300}
    );
  });
});
