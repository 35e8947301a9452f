import {createRequire} from "node:module";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {easternWallTimeToMs} from "../../../lib/io/easternTime.js";
import {americanPrice} from "../../../lib/pricing/american.js";
import {black76Greeks} from "../../../lib/pricing/black76.js";
import {bsmGreeks} from "../../../lib/pricing/bsm.js";
import {prepareScenarioBook} from "../../../lib/risk/scenarioBook.js";
import {scenarioGrid} from "../../../lib/risk/scenarioGrid.js";
import {position} from "./positionFixture.js";

const require = createRequire(import.meta.url);
// independent peer (npm black-scholes 1.1.0): blackScholes(S, K, T, vol, r, "call" | "put"), no dividends
const peer = require("black-scholes") as {blackScholes(s: number, k: number, t: number, v: number, r: number, cp: string): number};

const AS_OF_MS = easternWallTimeToMs("2024-05-17", 16 * 60); // a Friday close; 2024-06-21 16:00 NY is 35 days on
const T_YEARS = 35 / 365;

/** An SPX option (European, Black-76 on the forward) */
const spx = (over = {}) => position({symbol: "SPXW", underlying: "SPX", right: "C", strike: 5300, expiry: "2024-06-21", quantity: 2, underlyingPrice: 5200, beta: 1, iv: 0.15, ...over});
const stock = (over = {}) => position({symbol: "NVDA", underlying: "NVDA", instrumentType: "Equity", right: null, strike: null, expiry: null, quantity: 300, multiplier: 1, underlyingPrice: 900, beta: 1.8, iv: NaN, ...over});

