import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {aggregateGreeks, daysToExpiry, expiryBucket, GREEK_KEYS} from "../../../lib/risk/aggregate.js";
import {recognizeStrategies} from "../../../lib/strategies/recognize.js";
import {position} from "./positionFixture.js";


describe("expiry buckets", () => {
  it("counts calendar days and buckets 0-7, 8-30, 31-60, 60+", () => {
    expect(daysToExpiry("2024-03-11", "2024-03-09")).toBe(2); // across the US DST switch: still 2 days
    expect([7, 8, 30, 31, 60, 61, -3].map((d) => expiryBucket(new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), "2024-01-01"))).toEqual(["0-7", "8-30", "8-30", "31-60", "31-60", "60+", "0-7"]);
    expect(expiryBucket(null, "2024-01-01")).toBe("none");
  });
});

describe("aggregateGreeks", () => {
  const book = [
    position({symbol: "P400", strike: 400}),
    position({symbol: "C450", right: "C", strike: 450, betaDelta: -15}),
    position({symbol: "QQQ", underlying: "QQQ", instrumentType: "Equity", right: null, strike: null, expiry: null, quantity: 10, multiplier: 1, betaDelta: 12, betaGamma: 0, vegaPerVolPt: 0, thetaPerDay: 0}),
    position({symbol: "BTC-X", broker: "deribit", underlying: "BTC", expiry: "2024-09-27", betaDelta: NaN, betaGamma: NaN, vegaPerVolPt: -50, thetaPerDay: 20})
  ];
  const agg = aggregateGreeks(book, {asOfDate: "2024-06-01", groups: recognizeStrategies(book)});
  it("sums finite greeks and counts the missing ones", () => {
    expect(agg.portfolio).toMatchObject({betaDelta: 7, betaGamma: -4, vegaPerVolPt: -110, thetaPerDay: 36, positions: 4});
    expect(agg.portfolio.missing).toEqual({betaDelta: 1, betaGamma: 1, vegaPerVolPt: 0, thetaPerDay: 0});
    expect(agg.portfolio.missingSymbols).toEqual(["BTC-X"]);
  });
  it("splits by broker, underlying, bucket and recognised strategy", () => {
    expect(agg.byBroker.ibkr.betaDelta).toBe(7);
    expect(agg.byUnderlying.SPY).toMatchObject({betaDelta: -5, positions: 2});
    expect(agg.byExpiryBucket["8-30"].positions).toBe(2);
    expect(agg.byExpiryBucket["60+"].positions).toBe(1);
    expect(agg.byExpiryBucket.none.betaDelta).toBe(12);
    expect(agg.byStrategy["short strangle"]).toMatchObject({betaDelta: -5, vegaPerVolPt: -60});
    expect(agg.byStrategy.stock.betaDelta).toBe(12);
    expect(agg.byStrategy["short put"].missing.betaDelta).toBe(1);
  });
  it("never returns NaN, whatever the inputs", () => {
    const num = fc.oneof(fc.double({min: -1e6, max: 1e6, noNaN: true}), fc.constant(NaN), fc.constant(Infinity));
    fc.assert(
      fc.property(fc.array(fc.record({betaDelta: num, betaGamma: num, vegaPerVolPt: num, thetaPerDay: num, q: fc.integer({min: -5, max: 5})}), {maxLength: 20}), (rows) => {
        const positions = rows.map((r, i) => position({...r, symbol: `S${i % 4}`, quantity: r.q || 1}));
        const a = aggregateGreeks(positions, {asOfDate: "2024-06-01", groups: recognizeStrategies(positions)});
        for (const totals of [a.portfolio, ...Object.values(a.byStrategy), ...Object.values(a.byExpiryBucket)]) {
          for (const key of GREEK_KEYS) expect(Number.isFinite(totals[key])).toBe(true);
        }
      }),
      {numRuns: 200}
    );
  });
});
