import {describe, expect, it} from "vitest";
import {parseDeribitInstrument, toDeribitPositionLegs} from "../../../data-loaders/deribit/positions.js";
import {describeWithSharedData, readSharedText} from "../../helpers/sharedData.js";

const AS_OF = Date.UTC(2019, 2, 1);

describeWithSharedData("toDeribitPositionLegs on Deribit's documented example", () => {
  it("converts the inverse BTC-PERPETUAL from 50 USD to coins via size_currency", () => {
    const [leg] = toDeribitPositionLegs(JSON.parse(readSharedText("api_samples/deribit/get_positions_doc_example.json")), {asOfMs: AS_OF});
    expect(leg).toMatchObject({
      broker: "deribit",
      account: "1234",
      symbol: "BTC-PERPETUAL",
      instrumentType: "Future",
      underlying: "BTC",
      expiry: null,
      quantity: 0.006687487, // size_currency; = 50 USD / 7476.65 mark to 4 digits
      multiplier: 1,
      currency: "USD",
      price: 7476.65,
      costBasis: 7440.18,
      underlyingPrice: 7466.79,
      brokerDelta: 1, // delta 0.006687487 coin / 0.006687487 coin
      brokerGamma: 0
    });
    expect(leg.quantity).toBeCloseTo(50 / 7476.65, 4);
  });
});

describe("toDeribitPositionLegs: options and errors", () => {
  // Shape per Deribit's private/get_positions reference (option positions add gamma, vega, theta, *_usd fields);
  // values constructed for the test: short 2.5 BTC of a 60000 call.
  const option = {
    average_price: 0.05, average_price_usd: 3100, delta: -1.25, direction: "sell", floating_profit_loss: 0.01,
    gamma: -0.0001, index_price: 62000, initial_margin: 0.3, instrument_name: "BTC-27DEC24-60000-C", kind: "option",
    maintenance_margin: 0.2, mark_price: 0.06, settlement_price: 0.055, size: -2.5, theta: 250, total_profit_loss: 0.01, vega: -300
  };
  it("keeps sizes in coin and divides position greeks by the signed quantity", () => {
    const [leg] = toDeribitPositionLegs({jsonrpc: "2.0", id: 1, result: [option]}, {asOfMs: AS_OF, account: "main"});
    expect(leg).toMatchObject({
      account: "main", instrumentType: "CryptoOption", underlying: "BTC", right: "C", strike: 60000, expiry: "2024-12-27",
      quantity: -2.5, currency: "BTC", price: 0.06, brokerDelta: 0.5, brokerGamma: 0.00004, brokerVegaPerVolPt: 120, brokerThetaPerDay: -100
    });
  });
  it("parses instrument names", () => {
    expect(parseDeribitInstrument("ETH-28JUN24-3000-P")).toEqual({base: "ETH", settle: "ETH", expiry: "2024-06-28", strike: 3000, right: "P"});
    expect(parseDeribitInstrument("XRP_USDC-5JAN25-0d625-C")).toEqual({base: "XRP", settle: "USDC", expiry: "2025-01-05", strike: 0.625, right: "C"});
    expect(parseDeribitInstrument("BTC-27DEC24")).toMatchObject({expiry: "2024-12-27", strike: null});
    expect(parseDeribitInstrument("BTC-32XYZ24")).toBeNull();
  });
  it("names the bad field and reports JSON-RPC errors", () => {
    expect(() => toDeribitPositionLegs({result: [{...option, mark_price: "n/a"}]}, {asOfMs: AS_OF})).toThrow('deribit: result[0].mark_price: expected finite number, got "n/a"');
    expect(() => toDeribitPositionLegs({result: [{...option, kind: "future"}]}, {asOfMs: AS_OF})).toThrow('deribit: result[0].instrument_name: "BTC-27DEC24-60000-C" does not match kind "future"');
    expect(() => toDeribitPositionLegs({error: {code: 13009, message: "unauthorized"}}, {asOfMs: AS_OF})).toThrow('deribit: error: JSON-RPC error "unauthorized"');
  });
});
