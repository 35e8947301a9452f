import {describe, expect, it} from "vitest";
import {assignStrategyGroups, recognizeStrategies, type StrategyLegInput} from "../../../lib/strategies/recognize.js";

const E1 = "2024-06-21";
const E2 = "2024-07-19";
function opt(right: "C" | "P", strike: number, quantity: number, expiry = E1, underlying = "SPY"): StrategyLegInput {
  return {broker: "ibkr", account: "U1", underlying, symbol: `${underlying}${expiry}${right}${strike}`, instrumentType: "Option", right, strike, expiry, quantity, multiplier: 100};
}
function shares(quantity: number, underlying = "SPY"): StrategyLegInput {
  return {broker: "ibkr", account: "U1", underlying, symbol: underlying, instrumentType: "Equity", right: null, strike: null, expiry: null, quantity, multiplier: 1};
}
const kinds = (legs: StrategyLegInput[]) => recognizeStrategies(legs).map((g) => g.kind).sort();

describe("recognizeStrategies", () => {
  const table: [string, StrategyLegInput[], string[]][] = [
    ["iron condor", [opt("P", 380, 1), opt("P", 390, -1), opt("C", 450, -1), opt("C", 460, 1)], ["iron condor"]],
    ["iron butterfly counts as iron condor", [opt("P", 380, 2), opt("P", 420, -2), opt("C", 420, -2), opt("C", 460, 2)], ["iron condor"]],
    ["reverse iron condor", [opt("P", 380, -1), opt("P", 390, 1), opt("C", 450, 1), opt("C", 460, -1)], ["reverse iron condor"]],
    ["short strangle", [opt("P", 390, -3), opt("C", 450, -3)], ["short strangle"]],
    ["long strangle", [opt("P", 390, 1), opt("C", 450, 1)], ["long strangle"]],
    ["short straddle", [opt("P", 420, -1), opt("C", 420, -1)], ["short straddle"]],
    ["long straddle", [opt("P", 420, 1), opt("C", 420, 1)], ["long straddle"]],
    ["credit put vertical (short the higher put)", [opt("P", 400, -5), opt("P", 390, 5)], ["credit put vertical"]],
    ["debit put vertical", [opt("P", 400, 5), opt("P", 390, -5)], ["debit put vertical"]],
    ["credit call vertical (short the lower call)", [opt("C", 450, -1), opt("C", 460, 1)], ["credit call vertical"]],
    ["debit call vertical", [opt("C", 450, 1), opt("C", 460, -1)], ["debit call vertical"]],
    ["long calendar (long the back month)", [opt("C", 450, -1, E1), opt("C", 450, 1, E2)], ["long calendar"]],
    ["short calendar", [opt("P", 400, 1, E1), opt("P", 400, -1, E2)], ["short calendar"]],
    ["long diagonal", [opt("C", 455, -1, E1), opt("C", 450, 1, E2)], ["long diagonal"]],
    ["jade lizard", [opt("P", 390, -1), opt("C", 450, -1), opt("C", 455, 1)], ["jade lizard"]],
    ["call ratio backspread 1x2", [opt("C", 450, -1), opt("C", 460, 2)], ["call ratio backspread"]],
    ["put ratio backspread 2x3", [opt("P", 400, -2), opt("P", 390, 3)], ["put ratio backspread"]],
    ["covered call", [shares(200), opt("C", 460, -2)], ["covered call"]],
    ["covered call with extra shares", [shares(250), opt("C", 460, -2)], ["covered call", "stock"]],
    ["long put", [opt("P", 400, 4)], ["long put"]],
    ["short call", [opt("C", 400, -1)], ["short call"]],
    ["stock", [shares(-10)], ["stock"]],
    ["three long puts stay singles", [opt("P", 400, 1), opt("P", 390, 2), opt("P", 380, 1, E2)], ["long put", "long put", "long put"]],
    ["risk reversal is custom", [opt("P", 390, -1), opt("C", 450, 1)], ["custom"]],
    ["iron condor of 10 plus 2 extra long calls", [opt("P", 380, 10), opt("P", 390, -10), opt("C", 450, -10), opt("C", 460, 12)], ["iron condor", "long call"]]
  ];
  for (const [name, legs, expected] of table) {
    it(name, () => expect(kinds(legs)).toEqual(expected));
  }

  it("keeps underlyings and accounts apart and nets repeated symbols", () => {
    const legs = [opt("P", 390, -1), opt("P", 390, -1), opt("C", 450, -2), opt("P", 100, 1, E1, "IWM"), {...opt("C", 450, 1), account: "U2"}];
    const groups = recognizeStrategies(legs);
    expect(groups.map((g) => [g.account, g.underlying, g.kind, g.legs])).toEqual([
      ["U1", "SPY", "short strangle", [{symbol: "SPY2024-06-21P390", quantity: -2}, {symbol: "SPY2024-06-21C450", quantity: -2}]],
      ["U1", "IWM", "long put", [{symbol: "IWM2024-06-21P100", quantity: 1}]],
      ["U2", "SPY", "long call", [{symbol: "SPY2024-06-21C450", quantity: 1}]]
    ]);
    expect(groups[0]).toMatchObject({id: "ibkr:U1:SPY:1", matrixNames: ["Strangles", "Short Strangles (Managed)"], label: "short strangle SPY 2024-06-21 P390/C450 x2"});
  });

  it("works on Deribit coin quantities", () => {
    const btc = (right: "C" | "P", strike: number, quantity: number): StrategyLegInput => ({...opt(right, strike, quantity, "2024-12-27", "BTC"), broker: "deribit", multiplier: 1, instrumentType: "CryptoOption"});
    expect(kinds([btc("P", 50000, -0.5), btc("C", 80000, -0.5)])).toEqual(["short strangle"]);
  });

  it("assigns each position the group holding most of it", () => {
    const legs = [opt("P", 380, 10), opt("P", 390, -10), opt("C", 450, -10), opt("C", 460, 12)];
    const groups = recognizeStrategies(legs);
    const assigned = assignStrategyGroups(legs.map((l) => ({...l, strategyGroup: null})), groups);
    expect(assigned.map((p) => p.strategyGroup)).toEqual(["ibkr:U1:SPY:1", "ibkr:U1:SPY:1", "ibkr:U1:SPY:1", "ibkr:U1:SPY:1"]);
  });
});

describe("recognizeStrategies: choosing among decompositions", () => {
  it("leaves the fewest groups: a 1x2 backspread beside a strangle is not broken into singles", () => {
    // P390 -1, C450 -1, C500 -1, C520 +2: strangle + call 1x2 backspread, or jade lizard + call 1x1 vertical (both 2 groups)
    expect(recognizeStrategies([opt("P", 390, -1), opt("C", 450, -1), opt("C", 500, -1), opt("C", 520, 2)])).toHaveLength(2);
  });
  it("finds two iron condors on one underlying", () => {
    const legs = [opt("P", 380, 1), opt("P", 390, -1), opt("C", 450, -1), opt("C", 460, 1), opt("P", 370, 1, E2), opt("P", 380, -1, E2), opt("C", 470, -1, E2), opt("C", 480, 1, E2)];
    expect(kinds(legs)).toEqual(["iron condor", "iron condor"]);
  });
});
