import {describe, expect, it} from "vitest";
import type {PositionLeg} from "../../../lib/positions/unifiedPosition.js";
import {buildRiskBook} from "../../../lib/risk/riskBook.js";

const leg = (over: Partial<PositionLeg>): PositionLeg => ({
  broker: "ibkr",
  account: "DEMO0001",
  symbol: "QQQ",
  instrumentType: "Equity",
  underlying: "QQQ",
  right: null,
  strike: null,
  expiry: null,
  quantity: 100,
  multiplier: 1,
  currency: "USD",
  price: 400,
  costBasis: 380,
  underlyingPrice: NaN,
  brokerDelta: NaN,
  brokerGamma: NaN,
  brokerVegaPerVolPt: NaN,
  brokerThetaPerDay: NaN,
  asOfMs: Date.parse("2026-11-20T21:00:00Z"),
  ...over
});

// 40 sessions from 2026-10-01 (one per calendar day, for simplicity); QQQ's log returns are exactly 2x SPY's,
// so its beta is 2 over any window. The close on 2026-11-03 (day 33) is 520; later ones must be ignored.
const dateOf = (i: number) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10);
const spyCloses = Array.from({length: 40}, (_, i) => ({date: dateOf(i), close: i === 33 ? 520 : 500 + 10 * Math.sin(i)}));
const qqqCloses = spyCloses.map(({date, close}) => ({date, close: 400 * (close / 500) ** 2}));

describe("buildRiskBook(legs, market)", () => {
  const book = buildRiskBook([leg({})], {
    closesByUnderlying: {SPY: spyCloses, QQQ: qqqCloses},
    asOfMs: Date.parse("2026-11-20T21:00:00Z"),
    asOfDate: "2026-11-03",
    betaWindowDays: 25
  });

  it("takes spots from the last close on or before the valuation day", () => {
    expect(book.spots.SPY).toBe(520);
    expect(book.spotDates.QQQ).toBe("2026-11-03");
    expect(book.spots.QQQ).toBeCloseTo(400 * (520 / 500) ** 2, 10);
  });

  it("beta-weights shares: 100 QQQ x beta 2 x S_QQQ / S_SPY SPY-share equivalents", () => {
    expect(book.betas.QQQ.beta).toBeCloseTo(2, 10);
    expect(book.positions[0].betaDelta).toBeCloseTo((100 * 2 * book.spots.QQQ) / 520, 8);
    expect(book.positions[0].strategyGroup).toBe(book.groups[0].id);
  });

  it("lets overrides win and refuses a book with no SPY price", () => {
    const overridden = buildRiskBook([leg({})], {
      asOfMs: 0,
      asOfDate: "2026-11-18",
      spots: {SPY: 600, QQQ: 500},
      betaOverrides: {QQQ: 1.2}
    });
    expect(overridden.positions[0].betaDelta).toBeCloseTo((100 * 1.2 * 500) / 600, 10);
    expect(() => buildRiskBook([leg({})], {asOfMs: 0, asOfDate: "2026-11-18"})).toThrow("no SPY price");
  });
});
