import {black76Greeks} from "../../lib/pricing/black76.js";
import {dayNumber, newYorkTimeToMs} from "./calendarDays.js";
import {CRYPTO_BASIS} from "./chains.js";
import {DEMO_ACCOUNTS, type DemoLeg, fakeConid} from "./book.js";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const round = (x: number, digits: number) => Number(x.toFixed(digits));
/** Tastytrade writes decimals as strings ("0.79"); integers keep one decimal ("0.0"), as in the real payloads. */
const tastyNumber = (x: number) => (Number.isInteger(round(x, 4)) ? round(x, 4).toFixed(1) : String(round(x, 4)));

function occTail(expiry: string, right: string, strike: number): string {
  return `${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}${right}${String(Math.round(strike * 1000)).padStart(8, "0")}`;
}

/**
 * Returns IBKR Client Portal `GET /portfolio/{accountId}/positions/0` (a bare JSON array), with the fields of
 * IBKR's documented page-0 example; option rows use the formats of IBKR's option position example (`expiry`
 * "YYYYMMDD", `strike` a string, `multiplier` 100, `contractDesc` "SPY DEC2026 600 P [SPY 261218P00600000 100]",
 * `avgCost` = avgPrice × multiplier).
 */
export function ibkrPositionsPayload(legs: readonly DemoLeg[]): Record<string, unknown>[] {
  return legs
    .filter((leg) => leg.broker === "ibkr")
    .map((leg) => {
      const q = leg.quote;
      const multiplier = q ? 100 : 1;
      const mktValue = round(leg.qty * leg.markPrice * multiplier, 2);
      const avgCost = leg.avgPrice * multiplier;
      const base = {
        acctId: DEMO_ACCOUNTS.ibkr,
        conid: fakeConid(q ? q.symbol : leg.underlying),
        contractDesc: q
          ? `${leg.underlying} ${MONTHS[Number(q.expiry.slice(5, 7)) - 1]}${q.expiry.slice(0, 4)} ${q.strike} ${q.right} [${leg.underlying} ${occTail(q.expiry, q.right, q.strike)} 100]`
          : leg.underlying,
        position: leg.qty,
        mktPrice: round(leg.markPrice, 8),
        mktValue,
        currency: "USD",
        avgCost: round(avgCost, 8),
        avgPrice: round(leg.avgPrice, 8),
        realizedPnl: 0.0,
        unrealizedPnl: round(mktValue - leg.qty * avgCost, 2),
        exchs: null,
        expiry: q ? q.expiry.replaceAll("-", "") : null,
        putOrCall: q ? q.right : null,
        multiplier: q ? 100 : null,
        strike: q ? String(q.strike) : 0.0,
        exerciseStyle: null,
        conExchMap: [],
        assetClass: q ? "OPT" : "STK",
        undConid: q ? fakeConid(leg.underlying) : 0,
        model: ""
      };
      return base;
    });
}

/**
 * Returns Tastytrade `GET /accounts/{account}/positions`: `{"data": {"items": [...]}, "context": ...}` with
 * kebab-case keys, prices as strings, `quantity` unsigned plus `quantity-direction`, OCC symbols padded to six
 * characters ("SPY   261218P00600000"), `expires-at` at the 16:00 New York close in UTC.
 */
export function tastytradePositionsPayload(legs: readonly DemoLeg[], today: string): Record<string, unknown> {
  const stamp = new Date(newYorkTimeToMs(today, 16, 5)).toISOString().replace("Z", "+00:00");
  const items = legs
    .filter((leg) => leg.broker === "tastytrade")
    .map((leg, i) => {
      const q = leg.quote;
      const opened = new Date(newYorkTimeToMs(today, 10, 30) - (20 + 3 * i) * 86_400_000).toISOString().replace("Z", "+00:00");
      return {
        "account-number": DEMO_ACCOUNTS.tastytrade,
        symbol: q ? `${leg.underlying.padEnd(6, " ")}${occTail(q.expiry, q.right, q.strike)}` : leg.underlying,
        "instrument-type": q ? "Equity Option" : "Equity",
        "underlying-symbol": leg.underlying,
        quantity: Math.abs(leg.qty),
        "quantity-direction": leg.qty < 0 ? "Short" : "Long",
        "close-price": tastyNumber(leg.markPrice),
        "average-open-price": tastyNumber(leg.avgPrice),
        "average-yearly-market-close-price": tastyNumber(leg.avgPrice),
        "average-daily-market-close-price": tastyNumber(leg.markPrice),
        multiplier: q ? 100 : 1,
        "cost-effect": leg.qty < 0 ? "Debit" : "Credit",
        "is-suppressed": false,
        "is-frozen": false,
        "restricted-quantity": 0,
        ...(q ? {"expires-at": new Date(newYorkTimeToMs(q.expiry, 16)).toISOString().replace("Z", "+00:00")} : {}),
        "realized-day-gain": "0.0",
        "realized-day-gain-effect": "None",
        "realized-day-gain-date": today,
        "realized-today": "0.0",
        "realized-today-effect": "None",
        "realized-today-date": today,
        "created-at": opened,
        "updated-at": stamp
      };
    });
  return {data: {items}, context: `/accounts/${DEMO_ACCOUNTS.tastytrade}/positions`};
}