describe("scenarioGrid(book)", () => {
  it("is exactly zero at zero move and zero shock, for every kind of row", () => {
    const positions = [
      spx(),
      stock(),
      position({symbol: "AAPL P", underlying: "AAPL", strike: 180, underlyingPrice: 190, beta: 1.2, iv: 0.3}), // American
      position({broker: "deribit", instrumentType: "CryptoOption", symbol: "BTC-21JUN24-60000-P", underlying: "BTC", strike: 60000, multiplier: 1, quantity: -3, currency: "BTC", underlyingPrice: 65000, beta: 1.6, iv: 0.6})
    ];
    const grid = scenarioGrid(prepareScenarioBook(positions, {asOfMs: AS_OF_MS}));
    const zero = grid.spotMovesPct.indexOf(0) * grid.volShocksPts.length + grid.volShocksPts.indexOf(0);
    expect(grid.pnlUsd[zero]).toBe(0);
  });

  it("moves stock legs exactly by beta x SPY move", () => {
    const grid = scenarioGrid(prepareScenarioBook([stock()], {asOfMs: AS_OF_MS}), {spotMovesPct: [-20, 10], volShocksPts: [0, 20]});
    // 300 shares x 900 x 1.8 x -20% = -97,200; x +10% = +48,600; vol shocks change nothing
    expect([...grid.pnlUsd]).toEqual([-97200, -97200, 48600.00000000001, 48600.00000000001].map((x) => expect.closeTo(x, 6)));
    expect(grid.pnlUsd[0]).toBeCloseTo(300 * 900 * 1.8 * -0.2, 8);
  });

  it("matches an independent Black-Scholes implementation for a European option on a non-dividend forward", () => {
    // SPX with q = 0: Black-76 on F = S e^{rT} equals BSM on S; peer = npm black-scholes
    const book = prepareScenarioBook([spx()], {asOfMs: AS_OF_MS, rate: 0.05});
    const grid = scenarioGrid(book, {spotMovesPct: [-10, 5], volShocksPts: [-5, 10]});
    const base = peer.blackScholes(5200, 5300, T_YEARS, 0.15, 0.05, "call");
    const expected = [
      [5200 * 0.9, 0.1],
      [5200 * 0.9, 0.25],
      [5200 * 1.05, 0.1],
      [5200 * 1.05, 0.25]
    ].map(([s, v]) => 200 * (peer.blackScholes(s, 5300, T_YEARS, v, 0.05, "call") - base));
    for (let c = 0; c < 4; ++c) expect(grid.pnlUsd[c]).toBeCloseTo(expected[c], 6);
  });

  it("agrees with the second-order Taylor expansion for small moves, and differs from it for large ones", () => {
    const book = prepareScenarioBook([spx({quantity: -5, right: "P", strike: 5000})], {asOfMs: AS_OF_MS, rate: 0.04});
    const f = 5200 * Math.exp(0.04 * T_YEARS);
    const g = black76Greeks({right: "P", forward: f, strike: 5000, tYears: T_YEARS, rate: 0.04, vol: 0.15});
    const taylor = (movePct: number, shockPts: number) => {
      const dF = (f * movePct) / 100;
      const dv = shockPts / 100;
      return -500 * (g.delta * dF + 0.5 * g.gamma * dF * dF + g.vegaPerVol * dv + g.vanna * dF * dv + 0.5 * g.volga * dv * dv);
    };
    const small = scenarioGrid(book, {spotMovesPct: [-0.5, 0.5], volShocksPts: [-0.5, 0.5]});
    const cells = [taylor(-0.5, -0.5), taylor(-0.5, 0.5), taylor(0.5, -0.5), taylor(0.5, 0.5)];
    // third-order terms at a 0.5% move: |error| well under 1% of the P&L
    for (let c = 0; c < 4; ++c) expect(Math.abs(small.pnlUsd[c] - cells[c])).toBeLessThan(0.01 * Math.abs(cells[c]));
    const large = scenarioGrid(book, {spotMovesPct: [-20], volShocksPts: [20]});
    // a -20% crash with +20 vol points: the put goes deep in the money, its gamma fades, and the quadratic
    // overstates the loss by far; full repricing stays within the no-arbitrage bound (put <= K e^{-rT})
    expect(Math.abs(large.pnlUsd[0] - taylor(-20, 20))).toBeGreaterThan(0.2 * Math.abs(large.pnlUsd[0]));
    expect(large.pnlUsd[0]).toBeGreaterThan(-500 * 5000 * Math.exp(-0.04 * T_YEARS));
  });

  it("reprices American equity options with Bjerksund-Stensland, as americanPrice does", () => {
    const p = position({symbol: "AAPL P", underlying: "AAPL", strike: 200, underlyingPrice: 190, beta: 1.2, iv: 0.3, quantity: 4});
    const grid = scenarioGrid(prepareScenarioBook([p], {asOfMs: AS_OF_MS, rate: 0.05}), {spotMovesPct: [-10], volShocksPts: [5]});
    const at = (spot: number, vol: number) => americanPrice({right: "P", spot, strike: 200, tYears: T_YEARS, rate: 0.05, vol});
    // AAPL moves 1.2 x -10% = -12%
    expect(grid.pnlUsd[0]).toBeCloseTo(400 * (at(190 * 0.88, 0.35) - at(190, 0.3)), 8);
  });

  it("values Deribit coin options in USD on the index at rate 0, implying the IV from the coin price", () => {
    // 0.03 BTC x 65,000 = $1,950 premium; iv absent, so it is implied from that price
    const p = position({broker: "deribit", instrumentType: "CryptoOption", symbol: "BTC-21JUN24-60000-P", underlying: "BTC", strike: 60000, expiry: "2024-06-21", multiplier: 1, quantity: -3, currency: "BTC", price: 0.03, underlyingPrice: 65000, beta: 1.5, iv: NaN});
    const book = prepareScenarioBook([p], {asOfMs: AS_OF_MS});
    expect(book.n).toBe(1);
    const tYears = (Date.parse("2024-06-21T08:00:00Z") - AS_OF_MS) / (365 * 86_400_000);
    expect(peer.blackScholes(65000, 60000, tYears, book.vol[0], 0, "put")).toBeCloseTo(1950, 6);
    const grid = scenarioGrid(book, {spotMovesPct: [-10], volShocksPts: [0]});
    // BTC moves 1.5 x -10% = -15%; short 3 puts lose
    expect(grid.pnlUsd[0]).toBeCloseTo(-3 * (peer.blackScholes(55250, 60000, tYears, book.vol[0], 0, "put") - 1950), 4);
  });

  it("lists positions it cannot reprice and leaves them out", () => {
    const book = prepareScenarioBook(
      [spx(), stock({beta: NaN}), spx({iv: NaN, price: NaN}), stock({underlyingPrice: NaN})],
      {asOfMs: AS_OF_MS}
    );
    expect(book.n).toBe(1);
    expect(book.missing.map((m) => [m.index, m.reason])).toEqual([
      [1, "no beta to SPY"],
      [2, "no usable implied vol"],
      [3, "no underlying price"]
    ]);
  });

  it("ages options over a horizon: one day costs about theta", () => {
    const p = spx();
    const book = prepareScenarioBook([p], {asOfMs: AS_OF_MS, rate: 0.04});
    const grid = scenarioGrid(book, {spotMovesPct: [0], volShocksPts: [0], horizonDays: 1});
    // spot held fixed (the forward's carry ages too): BSM theta on spot with q = 0; one discrete day vs the
    // instantaneous rate differs by the second time derivative, well under $5 here
    const g = bsmGreeks({right: "C", spot: 5200, strike: 5300, tYears: T_YEARS, rate: 0.04, vol: 0.15});
    expect(grid.pnlUsd[0]).toBeCloseTo(200 * g.thetaPerDay, -1);
    expect(grid.pnlUsd[0]).toBeLessThan(0);
  });

  it("is monotone in the IV shock for long options and linear in size (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 4000, max: 6500, noNaN: true}),
        fc.double({min: 0.05, max: 0.8, noNaN: true}),
        fc.constantFrom<"C" | "P">("C", "P"),
        fc.integer({min: 1, max: 50}),
        (strike, iv, right, qty) => {
          const one = scenarioGrid(prepareScenarioBook([spx({strike, iv, right, quantity: 1})], {asOfMs: AS_OF_MS}));
          const many = scenarioGrid(prepareScenarioBook([spx({strike, iv, right, quantity: qty})], {asOfMs: AS_OF_MS}));
          const nv = one.volShocksPts.length;
          for (let i = 0; i < one.spotMovesPct.length; ++i) {
            for (let j = 1; j < nv; ++j) expect(one.pnlUsd[i * nv + j]).toBeGreaterThanOrEqual(one.pnlUsd[i * nv + j - 1] - 1e-9);
          }
          for (let c = 0; c < one.pnlUsd.length; ++c) expect(many.pnlUsd[c]).toBeCloseTo(qty * one.pnlUsd[c], 6);
        }
      ),
      {numRuns: 60}
    );
  });

  it("reports each row's worst cell", () => {
    const grid = scenarioGrid(prepareScenarioBook([stock(), stock({quantity: -100})], {asOfMs: AS_OF_MS}), {spotMovesPct: [-20, 20], volShocksPts: [0]});
    expect(grid.worstPnlUsd[0]).toBeCloseTo(-97200, 6);
    expect(grid.worstPnlUsd[1]).toBeCloseTo(-100 * 900 * 1.8 * 0.2, 6);
  });
});

describe("prepareScenarioBook(positions)", () => {
  it("shares one row between positions on the same contract, and the grid is unchanged by the merge", () => {
    const positions = [spx({account: "A"}), spx({account: "B", quantity: -5}), spx({strike: 5400}), stock(), stock({account: "B", quantity: 10})];
    const book = prepareScenarioBook(positions, {asOfMs: AS_OF_MS});
    expect(book.n).toBe(3);
    expect([...book.rowOf]).toEqual([0, 0, 1, 2, 2]);
    expect(book.size[0]).toBe(-300);
    const merged = scenarioGrid(book);
    const separate = positions.map((p) => scenarioGrid(prepareScenarioBook([p], {asOfMs: AS_OF_MS})));
    for (let c = 0; c < merged.pnlUsd.length; ++c) expect(merged.pnlUsd[c]).toBeCloseTo(separate.reduce((sum, g) => sum + g.pnlUsd[c], 0), 6);
    for (let p = 0; p < positions.length; ++p) expect(merged.worstPnlUsd[p]).toBeCloseTo(separate[p].worstPnlUsd[0], 6);
  });
});
