import {describe, expect, it} from "vitest";
import {toIbkrPositionLegs} from "../../../data-loaders/ibkr/positions.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const AS_OF = Date.UTC(2024, 0, 10, 21);

describeWithSharedData("toIbkrPositionLegs on IBKR's documented examples", () => {
  it("normalises /portfolio/{acct}/positions/0 (three stock rows)", () => {
    const legs = toIbkrPositionLegs(JSON.parse(readSharedText("api_samples/ibkr/portfolio_positions_page0_doc_example.json")), {asOfMs: AS_OF});
    expect(legs.map((l) => [l.symbol, l.underlying, l.instrumentType, l.quantity, l.multiplier])).toEqual([
      ["SPY", "SPY", "Equity", 5, 1],
      ["TSLA", "TSLA", "Equity", 7, 1],
      ["META", "META", "Equity", 11, 1]
    ]);
    expect(legs[0]).toMatchObject({broker: "ibkr", account: "U1234567", currency: "USD", price: 471.16000365, costBasis: 434.93, expiry: null, right: null, strike: null, asOfMs: AS_OF});
    expect(Number.isNaN(legs[0].brokerDelta)).toBe(true);
  });

  it("normalises /position/{conid} (short META put; strike sent as a string)", () => {
    const [leg] = toIbkrPositionLegs(JSON.parse(readSharedText("api_samples/ibkr/position_by_conid_option_doc_example.json")), {asOfMs: AS_OF});
    expect(leg).toMatchObject({
      account: "DU123456",
      symbol: "META240621P00330000",
      instrumentType: "Option",
      underlying: "META",
      right: "P",
      strike: 330,
      expiry: "2024-06-21",
      quantity: -1,
      multiplier: 100,
      price: 0.77968365,
      costBasis: 42.291637 // avgCost 4229.1637 / multiplier 100
    });
  });
});

describe("toIbkrPositionLegs errors and edge cases", () => {
  const row = {acctId: "U1", conid: 1, contractDesc: "SPY", position: 1, mktPrice: 1, currency: "USD", avgPrice: 1, assetClass: "STK", multiplier: null};
  it("accepts an account-keyed object and skips cash and zero rows", () => {
    const legs = toIbkrPositionLegs({U1: [row, {...row, assetClass: "CASH"}, {...row, position: 0}]}, {asOfMs: AS_OF});
    expect(legs).toHaveLength(1);
  });
  it("names the field of a malformed position", () => {
    expect(() => toIbkrPositionLegs([row, {...row, position: "n/a"}], {asOfMs: AS_OF})).toThrow('ibkr: [1].position: expected finite number, got "n/a"');
  });
  it("refuses an option without a right", () => {
    const opt = {...row, assetClass: "OPT", putOrCall: null, strike: 100, expiry: "20240621", multiplier: 100};
    expect(() => toIbkrPositionLegs([opt], {asOfMs: AS_OF})).toThrow('ibkr: [0].putOrCall: expected "C" or "P", got null');
  });
  it("refuses unsupported asset classes instead of dropping risk", () => {
    expect(() => toIbkrPositionLegs([{...row, assetClass: "BOND"}], {asOfMs: AS_OF})).toThrow('ibkr: [0].assetClass: unsupported asset class "BOND"');
  });
  it("writes future underlyings as /ROOT", () => {
    const [leg] = toIbkrPositionLegs([{...row, assetClass: "FUT", contractDesc: "ES DEC2024", multiplier: 50, expiry: "20241220"}], {asOfMs: AS_OF});
    expect(leg).toMatchObject({underlying: "/ES", multiplier: 50, expiry: "2024-12-20", instrumentType: "Future"});
  });
});