/**
 * Returns Deribit JSON-RPC `private/get_positions` (`{"jsonrpc": "2.0", "id", "result": [...]}`): options with
 * prices in the base coin (mark_price, average_price), signed `size` in coins, position greeks (delta in coins,
 * gamma, vega in USD per vol point, theta in USD per day); the perpetual with the documented future fields and
 * size in USD.
 */
export function deribitPositionsPayload(legs: readonly DemoLeg[], asOfMs: number, spots: Map<string, number>): Record<string, unknown> {
  const result = legs
    .filter((leg) => leg.broker === "deribit")
    .map((leg) => {
      const index = spots.get(leg.underlying)!;
      const q = leg.quote;
      if (!q) {
        const sizeCurrency = leg.qty / leg.markPrice;
        return {
          average_price: round(leg.avgPrice, 2),
          delta: round(sizeCurrency, 9),
          direction: leg.qty > 0 ? "buy" : "sell",
          estimated_liquidation_price: null,
          floating_profit_loss: round(leg.qty / leg.avgPrice - leg.qty / leg.markPrice, 9),
          index_price: round(index, 2),
          initial_margin: round(Math.abs(sizeCurrency) * 0.02, 9),
          instrument_name: `${leg.underlying}-PERPETUAL`,
          interest_value: 0,
          kind: "future",
          leverage: 50,
          maintenance_margin: round(Math.abs(sizeCurrency) * 0.01, 9),
          mark_price: round(leg.markPrice, 2),
          open_orders_margin: 0,
          realized_funding: 0,
          realized_profit_loss: 0,
          settlement_price: round(leg.markPrice, 2),
          size: leg.qty,
          size_currency: round(sizeCurrency, 9),
          total_profit_loss: round(leg.qty / leg.avgPrice - leg.qty / leg.markPrice, 9),
          user_id: DEMO_ACCOUNTS.deribitUserId
        };
      }
      const tYears = Math.max((dayNumber(q.expiry) * 86_400_000 + 8 * 3_600_000 - asOfMs) / (365 * 86_400_000), 1e-6);
      const g = black76Greeks({
        right: q.right,
        forward: index * Math.exp(CRYPTO_BASIS * tYears),
        strike: q.strike,
        tYears,
        rate: CRYPTO_BASIS,
        vol: q.vendorIv
      });
      const markCoin = leg.markPrice / index;
      const avgCoin = leg.avgPrice / index;
      const pnlCoin = leg.qty * (markCoin - avgCoin);
      return {
        average_price: round(avgCoin, 4),
        average_price_usd: round(leg.avgPrice, 2),
        delta: round(leg.qty * g.delta, 5),
        direction: leg.qty > 0 ? "buy" : "sell",
        floating_profit_loss: round(pnlCoin, 8),
        floating_profit_loss_usd: round(pnlCoin * index, 2),
        gamma: round(leg.qty * g.gamma, 8),
        index_price: round(index, 2),
        initial_margin: round(leg.qty < 0 ? Math.abs(leg.qty) * (0.15 + markCoin) : 0, 8),
        instrument_name: q.symbol,
        kind: "option",
        maintenance_margin: round(leg.qty < 0 ? Math.abs(leg.qty) * (0.075 + markCoin) : 0, 8),
        mark_price: round(markCoin, 4),
        open_orders_margin: 0,
        realized_profit_loss: 0,
        settlement_price: round(markCoin, 4),
        size: leg.qty,
        theta: round(leg.qty * g.thetaPerDay, 5),
        total_profit_loss: round(pnlCoin, 8),
        vega: round(leg.qty * g.vegaPerVolPt, 5),
        user_id: DEMO_ACCOUNTS.deribitUserId
      };
    });
  return {jsonrpc: "2.0", id: 2236, result};
}
