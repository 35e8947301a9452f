import {describe, expect, it} from "vitest";
import {toTastytradePositionLegs} from "../../../data-loaders/tastytrade/positions.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const AS_OF = Date.UTC(2023, 4, 24, 20);

describeWithSharedData("toTastytradePositionLegs on real captures", () => {
  it("signs the short RIVN put from quantity-direction and parses the padded OCC symbol", () => {
    const [leg] = toTastytradePositionLegs(JSON.parse(readSharedText("api_samples/tastytrade/positions_short_put_rivn_2023-05-24.json")), {asOfMs: AS_OF});
    expect(leg).toEqual({
      broker: "tastytrade",
      account: "5YZ55555",
      symbol: "RIVN  230609P00014000",
      instrumentType: "Option",
      underlying: "RIVN",
      right: "P",
      strike: 14,
      expiry: "2023-06-09",
      quantity: -40,
      multiplier: 100,
      currency: "USD",
      price: 0.41, // close-price (string "0.41")
      costBasis: 0.79,
      underlyingPrice: NaN,
      brokerDelta: NaN,
      brokerGamma: NaN,
      brokerVegaPerVolPt: NaN,
      brokerThetaPerDay: NaN,
      asOfMs: AS_OF
    });
  });

  it("reads equity rows whose multiplier is 1 or the string \"1.0\"", () => {
    const legs = toTastytradePositionLegs(JSON.parse(readSharedText("api_samples/tastytrade/positions_equity_quantconnect_testdata.json")), {asOfMs: AS_OF});
    expect(legs.map((l) => [l.account, l.symbol, l.quantity, l.multiplier, l.price, l.costBasis])).toEqual([
      ["5WX06827", "AAPL", 1, 1, 0, 1],
      ["5WI28167", "TQQQ", 742, 1, 49.39, 52.73]
    ]);
  });
});

describe("toTastytradePositionLegs errors and other instrument types", () => {
  const base = {"account-number": "5A", "instrument-type": "Equity", symbol: "SPY", "underlying-symbol": "SPY", quantity: "3", "quantity-direction": "Long", multiplier: 1, "close-price": "500.0"};
  const wrap = (...items: unknown[]) => ({data: {items}, context: "/accounts/5A/positions"});
  it("prefers mark-price over close-price", () => {
    expect(toTastytradePositionLegs(wrap({...base, "mark-price": "501.5"}), {asOfMs: AS_OF})[0].price).toBe(501.5);
  });
  it("parses future options and reduces the future to its root", () => {
    const [leg] = toTastytradePositionLegs(
      wrap({...base, "instrument-type": "Future Option", symbol: "./ESZ4 EW4Z4 241231P5000", "underlying-symbol": "/ESZ4", multiplier: "50", "quantity-direction": "Short", "expires-at": "2024-12-31T21:00:00.000+00:00"}),
      {asOfMs: AS_OF}
    );
    expect(leg).toMatchObject({instrumentType: "FutureOption", underlying: "/ES", right: "P", strike: 5000, expiry: "2024-12-31", quantity: -3, multiplier: 50});
  });
  it("maps crypto pairs to the coin", () => {
    const [leg] = toTastytradePositionLegs(wrap({...base, "instrument-type": "Cryptocurrency", symbol: "BTC/USD", "underlying-symbol": "BTC/USD", quantity: "0.5"}), {asOfMs: AS_OF});
    expect(leg).toMatchObject({instrumentType: "Crypto", underlying: "BTC", quantity: 0.5});
  });
  it("names the bad field", () => {
    expect(() => toTastytradePositionLegs(wrap(base, {...base, "quantity-direction": "Up"}), {asOfMs: AS_OF})).toThrow(
      'tastytrade: data.items[1].quantity-direction: expected one of "Long", "Short", "Zero", got "Up"'
    );
    expect(() => toTastytradePositionLegs({data: {}}, {asOfMs: AS_OF})).toThrow("tastytrade: data.items: expected array, got undefined");
    expect(() => toTastytradePositionLegs(wrap({...base, "instrument-type": "Equity Option", symbol: "RIVN 14P"}), {asOfMs: AS_OF})).toThrow(
      'tastytrade: data.items[0].symbol: expected OCC option symbol, got "RIVN 14P"'
    );
  });
});
